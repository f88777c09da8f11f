using Microsoft.Playwright;

namespace TreatyWatch.Web.BrowserTests;

/// <summary>The treaty page in a real browser: the map today, and moved to a day with the slider.</summary>
public sealed class TreatyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string StatusOf(string state) => $"#map path[data-state='{state}']";

    [Fact]
    public async Task The_home_page_shows_the_mine_ban_map_for_today_with_the_five_leavers_withdrawn_and_Ukraine_bound()
    {
        var page = await browser.NewPage();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("TreatyWatch", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("apmbc", await page.GetAttributeAsync("#treaty", "data-treaty"));
        foreach (var state in new[] { "EST", "LVA", "LTU", "FIN", "POL" })
            Assert.Equal("withdrawn", await page.GetAttributeAsync(StatusOf(state), "data-status"));
        Assert.Equal("party", await page.GetAttributeAsync(StatusOf("UKR"), "data-status"));
        var note = await page.Locator("#participants tr[data-state='UKR'] .not-provided").First.InnerTextAsync();
        Assert.Contains("suspen", note, StringComparison.OrdinalIgnoreCase);
        await BrowserFixture.Screenshot(page, "home-apmbc-map");
    }

    [Fact]
    public async Task Moving_the_slider_to_26_and_27_December_2025_shows_Lithuania_pending_then_withdrawn()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/treaties/apmbc?on=2025-06-01");
        Assert.Equal("party", await page.GetAttributeAsync(StatusOf("LTU"), "data-status"));
        var slider = page.Locator("#date-slider");

        await slider.FillAsync(EpochDay(2025, 12, 26));
        await Expect(page.Locator(StatusOf("LTU")), "withdrawal_pending");
        Assert.Equal("2025-12-26", await page.InputValueAsync("#on"));
        await BrowserFixture.Screenshot(page, "treaty-apmbc-2025-12-26");

        await slider.FillAsync(EpochDay(2025, 12, 27));
        await Expect(page.Locator(StatusOf("LTU")), "withdrawn");
        Assert.Equal("2025-12-27", await page.InputValueAsync("#on"));
        // Estonia's withdrawal took effect earlier still, Finland's not yet (10 January 2026).
        Assert.Equal("withdrawn", await page.GetAttributeAsync(StatusOf("EST"), "data-status"));
        Assert.Equal("withdrawal_pending", await page.GetAttributeAsync(StatusOf("FIN"), "data-status"));
    }

    [Fact]
    public async Task Without_JavaScript_the_date_form_gives_the_same_map()
    {
        var context = await browser.Browser!.NewContextAsync(new() { BaseURL = browser.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/treaties/apmbc?on=2025-06-01");
        await page.FillAsync("#on", "2025-12-26");
        await page.ClickAsync("#date-form button[type=submit]");
        Assert.Equal("withdrawal_pending", await page.GetAttributeAsync(StatusOf("LTU"), "data-status"));
        await context.CloseAsync();
    }

    /// <summary>The slider's value for a day: days since 1970-01-01.</summary>
    private static string EpochDay(int y, int m, int d) =>
        ((int)(new DateOnly(y, m, d).DayNumber - new DateOnly(1970, 1, 1).DayNumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task Expect(ILocator shape, string status) =>
        Assertions.Expect(shape).ToHaveAttributeAsync("data-status", status);
}
