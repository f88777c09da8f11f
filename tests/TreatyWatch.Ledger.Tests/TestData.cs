using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger.Tests;

/// <summary>The bundled data files, and a tiny data set for tests of the ledger's mechanics.</summary>
public static class TestData
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<IReadOnlyList<DataFile>> BundledFiles = new(() => Read(Path.Combine(Root, "data")));
    private static readonly Lazy<Catalog> BundledParsed = new(() => CatalogParser.Parse(BundledFiles.Value));

    /// <summary>Every file under data/, as the CLI reads them.</summary>
    public static IReadOnlyList<DataFile> Bundled => BundledFiles.Value;

    /// <summary>The file-based catalog: what the ledger must reproduce.</summary>
    public static Catalog BundledCatalog => BundledParsed.Value;

    public static IReadOnlyList<DataFile> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Select(p => new DataFile(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

    /// <summary>Seven states, the Ottawa Convention's rules, seven instruments, two sources.</summary>
    public static List<DataFile> Tiny() =>
    [
        new("states/states.csv",
            """
            iso3,name,aliases,demonyms,capitals,parliaments,from,until,predecessors,note
            LTU,Lithuania,Lietuva,Lithuanian,Vilnius,Seimas,,,,
            NZL,New Zealand,Aotearoa,New Zealander,Wellington,House of Representatives,,,,
            FIN,Finland,Suomi,Finnish,Helsinki,Eduskunta,,,,
            EST,Estonia,Eesti,Estonian,Tallinn,Riigikogu,,,,
            LVA,Latvia,Latvija,Latvian,Riga,Saeima,,,,
            POL,Poland,Polska,Polish,Warsaw,Sejm;Senate,,,,
            UKR,Ukraine,Ukraina,Ukrainian,Kyiv,Verkhovna Rada,,,,

            """),
        new("states/groups.csv", "name,aliases,members,note\nBaltic states,the Baltics,EST;LVA;LTU,\n"),
        new("treaties/apmbc.treaty", File.ReadAllText(Path.Combine(Root, "data", "treaties", "apmbc.treaty"))),
        new("sources/tiny.csv",
            """
            key,kind,title,url,published
            cn1,depositary,C.N.1.2025.TREATIES-XXVI.5,https://example.org/cn1,2025-01-01
            news1,news,A report,https://example.org/news1,2025-01

            """),
        new("actions/apmbc.csv",
            """
            state,action,date,known,detail,source,note
            LTU,sign,1999-02-26,,,cn1,
            LTU,ratify,2003-05-12,,,cn1,
            NZL,ratify,1999-01-27,,,cn1,
            FIN,accede,2012-01-09,,,cn1,
            EST,accede,2004-05-12,,,cn1,
            LVA,accede,2005-07-01,,,cn1;https://example.org/lva,
            POL,ratify,2012-12-27,,,cn1,

            """),
        new("armed-conflicts.csv", "state,start,end,name,source,note\nUKR,2014-02-20,,Russia-Ukraine,news1,\n"),
    ];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}
