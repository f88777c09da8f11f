using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ingest.Checks;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Checks;

/// <summary>
/// Short articles written for these tests, checked against the bundled data (the treaties' rules and the record of
/// 2025: Latvia deposited its APMBC withdrawal on 27 June 2025; Poland never joined the CCM).
/// </summary>
public class ClaimCheckerTests
{
    private static readonly EventExtractor Extractor = new(TestGazetteer.Instance);
    private static readonly LocalDate Today = new(2026, 1, 15);
    private static Catalog? _catalog;

    private static Catalog Catalog()
    {
        var dir = SharedFolder.DataDirectory();
        return _catalog ??= CatalogParser.Parse(
            Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
                .Select(p => new DataFile(Path.GetRelativePath(dir, p).Replace('\\', '/'), File.ReadAllText(p))),
            lazyActions: true);
    }

    private static (IReadOnlyList<ClaimCheck> Checks, string Events) Check(string text, LocalDate? asKnownOn = null)
    {
        var extraction = Extractor.Extract(text, "t.txt");
        var events = string.Join("; ", extraction.Events.Select(e => $"{e.State} {e.Treaty} {e.Action.Name()} {ReportedDates.Format(e.Date)}"));
        return (new ClaimChecker(Catalog(), asKnownOn).Check(text, extraction, Today), events);
    }

    private static ClaimCheck Single(string text, ClaimCheckKind kind, LocalDate? asKnownOn = null)
    {
        var (checks, events) = Check(text, asKnownOn);
        var found = checks.Where(c => c.Kind == kind).ToList();
        Assert.True(found.Count == 1, $"expected one {kind.Name()} finding, got [{string.Join(" | ", checks.Select(c => c.Kind.Name() + ": " + c.Explanation))}]; events: {events}");
        return found[0];
    }

    private static void None(string text, ClaimCheckKind kind, LocalDate? asKnownOn = null)
    {
        var (checks, events) = Check(text, asKnownOn);
        Assert.True(checks.All(c => c.Kind != kind), $"unexpected [{string.Join(" | ", checks.Select(c => c.Kind.Name() + ": " + c.Explanation))}]; events: {events}");
    }

