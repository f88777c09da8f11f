using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Npgsql;
using Spectre.Console.Testing;
using TreatyWatch.Ledger;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary>
/// The command line with a ledger (--db), written once and run on SQLite (a temporary file per test) and on
/// PostgreSQL (a schema per test in TREATYWATCH_TEST_PG). A subclass whose database is not available returns null
/// from <see cref="NewDb"/>; the PostgreSQL one fails instead under CI=true.
/// </summary>
public abstract class LedgerCliTests : IDisposable
{
    protected static readonly string Repo = FindRepo();
    private static readonly string Data = Path.Combine(Repo, "data");
    protected static readonly LocalDate Today = new(2026, 11, 23);
    protected readonly string Temp = Directory.CreateTempSubdirectory("treatywatch-cli-").FullName;

    /// <summary>A fresh, empty ledger spec, or null when this database is not available here.</summary>
    protected abstract string? NewDb();

    private static string FindRepo() => RepoRoot.Folder;

    /// <summary>../shared beside the folder holding TreatyWatch.slnx.</summary>
    private static string Shared => Path.Combine(Path.GetDirectoryName(Repo)!, "shared");

    private static readonly string Home = Directory.CreateTempSubdirectory("treatywatch-cli-home-").FullName;

    /// <summary>The environment the commands see: a temporary HOME, nothing else (never the real home folder).</summary>
    private static string? TestEnvironment(string name) => name == "HOME" ? Home : null;

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CliContext(console, output, error, Today, environment: TestEnvironment);
        var code = CliApp.Run([.. args, "--data", Data], ctx);
        return (code, output.ToString() + console.Output, error.ToString());
    }

    private static string Status(string db, string state, string treaty, string on, params string[] more)
    {
        string[] args = db.Length == 0
            ? ["status", state, treaty, "--on", on, "-f", "json", .. more]
            : ["status", state, treaty, "--on", on, "-f", "json", "--db", db, .. more];
        var (code, output, err) = Run(args);
        Assert.True(code == 0, err);
        return output;
    }

    /// <summary>The reports still waiting for review in <c>review --format json</c> (past reviews have a review object).</summary>
    private static int Waiting(string db) =>
        JsonDocument.Parse(Run("review", "-f", "json", "--db", db).Out).RootElement.EnumerateArray().Count(e => e.GetProperty("review").ValueKind == JsonValueKind.Null);

    private static int ApmbcActions(string db)
    {
        using var store = LedgerStore.Open(db, SystemClock.Instance);
        return store.LoadCatalog().ActionsOf("apmbc").Count;
    }

    [Theory]
    [InlineData("LTU", "apmbc", "2026-01-01")]
    [InlineData("UKR", "apmbc", "2026-01-01")]
    [InlineData("FIN", "apmbc", "2026-03-01")]
    [InlineData("RUS", "ctbt", "2024-01-01")]
    [InlineData("USA", "apmbc", "2025-06-01")]
    public void Status_FromTheLedger_IsByteIdenticalToStatusFromTheFiles(string state, string treaty, string on)
    {
        var db = NewDb();
        if (db is null) return;
        Assert.Equal(Status("", state, treaty, on), Status(db, state, treaty, on));
        Assert.Equal(Status("", state, treaty, on, "--as-known-on", "2025-06-01"), Status(db, state, treaty, on, "--as-known-on", "2025-06-01"));
    }

    [Fact]
    public void OtherQueries_FromTheLedger_EqualTheFiles()
    {
        var db = NewDb();
        if (db is null) return;
        foreach (var args in new[]
                 {
                     new[] { "parties", "apmbc", "--on", "2026-02-20", "-f", "json" },
                     ["timeline", "Ukraine", "--treaty", "apmbc", "-f", "json"],
                     ["diff", "apmbc", "--from", "2025-12-01", "--to", "2026-03-01", "-f", "json"],
                     ["pending", "-f", "json"],
                     ["treaties", "-f", "json"],
                 })
        {
            var files = Run(args);
            var ledger = Run([.. args, "--db", db]);
            Assert.Equal(0, ledger.Code);
            Assert.Equal(files.Out, ledger.Out);
        }
    }

    [Fact]
    public void ImportOfTheUntcTables_Succeeds_AndASecondImportAddsNothing()
    {
        var db = NewDb();
        if (db is null) return;
        var folder = Path.Combine(Shared, "untc-2015");
        Assert.True(Directory.Exists(folder), $"{folder} is missing");
        var first = Run("import", folder, "--db", db);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("324 file(s) read, 324 imported, 0 failed", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 action(s) added", first.Out, StringComparison.Ordinal);
        var count = ApmbcActions(db);

        var second = Run("import", folder, "--db", db);
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("0 failed; 0 action(s) added", second.Out, StringComparison.Ordinal);
        Assert.Equal(count, ApmbcActions(db));

        // One table again, on its own: still nothing new.
        var one = Run("import", Path.Combine(folder, "treaties", "26-5.csv"), "--db", db);
        Assert.True(one.Code == 0, one.Err);
        Assert.Contains("0 action(s) added", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTable_ExitsNonZero_NamingFileAndLine_AndStoresNothingOfIt()
    {
        var db = NewDb();
        if (db is null) return;
        var table = Path.Combine(Temp, "26-5.csv");
        File.WriteAllText(table, """
            Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"
            Afghanistan,,11 Sep 2002 a
            Albania,8 Sep 1998,29 Feb 2000
            Atlantis,3 Dec 1997,9 Oct 2001
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(0, Run("status", "LTU", "apmbc", "--db", db).Code); // seeds the ledger
        var before = ApmbcActions(db);

        var (code, _, err) = Run("import", table, "--db", db);
        Assert.NotEqual(0, code);
        Assert.Contains("26-5.csv:4", err, StringComparison.Ordinal);
        Assert.Contains("Atlantis", err, StringComparison.Ordinal);
        Assert.Equal(before, ApmbcActions(db));

        var bad = Path.Combine(Temp, "bad.json");
        File.WriteAllText(bad, "{\n  \"treaties\": [{\"id\": \"apmbc\", \"actions\": [{\"id\": \"x:1\", \"state\": \"XXX\", \"action\": \"ratify\", \"date\": \"2025-02-30\", \"sources\": []}]}],\n  \"sources\": []\n}\n");
        var json = Run("import", bad, "--db", db);
        Assert.NotEqual(0, json.Code);
        Assert.Contains("bad.json:2", json.Err, StringComparison.Ordinal);
        Assert.Equal(before, ApmbcActions(db));
    }

    [Fact]
    public void ReviewConfirm_MakesAReportedWithdrawalCount_AndTheListEmpties()
    {
        var db = NewDb();
        if (db is null) return;
        Assert.Contains("\"status\": \"party\"", Status(db, "NZL", "apmbc", "2026-11-20"), StringComparison.Ordinal);
        var id = Report(db);
        Assert.Contains("\"status\": \"party\"", Status(db, "NZL", "apmbc", "2026-11-20"), StringComparison.Ordinal);

        var list = Run("review", "-f", "json", "--db", db);
        Assert.Equal(0, list.Code);
        var items = JsonDocument.Parse(list.Out).RootElement;
        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("https://example.org/nzl-withdraws", item.GetProperty("sources")[0].GetProperty("url").GetString());

        var confirm = Run("review", "confirm", id, "--reason", "depositary notification seen", "--by", "tester", "--db", db);
        Assert.True(confirm.Code == 0, confirm.Err);
        var status = JsonDocument.Parse(Status(db, "NZL", "apmbc", "2026-11-20")).RootElement;
        Assert.Equal("withdrawn", status.GetProperty("status").GetString());
        Assert.Equal("2026-08-01", status.GetProperty("withdrawalEffective").GetString());
        Assert.Equal(0, Waiting(db));
        var past = Assert.Single(JsonDocument.Parse(Run("review", "-f", "json", "--db", db).Out).RootElement.EnumerateArray());
        Assert.Equal(id, past.GetProperty("id").GetString());
        Assert.Equal("reviewed", past.GetProperty("status").GetString());
        var review = past.GetProperty("review");
        Assert.Equal("confirm", review.GetProperty("decision").GetString());
        Assert.Equal("depositary notification seen", review.GetProperty("reason").GetString());
        Assert.Equal("tester", review.GetProperty("by").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", review.GetProperty("at").GetString()!);
        var appended = review.GetProperty("actionId").GetString();
        Assert.Contains($"recorded as {appended} ", confirm.Out, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, review.GetProperty("mergedInto").ValueKind);

        // Decided once: a second decision on the same report is refused.
        Assert.NotEqual(0, Run("review", "reject", id, "--reason", "again", "--db", db).Code);
    }

    [Fact]
    public void ReviewReject_LeavesTheReportOut()
    {
        var db = NewDb();
        if (db is null) return;
        var id = Report(db);
        var reject = Run("review", "reject", id, "--reason", "the outlet retracted it", "--db", db);
        Assert.True(reject.Code == 0, reject.Err);
        Assert.Contains("\"status\": \"party\"", Status(db, "NZL", "apmbc", "2026-11-20"), StringComparison.Ordinal);
        Assert.Equal(0, Waiting(db));
    }

    [Fact]
    public void ReviewEditAndMerge_AppendDecisions()
    {
        var db = NewDb();
        if (db is null) return;
        var first = Report(db);
        var edit = Run("review", "edit", first, "--date", "2026-03-01", "--reason", "the notification is dated 1 March", "--db", db);
        Assert.True(edit.Code == 0, edit.Err);
        Assert.Equal("2026-09-01", JsonDocument.Parse(Status(db, "NZL", "apmbc", "2026-11-20")).RootElement.GetProperty("withdrawalEffective").GetString());

        var second = Report(db);
        var confirmed = Run("export", "--format", "json", "--out", Path.Combine(Temp, "e.json"), "--treaty", "apmbc", "--db", db);
        Assert.Equal(0, confirmed.Code);
        var target = JsonDocument.Parse(File.ReadAllText(Path.Combine(Temp, "e.json"))).RootElement.GetProperty("treaties")[0].GetProperty("actions")
            .EnumerateArray().Last(a => a.GetProperty("state").GetString() == "NZL").GetProperty("id").GetString()!;
        var merge = Run("review", "merge", second, "--into", target, "--reason", "same notification", "--db", db);
        Assert.True(merge.Code == 0, merge.Err);
        Assert.Equal(0, Waiting(db));
        Assert.Equal("2026-09-01", JsonDocument.Parse(Status(db, "NZL", "apmbc", "2026-11-20")).RootElement.GetProperty("withdrawalEffective").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void ExportThenImport_GivesBackTheSameStatuses(string format)
    {
        var a = NewDb();
        if (a is null) return;
        var b = NewDb()!;
        var id = Report(a);
        Assert.Equal(0, Run("review", "confirm", id, "--reason", "seen", "--db", a).Code);
        var outPath = Path.Combine(Temp, format == "json" ? "apmbc.json" : "apmbc-csv");
        var export = Run("export", "--format", format, "--out", outPath, "--treaty", "apmbc", "--db", a);
        Assert.True(export.Code == 0, export.Err);

        var import = Run("import", outPath, "--db", b);
        Assert.True(import.Code == 0, import.Err);
        Assert.Contains("1 action(s) added", import.Out, StringComparison.Ordinal);
        foreach (var (state, on) in new[] { ("NZL", "2026-11-20"), ("LTU", "2026-01-01"), ("UKR", "2026-01-01"), ("FIN", "2026-03-01") })
            Assert.Equal(Status(a, state, "apmbc", on), Status(b, state, "apmbc", on));

        var again = Run("import", outPath, "--db", b);
        Assert.Contains(" 0 action(s) added", again.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://localhost/treatywatch")]
    [InlineData("ledger.db")]
    [InlineData("sqlite:")]
    public void AnUnknownDbSpec_Exits2_NamingIt(string spec)
    {
        var (code, _, err) = Run("status", "LTU", "apmbc", "--db", spec);
        Assert.Equal(2, code);
        Assert.Contains(spec, err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreachableDatabase_Exits1_WithAMessage()
    {
        var (code, _, err) = Run("status", "LTU", "apmbc", "--db", "Host=127.0.0.1;Port=1;Database=nothing;Timeout=2");
        Assert.Equal(1, code);
        Assert.Contains("cannot use the ledger at postgres://127.0.0.1:1/nothing", err, StringComparison.Ordinal);
    }

    private static string Report(string db)
    {
        var (code, output, err) = Run("report", "NZL", "apmbc", "deposit_withdrawal", "2026-02-01", "--source", "https://example.org/nzl-withdraws", "--note", "instrument deposited", "--known", "2026-02-02", "--db", db);
        Assert.True(code == 0, err);
        return output[..output.IndexOf(':', output.IndexOf(':') + 1)];
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class SqliteLedgerCliTests : LedgerCliTests
{
    private int _n;

    protected override string? NewDb() => $"sqlite:{Path.Combine(Temp, $"ledger{++_n}.db")}";
}

public sealed class PostgresLedgerCliTests : LedgerCliTests
{
    private readonly ThrowawayPostgres _postgres = new();

    protected override string? NewDb() => _postgres.NewDatabase("cli_test");

    public override void Dispose()
    {
        base.Dispose();
        _postgres.Dispose();
    }
}
