using TreatyWatch.Ingest.Across;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Across;

/// <summary>Articles written for these tests: one wire story, its edited copies, and an independent report of the same event.</summary>
public class NearDuplicateIndexTests
{
    internal const string Wire = """
        Latvian lawmakers vote to quit landmine treaty

        RIGA, April 16 (Wire) - Latvia's parliament voted on Wednesday to withdraw from the Ottawa Convention, the treaty
        that bans anti-personnel landmines, citing the military threat from neighbouring Russia and its ally Belarus.

        The Saeima approved the bill by 56 votes to 32, with no abstentions, after a debate that lasted most of the
        afternoon. The government had recommended the step in March, following a joint statement by the defence
        ministers of the Baltic states.

        "This decision gives our armed forces the flexibility they need to defend our eastern border," the defence
        minister told reporters after the vote. Opponents said leaving the convention would damage the country's
        humanitarian reputation and would not make the border safer.

        Under the treaty, a withdrawal takes effect six months after the United Nations receives the instrument of
        withdrawal. Officials said the notification would be sent once the president signs the law.

        Estonia and Lithuania are expected to hold similar votes in the coming weeks, while Poland's government has
        asked its parliament to begin the same process.
        """;

    // The same story as another outlet ran it: new headline, punctuation and case changed, one paragraph of its own added.
    internal const string EditedCopy = """
        Saeima backs exit from Ottawa mine ban

        RIGA, April 16 (Wire): Latvia's Parliament voted on Wednesday to withdraw from the Ottawa Convention — the treaty
        that bans anti-personnel landmines — citing the military threat from neighbouring Russia and its ally, Belarus.

        The Saeima approved the bill by 56 votes to 32 with no abstentions after a debate that lasted most of the
        afternoon; the government had recommended the step in March following a joint statement by the defence
        ministers of the Baltic states.

        “This decision gives our armed forces the flexibility they need to defend our eastern border”, the defence
        minister told reporters after the vote. Opponents said leaving the convention would damage the country’s
        humanitarian reputation and would not make the border safer.

        Our correspondent in Riga adds that several hundred people protested outside the parliament building on the morning of the vote.

        Under the treaty, a withdrawal takes effect six months after the United Nations receives the instrument of
        withdrawal. Officials said the notification would be sent once the president signs the law.

        Estonia and Lithuania are expected to hold similar votes in the coming weeks, while Poland's government has
        asked its parliament to begin the same process.
        """;

    // Another outlet's own report of the same vote: same facts, its own words.
    internal const string Independent = """
        Latvia moves to leave mine ban convention

        Members of the Saeima on Wednesday backed a bill taking Latvia out of the Ottawa Convention. The bill passed
        56 to 32. Supporters argued that the country must be able to lay mines along its border with Russia and
        Belarus if it is attacked, while critics warned about the civilian toll of landmines long after wars end.

        The government proposed the withdrawal last month together with Estonia and Lithuania, whose parliaments
        are due to vote soon. The law now goes to the president. The withdrawal will take effect six months after the
        United Nations is notified, according to the foreign ministry.
        """;

