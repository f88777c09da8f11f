using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyWatch.Tests.Shared;

namespace TreatyWatch.Web.Tests;

/// <summary>
/// The OpenAPI document served at /openapi/v1.json is the one committed at docs/openapi/v1.json. After changing the API,
/// refresh it: <c>TREATYWATCH_UPDATE_OPENAPI=1 dotnet test --project tests/TreatyWatch.Web.Tests</c>, and commit it.
/// </summary>
public sealed class OpenApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    private static string Committed => Path.Combine(RepoRoot.Folder, "docs", "openapi", "v1.json");

    [Fact]
    public async Task Served_document_is_the_committed_one()
    {
        var served = Normalize(await _http.GetStringAsync("/openapi/v1.json", ApiHelpers.Ct));
        if (Environment.GetEnvironmentVariable("TREATYWATCH_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
            await File.WriteAllTextAsync(Committed, served, ApiHelpers.Ct);
        }

        Assert.True(File.Exists(Committed), $"{Committed} is missing: run TREATYWATCH_UPDATE_OPENAPI=1 dotnet test --project tests/TreatyWatch.Web.Tests");
        var committed = await File.ReadAllTextAsync(Committed, ApiHelpers.Ct);
        Assert.True(committed == served,
            "The served OpenAPI document differs from docs/openapi/v1.json. If the API change is intended, refresh it: TREATYWATCH_UPDATE_OPENAPI=1 dotnet test --project tests/TreatyWatch.Web.Tests");
    }

    [Fact]
    public async Task Every_endpoint_has_a_summary_and_problem_answers()
    {
        var doc = JsonNode.Parse(await _http.GetStringAsync("/openapi/v1.json", ApiHelpers.Ct))!;
        var paths = doc["paths"]!.AsObject();
        foreach (var route in new[] { "/api/status/{state}/{treaty}", "/api/treaties", "/api/treaties/{treaty}", "/api/treaties/{treaty}/parties", "/api/treaties/{treaty}/diff",
                     "/api/states", "/api/states/{state}", "/api/states/{state}/timeline", "/api/pending", "/api/articles", "/api/articles/{id}", "/api/events", "/api/search",
                     "/treaties/{treaty}/feed.atom", "/states/{state}/feed.atom", "/calendar.ics" })
        {
            var get = paths[route]?["get"];
            Assert.True(get is not null, $"{route} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace((string?)get["summary"]), $"{route}: no summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)get["description"]), $"{route}: no description");
            var responses = get["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("200"), route);
            Assert.True(responses.ContainsKey("400") || responses.ContainsKey("404"), $"{route}: no problem answer");
        }
    }

    [Fact]
    public async Task The_reference_page_loads_nothing_from_a_CDN()
    {
        var html = await _http.GetStringAsync("/api/reference", ApiHelpers.Ct);
        Assert.Contains("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("src=\"https?://", html);
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
