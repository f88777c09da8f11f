namespace TreatyWatch.Web.Security;

/// <summary>
/// Security headers on every response, errors included (set when the response starts, after the exception handler
/// has cleared the headers): a Content-Security-Policy that runs only the site's own scripts (no inline script, no
/// eval), no framing (frame-ancestors 'none' and X-Frame-Options DENY), X-Content-Type-Options nosniff, a
/// Referrer-Policy, a Permissions-Policy that turns off device features, and HSTS over HTTPS.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>The policy: everything from this site only; styles too (no inline style elements or attributes).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (/api/reference, Scalar) starts itself with an inline script and inserts its styles at
    /// run time. Its scripts are allowed by their SHA-256 (computed from the page as served: never 'unsafe-inline'
    /// for scripts); its styles need 'unsafe-inline' (that page shows no user data).
    /// </summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string PolicyItem = "treatywatch.csp";

    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h.ContentSecurityPolicy = http.Items[PolicyItem] as string ?? ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = PermissionsPolicy;
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            if (string.Equals(http.Request.Path.Value?.TrimEnd('/'), "/api/reference", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(http.Request.Method))
                await WithScriptHashes(http, next);
            else
                await next(http);
        });

    /// <summary>Serves the reference page from a buffer, with a policy that allows exactly its inline scripts.</summary>
    private static async Task WithScriptHashes(HttpContext http, RequestDelegate next)
    {
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        var hashes = "";
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            foreach (System.Text.RegularExpressions.Match m in InlineScript().Matches(html))
                hashes += $" 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'";
        }

        http.Items[PolicyItem] = string.Format(System.Globalization.CultureInfo.InvariantCulture, ReferencePagePolicy, hashes);
        if (http.Response.Headers.ContentLength is not null) http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InlineScript();
}
