using TreatyWatch.Tests.Shared;
using System.Text.Json;
using NodaTime;
using Spectre.Console.Testing;
using TreatyWatch.Cli.Commands;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ledger;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary><c>treatywatch users</c> on a SQLite ledger in a temporary folder (the ledger methods are tested on both databases).</summary>
public sealed class UsersCliTests : IDisposable
{
    private static readonly string Data = Path.Combine(RepoRoot.Folder, "data");
    private readonly string _temp = Directory.CreateTempSubdirectory("treatywatch-users-").FullName;

    private string Db => "sqlite:" + Path.Combine(_temp, "ledger.db");

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CliContext(console, output, error, new LocalDate(2026, 3, 1), environment: name => name == "HOME" ? _temp : null);
        var code = CliApp.Run([.. args, "--db", Db, "--data", Data], ctx);
        return (code, output.ToString() + console.Output, error.ToString());
    }

    [Fact]
    public void Add_Token_List_Disable()
    {
        UsersCommand.Stdin = () => new StringReader("a long password\n");
        try
        {
            var add = Run("users", "add", "rita", "--role", "reviewer", "--password-stdin");
            Assert.True(add.Code == 0, add.Err);
            Assert.Contains("rita", add.Out, StringComparison.Ordinal);
        }
        finally
        {
            UsersCommand.Stdin = () => Console.In;
        }

        Assert.Equal(0, Run("users", "add", "adam", "--role", "admin").Code);
        var token = Run("users", "token", "rita");
        Assert.Equal(0, token.Code);
        var issued = token.Out.Trim();
        Assert.StartsWith(LedgerStore.TokenPrefix, issued, StringComparison.Ordinal);

        var list = JsonDocument.Parse(Run("users", "list", "-f", "json").Out).RootElement;
        Assert.Equal(["adam", "rita"], list.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        var rita = list.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "rita");
        Assert.Equal("reviewer", rita.GetProperty("role").GetString());
        Assert.True(rita.GetProperty("password").GetBoolean());
        Assert.Equal(1, rita.GetProperty("tokens").GetInt32());
        Assert.DoesNotContain(issued, Run("users", "list").Out, StringComparison.Ordinal);

        Assert.Equal(0, Run("users", "disable", "rita").Code);
        using var store = LedgerStore.Open(Db, SystemClock.Instance);
        Assert.Null(store.UserOfToken(issued));
        Assert.Null(store.CheckPassword("rita", "a long password"));
    }

    [Theory]
    [InlineData("users", "add", "bad name", "--role", "reviewer")]
    [InlineData("users", "add", "rita", "--role", "boss")]
    [InlineData("users", "token", "nobody")]
    [InlineData("users", "disable", "nobody")]
    public void BadInput_IsExit2_WithAClearError(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingANameTwice_IsExit2()
    {
        Assert.Equal(0, Run("users", "add", "rita", "--role", "reviewer").Code);
        var (code, _, err) = Run("users", "add", "rita", "--role", "admin");
        Assert.Equal(2, code);
        Assert.Contains("already on record", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
