using NodaTime;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Inputs;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Inputs;

/// <summary>Feeds, pages and text written for these tests.</summary>
public sealed class ArticleInputsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tw-inputs");

    public void Dispose() => _dir.Delete(true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Baltic Desk</title>
            <item>
              <title>Latvia votes to leave the mine ban treaty</title>
              <link>https://example.org/latvia-vote</link>
              <pubDate>Wed, 16 Apr 2025 18:30:00 +0300</pubDate>
              <description>Short teaser only.</description>
              <content:encoded><![CDATA[<p>Latvia's parliament, the Saeima, on Wednesday voted to withdraw from the Ottawa Convention banning anti-personnel mines.</p><p>The vote followed a government recommendation.</p>]]></content:encoded>
            </item>
            <item>
              <title>Estonia &amp; the treaty</title>
              <guid>https://example.org/estonia</guid>
              <pubDate>Thu, 17 Apr 2025 09:00:00 GMT</pubDate>
              <description>&lt;p&gt;Estonian ministers discussed the &lt;b&gt;treaty&lt;/b&gt; on Thursday.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Nordic Wire</title>
          <entry>
            <title type="html">Finland &lt;em&gt;approves&lt;/em&gt; exit</title>
            <link rel="self" href="https://example.org/self/1"/>
            <link rel="alternate" href="https://example.org/finland"/>
            <published>2025-06-19T23:10:00+03:00</published>
            <updated>2025-06-21T08:00:00Z</updated>
            <content type="html">&lt;p&gt;Finland's parliament on Thursday approved the withdrawal from the Ottawa Convention.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Norway stays</title>
            <link href="https://example.org/norway"/>
            <updated>2025-06-22T10:00:00Z</updated>
            <summary>Norway said it would not leave the treaty.

        Officials repeated it on Sunday.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void RssItems_AreArticles_WithTitleLinkDateAndTheFullContentCleaned()
    {
        var items = ArticleInputs.Read([Write("news.xml", Rss)]).ToList();

        Assert.Equal(["news.xml#1", "news.xml#2"], items.Select(i => i.Name));
        Assert.All(items, i => Assert.Equal(InputKind.FeedItem, i.Kind));
        var first = items[0];
        Assert.Equal("Latvia votes to leave the mine ban treaty", first.Title);
        Assert.Equal("https://example.org/latvia-vote", first.Url);
        Assert.Equal(new LocalDate(2025, 4, 16), first.Published);
        Assert.Contains("the Saeima, on Wednesday voted to withdraw", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("teaser", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", first.Text, StringComparison.Ordinal);

        var second = items[1];
        Assert.Equal("Estonia & the treaty", second.Title);
        Assert.Equal("https://example.org/estonia", second.Url);
        Assert.Equal(new LocalDate(2025, 4, 17), second.Published);
        Assert.Contains("discussed the treaty on Thursday", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AtomEntries_TakeTheAlternateLink_PublishedBeforeUpdated_AndSummaryWhenNoContent()
    {
        var items = ArticleInputs.Read([Write("wire.atom", Atom)]).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal("Finland approves exit", items[0].Title);
        Assert.Equal("https://example.org/finland", items[0].Url);
        Assert.Equal(new LocalDate(2025, 6, 19), items[0].Published);
        Assert.Contains("approved the withdrawal from the Ottawa Convention", items[0].Text, StringComparison.Ordinal);
        Assert.Equal("https://example.org/norway", items[1].Url);
        Assert.Equal(new LocalDate(2025, 6, 22), items[1].Published);
        Assert.Contains("would not leave the treaty", items[1].Text, StringComparison.Ordinal);
        Assert.Contains("repeated it on Sunday", items[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedContent_IsRecognisedByItsRootElement_InAnHtmlFileAndOnStandardInput()
    {
        var fromHtmlName = ArticleInputs.Read([Write("saved.html", Atom)]).ToList();
        var fromStdin = ArticleInputs.Read(["-"], new StringReader(Rss)).ToList();

        Assert.Equal(["saved.html#1", "saved.html#2"], fromHtmlName.Select(i => i.Name));
        Assert.Equal(["stdin#1", "stdin#2"], fromStdin.Select(i => i.Name));
        Assert.All(fromStdin, i => Assert.Equal("-", i.Path));
    }

    [Fact]
    public void StandardInput_TextIsKeptAsRead_AndHtmlIsCleaned()
    {
        const string text = "Riga, 16 April 2025\n\nLatvia voted.\n";
        var plain = Assert.Single(ArticleInputs.Read(["-"], new StringReader(text)));
        var html = Assert.Single(ArticleInputs.Read(["-"], new StringReader("<html><head><title>T</title></head><body><article><p>Latvia's parliament voted on Wednesday to leave the convention, officials said.</p></article></body></html>")));

        Assert.Equal((InputKind.Text, text), (plain.Kind, plain.Text));
        Assert.Equal(InputKind.Html, html.Kind);
        Assert.Contains("Latvia's parliament voted on Wednesday", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharacters_BecomeSpaces_KeepingTheTextsLengthAndOffsets_InTextPagesAndFeeds()
    {
        // A NUL, a form feed and an escape, as broken exports leave them; tabs and line ends stay.
        const string text = "Vilnius, 16 April 2025\r\n\nLithuania's\0parliament voted\fto leave\tthe convention.\u001B\n";
        var path = Write("controls.txt", text);
        var page = Write("controls.html", "<html><body><article><p>Lithuania's parliament\0voted on Wednesday to leave the convention, officials said.</p></article></body></html>");
        var feed = Write("controls.rss", Rss.Replace("Latvia votes to leave", "Latvia\u0001votes to leave", StringComparison.Ordinal));

        var plain = Assert.Single(ArticleInputs.Read([path]));
        Assert.Equal(text.Length, plain.Text.Length);
        Assert.Equal("Vilnius, 16 April 2025\r\n\nLithuania's parliament voted to leave\tthe convention. \n", plain.Text);
        Assert.Equal(plain.Text.IndexOf("parliament", StringComparison.Ordinal), text.IndexOf("parliament", StringComparison.Ordinal));
        Assert.Contains("Lithuania's parliament voted on Wednesday", Assert.Single(ArticleInputs.Read([page])).Text, StringComparison.Ordinal);
        var items = ArticleInputs.Read([feed]).ToList();
        Assert.Equal("Latvia votes to leave the mine ban treaty", items[0].Title);
        Assert.All(items, i => Assert.DoesNotContain(i.Text, c => c < ' ' && c is not ('\t' or '\n' or '\r')));
        // A text without any is the same string, not a copy.
        var clean = "No control characters here.\n";
        Assert.Same(clean, TreatyWatch.Ingest.Cleaning.TextDecoding.Printable(clean));
    }

    [Fact]
    public void Folders_AreSearchedRecursivelyInPathOrder_TextKeptAsRead_PagesCleaned_OtherFilesSkipped()
    {
        const string text = "A text article.\r\nWith a second line.";
        Write("b/z.txt", text);
        Write("a.html", "<html><body><article><p>Lithuania's parliament voted to leave the cluster munitions convention, the speaker said.</p></article></body></html>");
        Write("b/feed.rss", Rss);
        Write("notes.md", "not an article");

        var items = ArticleInputs.Read([_dir.FullName]).ToList();

        Assert.Equal(["a.html", "feed.rss#1", "feed.rss#2", "z.txt"], items.Select(i => i.Name));
        Assert.Equal(text, items[3].Text);
        Assert.Equal(InputKind.Html, items[0].Kind);
    }

    [Fact]
    public void MalformedFeed_ThrowsNamingTheFileAndTheLine_AfterTheItemsBeforeTheFault()
    {
        var path = Write("broken.xml", """
            <rss version="2.0"><channel>
            <item><title>One</title><description>First item.</description></item>
            <item><title>Two</title><description>Second
            </channel></rss>
            """);

        using var items = ArticleInputs.Read([path]).GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal("broken.xml#1", items.Current.Name);
        var e = Assert.Throws<ArticleInputException>(() => items.MoveNext());
        Assert.StartsWith($"{path}:4: malformed feed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlFileThatIsNotAFeed_IsRefusedNamingItsRootElement()
    {
        var path = Write("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://example.org/</loc></url></urlset>");

        var e = Assert.Throws<ArticleInputException>(() => ArticleInputs.Read([path]).ToList());
        Assert.Equal($"{path}: not an RSS or Atom feed (its root element is <urlset>)", e.Message);
    }

    [Fact]
    public void MissingPath_IsRefusedNamingIt_AndTheInputsAfterItAreNotRead()
    {
        var good = Write("ok.txt", "Fine.");
        var read = new List<string>();

        var e = Assert.Throws<ArticleInputException>(() =>
        {
            foreach (var a in ArticleInputs.Read([good, "/no/such/file.txt", good])) read.Add(a.Name);
        });
        Assert.Equal("'/no/such/file.txt' is neither a file nor a folder", e.Message);
        Assert.Equal(["ok.txt"], read);
    }

    [Fact]
    public void CorruptGzip_IsRefusedNamingTheFile()
    {
        var path = Write("page.html.gz", "this is not gzip data");

        var e = Assert.Throws<ArticleInputException>(() => ArticleInputs.Read([path]).ToList());
        Assert.StartsWith($"{path}: cannot read:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedItemDate_ResolvesTheArticlesRelativeDates()
    {
        var item = ArticleInputs.Read([Write("news.xml", Rss)]).First();

        var events = new EventExtractor(TestGazetteer.Instance).Extract(item.Text, item.Name, item.Published).Events;

        var vote = Assert.Single(events, e => e.Action == EventAction.ParliamentVoteWithdraw);
        Assert.Equal(("LVA", "apmbc", "2025-04-16"), (vote.State, vote.Treaty, ReportedDates.Format(vote.Date)));
    }

    [Fact]
    public void Rss10Items_InTheRdfNamespace_AreArticlesDatedByDcDate()
    {
        const string rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>Old style</title></channel>
              <item rdf:about="https://example.org/one">
                <title>Estonia decides</title>
                <link>https://example.org/one</link>
                <dc:date>2025-06-04T12:00:00+03:00</dc:date>
                <description>The Riigikogu voted on Wednesday to leave the treaty.</description>
              </item>
            </rdf:RDF>
            """;

        var item = Assert.Single(ArticleInputs.FromContent(rdf, "old.rdf"));

        Assert.Equal(("old.rdf#1", "Estonia decides", "https://example.org/one", new LocalDate(2025, 6, 4)), (item.Name, item.Title, item.Url, item.Published));
        Assert.Contains("The Riigikogu voted on Wednesday", item.Text, StringComparison.Ordinal);
    }
}
