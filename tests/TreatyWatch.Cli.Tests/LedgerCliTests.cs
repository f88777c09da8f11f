using NodaTime;
using Spectre.Console.Testing;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary><c>status</c> answering from a ledger in a temporary folder (<c>--db sqlite:...</c>).</summary>
public sealed class LedgerCliTests : IDisposable
{
    private static readonly string Data = FindData();
    private readonly string _folder = Directory.CreateTempSubdirectory("treatywatch-cli-ledger-").FullName;

    private string Db => $"sqlite:{Path.Combine(_folder, "ledger.db")}";

    private static string FindData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "data");
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CliContext(new TestConsole().Width(120), output, error, new LocalDate(2026, 11, 23));
        var code = CliApp.Run([.. args, "--data", Data], ctx);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("2026-01-01", null)]
    [InlineData("2025-12-26", null)]
    [InlineData("2026-01-01", "2025-06-01")]
    public void Status_FromANewLedger_SeedsIt_AndAnswersAsTheFilesDo(string on, string? asKnownOn)
    {
        string[] args = asKnownOn is null
            ? ["status", "Lithuania", "Ottawa Treaty", "--on", on, "--format", "json"]
            : ["status", "Lithuania", "Ottawa Treaty", "--on", on, "--as-known-on", asKnownOn, "--format", "json"];
        var fromFiles = Run(args);

        var first = Run([.. args, "--db", Db]);
        var second = Run([.. args, "--db", Db]);

        Assert.Equal(0, first.Code);
        Assert.True(File.Exists(Path.Combine(_folder, "ledger.db")));
        Assert.Equal(fromFiles.Out, first.Out);
        Assert.Equal(fromFiles.Out, second.Out);
        Assert.Equal("", second.Err);
    }

    [Fact]
    public void Status_AnswersFromTheLedger_IncludingACorrectionRecordedThere()
    {
        Assert.Equal(0, Run("status", "LTU", "apmbc", "--on", "2025-12-28", "-f", "csv", "--db", Db).Code);
        using (var store = LedgerStore.Open(Db, SystemClock.Instance))
        {
            var old = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "LTU" && a.Kind == ActionKind.DepositWithdrawal);
            store.Correct(old.Id, old with { Id = "", Date = PartialDate.Parse("2025-07-10"), Known = new LocalDate(2025, 8, 1) }, "test", "test correction");
        }

        var (code, output, _) = Run("status", "LTU", "apmbc", "--on", "2025-12-28", "-f", "csv", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("LTU,apmbc,2025-12-28,withdrawal_pending,", output, StringComparison.Ordinal);
        Assert.Contains("LTU,apmbc,2025-12-28,withdrawn,", Run("status", "LTU", "apmbc", "--on", "2025-12-28", "-f", "csv").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("sqlite:")]
    public void Status_WithADbThatIsNotALedgerSpec_ExitsTwo_NamingIt(string spec)
    {
        var (code, _, err) = Run("status", "LTU", "apmbc", "--db", spec);

        Assert.Equal(2, code);
        Assert.Contains($"'{spec}'", err, StringComparison.Ordinal);
    }
}
