namespace TreatyWatch.Web.BrowserTests;

/// <summary>The treaty page in a real browser: the map on a date, moved with the slider.</summary>
public sealed class TreatyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_opens_and_answers()
    {
        var page = await browser.NewPage();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("TreatyWatch", await page.TitleAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home.png"), FullPage = true });
    }
}
