using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TreatyWatch.Web.Tests;

internal static partial class SecurityTestHelpers
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see them).</summary>
    public static HttpClient Browser(this SecureAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static HttpClient WithToken(this SecureAppFactory app, string token)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string FormToken(string html)
    {
        var m = TokenField().Match(html);
        Assert.True(m.Success, "no anti-forgery token on the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<HttpResponseMessage> SignIn(HttpClient browser, string user, string password)
    {
        var form = await browser.GetStringAsync("/signin", Cancel);
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = FormToken(form),
        }), Cancel);
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient http, string url, object body) => http.PostAsJsonAsync(url, body, Cancel);

    public static async Task<bool> Bound(HttpClient http, string state, string treaty, string on)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/api/status/{state}/{treaty}?on={on}", Cancel));
        return json.RootElement.GetProperty("bound").GetBoolean();
    }
}
