using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Ledger.Tests.Import;

/// <summary>
/// The repository (the folder with TreatyWatch.slnx), its bundled data loaded as the engine's tests load it, and
/// ../shared beside it: under CI=true a missing ../shared fails the test that needs it, elsewhere that test returns early.
/// </summary>
public static class ImportPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static readonly Lazy<IReadOnlyList<DataFile>> BundledFiles = new(() =>
        Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Select(p => new DataFile(Path.GetRelativePath(Data, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList());

    private static readonly Lazy<Catalog> Bundled = new(() => CatalogParser.Parse(BundledFiles.Value));

    /// <summary>Every file under data/.</summary>
    public static IReadOnlyList<DataFile> Files => BundledFiles.Value;

    /// <summary>The bundled data, parsed once.</summary>
    public static Catalog Catalog => Bundled.Value;

    /// <summary>../shared/untc-2015, or null when ../shared is missing outside CI.</summary>
    public static string? Untc2015()
    {
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        var untc = Path.Combine(shared, "untc-2015");
        if (Directory.Exists(untc)) return untc;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"{untc} is required under CI=true and is missing");
        return null;
    }

    /// <summary>The bundled Ottawa Convention definition (untc: XXVI-5).</summary>
    public static TreatyDefinition Apmbc() =>
        TreatyDefinitionParser.Parse("treaties/apmbc.treaty", File.ReadAllText(Path.Combine(Data, "treaties", "apmbc.treaty")));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A few states for small tables.</summary>
public static class TinyStates
{
    public static IReadOnlyList<State> All { get; } =
    [
        new() { Iso3 = "AFG", Name = "Afghanistan" },
        new() { Iso3 = "ALB", Name = "Albania" },
        new() { Iso3 = "AUT", Name = "Austria" },
        new() { Iso3 = "BEL", Name = "Belgium" },
        new() { Iso3 = "BOL", Name = "Bolivia (Plurinational State of)", Aliases = ["Bolivia", "Plurinational State of Bolivia"] },
        new() { Iso3 = "CIV", Name = "Côte d'Ivoire", Aliases = ["Ivory Coast"] },
        new() { Iso3 = "DEU", Name = "Germany", Aliases = ["Federal Republic of Germany"] },
        new() { Iso3 = "FRA", Name = "France" },
        new() { Iso3 = "LTU", Name = "Lithuania", Aliases = ["Lietuva"] },
        new() { Iso3 = "MDA", Name = "Republic of Moldova", Aliases = ["Moldova"] },
        new() { Iso3 = "NOR", Name = "Norway" },
        new() { Iso3 = "SRB", Name = "Serbia" },
        new() { Iso3 = "TUR", Name = "Türkiye", Aliases = ["Turkey"] },
    ];

    public static IReadOnlyDictionary<string, State> ByIso3 { get; } = All.ToDictionary(s => s.Iso3);
}
