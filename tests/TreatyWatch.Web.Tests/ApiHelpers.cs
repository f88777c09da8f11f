using System.Net;
using System.Text.Json;

namespace TreatyWatch.Web.Tests;

internal static class ApiHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> Json(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem details answer with this status whose detail mentions <paramref name="mention"/>.</summary>
    public static async Task Problem(this HttpClient http, string url, int status, string mention)
    {
        var response = await http.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(mention, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static IEnumerable<JsonElement> Items(this JsonElement e) => e.EnumerateArray();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
