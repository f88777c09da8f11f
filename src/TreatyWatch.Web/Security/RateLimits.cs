using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TreatyWatch.Web.Security;

/// <summary>
/// The rate-limit policies, by name, for routes to opt into: <c>.RequireRateLimiting(RateLimits.Search)</c> on a
/// minimal API route, <c>[EnableRateLimiting(RateLimits.Search)]</c> on a page. Over the limit: 429 with problem
/// details and Retry-After. Partitioned by client address (writes: by user). GET and HEAD never count against
/// <see cref="SignIn"/> or <see cref="Write"/> (showing the form or the queue is free).
/// </summary>
public static class RateLimits
{
    /// <summary>Search (/search, /api/search): a burst of <see cref="SecurityOptions.SearchBurst"/>, then <see cref="SecurityOptions.SearchPerSecond"/> per second, per address.</summary>
    public const string Search = "search";

    /// <summary>Sign-in attempts (POST /signin): <see cref="SecurityOptions.SignInAttempts"/> per <see cref="SecurityOptions.SignInWindow"/>, per address (brute force).</summary>
    public const string SignIn = "signin";

    /// <summary>Writes (review decisions, imports): <see cref="SecurityOptions.WritesPerMinute"/> per minute, per user.</summary>
    public const string Write = "write";

    internal static void AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancel) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await SecurityProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, $"too many requests: try again in {(int)Math.Ceiling(wait.TotalSeconds)} s");
            };

            o.AddPolicy(SignIn, http => IsRead(http)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter("signin:" + Address(http), _ =>
                {
                    var s = Settings(http);
                    return new FixedWindowRateLimiterOptions { PermitLimit = s.SignInAttempts, Window = s.SignInWindow, QueueLimit = 0 };
                }));

            o.AddPolicy(Write, http => IsRead(http)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter("write:" + (http.User.FindFirstValue(ClaimTypes.Name) ?? Address(http)), _ =>
                    new FixedWindowRateLimiterOptions { PermitLimit = Settings(http).WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            o.AddPolicy(Search, SearchPartition);

            // /api/search is mapped with the rest of the API: until its route names the policy, it is limited here by
            // path (a route that names it is left to the named policy, so nothing counts twice).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api/search", StringComparison.OrdinalIgnoreCase) && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                    ? SearchPartition(http)
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static RateLimitPartition<string> SearchPartition(HttpContext http) =>
        RateLimitPartition.GetTokenBucketLimiter("search:" + Address(http), _ =>
        {
            var s = Settings(http);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = s.SearchBurst, TokensPerPeriod = s.SearchPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            };
        });

    private static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    private static SecurityOptions Settings(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;

    /// <summary>The client's address (behind a proxy: configure forwarded headers so that this is the client's, not the proxy's).</summary>
    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();
}

/// <summary>Limits and settings of the security part (section "Security" of the configuration, or set by tests).</summary>
public sealed class SecurityOptions
{
    public int SignInAttempts { get; set; } = 5;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
    public int WritesPerMinute { get; set; } = 60;
    public int SearchBurst { get; set; } = 30;
    public int SearchPerSecond { get; set; } = 10;
    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(8);
}
