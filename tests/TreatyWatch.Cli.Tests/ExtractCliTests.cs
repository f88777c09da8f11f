using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Spectre.Console.Testing;
using Xunit;

namespace TreatyWatch.Cli.Tests;

public class ExtractCliTests
{
    private static string Root() => RepoRoot.Folder;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run([.. args, "--data", Path.Combine(Root(), "data")], new CliContext(new TestConsole(), output, error, new LocalDate(2026, 1, 1)));
        return (code, output.ToString(), error.ToString());
    }

    // A short article written for this test (no third-party text in the repository).
    private const string Article = """
        Riga, 16 April 2025

        Latvia's parliament, the Saeima, on Wednesday voted to withdraw from the Ottawa Convention banning anti-personnel mines.
        Norway said it would not leave the treaty.
        """;

    [Fact]
    public void Extract_Jsonl_GivesOneObjectPerArticle_WithEvidenceAtItsOffsets()
    {
        var dir = Directory.CreateTempSubdirectory("tw-extract");
        var file = Path.Combine(dir.FullName, "latvia.txt");
        File.WriteAllText(file, Article);
        try
        {
            var (code, output, err) = Run("extract", file, "--format", "jsonl");
            Assert.True(code == 0, err);
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var doc = JsonDocument.Parse(line).RootElement;
            Assert.Equal("latvia.txt", doc.GetProperty("file").GetString());
            var ev = Assert.Single(doc.GetProperty("events").EnumerateArray());
            Assert.Equal("LVA", ev.GetProperty("state").GetString());
            Assert.Equal("apmbc", ev.GetProperty("treaty").GetString());
            Assert.Equal("parliament_vote_withdraw", ev.GetProperty("action").GetString());
            Assert.Equal("2025-04-16", ev.GetProperty("date").GetString());
            var start = ev.GetProperty("start").GetInt32();
            var end = ev.GetProperty("end").GetInt32();
            Assert.Equal(ev.GetProperty("evidence").GetString(), Article[start..end]);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Eval_ScoresAgainstGold_AndFailsBelowTheFloor()
    {
        var dir = Directory.CreateTempSubdirectory("tw-eval");
        File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), Article);
        var gold = Path.Combine(dir.FullName, "gold.jsonl");
        File.WriteAllText(gold, """{"file": "a.txt", "published": "2025-04-16", "events": [{"state": "LVA", "treaty": "apmbc", "action": "parliament_vote_withdraw", "date": "2025-04-16", "evidence": "x"}, {"state": "LVA", "treaty": "apmbc", "action": "law_signed", "date": "2025-04-24", "evidence": "y"}]}""" + "\n");
        try
        {
            var (code, output, _) = Run("eval", "--gold", gold, dir.FullName, "-f", "json");
            Assert.Equal(0, code);
            var doc = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1.0, doc.GetProperty("precision").GetDouble());
            Assert.Equal(0.5, doc.GetProperty("recall").GetDouble());
            var (failCode, _, err) = Run("eval", "--gold", gold, dir.FullName, "--min-f1", "0.9");
            Assert.Equal(1, failCode);
            Assert.Contains("below --min-f1", err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Extract_MissingPath_ExitsTwoNamingIt()
    {
        var (code, _, err) = Run("extract", "/no/such/article.txt");
        Assert.Equal(2, code);
        Assert.Contains("'/no/such/article.txt' is neither a file nor a folder", err, StringComparison.Ordinal);
    }
}
