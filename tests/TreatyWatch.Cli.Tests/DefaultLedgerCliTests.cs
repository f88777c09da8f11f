using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Spectre.Console.Testing;
using TreatyWatch.Ledger;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary>
/// The ledger as the default: with neither --db nor TREATYWATCH_DB, commands answer from
/// sqlite:&lt;data dir&gt;/treatywatch/ledger.db. The environment is injected (CliContext), always pointing at a
/// temporary folder: these tests never touch the real home folder.
/// </summary>
public sealed class DefaultLedgerCliTests : IDisposable
{
    private static readonly string Repo = FindRepo();
    private static readonly LocalDate Today = new(2026, 11, 23);
    private readonly string _temp = Directory.CreateTempSubdirectory("treatywatch-default-").FullName;

    private static string FindRepo() => RepoRoot.Folder;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_temp, recursive: true);
    }

    private string Home => Path.Combine(_temp, "home");
    private string Xdg => Path.Combine(_temp, "xdg");

    /// <summary>HOME and XDG_DATA_HOME in the temporary folder; the data folder from TREATYWATCH_DATA (not --data, which means "answer from these files").</summary>
    private Dictionary<string, string?> Environment(string? data = null, bool xdg = true) => new()
    {
        ["HOME"] = Home,
        ["XDG_DATA_HOME"] = xdg ? Xdg : null,
        ["TREATYWATCH_DATA"] = data ?? Path.Combine(Repo, "data"),
    };

    private static (int Code, string Out, string Err) Run(IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var console = new TestConsole().Width(160);
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CliContext(console, output, error, Today, environment: name => env.GetValueOrDefault(name));
        var code = CliApp.Run(args, ctx);
        return (code, output.ToString() + console.Output, error.ToString());
    }

    [Fact]
    public void TheMainCommand_WithNeitherDbNorData_StartsFromNothing_AndAnswersFromALedgerUnderXdgDataHome()
    {
        var env = Environment();
        var (code, output, err) = Run(env, "status", "Lithuania", "Ottawa Convention", "--on", "2026-01-01");

        Assert.True(code == 0, err);
        Assert.Contains("withdrawn", output, StringComparison.Ordinal);
        var file = Path.Combine(Xdg, "treatywatch", "ledger.db");
        Assert.True(File.Exists(file), $"{file} was not created");
        Assert.False(Directory.Exists(Home), "nothing may be written under HOME when XDG_DATA_HOME is set");
        using var store = LedgerStore.Open($"sqlite:{file}", SystemClock.Instance);
        Assert.False(store.IsEmpty);
        Assert.NotNull(store.SeededFrom);
    }

    [Fact]
    public void WithoutXdgDataHome_TheDefaultLedgerIsUnderHomeDotLocalShare()
    {
        var (code, _, err) = Run(Environment(xdg: false), "status", "LTU", "apmbc", "--on", "2026-01-01", "-f", "json");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(Home, ".local", "share", "treatywatch", "ledger.db")));
    }

    public static TheoryData<string[]> Queries() => new()
    {
        new[] { "status", "Lithuania", "Ottawa Convention", "--on", "2026-01-01" },
        new[] { "status", "LTU", "apmbc", "--on", "2026-01-01", "-f", "json" },
        new[] { "status", "UKR", "apmbc", "--on", "2026-01-01", "-f", "json", "--as-known-on", "2025-06-01" },
        new[] { "status", "FIN", "apmbc", "--on", "2026-03-01", "-f", "csv" },
        new[] { "status", "RUS", "ctbt", "--on", "2024-01-01", "-f", "json" },
        new[] { "status", "USA", "paris-agreement", "--on", "2021-01-01" },
        new[] { "parties", "apmbc", "--on", "2026-02-20", "-f", "json" },
        new[] { "timeline", "Ukraine", "--treaty", "apmbc", "-f", "json" },
        new[] { "treaties", "-f", "json" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Answers_FromTheDefaultLedger_AreTheAnswersFromTheFiles(string[] query)
    {
        var env = Environment();
        var files = Run(env, [.. query, "--db", "none"]);
        var ledger = Run(env, query);
        Assert.True(files.Code == 0, files.Err);
        Assert.True(ledger.Code == 0, ledger.Err);
        Assert.Equal(files.Out, ledger.Out);
        Assert.True(File.Exists(Path.Combine(Xdg, "treatywatch", "ledger.db")));
    }

    [Fact]
    public void ExplicitData_WithoutDb_AnswersFromThoseFiles_AndCreatesNoLedger()
    {
        var (code, output, err) = Run(Environment(), "status", "LTU", "apmbc", "--on", "2026-01-01", "-f", "json", "--data", Path.Combine(Repo, "data"));
        Assert.True(code == 0, err);
        Assert.Contains("\"withdrawn\"", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Xdg));
        Assert.False(Directory.Exists(Home));
    }

    [Fact]
    public void DbNone_ForACommandThatNeedsALedger_ExitsTwo_NamingIt()
    {
        var (code, _, err) = Run(Environment(), "review", "--db", "none");
        Assert.Equal(2, code);
        Assert.Contains("--db none", err, StringComparison.Ordinal);
    }

    [Fact]
    public void TreatywatchDb_ChoosesTheLedger_OverTheDefault()
    {
        var env = Environment();
        var chosen = Path.Combine(_temp, "chosen.db");
        env["TREATYWATCH_DB"] = $"sqlite:{chosen}";
        Assert.Equal(0, Run(env, "status", "LTU", "apmbc").Code);
        Assert.True(File.Exists(chosen));
        Assert.False(File.Exists(Path.Combine(Xdg, "treatywatch", "ledger.db")), "the default ledger was created although TREATYWATCH_DB names another");
    }

    [Fact]
    public void NewerBundledData_IsAppendedToTheDefaultLedger_AndTheAnswersFollowTheFiles()
    {
        var data = Path.Combine(_temp, "data");
        CopyFolder(Path.Combine(Repo, "data"), data);
        var env = Environment(data);
        string[] nzl = ["status", "NZL", "apmbc", "--on", "2026-11-20", "-f", "json"];
        string[] ltu = ["status", "LTU", "apmbc", "--on", "2004-01-01", "-f", "json"];
        Assert.Equal(0, Run(env, nzl).Code); // seeds the default ledger
        var ledgerFile = Path.Combine(Xdg, "treatywatch", "ledger.db");
        long actionsBefore;
        using (var store = LedgerStore.Open($"sqlite:{ledgerFile}", SystemClock.Instance))
            actionsBefore = Standing(store);

        // The data is updated: LTU's ratification moves by a day, and a line above others adds New Zealand's withdrawal.
        var csv = Path.Combine(data, "actions", "apmbc.csv");
        var text = File.ReadAllText(csv);
        Assert.Contains("LTU,ratify,2003-05-12,,,untc_xxvi5_2013,\n", text, StringComparison.Ordinal);
        File.WriteAllText(csv, text.Replace("LTU,ratify,2003-05-12,,,untc_xxvi5_2013,\n",
            "LTU,ratify,2003-05-13,,,untc_xxvi5_2013,\nNZL,deposit_withdrawal,2026-02-01,,,untc_xxvi5_2013,\n", StringComparison.Ordinal));

        var after = Run(env, nzl);
        Assert.True(after.Code == 0, after.Err);
        Assert.Contains("brought up to date with the bundled data: 1 action(s) added, 1 corrected, 0 retracted", after.Err, StringComparison.Ordinal);
        Assert.Equal(Run(env, [.. nzl, "--db", "none"]).Out, after.Out);
        Assert.Contains("\"withdrawn\"", after.Out, StringComparison.Ordinal);
        Assert.Equal(Run(env, [.. ltu, "--db", "none"]).Out, Run(env, ltu).Out);

        using (var store = LedgerStore.Open($"sqlite:{ledgerFile}", SystemClock.Instance))
        {
            Assert.Equal(actionsBefore + 1, Standing(store));
            var x = Assert.Single(store.Supersessions(), s => s.Why == LedgerStore.BundledUpdateWhy);
            Assert.Equal("treatywatch (bundled data)", x.RecordedBy);
            Assert.Equal("2003-05-12", store.Find(x.OldId)!.Action.Date.ToString());
        }

        // Once applied, nothing more: the next run says nothing.
        Assert.Equal("", Run(env, nzl).Err);
    }

    /// <summary>apmbc's records that no other record supersedes.</summary>
    private static int Standing(LedgerStore store)
    {
        var actions = store.LoadCatalog().ActionsOf("apmbc");
        var superseded = actions.Where(a => a.Supersedes is not null).Select(a => a.Supersedes).ToHashSet();
        return actions.Count(a => !superseded.Contains(a.Id));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
