using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger.Import;

/// <summary>The outcome of importing a folder: one result per table, in file-name order.</summary>
public sealed record UntcFolderResult(IReadOnlyList<UntcImportResult> Tables)
{
    /// <summary>The tables that imported.</summary>
    public IEnumerable<UntcImportResult> Succeeded => Tables.Where(t => t.Ok);

    /// <summary>The tables that failed: nothing of them is to be stored.</summary>
    public IEnumerable<UntcImportResult> Failed => Tables.Where(t => !t.Ok);

    /// <summary>Every error, each naming its file and line.</summary>
    public IEnumerable<DataError> Errors => Tables.SelectMany(t => t.Errors);

    /// <summary>Actions of the tables that imported.</summary>
    public IEnumerable<TreatyAction> Actions => Succeeded.SelectMany(t => t.Actions);
}

/// <summary>
/// Imports a folder in the form of <c>../shared/untc-2015/</c>: <c>index.csv</c> beside <c>treaties/*.csv</c>. Pure: the
/// caller reads the files. A table with an error fails alone; the others import.
/// </summary>
public static class UntcFolderImporter
{
    /// <summary>Imports every table.</summary>
    /// <param name="importer">The importer (states, treaties, options).</param>
    /// <param name="indexFileName">The index's name for messages (<c>index.csv</c>).</param>
    /// <param name="indexText">The index; a malformed index throws <see cref="DataException"/>: no table can be identified without it.</param>
    /// <param name="tables">The tables: their paths (only the file name is used to find the index entry) and texts.</param>
    /// <param name="treatyIds">Optional treaty ids by table file name (<c>26-5.csv</c> → <c>apmbc</c>), overriding the mapping by reference.</param>
    public static UntcFolderResult Import(
        UntcTableImporter importer,
        string indexFileName,
        string indexText,
        IEnumerable<DataFile> tables,
        IReadOnlyDictionary<string, string>? treatyIds = null)
    {
        var index = UntcIndex.Parse(indexFileName, indexText);
        var results = new List<UntcImportResult>();
        foreach (var table in tables.OrderBy(t => t.Path, StringComparer.Ordinal))
        {
            var name = FileName(table.Path);
            var id = treatyIds?.GetValueOrDefault(name);
            if (!index.TryGetValue(name, out var entry) && id is null)
            {
                results.Add(new UntcImportResult(table.Path, null, null, [], new UntcImportReport(),
                [
                    new DataError(table.Path, 1, $"the treaty of this table cannot be identified: {name} has no entry in {indexFileName}, and no treaty id was given"),
                ]));
                continue;
            }

            results.Add(importer.Import(table.Path, table.Text, entry, id));
        }

        return new UntcFolderResult(results);
    }

    private static string FileName(string path)
    {
        var p = path.Replace('\\', '/');
        return p[(p.LastIndexOf('/') + 1)..];
    }
}
