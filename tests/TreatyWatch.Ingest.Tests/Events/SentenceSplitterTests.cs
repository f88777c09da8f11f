using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

public class SentenceSplitterTests
{
    private static string[] Body(string text) =>
        [.. SentenceSplitter.Split(text).Where(s => s.Kind == SentenceKind.Body).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Abbreviations_AndInitials_DoNotEndASentence() =>
        Assert.Equal(["Mr. Duda of the U.S. delegation met Gen. J. Smith on Dec. 4 in the capital city.", "They talked."],
            Body("Mr. Duda of the U.S. delegation met Gen. J. Smith on Dec. 4 in the capital city. They talked."));

    [Fact]
    public void SentencesGluedByALostSpace_AreCut() =>
        Assert.Equal(["Three abstained.", "“The need is clear,” he said in the parliament.", "According to him, it is so."],
            Body("Three abstained.“The need is clear,” he said in the parliament.According to him, it is so."));

    [Fact]
    public void SiteNamesWithADot_AreNotCut() =>
        Assert.Equal(["The parliament backed the motion, News.Az reports citing local media outlets."],
            Body("The parliament backed the motion, News.Az reports citing local media outlets."));

    [Fact]
    public void Titles_AndPageFurniture_AreNotBody()
    {
        var kinds = SentenceSplitter.Split("""
            Skip to content
            Poland to withdraw from landmine treaty
            * indicates required
            Poland will withdraw from the treaty, the minister said.
            """).Select(s => s.Kind).ToArray();
        Assert.Equal([SentenceKind.Boilerplate, SentenceKind.Title, SentenceKind.Boilerplate, SentenceKind.Body], kinds);
    }

    [Fact]
    public void ALineOfSeveralSentencesCutShort_IsStillBody()
    {
        const string text = "Finland also signalled its departure. On April 1, 2025, Prime Minister Petteri Orpo announced Hel";
        Assert.Equal(2, Body(text).Length);
    }

    [Fact]
    public void Offsets_AreIntoTheText()
    {
        const string text = "  First sentence here.  Second one!\n\nThird?";
        foreach (var s in SentenceSplitter.Split(text))
            Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]));
    }
}
