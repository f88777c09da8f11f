using System.Net;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using static TreatyWatch.Web.Tests.SecurityTestHelpers;

namespace TreatyWatch.Web.Tests;

/// <summary>/signin and /review through a cookie-keeping client, as a browser would use them.</summary>
public sealed class ReviewPageTests(SecureAppFactory app) : IClassFixture<SecureAppFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_signin()
    {
        _ = app.ReportId;
        var response = await app.Browser().GetAsync("/review", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_signin_cookie_is_httponly_and_samesite()
    {
        _ = app.ReportId;
        var response = await SignIn(app.Browser(), "rita", SecureAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("treatywatch.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        _ = app.ReportId;
        var browser = app.Browser();
        var response = await SignIn(browser, "rita", "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("treatywatch.auth=", StringComparison.Ordinal)));
        Assert.Contains("wrong user name or password", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/review", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        _ = app.ReportId;
        var browser = app.Browser();
        var noToken = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "rita", ["password"] = SecureAppFactory.Password }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "rita", SecureAppFactory.Password)).StatusCode);
        // The other tests of this class share the report (one may have confirmed it already): what matters is that
        // the refused post records nothing.
        var before = app.Data.Use(s => s.PastReviews().Count);
        var post = await browser.PostAsync("/review", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = app.ReportId, ["decision"] = "confirm" }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(before, app.Data.Use(s => s.PastReviews().Count));
    }

    [Fact]
    public async Task The_queue_shows_the_report_encodes_markup_and_a_confirmation_moves_it_to_past_reviews()
    {
        var id = app.ReportId;
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "rita", SecureAppFactory.Password)).StatusCode);

        var page = await browser.GetStringAsync("/review", Cancel);
        Assert.Contains($"data-report-id=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"decision\" value=\"confirm\">", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"decision\" value=\"reject\">", page, StringComparison.Ordinal);
        Assert.Contains("news.example.org", page, StringComparison.Ordinal);
        Assert.Contains("Norway deposited its instrument of withdrawal", page, StringComparison.Ordinal);
        // The article's title and quote carry script elements: shown as text, never as markup.
        Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);

        var post = await browser.PostAsync("/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["decision"] = "confirm", ["reason"] = "checked against the depositary notification", ["__RequestVerificationToken"] = FormToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        var after = await browser.GetStringAsync("/review", Cancel);
        Assert.DoesNotContain($"data-report-id=\"{id}\"", after, StringComparison.Ordinal);
        var past = after[after.IndexOf("id=\"past-reviews\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-review-of=\"{id}\"", past, StringComparison.Ordinal);
        Assert.Contains("rita", past, StringComparison.Ordinal);
        Assert.Contains("confirm", past, StringComparison.Ordinal);
        Assert.False(await Bound(app.CreateClient(), "NOR", "apmbc", "2026-09-01"));
    }
}

