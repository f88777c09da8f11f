using System.Net;
using System.Text.Json;

namespace TreatyWatch.Web.Tests;

/// <summary>Treaties, parties, diff and pending, against the bundled data and /work/shared/reference (withdrawals-2025.csv).</summary>
public sealed class TreatyApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task Treaties_lists_the_mine_ban_treaty_with_its_entry_into_force()
    {
        var list = await _http.Json("/api/treaties");
        var apmbc = list.Items().Single(t => t.Str("id") == "apmbc");
        Assert.Equal("Ottawa Convention", apmbc.Str("shortName"));
        Assert.Equal("1999-03-01", apmbc.Str("entryIntoForce"));
        Assert.Equal("XXVI-5", apmbc.Str("untc"));
        // Today is 2026-03-01: 166 consents, less Estonia, Latvia, Lithuania, Finland and Poland.
        Assert.Equal(161, apmbc.GetProperty("boundToday").GetInt32());
        Assert.Contains(list.Items(), t => t.Str("id") == "ccm");
    }

    [Theory]
    [InlineData("apmbc")]
    [InlineData("Ottawa%20Treaty")]
    [InlineData("mine%20ban%20convention")]
    public async Task One_treaty_by_id_name_or_alias(string name)
    {
        var t = await _http.Json($"/api/treaties/{name}");
        Assert.Equal("apmbc", t.Str("id"));
        Assert.Equal("Secretary-General of the United Nations", t.Str("depositary"));
    }

    [Fact]
    public async Task Parties_on_20_February_2026_count_the_five_withdrawals_and_keep_Ukraine()
    {
        var p = await _http.Json("/api/treaties/apmbc/parties?on=2026-02-20");
        Assert.Equal("apmbc", p.Str("treaty"));
        Assert.Equal("2026-02-20", p.Str("on"));
        Assert.Equal(161, p.GetProperty("counts").GetProperty("party").GetInt32());
        Assert.Equal(5, p.GetProperty("counts").GetProperty("withdrawn").GetInt32());
        Assert.Equal(161, p.GetProperty("bound").GetInt32());
        var byState = p.GetProperty("parties").Items().ToDictionary(x => x.Str("state"));
        Assert.Equal(166, byState.Count);
        foreach (var s in new[] { "EST", "LVA", "LTU" })
        {
            Assert.Equal("withdrawn", byState[s].Str("status"));
            Assert.Equal("2025-12-27", byState[s].Str("withdrawalEffective"));
        }

        Assert.Equal("withdrawn", byState["FIN"].Str("status"));
        Assert.Equal("2026-01-10", byState["FIN"].Str("withdrawalEffective"));
        // Poland's withdrawal takes effect on 20 February 2026 itself.
        Assert.Equal("withdrawn", byState["POL"].Str("status"));
        Assert.Equal("2026-02-20", byState["POL"].Str("withdrawalEffective"));
        // Ukraine "suspended" the convention, which it does not provide for: still a party, since 1 June 2006.
        Assert.Equal("party", byState["UKR"].Str("status"));
        Assert.Equal("2006-06-01", byState["UKR"].Str("inForceSince"));
        Assert.True(byState["UKR"].GetProperty("bound").GetBoolean());
    }

    [Fact]
    public async Task Parties_the_day_before_show_Poland_withdrawal_pending()
    {
        var p = await _http.Json("/api/treaties/Ottawa%20Convention/parties?on=2026-02-19");
        var pol = p.GetProperty("parties").Items().Single(x => x.Str("state") == "POL");
        Assert.Equal("withdrawal_pending", pol.Str("status"));
        Assert.Equal(1, p.GetProperty("counts").GetProperty("withdrawal_pending").GetInt32());
    }

    [Fact]
    public async Task Parties_as_CSV_by_format_and_by_Accept()
    {
        var csv = await _http.GetStringAsync("/api/treaties/apmbc/parties?on=2026-02-20&format=csv", ApiHelpers.Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("state,name,status,inForceSince,withdrawalEffective", lines[0]);
        Assert.Contains("LTU,Lithuania,withdrawn,,2025-12-27", lines);
        Assert.Equal(167, lines.Length);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/treaties/apmbc/parties?on=2026-02-20");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await _http.SendAsync(request, ApiHelpers.Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(csv, await response.Content.ReadAsStringAsync(ApiHelpers.Ct));
    }

    [Fact]
    public async Task Diff_over_26_to_27_December_2025_shows_the_Baltic_states_leaving()
    {
        var d = await _http.Json("/api/treaties/apmbc/diff?from=2025-12-26&to=2025-12-27");
        Assert.Equal(166, d.GetProperty("boundBefore").GetInt32());
        Assert.Equal(163, d.GetProperty("boundAfter").GetInt32());
        var changes = d.GetProperty("changes").Items().ToList();
        Assert.Equal(["EST", "LVA", "LTU"], changes.Select(c => c.Str("state")));
        var ltu = changes.Single(c => c.Str("state") == "LTU");
        Assert.Equal("withdrawal_pending", ltu.Str("before"));
        Assert.Equal("withdrawn", ltu.Str("after"));
        Assert.Equal("left", ltu.Str("change"));

        var csv = await _http.GetStringAsync("/api/treaties/apmbc/diff?from=2025-12-26&to=2025-12-27&format=csv", ApiHelpers.Ct);
        Assert.Contains("LTU,withdrawal_pending,withdrawn,left", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_after_1_June_2025_lists_the_withdrawals_in_date_order()
    {
        var rows = (await _http.Json("/api/pending?treaty=apmbc&on=2025-06-01")).Items().ToList();
        var withdrawals = rows.Where(r => r.Str("event") == "withdrawal takes effect").Select(r => (r.Str("state"), r.Str("date"))).ToList();
        Assert.Equal([("EST", "2025-12-27"), ("FIN", "2026-01-10"), ("LTU", "2025-12-27"), ("LVA", "2025-12-27"), ("POL", "2026-02-20")],
            withdrawals.OrderBy(w => w.Item1, StringComparer.Ordinal));
        Assert.Equal(withdrawals.Select(w => w.Item2).Order(StringComparer.Ordinal), withdrawals.Select(w => w.Item2));

        var finland = (await _http.Json("/api/pending?treaty=apmbc&state=Finland&on=2025-06-01")).Items().ToList();
        Assert.Equal("2026-01-10", Assert.Single(finland).Str("date"));

        var untilNewYear = (await _http.Json("/api/pending?treaty=apmbc&on=2025-06-01&to=2025-12-31")).Items();
        Assert.DoesNotContain(untilNewYear, r => r.Str("state") == "POL");
    }

    [Fact]
    public async Task Nothing_pending_for_the_mine_ban_treaty_in_the_Baltics_after_today()
    {
        var rows = (await _http.Json("/api/pending?treaty=apmbc&state=LTU")).Items();
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("/api/treaties/nosuchtreaty", 404, "unknown treaty 'nosuchtreaty'")]
    [InlineData("/api/treaties/nosuchtreaty/parties", 404, "unknown treaty")]
    [InlineData("/api/treaties/apmbc/parties?on=2026-13-01", 400, "on")]
    [InlineData("/api/treaties/apmbc/parties?all=maybe", 400, "all")]
    [InlineData("/api/treaties/apmbc/parties?format=xml", 400, "format")]
    [InlineData("/api/treaties/apmbc?format=csv", 400, "format")]
    [InlineData("/api/treaties/apmbc/diff?to=2025-12-27", 400, "from")]
    [InlineData("/api/treaties/apmbc/diff?from=2025-12-27", 400, "to")]
    [InlineData("/api/treaties/apmbc/diff?from=2025-12-28&to=2025-12-27", 400, "to 2025-12-27 is before from 2025-12-28")]
    [InlineData("/api/treaties/apmbc/diff?from=2025-02-29&to=2025-12-27", 400, "from")]
    [InlineData("/api/pending?treaty=Atlantis%20Accord", 404, "unknown treaty")]
    [InlineData("/api/pending?state=Atlantis", 404, "unknown state")]
    [InlineData("/api/pending?on=2025-06-01&to=2025-01-01", 400, "to")]
    [InlineData("/api/pending?format=pdf", 400, "format")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, int status, string mention) =>
        await _http.Problem(url, status, mention);

    [Fact]
    public async Task A_huge_query_string_is_refused_with_414()
    {
        await _http.Problem("/api/treaties/apmbc/parties?on=" + new string('9', 5000), 414, "query");
    }

    [Fact]
    public async Task The_json_is_the_command_line_contract()
    {
        // Same writer as `treatywatch parties --format json`: each party is a full status answer.
        var p = await _http.Json("/api/treaties/apmbc/parties?on=2026-01-01");
        var ltu = p.GetProperty("parties").Items().Single(x => x.Str("state") == "LTU");
        foreach (var name in new[] { "stateName", "treatyName", "statusText", "bound", "inForceSince", "withdrawalEffective", "treatyInForce", "participantsComplete", "latestDomesticStep", "reasons" })
            Assert.True(ltu.TryGetProperty(name, out _), name);
        Assert.Equal(JsonValueKind.Object, ltu.GetProperty("latestDomesticStep").ValueKind);
        Assert.NotEqual(HttpStatusCode.NotFound, (await _http.GetAsync("/api/treaties/apmbc/parties", ApiHelpers.Ct)).StatusCode);
    }
}
