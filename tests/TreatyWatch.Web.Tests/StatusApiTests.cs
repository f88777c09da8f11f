using System.Net;
using System.Text.Json;

namespace TreatyWatch.Web.Tests;

public sealed class StatusApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task Lithuania_has_left_the_mine_ban_treaty_on_1_January_2026()
    {
        var response = await _http.GetAsync("/api/status/Lithuania/ottawa%20convention?on=2026-01-01", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("LTU", root.GetProperty("state").GetString());
        Assert.Equal("apmbc", root.GetProperty("treaty").GetString());
        Assert.Equal("withdrawn", root.GetProperty("status").GetString());
        Assert.Equal("2025-12-27", root.GetProperty("withdrawalEffective").GetString());
        Assert.False(root.GetProperty("bound").GetBoolean());
        Assert.NotEqual(0, root.GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_date_the_answer_is_for_today()
    {
        var json = await _http.GetStringAsync("/api/status/LTU/apmbc", TestContext.Current.CancellationToken);
        Assert.Contains("\"on\":\"2026-03-01\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/status/Atlantis/apmbc", 404, "unknown state 'Atlantis'")]
    [InlineData("/api/status/LTU/nosuchtreaty", 404, "unknown treaty 'nosuchtreaty'")]
    [InlineData("/api/status/LTU/apmbc?on=2025-02-30", 400, "on")]
    [InlineData("/api/status/LTU/apmbc?on=yesterday", 400, "on")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, int status, string mention)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(mention, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
