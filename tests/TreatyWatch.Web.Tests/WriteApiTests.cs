using System.Net;
using System.Text.Json;
using static TreatyWatch.Web.Tests.SecurityTestHelpers;

namespace TreatyWatch.Web.Tests;

/// <summary>The write API: 401 without a user, 403 without the role, problem details on bad input; a reviewer's token confirms a report and the status follows.</summary>
public sealed class WriteApiTests(SecureAppFactory app) : IClassFixture<SecureAppFactory>
{
    [Fact]
    public async Task Anonymous_writes_are_refused_with_401_problem_details()
    {
        var http = app.CreateClient();
        // Another test of this class may confirm the shared report first: what matters is that these record nothing.
        var before = app.Data.Use(s => s.PastReviews().Count);
        var review = await http.PostJson($"/api/review/{app.ReportId}", new { decision = "confirm", reason = "seen it" });
        Assert.Contains("Authorization: Bearer", (await Problem(review, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(await http.PostJson("/api/import", new { format = "json", text = "{}" }), HttpStatusCode.Unauthorized);
        await Problem(await http.GetAsync("/api/audit", Cancel), HttpStatusCode.Unauthorized);
        // Reading stays public.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/status/NOR/apmbc", Cancel)).StatusCode);
        Assert.Equal(before, app.Data.Use(s => s.PastReviews().Count));
    }

    [Fact]
    public async Task An_unknown_token_is_401_naming_the_scheme()
    {
        var response = await app.WithToken("tw_not-a-real-token").PostJson($"/api/review/{app.ReportId}", new { decision = "confirm", reason = "x" });
        await Problem(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_may_not_import_403()
    {
        var response = await app.WithToken(app.ReviewerToken).PostJson("/api/import", new { format = "json", text = "{}" });
        Assert.Contains("rita", (await Problem(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_import_with_bad_input_is_a_400_problem()
    {
        var http = app.WithToken(app.AdminToken);
        await Problem(await http.PostJson("/api/import", new { format = "xml" }), HttpStatusCode.BadRequest);
        await Problem(await http.PostJson("/api/import", new { format = "untc", name = "26-5.csv" }), HttpStatusCode.BadRequest);
        var broken = await Problem(await http.PostJson("/api/import", new { format = "csv", files = new[] { new { path = "actions/apmbc.csv", text = "state,action\nATLANTIS,ratify\n" } } }),
            HttpStatusCode.BadRequest);
        Assert.NotEqual(0, broken.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task An_admin_imports_the_projects_json_recorded_with_their_name_and_the_status_follows()
    {
        var anonymous = app.CreateClient();
        Assert.True(await Bound(anonymous, "NZL", "apmbc", "2026-09-01"));
        var action = new TreatyWatch.Engine.Actions.TreatyAction
        {
            Id = "apmbc:test-nzl-withdrawal", TreatyId = "apmbc", State = "NZL", Kind = TreatyWatch.Engine.Actions.ActionKind.DepositWithdrawal,
            Date = TreatyWatch.Engine.Dates.PartialDate.Parse("2026-01-05"), Known = new NodaTime.LocalDate(2026, 1, 5),
            Sources = [new TreatyWatch.Engine.Actions.Source("test_cn_nzl_2026", TreatyWatch.Engine.Actions.SourceKind.Depositary, "A depositary notification written for this test", null, null)],
        };
        var json = TreatyWatch.Ledger.Export.ProjectExport.ToJson(new TreatyWatch.Ledger.Export.ProjectData([new("apmbc", [action])], [action.Sources[0]]));

        var response = await app.WithToken(app.AdminToken).PostJson("/api/import", new { format = "json", name = "nzl.json", text = json });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(1, body.RootElement.GetProperty("added").GetInt32());
        Assert.Equal("adam", body.RootElement.GetProperty("by").GetString());
        Assert.False(await Bound(anonymous, "NZL", "apmbc", "2026-09-01"));

        // The same file again adds nothing; the audit trail names who imported it.
        using var again = JsonDocument.Parse(await (await app.WithToken(app.AdminToken).PostJson("/api/import", new { format = "json", name = "nzl.json", text = json })).Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, again.RootElement.GetProperty("added").GetInt32());
        Assert.Contains(app.Data.Use(s => s.AuditTrail()), e => e is { Kind: "import", Who: "adam" });
    }

    [Fact]
    public async Task Bad_review_input_is_a_problem_naming_the_field()
    {
        var http = app.WithToken(app.ReviewerToken);
        Assert.Contains("decision", (await Problem(await http.PostJson($"/api/review/{app.ReportId}", new { decision = "approve", reason = "x" }), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("reason", (await Problem(await http.PostJson($"/api/review/{app.ReportId}", new { decision = "reject" }), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("date", (await Problem(await http.PostJson($"/api/review/{app.ReportId}", new { decision = "edit", reason = "x", date = "2026-02-30" }), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(await http.PostJson("/api/review/apmbc:no-such-report", new { decision = "confirm", reason = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reviewer_confirms_with_a_token_and_the_confirmed_act_drives_the_status()
    {
        var anonymous = app.CreateClient();
        Assert.True(await Bound(anonymous, "NOR", "apmbc", "2026-09-01"));

        var response = await app.WithToken(app.ReviewerToken).PostJson($"/api/review/{app.ReportId}", new { decision = "confirm", reason = "the depositary notification says so" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("confirmed", json.RootElement.GetProperty("reviewState").GetString());
        Assert.Equal("rita", json.RootElement.GetProperty("by").GetString());

        // Withdrawal takes effect six months after the deposit: bound before, not after.
        Assert.True(await Bound(anonymous, "NOR", "apmbc", "2026-07-01"));
        Assert.False(await Bound(anonymous, "NOR", "apmbc", "2026-09-01"));
        Assert.DoesNotContain(app.Data.Use(s => s.ReportedActions()), a => a.Action.Id == app.ReportId);

        // Decided once: a second decision is a conflict. The audit trail names who.
        await Problem(await app.WithToken(app.AdminToken).PostJson($"/api/review/{app.ReportId}", new { decision = "reject", reason = "x" }), HttpStatusCode.Conflict);
        var audit = await app.WithToken(app.AdminToken).GetStringAsync("/api/audit", Cancel);
        Assert.Contains("\"who\":\"rita\"", audit, StringComparison.Ordinal);
        Assert.Contains(app.ReportId, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_with_sameEvent_rejects_the_events_other_reports_and_says_so()
    {
        string Report(string host) => app.Data.Use(s => s.RecordAction(new Engine.Actions.TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "EST", Kind = Engine.Actions.ActionKind.ParliamentVoteWithdraw, Date = Engine.Dates.PartialDate.Parse("2025-02-02"),
            Known = new NodaTime.LocalDate(2025, 2, 3),
            Sources = [new Engine.Actions.Source($"https://{host}/est", Engine.Actions.SourceKind.Web, $"https://{host}/est", $"https://{host}/est", null)],
        }, Ledger.ReviewState.Reported, "test")).Action.Id;
        var (first, second, third) = (Report("a-outlet.example"), Report("b-outlet.example"), Report("c-outlet.example"));

        var response = await app.WithToken(app.ReviewerToken).PostJson($"/api/review/{first}", new { decision = "reject", reason = "no such vote that day", sameEvent = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var also = json.RootElement.GetProperty("alsoDecided").EnumerateArray().ToList();
        Assert.Equal(new[] { second, third }.Order(), also.Select(a => a.GetProperty("id").GetString()!).Order());
        Assert.All(also, a => Assert.Equal("reject", a.GetProperty("decision").GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("stillWaiting").GetArrayLength());
        Assert.DoesNotContain(app.Data.Use(s => s.ReportedActions()), a => a.Action.Id is var id && (id == first || id == second || id == third));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_by_token_and_signed_out_of_the_pages()
    {
        _ = app.ReportId;
        var store = app.Data.Store!;
        store.AddUser("dora", TreatyWatch.Ledger.UserRole.Reviewer, SecureAppFactory.Password, "test");
        var token = store.IssueToken("dora", "test");
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(browser, "dora", SecureAppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/review", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(token).GetAsync("/api/audit", Cancel)).StatusCode);

        store.DisableUser("dora", "test");
        await Problem(await app.WithToken(token).GetAsync("/api/audit", Cancel), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/review", Cancel)).StatusCode);
    }

    [Fact]
    public void The_data_protection_keys_are_kept_beside_the_ledger()
    {
        _ = app.ReportId;
        var keys = Path.Combine(Path.GetDirectoryName(app.LedgerPath)!, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task The_api_reference_page_allows_its_own_inline_script_by_hash_not_unsafe_inline()
    {
        var response = await app.CreateClient().GetAsync("/api/reference/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        var inline = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(inline.Success);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inline.Groups[1].Value)));
        Assert.Contains($"'sha256-{hash}'", scripts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status/NOR/apmbc")]
    [InlineData("/api/status/Atlantis/apmbc")]
    [InlineData("/signin")]
    [InlineData("/review")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await app.Browser().GetAsync(url, Cancel);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }
}
