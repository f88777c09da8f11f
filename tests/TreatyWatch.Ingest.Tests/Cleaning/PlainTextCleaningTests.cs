using NodaTime;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

public class PlainTextCleaningTests
{
    // A made-up page copy in the shape of the stored .txt articles: menu, headline, byline, body,
    // newsletter prompt, then other stories.
    private const string Copy =
        "Home\nWorld\nPolitics\nSport\n"
        + "Freedonia to leave the Convention on Imaginary Weapons\n"
        + "By Ana Example | Updated: March 18, 2025 11:57 IST\n"
        + "\n"
        + "The parliament of Freedonia voted on Tuesday to leave the Convention on Imaginary Weapons, by 81 votes to 12.\r\n"
        + "  The withdrawal takes effect six months after the depositary receives the notification, the ministry said.  \n"
        + "Sign up for our newsletter\n"
        + "Opposition members said the decision, taken in a hurry, would weaken the country's standing.\n"
        + "Subscribe\n"
        + "Follow us on our WhatsApp channel for breaking news alerts!\n"
        + "Next In World\n"
        + "Storm batters Ruritania coast\n"
        + "Borduria election result delayed\n"
        + "Subscribe\n";

    [Fact]
    public void Furniture_MenusPromptsAndOtherStories_Removed()
    {
        var article = ArticleCleaner.Clean(Copy, "article.txt");

        Assert.Equal(
            "The parliament of Freedonia voted on Tuesday to leave the Convention on Imaginary Weapons, by 81 votes to 12.\n\n"
            + "The withdrawal takes effect six months after the depositary receives the notification, the ministry said.\n\n"
            + "Opposition members said the decision, taken in a hurry, would weaken the country's standing.",
            article.Text);
    }

    [Fact]
    public void Metadata_TitleBylineAndDate_FromTheTopLines()
    {
        var article = ArticleCleaner.Clean(Copy, "article.txt");

        Assert.Equal("Freedonia to leave the Convention on Imaginary Weapons", article.Title);
        Assert.Equal("Ana Example", article.Byline);
        Assert.Equal(new LocalDate(2025, 3, 18), article.Published);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void KeptLines_MapBackToTheSourceByteForByte()
    {
        var article = ArticleCleaner.Clean(Copy, "article.txt");

        Assert.Equal(3, article.Segments.Count);
        foreach (var s in article.Segments)
        {
            Assert.Equal(Copy.Substring(s.SourceStart, s.Length), article.Text.Substring(s.TextStart, s.Length));
        }
        var at = article.Text.IndexOf("six months", StringComparison.Ordinal);
        Assert.Equal(Copy.IndexOf("six months", StringComparison.Ordinal), article.SourceOffset(at));
        Assert.Null(article.SourceOffset(article.Text.IndexOf("\n\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void RepeatedHeadline_KeptOnce_ShortRepeatsDropped()
    {
        const string copy =
            "Borduria ratifies the accord after a long debate in parliament\n"
            + "Share\n"
            + "Borduria ratifies the accord after a long debate in parliament\n"
            + "The Bordurian assembly ratified the accord on Monday, the speaker told reporters after the vote.\n"
            + "Share\n";

        var article = ArticleCleaner.Clean(copy, "a.txt");

        Assert.Equal("Borduria ratifies the accord after a long debate in parliament", article.Title);
        Assert.Equal("The Bordurian assembly ratified the accord on Monday, the speaker told reporters after the vote.", article.Text);
    }

    [Fact]
    public void InputKind_TextWithoutName_TakesThePlainTextPath()
    {
        var article = ArticleCleaner.Clean("Menu\nThe assembly ratified the accord on Monday, the speaker said after the vote.\n");

        Assert.Single(article.Segments);
    }

    [Theory]
    [InlineData("Comments by the foreign minister on Monday suggested that the vote would pass easily.")]
    [InlineData("By continuing to use cluster munitions, the army puts civilians at risk, the report said.")]
    [InlineData("More from the minister's speech suggested a second vote in the autumn.")]
    [InlineData("Related talks in Geneva will resume next week, the spokesperson said.")]
    [InlineData("Copyright law was not part of the treaty, which covers only weapons.")]
    public void ArticleSentences_OpeningLikeFurniture_AreKept(string sentence)
    {
        var text = $"The parliament voted on Tuesday to leave the convention, by 81 votes to 12.\n{sentence}\n";

        Assert.Contains(sentence, ArticleCleaner.Clean(text, "a.txt").Text);
        Assert.Contains(sentence, ArticleCleaner.Clean($"<article><p>{text}</p><p>{sentence}</p></article>", "a.html").Text);
    }

    [Fact]
    public void TeaserCutShort_DroppedWhenTheFullLineFollows()
    {
        const string full = "Borduria and Ruritania notified the depositary of their withdrawal from the accord on Friday, the ministry said.";
        var copy = full[..60] + " ...\n" + full + "\n";

        Assert.Equal(full, ArticleCleaner.Clean(copy, "a.txt").Text);
    }

    [Fact]
    public void DateStamps_Dropped_BareDatesKept()
    {
        const string copy =
            "Updated 1:39 am EST, Wednesday, November 20, 2019\n"
            + "The notification was deposited with the Secretary-General in New York on Friday.\n"
            + "Deposited:\n"
            + "27 June 2025\n"
            + "The withdrawal takes effect six months later, on 27 December 2025, the ministry said.\n";

        var article = ArticleCleaner.Clean(copy, "a.txt");

        Assert.DoesNotContain("Updated", article.Text);
        Assert.Contains("\n\n27 June 2025\n\n", article.Text);
        Assert.Equal(new LocalDate(2019, 11, 20), article.Published);
    }

    [Fact]
    public void SentenceWithDate_IsNotThePublicationDate()
    {
        var article = ArticleCleaner.Clean("The treaty entered into force on March 1, 1999, after forty ratifications had been deposited.\n", "a.txt");

        Assert.Null(article.Published);
        Assert.Equal("The treaty entered into force on March 1, 1999, after forty ratifications had been deposited.", article.Text);
    }

    [Theory]
    [InlineData("article.txt", false)]
    [InlineData("article.html", true)]
    [InlineData("page.htm", true)]
    [InlineData("page.html.gz", true)]
    [InlineData("https://example.org/story.html?x=1", true)]
    [InlineData(null, true)] // no name: a text that opens with a tag is HTML
    public void InputKind_FromExtensionElseFromTheFirstCharacter(string? source, bool html)
    {
        var article = ArticleCleaner.Clean("<p>A short paragraph that the text path would keep as it is, tags and all.</p>", source);

        Assert.Equal(html, !article.Text.StartsWith('<'));
    }
}
