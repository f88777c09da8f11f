using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using Xunit;

namespace TreatyWatch.Engine.Tests.Data;

/// <summary>A data folder's sources may carry their details in optional columns; the loader reads them or names the bad line.</summary>
public sealed class SourceDetailsTests
{
    private static List<DataFile> BundledWith(string sourcesCsv) =>
    [
        .. Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
            .Select(p => new DataFile(Path.GetRelativePath(RepoPaths.Data, p).Replace('\\', '/'), File.ReadAllText(p))),
        new DataFile("sources/extra.csv", sourcesCsv),
    ];

    private const string Header = "key,kind,title,url,published,cn_number,outlet,quote,quote_start,quote_end\n";

    [Fact]
    public void The_optional_columns_are_read_and_the_bundled_sources_have_none()
    {
        var catalog = CatalogParser.Parse(BundledWith(Header +
            "x-news,news,Seimas votes to leave,https://example.org/x,2025-05-08,,example.org,\"The Seimas voted, 107 to 0, to leave.\",12,50\n" +
            "x-cn,depositary,Notification,,2025-06-27,C.N.123.2025.TREATIES-XXVI.5,,,,\n"));

        var news = catalog.Sources["x-news"];
        Assert.Equal(("example.org", "The Seimas voted, 107 to 0, to leave.", 12, 50, (string?)null),
            (news.Outlet, news.Quote, news.QuoteStart, news.QuoteEnd, news.CnNumber));
        Assert.Equal(PartialDate.Parse("2025-05-08"), news.Published);
        Assert.Equal(new Source("x-cn", SourceKind.Depositary, "Notification", null, PartialDate.Parse("2025-06-27")) { CnNumber = "C.N.123.2025.TREATIES-XXVI.5" }, catalog.Sources["x-cn"]);
        Assert.All(catalog.Sources.Values.Where(s => !s.Key.StartsWith("x-", StringComparison.Ordinal)),
            s => Assert.True(s.CnNumber is null && s.Outlet is null && s.Quote is null && s.QuoteStart is null && s.QuoteEnd is null, s.Key));
    }

    [Theory]
    [InlineData("x,news,A,,,,,,twelve,", "sources/extra.csv:2: quote_start 'twelve' is not a whole number of characters (0 or more)")]
    [InlineData("x,news,A,,,,,,,-1", "sources/extra.csv:2: quote_end '-1' is not a whole number of characters (0 or more)")]
    [InlineData("x,news,A,,,,,,50,12", "sources/extra.csv:2: quote_end 12 is before quote_start 50")]
    public void A_bad_offset_is_named_by_file_and_line(string row, string expected)
    {
        var e = Assert.Throws<DataException>(() => CatalogParser.Parse(BundledWith(Header + row + "\n")));
        Assert.Equal(expected, Assert.Single(e.Errors).ToString());
    }
}
