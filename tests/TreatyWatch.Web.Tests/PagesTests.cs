using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Tests;

/// <summary>The reading pages, parsed as a browser would: the map, the counts, the participant table, the timeline.</summary>
public sealed class PagesTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, IDocument Page)> Get(string url)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, new HtmlParser().ParseDocument(html));
    }

    private static string? StatusOf(IDocument page, string iso3) =>
        page.QuerySelector($"#participants tr[data-state='{iso3}']")?.GetAttribute("data-status");

    [Fact]
    public async Task Lithuania_is_leaving_the_mine_ban_treaty_on_26_December_2025_and_out_on_the_27th()
    {
        var (status, before) = await Get("/treaties/apmbc?on=2025-12-26");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("withdrawal_pending", StatusOf(before, "LTU"));
        Assert.Equal("withdrawal_pending", before.QuerySelector("#map path[data-state='LTU']")?.GetAttribute("data-status"));
        Assert.Contains("27 December 2025", before.QuerySelector("#participants tr[data-state='LTU']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(before.QuerySelectorAll("#upcoming li[data-state='LTU']"), li => li.GetAttribute("data-date") == "2025-12-27");
        // The slider's value is the day, as days since 1970-01-01.
        var slider = before.QuerySelector("input#date-slider[type=range]")!;
        var epochDay = (new DateOnly(2025, 12, 26).DayNumber - new DateOnly(1970, 1, 1).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(epochDay, slider.GetAttribute("value"));
        Assert.True(int.Parse(slider.GetAttribute("min")!, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(epochDay, System.Globalization.CultureInfo.InvariantCulture));

        var (_, after) = await Get("/treaties/ottawa%20treaty?on=2025-12-27");
        Assert.Equal("withdrawn", StatusOf(after, "LTU"));
        Assert.Equal("withdrawn", after.QuerySelector("#map path[data-state='LTU']")?.GetAttribute("data-status"));
        Assert.Equal("2025-12-27", after.QuerySelector("input#on[type=date][name=on]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_home_page_shows_the_five_leavers_withdrawn_and_Ukraine_bound_despite_its_suspension()
    {
        var (status, page) = await Get("/");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var iso in new[] { "EST", "LVA", "LTU", "FIN", "POL" })
        {
            Assert.Equal("withdrawn", StatusOf(page, iso));
            Assert.Equal("withdrawn", page.QuerySelector($"#map path[data-state='{iso}']")?.GetAttribute("data-status"));
        }

        Assert.Equal("party", StatusOf(page, "UKR"));
        var note = page.QuerySelector("#participants tr[data-state='UKR'] .not-provided");
        Assert.NotNull(note);
        Assert.Contains("suspen", note.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not provide", note.TextContent, StringComparison.OrdinalIgnoreCase);

        // Every shape is a path with a state, a status and a title; the counts, slider and chart are there.
        var paths = page.QuerySelectorAll("#map path[data-state]");
        Assert.True(paths.Length > 150);
        Assert.All(paths, p => Assert.NotNull(p.QuerySelector("title")));
        Assert.Equal("withdrawn", page.QuerySelector("#counts [data-status='withdrawn']")?.GetAttribute("data-status"));
        Assert.Equal(page.QuerySelectorAll("#participants tr[data-status='withdrawn']").Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("#counts [data-status='withdrawn'] dd")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input#date-slider[type=range]"));
        Assert.NotNull(page.QuerySelector("#parties-chart path.series"));
        Assert.NotEmpty(page.QuerySelectorAll("#all-treaties a[href^='/treaties/']"));
    }

    [Fact]
    public async Task The_map_data_for_the_slider_gives_the_day_s_statuses()
    {
        var json = await _http.GetStringAsync("/treaties/apmbc/map.json?on=2025-12-26", TestContext.Current.CancellationToken);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("withdrawal_pending", doc.RootElement.GetProperty("states").GetProperty("LTU").GetString());
        Assert.Equal("2025-12-26", doc.RootElement.GetProperty("on").GetString());
        Assert.True(doc.RootElement.GetProperty("counts").GetProperty("party").GetInt32() > 100);
    }

    [Fact]
    public async Task The_state_page_lists_Lithuania_s_steps_in_date_order()
    {
        var (status, page) = await Get("/states/lithuania");
        Assert.Equal(HttpStatusCode.OK, status);
        var items = page.QuerySelectorAll("#timeline > li");
        var dates = items.Select(li => li.GetAttribute("data-date")!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var apmbc = items.Where(li => li.GetAttribute("data-treaty") == "apmbc").Select(li => li.GetAttribute("data-kind")).ToList();
        var order = new[] { "recommend_withdrawal", "parliament_vote_withdraw", "deposit_withdrawal", "withdrawal_effective" }.Select(k => apmbc.IndexOf(k)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var vote = items.First(li => li.GetAttribute("data-kind") == "parliament_vote_withdraw" && li.GetAttribute("data-treaty") == "apmbc");
        Assert.Contains("107", vote.TextContent, StringComparison.Ordinal);
        Assert.NotNull(vote.QuerySelector("a[href^='http']"));
        Assert.Equal("withdrawn", page.QuerySelector("#treaties tr[data-treaty='apmbc']")?.GetAttribute("data-status"));
    }

    [Theory]
    [InlineData("lithuania", "/states/LTU")]
    [InlineData("ottawa", "/treaties/apmbc")]
    [InlineData("Mine Ban Treaty", "/treaties/apmbc")]
    public async Task A_search_with_one_clear_match_opens_its_page(string q, string target)
    {
        var response = await _http.GetAsync("/search?q=" + Uri.EscapeDataString(q), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_search_with_no_match_suggests_near_misses()
    {
        var (status, page) = await Get("/search?q=lithuana");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#suggestions a[href='/states/LTU']"));
    }

    [Theory]
    [InlineData("/treaties/nosuchtreaty", 404)]
    [InlineData("/states/Atlantis", 404)]
    [InlineData("/articles/999999", 404)]
    [InlineData("/treaties/apmbc?on=2025-02-30", 400)]
    [InlineData("/states/LTU?on=yesterday", 400)]
    [InlineData("/?on=2025-13-01", 400)]
    public async Task Mistakes_are_pages_with_the_right_status(string url, int code)
    {
        var (status, page) = await Get(url);
        Assert.Equal(code, (int)status);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#problem")?.GetAttribute("data-status-code"));
        Assert.NotNull(page.QuerySelector("form[action='/search']"));
    }

    [Fact]
    public async Task The_lists_link_every_treaty_and_state()
    {
        var (_, treaties) = await Get("/treaties");
        Assert.NotNull(treaties.QuerySelector("#treaty-list a[href='/treaties/apmbc']"));
        var (_, states) = await Get("/states");
        Assert.NotNull(states.QuerySelector("#state-list a[href='/states/LTU']"));
    }
}

/// <summary>Articles are untrusted: their titles and text are shown as text, never as markup.</summary>
public sealed class ArticlePageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_title_with_a_script_tag_is_shown_as_text_and_the_event_is_marked_on_its_evidence()
    {
        var http = app.CreateClient();
        var data = app.Services.GetRequiredService<LedgerData>();
        const string evidence = "The Seimas voted 107 to 0 on 8 May 2025 to leave the Ottawa Convention.";
        var text = "Vilnius. <b>Not bold</b> here. " + evidence + " More follows.";
        var start = text.IndexOf(evidence, StringComparison.Ordinal);
        var outcome = data.Use(s => s.IngestArticle(new NewsArticle
        {
            Text = text,
            Title = "<script>alert('x')</script> Seimas votes",
            Outlet = "Test Outlet",
            Published = new LocalDate(2025, 5, 8),
        }, [new NewsEvent
        {
            State = "LTU",
            Treaty = "apmbc",
            Action = "parliament_vote_withdraw",
            Kind = ActionKind.ParliamentVoteWithdraw,
            Date = PartialDate.OfDay(new LocalDate(2025, 5, 8)),
            Votes = new Votes(107, 0, null, 85),
            Evidence = evidence,
            Start = start,
            End = start + evidence.Length,
            Extractor = "test/1",
        }], "test"));
        Assert.NotNull(outcome.ArticleId);

        var html = await http.GetStringAsync($"/articles/{outcome.ArticleId}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Not bold", html, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("<script>alert('x')</script> Seimas votes", page.QuerySelector("#article-title")?.TextContent);
        Assert.Contains("<b>Not bold</b>", page.QuerySelector("#article-text")?.TextContent, StringComparison.Ordinal);
        var mark = page.QuerySelector("#article-text mark[data-event]");
        Assert.NotNull(mark);
        Assert.Equal(evidence, mark.TextContent);
        Assert.Single(page.QuerySelectorAll("#events li[data-event]"));

        var list = await http.GetStringAsync("/articles", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", list, StringComparison.Ordinal);

        // The reported step shows on the state page as reported news, outside the timeline of law.
        var state = new HtmlParser().ParseDocument(await http.GetStringAsync("/states/LTU", TestContext.Current.CancellationToken));
        Assert.Contains(state.QuerySelectorAll("#reported li[data-reported]"), li => li.GetAttribute("data-kind") == "parliament_vote_withdraw");
    }
}