/// <summary>A report of a step the ledger already has: the queue says so and names the record to merge it into.</summary>
public sealed class ReviewPageOnRecordTests(SecureAppFactory app) : IClassFixture<SecureAppFactory>
{
    [Fact]
    public async Task A_report_of_a_step_on_record_names_that_record()
    {
        _ = app.ReportId;
        var onRecord = app.Data.Current.Catalog.ActionsOf("apmbc").Single(a => a.State == "LTU" && a.Kind == ActionKind.DepositWithdrawal);
        var report = app.Data.Use(s => s.RecordAction(new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "LTU", Kind = ActionKind.DepositWithdrawal, Date = PartialDate.Parse("2025-06-27"),
            Known = new LocalDate(2025, 6, 30), Sources = [new Source("https://news.example.org/ltu", SourceKind.Web, "https://news.example.org/ltu", "https://news.example.org/ltu", null)],
        }, ReviewState.Reported, "test")).Action.Id;
        app.Data.Reload();
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "rita", SecureAppFactory.Password)).StatusCode);

        var page = await browser.GetStringAsync("/review", Cancel);
        var section = page[..page.IndexOf($"data-report-id=\"{report}\"", StringComparison.Ordinal)];
        section = section[section.LastIndexOf("<section class=\"event\"", StringComparison.Ordinal)..];
        Assert.Contains($"Already on record as <code>{onRecord.Id}</code> (2025-06-27)", section, StringComparison.Ordinal);
        // The fixture's other report (Norway's withdrawal, not on record; nobody decides it in this class) says nothing of the kind.
        var norway = page[..page.IndexOf($"data-report-id=\"{app.ReportId}\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("Already on record", norway[norway.LastIndexOf("<section class=\"event\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_a_report_with_the_same_event_box_closes_the_events_other_reports_into_the_same_record()
    {
        _ = app.ReportId;
        var onRecord = app.Data.Current.Catalog.ActionsOf("apmbc").Single(a => a.State == "LTU" && a.Kind == ActionKind.ParliamentVoteWithdraw);
        string Report(string host) => app.Data.Use(s => s.RecordAction(new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "LTU", Kind = ActionKind.ParliamentVoteWithdraw, Date = PartialDate.Parse("2025-05-08"),
            Known = new LocalDate(2025, 5, 9), Sources = [new Source($"https://{host}/ltu-vote", SourceKind.Web, $"https://{host}/ltu-vote", $"https://{host}/ltu-vote", null)],
        }, ReviewState.Reported, "test")).Action.Id;
        var (first, second) = (Report("first-outlet.example"), Report("second-outlet.example"));
        app.Data.Reload();
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "rita", SecureAppFactory.Password)).StatusCode);
        var page = await browser.GetStringAsync("/review", Cancel);
        Assert.Contains("the event's other 1 report(s) too", page, StringComparison.Ordinal);

        var post = await browser.PostAsync("/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = first, ["decision"] = "merge", ["into"] = onRecord.Id, ["sameEvent"] = "true", ["reason"] = "the Seimas vote is on record",
            ["__RequestVerificationToken"] = FormToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        var after = await browser.GetStringAsync("/review", Cancel);
        Assert.DoesNotContain($"data-report-id=\"{first}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-report-id=\"{second}\"", after, StringComparison.Ordinal);
        var past = app.Data.Use(s => s.PastReviews());
        Assert.Equal([(first, onRecord.Id), (second, onRecord.Id)],
            past.Where(p => p.Report.Action.Id == first || p.Report.Action.Id == second).Select(p => (p.Report.Action.Id, p.MergedInto)).OrderBy(x => x.Item1 == first ? 0 : 1));
    }
}

/// <summary>Brute force: after a few attempts from one address, sign-in answers 429 with problem details.</summary>
public sealed class SignInRateLimitTests(StrictSignInFactory app) : IClassFixture<StrictSignInFactory>
{
    [Fact]
    public async Task Sign_in_is_rate_limited_after_a_few_attempts()
    {
        _ = app.ReportId;
        var browser = app.Browser();
        for (var i = 0; i < StrictSignInFactory.Attempts; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(browser, "rita", $"guess {i}")).StatusCode);

        var limited = await SignIn(browser, "rita", SecureAppFactory.Password);
        await Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signin", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Writes_are_rate_limited_per_user()
    {
        var http = app.WithToken(app.ReviewerToken);
        for (var i = 0; i < StrictSignInFactory.Attempts; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostJson($"/api/review/{app.ReportId}", new { decision = "maybe", reason = "x" })).StatusCode);
        await Problem(await http.PostJson($"/api/review/{app.ReportId}", new { decision = "confirm", reason = "x" }), HttpStatusCode.TooManyRequests);
        // Another user has their own allowance; reading is not limited.
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(app.AdminToken).GetAsync("/api/audit", Cancel)).StatusCode);
        Assert.Contains(app.Data.Use(s => s.ReportedActions()), a => a.Action.Id == app.ReportId);
    }

    [Fact]
    public async Task Search_is_rate_limited_per_address()
    {
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3 * StrictSignInFactory.Attempts; i++)
            statuses.Add((await http.GetAsync($"/api/search?q=norway{i}", Cancel)).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        // Other reads are not limited.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/status/NOR/apmbc", Cancel)).StatusCode);
    }
}
