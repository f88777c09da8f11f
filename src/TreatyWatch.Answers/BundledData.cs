using TreatyWatch.Engine.Data;

namespace TreatyWatch.Answers;

/// <summary>Finds and reads the data folder: <c>--data</c>, then TREATYWATCH_DATA, then the copy shipped beside the program.</summary>
public static class BundledData
{
    /// <summary>The data folder to use.</summary>
    /// <param name="environment">Reads TREATYWATCH_DATA (default: the process's environment).</param>
    public static string Locate(string? explicitPath, Func<string, string?>? environment = null)
    {
        var candidate = explicitPath ?? (environment ?? Environment.GetEnvironmentVariable)("TREATYWATCH_DATA");
        if (!string.IsNullOrWhiteSpace(candidate))
        {
            if (!Directory.Exists(Path.Combine(candidate, "treaties")))
                throw new UserInputException($"data folder '{candidate}' has no treaties/ folder");
            return Path.GetFullPath(candidate);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "data");
        if (Directory.Exists(Path.Combine(shipped, "treaties"))) return shipped;
        throw new UserInputException($"no data folder found (looked in {shipped}); pass --data <folder> or set TREATYWATCH_DATA");
    }

    /// <summary>Reads every data file under a folder and parses the catalog (each treaty's actions on first use).</summary>
    public static Catalog Load(string folder, bool lazyActions = true) => CatalogParser.Parse(Files(folder), lazyActions);

    /// <summary>
    /// A cheap fingerprint of a data folder, from each file's path, size and last write time (no file is read): when
    /// it is unchanged, the content hash computed last time still holds (see <see cref="LedgerSetup.Open"/>).
    /// </summary>
    public static string Fingerprint(string folder)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
                     .Select(p => new FileInfo(p))
                     .OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            sb.Append(Path.GetRelativePath(folder, f.FullName).Replace('\\', '/')).Append('\0').Append(f.Length).Append('\0')
                .Append(f.LastWriteTimeUtc.Ticks).Append('\n');
        }

        // Managed SHA-256: this runs on every query's start, and the framework's would load OpenSSL.
        return TreatyWatch.Ledger.Sha256.HexOf(sb.ToString());
    }

    /// <summary>Every data file under a folder (paths relative to it, with '/').</summary>
    public static IReadOnlyList<DataFile> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Select(p => new DataFile(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
}

/// <summary>Bad input from the user: the message names the input and the problem; exit code 2.</summary>
public sealed class UserInputException(string message) : Exception(message);

/// <summary>The ledger cannot be reached or opened (a server that does not answer, a file that cannot be written); exit code 1.</summary>
public sealed class LedgerUnavailableException(string message, Exception inner) : Exception(message, inner);
