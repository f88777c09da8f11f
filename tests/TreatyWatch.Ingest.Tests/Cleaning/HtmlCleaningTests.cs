using NodaTime;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

public class HtmlCleaningTests
{
    private const string Body =
        "<p>The parliament of Freedonia voted on Tuesday to leave the Convention on Imaginary Weapons, by 81 votes to 12, with three abstentions.</p>"
        + "<p>The withdrawal takes effect six months after the depositary receives the notification, the foreign ministry said in a statement.</p>"
        + "<p>Opposition members argued that the decision, taken in a hurry, would weaken the country's standing among its neighbours.</p>";

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>";

    [Fact]
    public void Metadata_FromJsonLd_TitleBylineAndPublisherLocalDate()
    {
        var html = Page(
            """
            <title>Freedonia leaves weapons treaty | The Daily Example</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Daily Example"},
             {"@type":"NewsArticle","headline":"Freedonia votes to leave weapons treaty",
              "datePublished":"2025-06-29T01:30:00+05:30",
              "author":[{"@type":"Person","name":"Ana Example"},{"@type":"Person","name":"Ben Sample"}]}]}
            </script>
            """,
            $"<article>{Body}</article>");

        var article = ArticleCleaner.Clean(html, "page.html");

        Assert.Equal("Freedonia votes to leave weapons treaty", article.Title);
        Assert.Equal("Ana Example, Ben Sample", article.Byline);
        // 01:30 at +05:30 is still 28 June in UTC; the publisher's date is the one the page means.
        Assert.Equal(new LocalDate(2025, 6, 29), article.Published);
        Assert.Equal("2025-06-29T01:30:00+05:30", article.PublishedRaw);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Metadata_FromOpenGraph_WhenNoJsonLd()
    {
        var html = Page(
            """
            <meta property="og:title" content="Treaty exit approved">
            <meta property="article:published_time" content="2024-07-18T09:00:00Z">
            <meta name="author" content="By Carla Writer">
            """,
            $"<main>{Body}</main>");

        var article = ArticleCleaner.Clean(html);

        Assert.Equal("Treaty exit approved", article.Title);
        Assert.Equal("Carla Writer", article.Byline);
        Assert.Equal(new LocalDate(2024, 7, 18), article.Published);
    }

    [Fact]
    public void Metadata_FromTimeElement_WhenNoMeta()
    {
        var html = Page("<title>Vote</title>", $"<article><h1>Vote</h1><time datetime=\"2023-10-25\">25 October</time>{Body}</article>");

        var article = ArticleCleaner.Clean(html);

        Assert.Equal(new LocalDate(2023, 10, 25), article.Published);
        Assert.Equal("2023-10-25", article.PublishedRaw);
    }

    [Fact]
    public void Metadata_BrokenJsonLd_IsIgnored()
    {
        var html = Page(
            """<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script><meta property="og:title" content="Still here">""",
            Body);

        Assert.Equal("Still here", ArticleCleaner.Clean(html).Title);
    }

    [Fact]
    public void ScriptInTitle_StaysText()
    {
        var html = Page("<title>Votes <script>alert(1)</script> counted</title>", $"<div>{Body}<script>document.write('injected')</script></div>");

        var article = ArticleCleaner.Clean(html);

        Assert.Equal("Votes <script>alert(1)</script> counted", article.Title);
        Assert.DoesNotContain("injected", article.Text);
    }

    [Fact]
    public void Furniture_CookieBannerNewsletterRelatedShareCommentsNavFooter_Removed()
    {
        var html = Page(
            "<title>Freedonia leaves</title>",
            """
            <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
            <div class="page-wrapper">
              <article>
                <h1>Freedonia leaves</h1>
                <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            """
            + Body
            + """
                <div class="newsletter-signup"><p>Sign up for our newsletter and get the day's top treaty news in your inbox every morning.</p></div>
                <p>Read more: <a href="/other">Ruritania ratifies fishing accord</a></p>
              </article>
              <aside class="related-news"><h3>Related news</h3>
                <ul><li><a href="/a">Ruritania ratifies fishing accord after long debate in parliament</a></li>
                <li><a href="/b">Borduria suspends border treaty amid protests</a></li></ul></aside>
              <section id="comments"><p>Great article, I have been saying this for years and nobody listens to me at all.</p></section>
            </div>
            <footer><p>Copyright 2025 The Daily Example. All rights reserved. Contact us, privacy policy, terms of use.</p></footer>
            """);

        var text = ArticleCleaner.Clean(html).Text;

        Assert.Contains("voted on Tuesday to leave the Convention on Imaginary Weapons", text);
        Assert.Contains("Opposition members argued", text);
        foreach (var furniture in new[] { "cookies", "Home", "Share on", "newsletter", "Read more", "Ruritania", "Borduria", "Great article", "Copyright", "Freedonia leaves" })
        {
            Assert.DoesNotContain(furniture, text);
        }
    }

    [Fact]
    public void Structure_HeadingsListsAndQuotes_KeptAsParagraphs()
    {
        var html = Page(
            "<title>t</title>",
            "<div class=\"entry-content\">" + Body
            + "<h2>What happens next</h2><ul><li>The notification goes to the depositary in New York.</li><li>The exit takes effect after six months.</li></ul>"
            + "<blockquote><p>We had no other choice, given the situation on our borders, said the minister.</p></blockquote></div>");

        var text = ArticleCleaner.Clean(html).Text;

        Assert.Contains("\n\nWhat happens next\n\nThe notification goes to the depositary in New York.\n\nThe exit takes effect after six months.\n\n", text);
        Assert.EndsWith("We had no other choice, given the situation on our borders, said the minister.", text);
    }

    [Fact]
    public void Structure_InlineMarkup_JoinsWithSingleSpaces()
    {
        var html = Page("<title>t</title>", "<div><p>The   <b>vote</b>\n was <a href=\"/x\">81</a>–12, with <i>three</i> abstentions and a long debate in the chamber.</p>" + Body + "</div>");

        Assert.StartsWith("The vote was 81–12, with three abstentions and a long debate in the chamber.\n\n", ArticleCleaner.Clean(html).Text);
    }

    [Fact]
    public void JsonLdArticleBody_UsedWhenThePageShowsNoBody()
    {
        var words = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"Sentence number {i} of the article body."));
        var html = Page(
            $$"""<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"{{words}}"}</script>""",
            "<div id=\"app\">Loading…</div>");

        Assert.Equal(words, ArticleCleaner.Clean(html).Text);
    }

    [Fact]
    public void EmptyOrBodylessHtml_GivesEmptyText()
    {
        Assert.Equal("", ArticleCleaner.CleanHtml("<html><head><title>x</title></head></html>").Text);
        Assert.Equal("", ArticleCleaner.CleanHtml("").Text);
    }

    [Fact]
    public void DeeplyNestedMarkup_DoesNotOverflowTheStack()
    {
        const int depth = 20_000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + Body + string.Concat(Enumerable.Repeat("</div>", depth));

        var article = ArticleCleaner.Clean(html, "deep.html");

        Assert.Contains("Opposition members argued", article.Text);
    }
}