    [Fact]
    public void LightlyEditedCopy_WithAnotherHeadlineAndAnAddedParagraph_IsACopyOfTheWireStory()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);

        var verdict = index.Add("outlet.txt", EditedCopy);

        Assert.True(verdict.IsCopy, $"resemblance {verdict.Resemblance}, containment {verdict.Containment}");
        Assert.Equal(("wire.txt", "wire.txt"), (verdict.CopyOf, verdict.Group));
    }

    [Fact]
    public void TextsFingerprintedOnOtherThreads_GetTheVerdictsOfTheTextsThemselves()
    {
        string[] texts = [Wire, Independent, EditedCopy, EditedCopy.Replace("Our correspondent in Riga adds", "A reporter in Riga says", StringComparison.Ordinal), "Too short.", Wire];
        var fingerprints = new NearDuplicateFingerprint[texts.Length];
        Parallel.For(0, texts.Length, i => fingerprints[i] = NearDuplicateIndex.Fingerprint(texts[i]));
        var byText = new NearDuplicateIndex();
        var byFingerprint = new NearDuplicateIndex();

        var expected = texts.Select((t, i) => byText.Add($"{i}.txt", t)).ToList();
        var actual = fingerprints.Select((f, i) => byFingerprint.Add($"{i}.txt", f)).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(actual, v => v.IsCopy);
    }

    [Fact]
    public void TwoOutletsOwnReportsOfTheSameEvent_AreNotCopies()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);

        var verdict = index.Add("other.txt", Independent);

        Assert.False(verdict.IsCopy, $"resemblance {verdict.Resemblance}, containment {verdict.Containment}");
        Assert.Equal("other.txt", verdict.Group);
        Assert.True(verdict.Resemblance < 0.3 || verdict.CopyOf is null);
    }

    [Fact]
    public void CopyOfACopy_JoinsTheGroupOfTheOriginal()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);
        index.Add("independent.txt", Independent);
        index.Add("outlet.txt", EditedCopy);

        var third = index.Add("third.txt", EditedCopy.Replace("Our correspondent in Riga adds", "A reporter in Riga says", StringComparison.Ordinal));

        Assert.Equal("wire.txt", third.Group);
        Assert.Equal("wire.txt", index.GroupOf("outlet.txt"));
        Assert.Equal("independent.txt", index.GroupOf("independent.txt"));
    }

    [Fact]
    public void ACutCopy_ThatKeepsTheFirstTwoThirds_IsACopyByContainment()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);
        var cut = Wire[..Wire.IndexOf("Under the treaty", StringComparison.Ordinal)];

        var verdict = index.Add("cut.txt", cut);

        Assert.True(verdict.IsCopy, $"resemblance {verdict.Resemblance}, containment {verdict.Containment}");
        Assert.True(verdict.Containment >= NearDuplicateIndex.ContainmentThreshold);
    }

    [Fact]
    public void AShortQuoteOfTheStory_IsNotACopy_AndAHeadlineAloneIsNeverIndexed()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);

        var quote = index.Add("quote.txt", "The Saeima approved the bill by 56 votes to 32, with no abstentions, after a debate that lasted most of the afternoon. Readers wrote to us about it.");
        var headline = index.Add("headline.txt", "Latvian lawmakers vote to quit");

        Assert.False(quote.IsCopy);
        Assert.False(headline.IsCopy);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void AnUnrelatedArticleAddedBefore_DoesNotChangeTheVerdict()
    {
        var alone = new NearDuplicateIndex();
        alone.Add("wire.txt", Wire);
        var crowded = new NearDuplicateIndex();
        crowded.Add("independent.txt", Independent);
        crowded.Add("wire.txt", Wire);

        Assert.Equal(alone.Add("outlet.txt", EditedCopy), crowded.Add("outlet.txt", EditedCopy));
    }

    [Fact]
    public void AddingTheSameIdTwice_IsRefused()
    {
        var index = new NearDuplicateIndex();
        index.Add("wire.txt", Wire);

        Assert.Throws<ArgumentException>(() => index.Add("wire.txt", Independent));
    }

    [Fact]
    public void ThousandsOfArticlesSharingABoilerplateParagraph_AreNotCopies_AndARealCopyAmongThemIsStillFound()
    {
        const string boilerplate = "Sign up for our morning newsletter to get the day's top stories from the region delivered to your inbox before breakfast every weekday.";
        var words = new[] { "harbour", "bridge", "council", "budget", "railway", "school", "festival", "forest", "museum", "election", "harvest", "river" };
        string Story(int n)
        {
            // Each story its own: numbers and word choices from n, so no two share more than the boilerplate.
            var w = Enumerable.Range(0, 40).Select(k => words[(n * 7 + k * (n % 5 + 1)) % words.Length] + (n * 31 + k)).ToArray();
            return $"{string.Join(' ', w[..20])}.\n\n{boilerplate}\n\n{string.Join(' ', w[20..])}.";
        }

        var index = new NearDuplicateIndex();
        for (var n = 0; n < 3000; n++)
            Assert.Null(index.Add($"s{n}", Story(n)).CopyOf);
        Assert.Null(index.Add("wire", Wire).CopyOf);

        // A copy of a story from the middle of the run, and the wire story's edited copy, are still found.
        Assert.Equal("s1234", index.Add("s1234-copy", Story(1234).Replace(" ", "  ", StringComparison.Ordinal)).CopyOf);
        Assert.Equal("wire", index.Add("edited", EditedCopy).CopyOf);
    }
}