    [Fact]
    public void NoticeCountedFromTheParliamentsDecision_IsFlagged_QuotingTheTreatysRule()
    {
        const string text = """
            Published 17 April 2025

            Latvia's parliament on 16 April 2025 voted to withdraw from the Ottawa Convention banning anti-personnel mines.
            The withdrawal will take effect six months after the parliament's decision, officials said.
            """;

        var check = Single(text, ClaimCheckKind.EffectCountedFromVote);

        Assert.Equal(("LVA", "apmbc"), (check.State, check.Treaty));
        Assert.StartsWith("The withdrawal will take effect six months", check.Evidence, StringComparison.Ordinal);
        Assert.Equal(check.Evidence, text[check.Start..check.End]);
        Assert.Contains("(\"six months after the parliament's decision\")", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Art. 20(3) (\"6 months after receipt\")", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeCountedFromAVoteNamedByTheParliamentsName_InAnotherWordOrder_IsFlagged()
    {
        const string text = """
            Published 14 May 2025

            Lithuania's parliament on 13 May 2025 voted to withdraw from the Ottawa Convention.
            Six months after the Seimas vote, the exit becomes effective, according to the bill's authors.
            """;

        var check = Single(text, ClaimCheckKind.EffectCountedFromVote);

        Assert.Equal(("LTU", "apmbc"), (check.State, check.Treaty));
    }

    [Fact]
    public void NoticeCountedFromTheDepositarysReceipt_IsNotFlagged()
    {
        const string text = """
            Published 17 April 2025

            Latvia's parliament on 16 April 2025 voted to withdraw from the Ottawa Convention banning anti-personnel mines.
            The withdrawal will take effect six months after the United Nations receives the notification of the parliament's decision.
            """;

        None(text, ClaimCheckKind.EffectCountedFromVote);
    }

    [Fact]
    public void AVoteReportedAsACompletedWithdrawal_BeforeAnyDeposit_IsFlagged()
    {
        const string text = """
            Published 17 April 2025

            Latvia has quit the Ottawa Convention, after the Saeima on 16 April 2025 voted to withdraw from the treaty.
            """;

        var check = Single(text, ClaimCheckKind.PrematureWithdrawal);

        Assert.Equal(("LVA", "apmbc"), (check.State, check.Treaty));
        Assert.Contains("has no instrument of withdrawal", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompletedWithdrawalClaimedDuringTheNoticePeriod_IsFlaggedWithTheEffectiveDate()
    {
        const string text = """
            Published 30 June 2025

            Latvia has withdrawn from the Ottawa Convention, its foreign ministry said on Monday.
            """;

        var check = Single(text, ClaimCheckKind.PrematureWithdrawal);

        Assert.Contains("withdrawal_pending", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-06-27", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-12-27", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AWithdrawalThatHasTakenEffect_IsNotFlagged()
    {
        const string text = """
            Published 29 December 2025

            Latvia has withdrawn from the Ottawa Convention: its withdrawal took effect on 27 December 2025.
            """;

        var (checks, events) = Check(text);

        Assert.True(checks.Count == 0, string.Join(" | ", checks.Select(c => c.Explanation)) + "; events: " + events);
    }

    [Fact]
    public void ARecommendationToLeaveATreatyTheStateNeverJoined_IsFlagged()
    {
        const string text = """
            Published 18 March 2025

            Poland's defence minister on 18 March 2025 recommended that Poland withdraw from the Convention on Cluster Munitions.
            """;

        var check = Single(text, ClaimCheckKind.NotParty);

        Assert.Equal("Poland is not party to ccm on 2025-03-18 (status: none); a withdrawal cannot be made", check.Explanation);
    }

    [Fact]
    public void ARecommendationToLeaveATreatyTheStateIsPartyTo_IsNotFlagged()
    {
        const string text = """
            Published 18 March 2025

            Poland's defence minister on 18 March 2025 recommended that Poland withdraw from the Ottawa Convention.
            """;

        None(text, ClaimCheckKind.NotParty);
    }

    [Fact]
    public void AnEffectiveDateOtherThanTheRulesDate_IsFlaggedWithBothDates()
    {
        const string text = """
            Published 1 July 2025

            Latvia's withdrawal from the Ottawa Convention will take effect on 16 December 2025, the foreign ministry said.
            """;

        var check = Single(text, ClaimCheckKind.EffectiveDateDiffers);

        Assert.Contains("2025-12-16", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-12-27", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-06-27", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEffectiveDateTheRuleGives_IsNotFlagged()
    {
        const string text = """
            Published 1 July 2025

            Latvia's withdrawal from the Ottawa Convention will take effect on 27 December 2025, the foreign ministry said.
            """;

        var (checks, events) = Check(text);

        Assert.True(checks.Count == 0, string.Join(" | ", checks.Select(c => c.Explanation)) + "; events: " + events);
    }

    [Fact]
    public void AnEffectiveDateBeforeTheEarliestPossible_AsKnownOnPublication_IsFlagged()
    {
        const string text = """
            Published 17 April 2025

            Latvia's withdrawal from the Ottawa Convention will take effect on 16 October 2025, six months after the Saeima vote, officials said.
            """;

        var check = Single(text, ClaimCheckKind.PrematureWithdrawal, asKnownOn: new LocalDate(2025, 4, 17));

        Assert.Contains("cannot take effect before 2025-10-17", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatedStepToLeaveATreatyTheStateHasAlreadyLeft_IsFlaggedWithItsStatus()
    {
        const string text = """
            Published 11 April 2025

            Lithuania's parliament on 10 April 2025 voted to withdraw from the Convention on Cluster Munitions.
            """;

        var check = Single(text, ClaimCheckKind.NotParty);

        Assert.Equal("Lithuania is not party to ccm on 2025-04-10 (status: withdrawn); a withdrawal cannot be made", check.Explanation);
    }

    [Fact]
    public void AnUndatedStepOfAStateThatHasSinceWithdrawn_IsNotFlagged()
    {
        const string text = """
            Latvia's parliament voted to withdraw from the Ottawa Convention banning anti-personnel mines.
            """;

        None(text, ClaimCheckKind.NotParty);
    }
}
