using NodaTime;
using TreatyWatch.Answers;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Rendering;

/// <summary>The pages' services and their one data endpoint (the map slider's statuses for a day).</summary>
public static class PageServices
{
    /// <summary>Registers the map shapes and the treaty-page cache.</summary>
    public static IServiceCollection AddPageRendering(this IServiceCollection services)
    {
        services.AddSingleton(_ => MapShapes.Bundled());
        services.AddSingleton<TreatyViews>();
        // Whole pages, bounded: at most 64 MB of cached responses (the oldest go first).
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64L * 1024 * 1024;
            o.AddPolicy(PageCachePolicy.Name, new PageCachePolicy());
        });
        return services;
    }

    /// <summary><c>GET /treaties/{treaty}/map.json?on=YYYY-MM-DD</c>: what the slider needs to recolour the map.</summary>
    public static void MapPageData(this WebApplication app) =>
        app.MapGet("/treaties/{treaty}/map.json", (string treaty, string? on, LedgerData data, TreatyViews views, HttpContext http) =>
        {
            var snap = data.Current;
            var t = snap.Lookup.Treaty(treaty);
            var day = ParseOn(on, data);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(views.MapJson(snap, t, day), "application/json");
        }).ExcludeFromDescription();

    /// <summary>The page's day: <c>?on=YYYY-MM-DD</c>, default today; a bad date is the reader's error (400).</summary>
    public static LocalDate ParseOn(string? on, LedgerData data)
    {
        if (string.IsNullOrWhiteSpace(on)) return data.Today;
        if (IsoDate.TryParse(on.Trim(), out var d, out var error)) return d;
        throw new UserInputException($"on: '{on}' is not a date ({error}); write it as YYYY-MM-DD, e.g. 2025-12-27");
    }
}
