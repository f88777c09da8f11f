using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Tests;

/// <summary>Ingested articles and events, the Atom feeds and the calendar; one article is ingested into the throwaway ledger first.</summary>
public sealed class NewsApiTests : IClassFixture<WebAppFactory>
{
    private const string Text = "VILNIUS, April 16 (Test Wire) - Lithuania's Seimas voted 107-0 with 3 abstentions to withdraw from the Ottawa Convention banning anti-personnel mines.";
    private readonly HttpClient _http;
    private readonly long _articleId;

    public NewsApiTests(WebAppFactory app)
    {
        _http = app.CreateClient();
        var data = app.Services.GetRequiredService<LedgerData>();
        _articleId = data.Use(store =>
        {
            var known = store.IngestedArticles().FirstOrDefault(a => a.Url == "https://news.example/lt-seimas");
            if (known is not null) return known.Id;
            var start = Text.IndexOf("Lithuania's", StringComparison.Ordinal);
            var outcome = store.IngestArticle(
                new NewsArticle { Text = Text, Url = "https://news.example/lt-seimas", Outlet = "Test Wire", Title = "Seimas votes to leave mine ban treaty", Published = new LocalDate(2025, 4, 16), Language = "en" },
                [new NewsEvent { State = "LTU", Treaty = "apmbc", Action = "parliament_vote_withdraw", Kind = ActionKind.ParliamentVoteWithdraw, Date = PartialDate.OfDay(new LocalDate(2025, 4, 16)), Votes = new Votes(107, 0, 3, null), Evidence = Text[start..], Start = start, End = Text.Length, Extractor = "tests/1" }],
                "web tests");
            return outcome.ArticleId!.Value;
        });
    }

    [Fact]
    public async Task Articles_list_the_ingested_article()
    {
        var a = Assert.Single((await _http.Json("/api/articles")).Items(), x => x.GetProperty("id").GetInt64() == _articleId);
        Assert.Equal("Test Wire", a.Str("outlet"));
        Assert.Equal("2025-04-16", a.Str("published"));
        Assert.Equal(NewsArticle.HashOf(Text), a.Str("contentHash"));
        Assert.False(a.TryGetProperty("text", out _));

        var csv = await _http.GetStringAsync("/api/articles?format=csv", ApiHelpers.Ct);
        Assert.StartsWith("id,contentHash,published,outlet,title,url,recordedAt\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("https://news.example/lt-seimas", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_article_has_its_text_and_events_with_evidence_offsets()
    {
        var a = await _http.Json($"/api/articles/{_articleId}");
        Assert.Equal(Text, a.Str("text"));
        var e = Assert.Single(a.GetProperty("events").Items());
        Assert.Equal("LTU", e.Str("state"));
        Assert.Equal("parliament_vote_withdraw", e.Str("action"));
        Assert.Equal("reported", e.Str("reviewState"));
        Assert.Equal(e.Str("evidence"), Text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task Events_carry_their_source_and_filter_by_state_and_treaty()
    {
        var e = Assert.Single((await _http.Json("/api/events?state=Lithuania&treaty=ottawa%20treaty")).Items());
        Assert.Equal("2025-04-16", e.Str("date"));
        Assert.Equal("https://news.example/lt-seimas", e.GetProperty("source").Str("url"));
        Assert.Equal(_articleId, e.GetProperty("source").GetProperty("articleId").GetInt64());
        Assert.Empty((await _http.Json("/api/events?state=EST")).Items());
        var csv = await _http.GetStringAsync("/api/events?format=csv", ApiHelpers.Ct);
        Assert.StartsWith("id,state,treaty,action,date,evidence,actionId,articleId,url\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Treaty_feed_has_acts_on_record_and_reported_news_marked_as_reported()
    {
        var response = await _http.GetAsync("/treaties/Ottawa%20Convention/feed.atom", ApiHelpers.Ct);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(ApiHelpers.Ct));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("urn:treatywatch:treaty:apmbc", feed.Root!.Element(atom + "id")!.Value);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var reported = entries.Where(e => e.Elements(atom + "category").Any(c => (string?)c.Attribute("term") == "reported")).ToList();
        var news = Assert.Single(reported, e => e.Element(atom + "content")!.Value.Contains("news.example", StringComparison.Ordinal));
        Assert.StartsWith("Reported: Lithuania:", news.Element(atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("not the legal record", news.Element(atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value.StartsWith("Poland: ", StringComparison.Ordinal)
            && e.Elements(atom + "category").Any(c => (string?)c.Attribute("term") == "on-record"));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task State_feed_is_about_that_state_only()
    {
        var feed = XDocument.Parse(await _http.GetStringAsync("/states/LTU/feed.atom", ApiHelpers.Ct));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Matches("^(Reported: )?Lithuania: ", t));
        Assert.Contains(titles, t => t.Contains("Convention on Cluster Munitions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calendar_lists_effective_dates_from_a_day()
    {
        var response = await _http.GetAsync("/calendar.ics?treaty=apmbc&from=2025-12-01", ApiHelpers.Ct);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = (await response.Content.ReadAsStringAsync(ApiHelpers.Ct)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("UID:apmbc-LTU-2025-12-27-withdrawn@treatywatch", ics, StringComparison.Ordinal);
        Assert.Contains("UID:apmbc-FIN-2026-01-10-withdrawn@treatywatch", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260220", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Poland: Ottawa Convention — withdrawal takes effect", ics, StringComparison.Ordinal);

        var poland = await _http.GetStringAsync("/calendar.ics?state=Poland&from=2025-12-01", ApiHelpers.Ct);
        Assert.Contains("apmbc-POL-2026-02-20", poland, StringComparison.Ordinal);
        Assert.DoesNotContain("LTU", poland, StringComparison.Ordinal);

        // Today (2026-03-01) nothing is left to come for the Baltic states.
        Assert.DoesNotContain("BEGIN:VEVENT", await _http.GetStringAsync("/calendar.ics?treaty=apmbc&state=LTU", ApiHelpers.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/articles/abc", 400, "id")]
    [InlineData("/api/articles/999999", 404, "unknown article 999999")]
    [InlineData("/api/articles?format=xml", 400, "format")]
    [InlineData("/api/events?state=Atlantis", 404, "unknown state")]
    [InlineData("/api/events?treaty=nosuch", 404, "unknown treaty")]
    [InlineData("/treaties/nosuch/feed.atom", 404, "unknown treaty")]
    [InlineData("/states/Atlantis/feed.atom", 404, "unknown state")]
    [InlineData("/calendar.ics?treaty=nosuch", 404, "unknown treaty")]
    [InlineData("/calendar.ics?from=2025-02-30", 400, "from")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, int status, string mention) =>
        await _http.Problem(url, status, mention);
}
