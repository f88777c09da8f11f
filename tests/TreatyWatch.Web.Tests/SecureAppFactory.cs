using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Security;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Tests;

/// <summary>
/// The web app with users in its ledger (reviewer "rita", admin "adam", both with a password and a token) and one
/// news article written here, whose report waits for review: Norway deposits its withdrawal from the mine ban
/// treaty. The article's title and quote carry a script element, which the pages must encode.
/// </summary>
public class SecureAppFactory : WebAppFactory
{
    public const string Password = "a long test password";
    public const string ScriptTitle = "<script>alert('title')</script> Norway leaves the mine ban treaty";

    private readonly Lazy<Seeded> _seeded;

    public SecureAppFactory() => _seeded = new Lazy<Seeded>(Seed);

    /// <summary>Sign-in attempts allowed per window before 429.</summary>
    protected virtual int SignInAttempts => 1000;

    /// <summary>Writes allowed per user per minute before 429.</summary>
    protected virtual int WritesPerMinute => 1000;

    /// <summary>Searches allowed in a burst per address before 429 (then one per second).</summary>
    protected virtual int SearchBurst => 1000;

    public string ReviewerToken => _seeded.Value.ReviewerToken;
    public string AdminToken => _seeded.Value.AdminToken;
    public string ReportId => _seeded.Value.ReportId;

    public LedgerData Data => Services.GetRequiredService<LedgerData>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<SecurityOptions>(o =>
        {
            o.SignInAttempts = SignInAttempts;
            o.SignInWindow = TimeSpan.FromMinutes(10);
            o.WritesPerMinute = WritesPerMinute;
            o.SearchBurst = SearchBurst;
            o.SearchPerSecond = 1;
        }));
    }

    private sealed record Seeded(string ReviewerToken, string AdminToken, string ReportId);

    private Seeded Seed()
    {
        var store = Data.Store!;
        store.AddUser("rita", UserRole.Reviewer, Password, "test");
        store.AddUser("adam", UserRole.Admin, Password, "test");
        var text = "Oslo, 3 February 2026. Norway deposited its instrument of withdrawal from the Ottawa Convention on 2 February 2026, the ministry said. <script>alert('quote')</script>";
        const string evidence = "Norway deposited its instrument of withdrawal from the Ottawa Convention on 2 February 2026";
        var start = text.IndexOf(evidence, StringComparison.Ordinal);
        var outcome = store.IngestArticle(
            new NewsArticle { Text = text, Url = "https://news.example.org/norway-withdraws", Outlet = "news.example.org", Title = ScriptTitle, Published = new LocalDate(2026, 2, 3) },
            [new NewsEvent
            {
                State = "NOR", Treaty = "apmbc", Action = "deposit_withdrawal", Kind = ActionKind.DepositWithdrawal, Date = PartialDate.Parse("2026-02-02"),
                Evidence = text[start..(start + evidence.Length)] + " <script>alert('quote')</script>", Start = start, End = start + evidence.Length, Extractor = "test/1",
            }],
            "test ingest");
        return new Seeded(store.IssueToken("rita", "test"), store.IssueToken("adam", "test"), Assert.Single(outcome.ActionIds));
    }
}

/// <summary>A factory with low limits, for the rate-limit tests alone.</summary>
public sealed class StrictSignInFactory : SecureAppFactory
{
    public const int Attempts = 3;

    protected override int SignInAttempts => Attempts;

    protected override int WritesPerMinute => Attempts;

    protected override int SearchBurst => Attempts;
}
