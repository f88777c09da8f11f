using Microsoft.Extensions.DependencyInjection;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Tests;

/// <summary>Status answers come from a cache of written JSON: the same bytes each time, and fresh after the catalog is reloaded.</summary>
public sealed class StatusCacheTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task A_repeated_question_gets_the_same_answer_and_a_reload_keeps_it_right()
    {
        const string url = "/api/status/POL/apmbc?on=2026-02-19";
        var first = await _http.GetAsync(url, ApiHelpers.Ct);
        var body = await first.Content.ReadAsStringAsync(ApiHelpers.Ct);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), (int)first.Content.Headers.ContentLength!.Value);
        Assert.Contains("\"status\":\"withdrawal_pending\"", body, StringComparison.Ordinal);
        Assert.Equal(body, await _http.GetStringAsync(url, ApiHelpers.Ct));

        app.Services.GetRequiredService<LedgerData>().Reload();
        Assert.Equal(body, await _http.GetStringAsync(url, ApiHelpers.Ct));
        // Another day is another answer, never the cached one.
        Assert.Contains("\"status\":\"withdrawn\"", await _http.GetStringAsync("/api/status/POL/apmbc?on=2026-02-20", ApiHelpers.Ct), StringComparison.Ordinal);
        Assert.Contains("\"on\":\"2026-03-01\"", await _http.GetStringAsync("/api/status/POL/apmbc", ApiHelpers.Ct), StringComparison.Ordinal);
    }
}
