using TreatyWatch.Engine.Data;

namespace TreatyWatch.Engine.Tests;

/// <summary>Finds the repository (the folder with TreatyWatch.slnx) and ../shared beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    /// <summary>../shared; under CI=true a missing folder fails the test instead of letting it pass quietly.</summary>
    public static string? Shared()
    {
        var p = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        if (Directory.Exists(p)) return p;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"../shared is required under CI=true and is missing: {p}");
        return null;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }

    private static readonly Lazy<Catalog> Bundled = new(() => LoadCatalog(Data));

    /// <summary>The bundled data, parsed once.</summary>
    public static Catalog BundledCatalog => Bundled.Value;

    public static Catalog LoadCatalog(string folder) => CatalogParser.Parse(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Select(p => new DataFile(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText(p))));
}
