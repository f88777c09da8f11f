using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Spectre.Console.Testing;
using Xunit;

namespace TreatyWatch.Cli.Tests;

public class CliTests
{
    private static readonly string Data = FindData();
    private static readonly string Home = Directory.CreateTempSubdirectory("treatywatch-clitests-home-").FullName;

    private static string FindData() => Path.Combine(RepoRoot.Folder, "data");

    private static (int Code, string Out, string Err, string Screen) Run(params string[] args) => RunWith(Data, args);

    private static (int Code, string Out, string Err, string Screen) RunWith(string data, params string[] args)
    {
        var console = new TestConsole().Width(120);
        var output = new StringWriter();
        var error = new StringWriter();
        // The commands see a temporary HOME and nothing else: never the real home folder.
        var ctx = new CliContext(console, output, error, new LocalDate(2026, 11, 23), environment: name => name == "HOME" ? Home : null);
        var code = CliApp.Run([.. args, "--data", data], ctx);
        return (code, output.ToString(), error.ToString(), console.Output);
    }

    [Fact]
    public void Status_Json_HasTheStableContract()
    {
        var (code, output, _, _) = Run("status", "lithuania", "Ottawa Treaty", "--on", "2026-01-01", "--format", "json");
        Assert.Equal(0, code);
        var doc = JsonDocument.Parse(output).RootElement;
        Assert.Equal("LTU", doc.GetProperty("state").GetString());
        Assert.Equal("apmbc", doc.GetProperty("treaty").GetString());
        Assert.Equal("2026-01-01", doc.GetProperty("on").GetString());
        Assert.Equal("withdrawn", doc.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("inForceSince").ValueKind);
        Assert.Equal("2025-12-27", doc.GetProperty("withdrawalEffective").GetString());
        Assert.Equal("parliament_vote_withdraw", doc.GetProperty("latestDomesticStep").GetProperty("action").GetString());
        Assert.Equal(107, doc.GetProperty("latestDomesticStep").GetProperty("votes").GetProperty("for").GetInt32());
        Assert.True(doc.GetProperty("reasons").GetArrayLength() >= 3);
        Assert.All(doc.GetProperty("reasons").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("text").GetString())));
    }

    [Theory]
    [InlineData("LTU", "apmbc")]
    [InlineData("Lithuania", "mine ban treaty")]
    [InlineData("lithuanian", "APMBC")]
    [InlineData("LIETUVA", "Ottawa Convention")]
    [InlineData("Lithuania", "Ottawa Convention")]
    public void Status_AcceptsCodesNamesAndAliasesInAnyCase(string state, string treaty)
    {
        var (code, output, _, _) = Run("status", state, treaty, "--on", "2025-12-26", "-f", "csv");
        Assert.Equal(0, code);
        Assert.Contains("LTU,apmbc,2025-12-26,withdrawal_pending,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_Table_ShowsStatusReasonsAndSources()
    {
        var (code, _, _, screen) = Run("status", "UKR", "apmbc", "--on", "2026-06-01");
        Assert.Equal(0, code);
        Assert.Contains("party — bound", screen, StringComparison.Ordinal);
        Assert.Contains("does not provide for suspension", screen, StringComparison.Ordinal);
        Assert.Contains("Sources", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownState_ExitsTwo_WithDidYouMean()
    {
        var (code, _, err, _) = Run("status", "Lithuaina", "apmbc");
        Assert.Equal(2, code);
        Assert.Contains("unknown state 'Lithuaina'", err, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Lithuania'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTreaty_ExitsTwo_WithDidYouMean()
    {
        var (code, _, err, _) = Run("status", "LTU", "Otawa Treaty");
        Assert.Equal(2, code);
        Assert.Contains("unknown treaty 'Otawa Treaty'", err, StringComparison.Ordinal);
        Assert.Contains("Ottawa", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-30", "does not exist")]
    [InlineData("2025-13-01", "has no month 13")]
    [InlineData("tomorrow", "is not a date")]
    public void ImpossibleDate_ExitsTwo_NamingTheOptionAndInput(string date, string why)
    {
        var (code, _, err, _) = Run("status", "LTU", "apmbc", "--on", date);
        Assert.Equal(2, code);
        Assert.Contains("--on", err, StringComparison.Ordinal);
        Assert.Contains(date, err, StringComparison.Ordinal);
        Assert.Contains(why, err, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedDefinition_ExitsThree_NamingFileAndLine()
    {
        var copy = Path.Combine(Path.GetTempPath(), "tw-data-" + Guid.NewGuid().ToString("N"));
        foreach (var f in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Data, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }

        var treaty = Path.Combine(copy, "treaties", "apmbc.treaty");
        var lines = File.ReadAllLines(treaty).ToList();
        var i = lines.FindIndex(l => l.StartsWith("withdrawal [", StringComparison.Ordinal));
        lines[i] = "withdrawal [Art. 20(3)]: six months after the receipt";
        File.WriteAllLines(treaty, lines);
        try
        {
            var (code, _, err, _) = RunWith(copy, "status", "LTU", "apmbc");
            Assert.Equal(3, code);
            Assert.Contains($"treaties/apmbc.treaty:{i + 1}:", err, StringComparison.Ordinal);
            Assert.Contains("not a date expression", err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void MalformedActionRow_ExitsThree_NamingFileAndLine_AndCheckFindsItToo()
    {
        var copy = Path.Combine(Path.GetTempPath(), "tw-data-" + Guid.NewGuid().ToString("N"));
        foreach (var f in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Data, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }

        File.AppendAllText(Path.Combine(copy, "actions", "ccm.csv"), "LTU,ratify,2025-02-30,,,untc_xxvi6_2013,\n");
        var line = File.ReadAllLines(Path.Combine(copy, "actions", "ccm.csv")).Length;
        try
        {
            var (code, _, err, _) = RunWith(copy, "status", "LTU", "ccm");
            Assert.Equal(3, code);
            Assert.Contains($"actions/ccm.csv:{line}: date: '2025-02-30' does not exist", err, StringComparison.Ordinal);
            var (checkCode, _, checkErr, _) = RunWith(copy, "check");
            Assert.Equal(3, checkCode);
            Assert.Contains("actions/ccm.csv", checkErr, StringComparison.Ordinal);
            // Other treaties still answer: the bad file does not take the others down with it.
            Assert.Equal(0, RunWith(copy, "status", "LTU", "apmbc").Code);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Parties_Json_IsAnArrayOfStatusObjects()
    {
        var (code, output, _, _) = Run("parties", "apmbc", "--on", "2026-02-20", "-f", "json");
        Assert.Equal(0, code);
        var arr = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Array, arr.ValueKind);
        var bound = arr.EnumerateArray().Count(e => e.GetProperty("bound").GetBoolean());
        Assert.Equal(161, bound);
        Assert.Contains(arr.EnumerateArray(), e => e.GetProperty("state").GetString() == "POL" && e.GetProperty("status").GetString() == "withdrawn");
    }

    [Fact]
    public void Diff_ShowsWhoLeft()
    {
        var (code, output, _, _) = Run("diff", "apmbc", "--from", "2025-12-01", "--to", "2026-03-01", "-f", "csv");
        Assert.Equal(0, code);
        foreach (var s in new[] { "EST", "LVA", "LTU", "FIN", "POL" }) Assert.Contains($"{s},withdrawal_pending,withdrawn,left", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UKR", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_ListsWithdrawalsStillToCome()
    {
        var (code, output, _, _) = Run("pending", "--treaty", "apmbc", "--on", "2025-09-01", "-f", "csv");
        Assert.Equal(0, code);
        Assert.Contains("2025-12-27,apmbc,LTU,withdrawal takes effect", output, StringComparison.Ordinal);
        Assert.Contains("2026-02-20,apmbc,POL,withdrawal takes effect", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_Table_CitesTheLatestDomesticStepsSources_AndWrapsReasonsUnderTheirText()
    {
        var (code, _, _, screen) = Run("status", "LTU", "apmbc", "--on", "2025-06-01");
        Assert.Equal(0, code);
        var lines = screen.Split('\n');
        var step = Assert.Single(lines, l => l.StartsWith("Latest domestic step", StringComparison.Ordinal));
        var refs = System.Text.RegularExpressions.Regex.Match(step, @"\[(\d+(, \d+)*)\]\s*$");
        Assert.True(refs.Success, step);
        // The vote's sources are listed under those numbers: the Seimas vote reported by delfi.lt among them.
        var numbers = refs.Groups[1].Value.Split(", ").Select(int.Parse).ToList();
        Assert.Contains(numbers, n => lines.Any(l => l.TrimStart().StartsWith($"[{n}]", StringComparison.Ordinal) && l.Contains("delfi.lt", StringComparison.Ordinal)));

        // A reason too long for one line goes on under its own text, not under its number.
        var (_, _, _, ukraine) = Run("status", "UKR", "apmbc", "--on", "2026-06-01");
        var why = ukraine.Split('\n').SkipWhile(l => !l.StartsWith("Why", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.Contains(why, l => l.StartsWith("     ", StringComparison.Ordinal) && l.Trim().Length > 0);
        Assert.All(why, l => Assert.Matches(@"^(\s{1,2}\d{1,2}\. |\s{5}\S)", l));
    }

    [Fact]
    public void Pending_WithNothingToCome_SaysSo_WithoutAnEmptyTable()
    {
        var (code, _, _, screen) = Run("pending", "--treaty", "apmbc", "--on", "2030-01-01");
        Assert.Equal(0, code);
        Assert.Contains("Nothing pending on record.", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("event", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ListsStepsInOrder()
    {
        var (code, output, _, _) = Run("timeline", "Lithuania", "--treaty", "apmbc", "-f", "json");
        Assert.Equal(0, code);
        var dates = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.OrderBy(d => d, StringComparer.Ordinal), dates);
        Assert.Contains("withdrawal takes effect (computed)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Treaties_And_States_List()
    {
        var (code, output, _, _) = Run("treaties", "-f", "csv");
        Assert.Equal(0, code);
        Assert.Contains("apmbc,Ottawa Convention,1999-03-01", output, StringComparison.Ordinal);
        var (code2, output2, _, _) = Run("states", "baltic", "-f", "csv");
        Assert.Equal(0, code2);
        Assert.StartsWith("iso3,name", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BundledData_HasNoProblems()
    {
        var (code, _, err, _) = Run("check");
        Assert.True(code == 0, err);
    }
}

public class LookupSuggestionTests
{
    [Fact]
    public void PartialTreatyName_SuggestsTheTreatyContainingIt()
    {
        var console = new Spectre.Console.Testing.TestConsole();
        var err = new StringWriter();
        var dir = new DirectoryInfo(RepoRoot.Folder);
        var code = CliApp.Run(["status", "CAN", "kyoto", "--data", Path.Combine(dir.FullName, "data")], new CliContext(console, new StringWriter(), err, new NodaTime.LocalDate(2026, 1, 1)));
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'Kyoto Protocol' (kyoto-protocol)?", err.ToString(), StringComparison.Ordinal);
    }
}

public class LookupByCodeTests
{
    private static readonly TreatyWatch.Engine.Data.Catalog Bundled = TreatyWatch.Answers.BundledData.Load(Path.Combine(RepoRoot.Folder, "data"));

    // The lookup answers an exact code without building its name index: that shortcut must give what the index gives.
    [Fact]
    public void EveryStateCode_FindsTheSameStateAsTheNameIndex()
    {
        var lookup = new TreatyWatch.Answers.Lookup(Bundled);
        foreach (var s in Bundled.States.Values)
        {
            Assert.Same(s, lookup.State(s.Iso3));
            Assert.Same(s, lookup.State(s.Iso3.ToLowerInvariant()));
            Assert.Same(s, lookup.State(s.Name));
            var sameKey = Bundled.States.Values.Where(o => o.Iso3 != s.Iso3 && new[] { o.Name }.Concat(o.Aliases).Concat(o.Demonyms)
                .Any(n => TreatyWatch.Answers.Lookup.Key(n) == TreatyWatch.Answers.Lookup.Key(s.Iso3))).Select(o => o.Iso3).ToList();
            Assert.True(sameKey.Count == 0, $"{s.Iso3} is also a name of {string.Join(", ", sameKey)}: the code shortcut would hide that");
        }
    }

    [Fact]
    public void EveryTreatyId_FindsTheSameTreatyAsTheNameIndex()
    {
        var lookup = new TreatyWatch.Answers.Lookup(Bundled);
        foreach (var t in Bundled.TreatyNames)
        {
            Assert.Equal(t.Id, lookup.Treaty(t.Id).Id);
            Assert.Equal(t.Id, lookup.Treaty(t.Id.ToUpperInvariant()).Id);
            Assert.Equal(t.Id, lookup.Treaty(t.ShortName).Id);
            var sameKey = Bundled.TreatyNames.Where(o => o.Id != t.Id && o.AllNames().Any(n => TreatyWatch.Answers.Lookup.Key(n) == TreatyWatch.Answers.Lookup.Key(t.Id))).Select(o => o.Id).ToList();
            Assert.True(sameKey.Count == 0, $"{t.Id} is also a name of {string.Join(", ", sameKey)}: the id shortcut would hide that");
        }
    }

    [Fact]
    public void UnknownCode_StillGetsSuggestions()
    {
        var lookup = new TreatyWatch.Answers.Lookup(Bundled);
        var e = Assert.Throws<TreatyWatch.Answers.UserInputException>(() => lookup.State("LTV"));
        Assert.Contains("unknown state 'LTV'", e.Message, StringComparison.Ordinal);
    }
}
