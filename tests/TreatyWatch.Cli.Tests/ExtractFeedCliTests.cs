using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Spectre.Console.Testing;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary><c>extract</c> over feed files: each item is an article, dated by the feed.</summary>
public sealed class ExtractFeedCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tw-extract-feed");

    public void Dispose() => _dir.Delete(true);

    private static string Root() => RepoRoot.Folder;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run([.. args, "--data", Path.Combine(Root(), "data")], new CliContext(new TestConsole(), output, error, new LocalDate(2026, 1, 1)));
        return (code, output.ToString(), error.ToString());
    }

    // A feed written for this test: the item's text says "on Wednesday"; only the feed's pubDate dates it.
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Test desk</title>
            <item>
              <title>Saeima votes</title>
              <link>https://example.org/a</link>
              <pubDate>Thu, 17 Apr 2025 08:00:00 +0300</pubDate>
              <description>&lt;p&gt;Latvia's parliament, the Saeima, on Wednesday voted to withdraw from the Ottawa Convention banning anti-personnel mines.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Nothing to report</title>
              <pubDate>Fri, 18 Apr 2025 08:00:00 +0300</pubDate>
              <description>Markets were calm on Friday.</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Extract_Feed_GivesOneObjectPerItem_DatedByTheFeed()
    {
        var file = Path.Combine(_dir.FullName, "desk.rss");
        File.WriteAllText(file, Feed);

        var (code, output, err) = Run("extract", file, "--format", "jsonl");

        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["desk.rss#1", "desk.rss#2"], lines.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal("2025-04-17", lines[0].GetProperty("published").GetString());
        var ev = Assert.Single(lines[0].GetProperty("events").EnumerateArray());
        Assert.Equal(("LVA", "parliament_vote_withdraw", "2025-04-16"),
            (ev.GetProperty("state").GetString(), ev.GetProperty("action").GetString(), ev.GetProperty("date").GetString()));
        Assert.Empty(lines[1].GetProperty("events").EnumerateArray());
    }

    [Fact]
    public void Extract_MalformedFeed_ExitsTwoNamingTheFileAndLine()
    {
        var file = Path.Combine(_dir.FullName, "broken.xml");
        File.WriteAllText(file, "<rss version=\"2.0\"><channel>\n<item><title>One</title>\n</channel></rss>\n");

        var (code, _, err) = Run("extract", file);

        Assert.Equal(2, code);
        Assert.Contains($"{file}:3: malformed feed", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractJsonLines_StreamsEachArticleAsRead_SoAMalformedFeedLaterStopsTheRunAfterTheEarlierLines()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "a.rss"), Feed);
        File.WriteAllText(Path.Combine(_dir.FullName, "b.rss"), "<rss version=\"2.0\"><channel><item><title>cut off");

        var lines = Run("extract", _dir.FullName, "--format", "jsonl");
        Assert.Equal(2, lines.Code);
        Assert.Contains("b.rss", lines.Err, StringComparison.Ordinal);
        Assert.Equal(["a.rss#1", "a.rss#2"], lines.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()));

        // A JSON array is all or nothing: no half array before the error.
        var array = Run("extract", _dir.FullName, "--format", "json");
        Assert.Equal(2, array.Code);
        Assert.Equal("", array.Out);
    }
}
