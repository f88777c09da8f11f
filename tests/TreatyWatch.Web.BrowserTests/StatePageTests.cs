namespace TreatyWatch.Web.BrowserTests;

/// <summary>The state page in a real browser: the steps of Lithuania's withdrawal, in order, each with a source.</summary>
public sealed class StatePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Lithuania_page_lists_its_steps_in_date_order_with_sources()
    {
        var page = await browser.NewPage();
        Assert.Equal(200, (await page.GotoAsync("/states/lithuania"))!.Status);
        var items = page.Locator("#timeline > li[data-date]");
        var count = await items.CountAsync();
        Assert.True(count >= 4, $"only {count} steps on Lithuania's timeline");
        var dates = new List<string>();
        var kinds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            dates.Add((await items.Nth(i).GetAttributeAsync("data-date"))!);
            kinds.Add((await items.Nth(i).GetAttributeAsync("data-kind"))!);
        }

        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        // The mine-ban withdrawal: the vote comes before the deposit, and the deposit before the effect.
        var vote = kinds.IndexOf("parliament_vote_withdraw");
        var deposit = kinds.IndexOf("deposit_withdrawal");
        Assert.True(vote >= 0 && deposit > vote, $"steps in order: {string.Join(", ", kinds)}");
        Assert.True(await page.Locator("#timeline > li[data-kind='deposit_withdrawal'] a[href]").CountAsync() > 0, "the deposit has no source link");
        await BrowserFixture.Screenshot(page, "state-lithuania");
    }
}
