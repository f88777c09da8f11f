using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Rendering;

/// <summary>
/// Whole-page caching for the treaty pages (policy "pages"): the response bytes are kept per (catalog snapshot, today,
/// <c>?on=</c>), so a reload of the catalog or a new day starts afresh. Only plain reads are cached: GET or HEAD,
/// no cookies, no Authorization header, no signed-in user; only 200 answers that set no cookie are stored.
/// </summary>
public sealed class PageCachePolicy : IOutputCachePolicy
{
    public const string Name = "pages";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var plain = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                    && !request.Headers.ContainsKey("Cookie")
                    && !request.Headers.ContainsKey("Authorization")
                    && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = plain;
        context.AllowCacheStorage = plain;
        context.AllowLocking = true;
        var data = http.RequestServices.GetRequiredService<LedgerData>();
        var snap = data.Current;
        context.CacheVaryByRules.QueryKeys = "on";
        context.CacheVaryByRules.VaryByValues["snapshot"] = $"{RuntimeHelpers.GetHashCode(snap)}-{snap.LoadedAt.ToUnixTimeTicks()}";
        context.CacheVaryByRules.VaryByValues["today"] = Words.Iso(data.Today);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie")) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
