namespace TreatyWatch.Web.Security;

/// <summary>
/// Security headers on every response, errors included (set when the response starts, after the exception handler
/// has cleared the headers): a Content-Security-Policy that runs only the site's own scripts (no inline script, no
/// eval), no framing (frame-ancestors 'none' and X-Frame-Options DENY), X-Content-Type-Options nosniff, a
/// Referrer-Policy, a Permissions-Policy that turns off device features, and HSTS over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy: everything from this site only; styles too (no inline style elements or attributes).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (/api/reference, Scalar) starts itself with an inline script and styles itself inline:
    /// that one page gets script-src 'self' 'unsafe-inline' (it shows no user data; the rest of the site does not).
    /// </summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                var reference = http.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase);
                h.ContentSecurityPolicy = reference ? ReferencePagePolicy : ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = PermissionsPolicy;
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            return next(http);
        });
}
