using TreatyWatch.Engine.Data;

namespace TreatyWatch.Benchmarks;

/// <summary>The repository's data/ folder, found by walking up from the binary to the folder with TreatyWatch.slnx.</summary>
public static class BundledData
{
    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "data");

    /// <summary>Every data file's text, read once (the parse benchmark parses these in-memory texts).</summary>
    public static IReadOnlyList<DataFile> ReadFiles() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new DataFile(Path.GetRelativePath(Folder, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

    public static Catalog Load() => CatalogParser.Parse(ReadFiles());

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}
