using NodaTime;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

public class PublicationDateFinderTests
{
    private static LocalDate? Find(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        return PublicationDateFinder.Find(text, sentences, DateFinder.Find(text));
    }

    [Fact]
    public void SiteClock_IsNotTheArticleDate() => Assert.Equal(new LocalDate(2025, 4, 2), Find("""
        The Daily Example
        Today: April 12, 2025

        Norway stays in landmine treaty
        April 02, 2025
        OSLO (Reuters) - Norway will not withdraw from the global convention banning anti-personnel landmines, its foreign minister said.
        """));

    [Fact]
    public void BylineDate() => Assert.Equal(new LocalDate(2025, 3, 18), Find("""
        by A. Reporter March 18, 2025 11:57 AM 2 min read
        Estonia, Latvia, Lithuania, and Poland announced on March 18 their intention to withdraw from the Ottawa Convention.
        """));

    [Fact]
    public void DatelineWithoutYear_GivesNoDate() => Assert.Null(Find("""
        RIGA, April 16 (LETA) - Saeima on Wednesday passed in the final reading a bill on Latvia's withdrawal from the convention.
        """));

    [Fact]
    public void DatelineWithoutYear_TakesTheYearOfTheSameDayNamedInTheStory() => Assert.Equal(new LocalDate(2025, 6, 29), Find("""
        29 June 16:19
        The president signed a decree putting into effect the decision of June 29, 2025 on leaving the convention, the office said.
        """));

    [Fact]
    public void DateInTheBody_IsNotThePublicationDate() => Assert.Null(Find("""
        Poland and the Baltic states are poised to withdraw from the Ottawa Convention, citing the threat from their neighbour.
        The ministers made the statement on March 18, 2025.
        """));
}
