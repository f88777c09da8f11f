using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TreatyWatch.Tests.Shared;
using TreatyWatch.Web.Tests;

namespace TreatyWatch.Web.BrowserTests;

/// <summary>
/// The web app on a real socket (Kestrel, 127.0.0.1, a free port) over a throwaway ledger, and Debian's Chromium driven
/// by Playwright. Without Chromium the tests fail under CI and are skipped (reported as skipped, never as passed)
/// elsewhere, with the command that installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-sync", "--no-first-run", "--disable-gpu",
    ];

    private IPlaywright? _playwright;

    public SecureAppFactory App { get; } = new();
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots are saved (CI keeps artifacts/ as its artefacts; docs/screenshots.md links them).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot.Folder, "artifacts", "screenshots");

    public static string? ChromiumPath() =>
        Environment.GetEnvironmentVariable("TREATYWATCH_CHROMIUM") is { Length: > 0 } p ? p
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public async ValueTask InitializeAsync()
    {
        if (ChromiumPath() is not { } chromium) return;
        App.UseKestrel(0);
        App.StartServer();
        _ = App.ReportId; // users and the waiting news report, before the first page
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ChromiumArgs, Headless = true });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page (its own context: no cookies shared between tests), or a skip/failure when there is no browser.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900)
    {
        if (Browser is null)
        {
            const string why = "Chromium is not installed: run scripts/install-browser.sh (Debian's chromium), or set TREATYWATCH_CHROMIUM";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) Assert.Fail(why);
            Assert.Skip(why);
        }

        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Saves a screenshot of the window (1280 × 900) as artifacts/screenshots/&lt;name&gt;.png.</summary>
    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
