namespace TreatyWatch.Ledger.Tests;

public sealed class LedgerSpecTests
{
    [Theory]
    [InlineData("sqlite:/tmp/x/ledger.db", "sqlite")]
    [InlineData("SQLite:relative.db", "sqlite")]
    [InlineData("Host=127.0.0.1;Port=55432;Username=postgres;Database=treatywatch_test", "postgres")]
    public void Open_BySpec_ChoosesTheDatabase(string spec, string dialect)
    {
        using var store = LedgerStore.Open(spec, NodaTime.SystemClock.Instance);
        Assert.Equal(dialect, store.DialectName);
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("ledger.db")]
    [InlineData("Database=x")]
    [InlineData("Host=h;Nonsense=1")]
    public void Open_ASpecThatIsNeither_IsRefusedNamingIt(string spec)
    {
        var e = Assert.Throws<LedgerException>(() => LedgerStore.Open(spec, NodaTime.SystemClock.Instance));
        Assert.Contains(spec, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_NeverShowsThePassword()
    {
        using var store = LedgerStore.Open("Host=db;Database=tw;Username=u;Password=secret", NodaTime.SystemClock.Instance);
        Assert.DoesNotContain("secret", store.Location, StringComparison.Ordinal);
    }
}
