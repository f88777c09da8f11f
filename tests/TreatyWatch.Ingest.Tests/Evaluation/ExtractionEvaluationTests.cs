using TreatyWatch.Ingest.Evaluation;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Evaluation;

public class ExtractionEvaluationTests
{
    private static GoldEvent Gold(string state, string action, string date) =>
        new(state, "apmbc", action, ReportedDates.ParseOrEmpty(date), null, "");

    private static ExtractedEvent Found(string state, EventAction action, string date) =>
        new(state, "apmbc", action, ReportedDates.ParseOrEmpty(date), null, "", 0, 0);

    private static EvaluationReport Score(GoldEvent[] gold, ExtractedEvent[] found) =>
        ExtractionEvaluation.Score([(new GoldArticle("a.txt", "", gold), new ArticleExtraction("a.txt", null, found))]);

    [Fact]
    public void DatesAgreeAtTheCoarserPrecision_AndDateAccuracyWantsTheSamePrecision()
    {
        var r = Score([Gold("LVA", "parliament_vote_withdraw", "2025-04")], [Found("LVA", EventAction.ParliamentVoteWithdraw, "2025-04-16")]);
        Assert.Equal(new Score(1, 0, 0), r.Overall);
        Assert.Equal(0, r.DateAccuracy);
    }

    [Theory]
    [InlineData("", "2025-06-29")]
    [InlineData("2025-06-27", "")]
    [InlineData("2025-06-27", "2025-06-29")]
    [InlineData("2025", "2024-12-31")]
    public void EmptyOrDisagreeingDates_DoNotMatch(string gold, string found)
    {
        var r = Score([Gold("LTU", "deposit_withdrawal", gold)], [Found("LTU", EventAction.DepositWithdrawal, found)]);
        Assert.Equal(new Score(0, 1, 1), r.Overall);
        Assert.Equal(new Score(1, 0, 0), r.IgnoringDates);
    }

    [Fact]
    public void Matching_IsOneToOne()
    {
        var r = Score(
            [Gold("LVA", "recommend_withdrawal", "2025-03-25"), Gold("LVA", "recommend_withdrawal", "2025-03-18")],
            [Found("LVA", EventAction.RecommendWithdrawal, "2025-03")]);
        Assert.Equal(new Score(1, 0, 1), r.Overall);
    }

    [Fact]
    public void ExactDatesArePairedFirst()
    {
        var r = Score(
            [Gold("LVA", "recommend_withdrawal", "2025-03"), Gold("LVA", "recommend_withdrawal", "2025-03-18")],
            [Found("LVA", EventAction.RecommendWithdrawal, "2025-03-18"), Found("LVA", EventAction.RecommendWithdrawal, "2025-03-25")]);
        Assert.Equal(new Score(2, 0, 0), r.Overall);
        Assert.Equal(0.5, r.DateAccuracy);
    }

    [Fact]
    public void PerAction_CountsFalsePositivesUnderTheFoundAction()
    {
        var r = Score([Gold("FIN", "announce_intent_to_withdraw", "2025-04-01")], [Found("FIN", EventAction.RecommendWithdrawal, "2025-04-01")]);
        Assert.Equal(new Score(0, 0, 1), r.PerAction["announce_intent_to_withdraw"]);
        Assert.Equal(new Score(0, 1, 0), r.PerAction["recommend_withdrawal"]);
        Assert.Contains("overall", r.Render());
    }

    [Fact]
    public void Scores()
    {
        var s = new Score(8, 2, 2);
        Assert.Equal(0.8, s.Precision, 6);
        Assert.Equal(0.8, s.Recall, 6);
        Assert.Equal(0.8, s.F1, 6);
    }
}
