using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

public class ExtractionJsonTests
{
    private static readonly ArticleExtraction Sample = new("a.txt", new LocalDate(2025, 5, 8),
    [
        new ExtractedEvent("LTU", "apmbc", EventAction.ParliamentVoteWithdraw, ReportedDates.Make(2025, 5, 8),
            new Votes(107, 0, 3, 85), "107 MPs voted in favor.", 10, 33),
        new ExtractedEvent("", "apmbc", EventAction.EntryIntoForce, ReportedDates.Make(1999), null, "It entered into force in 1999.", 40, 70),
        new ExtractedEvent("POL", "apmbc", EventAction.AnnounceIntentToWithdraw, null, new Votes(12, null, null, null), "x", 0, 1),
    ]);

    [Fact]
    public void Contract_NamesAndShapes() => Assert.Equal(
        """{"file":"a.txt","published":"2025-05-08","events":[""" +
        """{"state":"LTU","treaty":"apmbc","action":"parliament_vote_withdraw","date":"2025-05-08","votes":{"for":107,"against":0,"abstain":3,"required":85},"evidence":"107 MPs voted in favor.","start":10,"end":33},""" +
        """{"state":"","treaty":"apmbc","action":"entry_into_force","date":"1999","evidence":"It entered into force in 1999.","start":40,"end":70},""" +
        """{"state":"POL","treaty":"apmbc","action":"announce_intent_to_withdraw","date":"","votes":{"for":12},"evidence":"x","start":0,"end":1}]}""",
        ExtractionJson.Serialize(Sample));

    [Fact]
    public void UnknownPublicationDate_IsEmpty() =>
        Assert.StartsWith("""{"file":"b.txt","published":"","events":[]""", ExtractionJson.Serialize(new ArticleExtraction("b.txt", null, [])));

    [Fact]
    public void RoundTrip()
    {
        var back = ExtractionJson.Deserialize(ExtractionJson.Serialize(Sample, indented: true));
        Assert.Equal(Sample.File, back.File);
        Assert.Equal(Sample.Published, back.Published);
        Assert.Equal(Sample.Events, back.Events);
    }
}
