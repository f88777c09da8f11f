using NodaTime;
using Scalar.AspNetCore;
using TreatyWatch.Web.Api;
using TreatyWatch.Web.Feeds;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Security;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web;

/// <summary>
/// The composition root of the web app: where the services are registered and each part (API, pages, feeds,
/// security) is mapped. Each part lives in its own folder and adds itself here with one line.
/// </summary>
public static class WebApp
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The pages, styles and map data ship beside the program: look for them there, not in the current folder.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrls);
        Configure(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        Map(app);
        return app;
    }

    private static void Configure(WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var db = config["db"] is { Length: > 0 } d ? d : Environment.GetEnvironmentVariable("TREATYWATCH_DB") is { Length: > 0 } e ? e : null;
        builder.Services.AddSingleton(new LedgerOptions(db, config["data"]));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<LedgerData>();
        builder.Services.AddProblemAnswers();
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages();
        builder.AddApi();
        builder.Services.AddPageRendering();
        builder.Services.AddSecurity(config);
    }

    private static void Map(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseProblemAnswers();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSecurity();
        app.UseOutputCache();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference");
        app.MapApi();
        app.MapWriteApi();
        app.MapFeeds();
        app.MapRazorPages();
        app.MapPageData();

        // Load the catalog before the first request, and say where to look.
        var data = app.Services.GetRequiredService<LedgerData>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                Console.WriteLine($"TreatyWatch is serving {data.Location} at {url} — open it in a browser (Ctrl+C stops it)");
        });
    }
}
