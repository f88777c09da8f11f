namespace TreatyWatch.Web.Tests;

/// <summary>States, a state's timeline and search.</summary>
public sealed class StateApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task States_lists_every_state_and_filters_by_name()
    {
        var all = (await _http.Json("/api/states")).Items().ToList();
        Assert.True(all.Count > 190, $"{all.Count} states");
        Assert.Contains(all, s => s.Str("iso3") == "UKR" && s.Str("name") == "Ukraine");
        var lith = Assert.Single((await _http.Json("/api/states?q=lith")).Items());
        Assert.Equal("LTU", lith.Str("iso3"));
        Assert.Equal("1990-03-11", lith.Str("from"));

        var csv = await _http.GetStringAsync("/api/states?q=lith&format=csv", ApiHelpers.Ct);
        Assert.StartsWith("iso3,name,aliases,from,until\r\nLTU,Lithuania,", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UKR")]
    [InlineData("ukraine")]
    [InlineData("Україна")]
    public async Task One_state_by_code_name_or_alias(string name)
    {
        var s = await _http.Json($"/api/states/{Uri.EscapeDataString(name)}");
        Assert.Equal("UKR", s.Str("iso3"));
        Assert.Equal("1991-08-24", s.Str("from"));
    }

    [Fact]
    public async Task Lithuania_timeline_under_the_mine_ban_treaty()
    {
        var entries = (await _http.Json("/api/states/Lithuania/timeline?treaty=apmbc")).Items().ToList();
        Assert.All(entries, e => Assert.Equal("apmbc", e.Str("treaty")));
        Assert.Contains(entries, e => e.Str("date") == "2003-05-12" && e.Str("event") == "ratified" && !e.GetProperty("computed").GetBoolean());
        Assert.Contains(entries, e => e.Str("date") == "2003-11-01" && e.Str("event") == "treaty in force for it (computed)" && e.GetProperty("computed").GetBoolean());
        Assert.Contains(entries, e => e.Str("date") == "2025-06-27" && e.Str("event").Contains("withdrawal", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Str("date") == "2025-12-27" && e.Str("event") == "withdrawal takes effect (computed)");
        var dates = entries.Select(e => e.Str("date")).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        var all = (await _http.Json("/api/states/LTU/timeline")).Items();
        Assert.Contains(all, e => e.Str("treaty") == "ccm");

        var csv = await _http.GetStringAsync("/api/states/LTU/timeline?treaty=apmbc&format=csv", ApiHelpers.Ct);
        Assert.StartsWith("date,treaty,event,computed,detail,sources\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("2025-12-27,apmbc,withdrawal takes effect (computed),true,,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_as_known_on_a_day_leaves_out_later_acts()
    {
        var entries = (await _http.Json("/api/states/LTU/timeline?treaty=apmbc&asKnownOn=2025-01-01")).Items();
        Assert.DoesNotContain(entries, e => e.Str("date").StartsWith("2025-06", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ranks_codes_names_and_aliases()
    {
        var r = await _http.Json("/api/search?q=lithuan");
        Assert.Equal("LTU", r.GetProperty("states").Items().First().Str("iso3"));

        var ottawa = await _http.Json("/api/search?q=ottawa");
        Assert.Equal("apmbc", ottawa.GetProperty("treaties").Items().First().Str("id"));
        // Ottawa is also Canada's capital.
        Assert.Contains(ottawa.GetProperty("states").Items(), s => s.Str("iso3") == "CAN");

        var code = await _http.Json("/api/search?q=ukr");
        var first = code.GetProperty("states").Items().First();
        Assert.Equal("UKR", first.Str("iso3"));
        Assert.Equal(0, first.GetProperty("rank").GetInt32());

        var typo = await _http.Json("/api/search?q=Lithuana");
        Assert.Contains(typo.GetProperty("states").Items(), s => s.Str("iso3") == "LTU");

        var treaty = await _http.Json("/api/search?q=cluster%20munitions");
        Assert.Equal("ccm", treaty.GetProperty("treaties").Items().First().Str("id"));

        var limited = await _http.Json("/api/search?q=an&limit=2");
        Assert.True(limited.GetProperty("states").GetArrayLength() <= 2);
    }

    [Theory]
    [InlineData("/api/states/Atlantis", 404, "unknown state 'Atlantis'")]
    [InlineData("/api/states/Atlantis/timeline", 404, "unknown state")]
    [InlineData("/api/states/LTU/timeline?treaty=nosuch", 404, "unknown treaty")]
    [InlineData("/api/states/LTU/timeline?asKnownOn=2025-1-1x", 400, "asKnownOn")]
    [InlineData("/api/states/LTU/timeline?format=yaml", 400, "format")]
    [InlineData("/api/states/LTU?format=csv", 400, "format")]
    [InlineData("/api/search", 400, "q")]
    [InlineData("/api/search?q=%20", 400, "q")]
    [InlineData("/api/search?q=ltu&limit=0", 400, "limit")]
    [InlineData("/api/search?q=ltu&limit=many", 400, "limit")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, int status, string mention) =>
        await _http.Problem(url, status, mention);

    [Fact]
    public async Task A_query_over_200_characters_is_refused()
    {
        await _http.Problem("/api/search?q=" + new string('a', 201), 400, "q: the query is 201 characters");
        await _http.Problem("/api/states?q=" + new string('a', 201), 400, "q:");
    }
}
