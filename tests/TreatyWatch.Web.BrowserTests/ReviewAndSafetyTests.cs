using TreatyWatch.Web.Tests;

namespace TreatyWatch.Web.BrowserTests;

/// <summary>Signing in, confirming a reported event in the review queue; untrusted article text never runs.</summary>
public sealed class ReviewAndSafetyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reviewer_signs_in_and_confirms_the_waiting_report_which_then_drives_the_status()
    {
        var id = browser.App.ReportId;
        var page = await browser.NewPage();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync("/review");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=username]", "rita");
        await page.FillAsync("input[name=password]", SecureAppFactory.Password);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync("**/review**");

        var report = page.Locator($"[data-report-id='{id}']");
        Assert.Equal(1, await report.CountAsync());
        await BrowserFixture.Screenshot(page, "review-queue");
        await report.Locator("input[name=reason]").FillAsync("the depositary notification confirms it");
        await report.Locator("button[name=decision][value=confirm]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(0, await page.Locator($"[data-report-id='{id}'] button[value=confirm]").CountAsync());
        Assert.Contains("rita", await page.ContentAsync(), StringComparison.Ordinal);

        // Confirmed, the deposit is law: Norway's withdrawal is pending six months after 2 February 2026.
        await page.GotoAsync("/treaties/apmbc?on=2026-03-01");
        Assert.Equal("withdrawal_pending", await page.GetAttributeAsync("#map path[data-state='NOR']", "data-status"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_script_in_an_article_title_and_text_shows_as_text_and_never_runs()
    {
        var page = await browser.NewPage();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var articles = await page.GotoAsync("/articles");
        Assert.Equal(200, articles!.Status);
        await page.Locator("a[href^='/articles/']").First.ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("<script>alert('title')</script>", await page.InnerTextAsync("#article-title"), StringComparison.Ordinal);
        Assert.Contains("<script>alert('quote')</script>", await page.InnerTextAsync("#article-text"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#article script, #article-title script").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
        await BrowserFixture.Screenshot(page, "article");
    }
}
