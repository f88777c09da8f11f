namespace TreatyWatch.Engine.Data;

/// <summary>A place in a data file and what is wrong there.</summary>
/// <param name="File">The file name as the caller gave it.</param>
/// <param name="Line">1-based line; 0 when the problem is the whole file.</param>
/// <param name="Reason">What is wrong, in words a data editor can act on.</param>
public sealed record DataError(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Thrown when data does not parse or does not make sense; carries every problem found.</summary>
public sealed class DataException(IReadOnlyList<DataError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the data:\n" + string.Join('\n', errors.Take(50)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DataError> Errors { get; } = errors;
}
