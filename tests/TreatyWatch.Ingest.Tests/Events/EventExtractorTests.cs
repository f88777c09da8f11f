using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

/// <summary>
/// One short article per phenomenon, written for these tests. Each event is shown as
/// "STATE treaty action date" ("" for no state or no date).
/// </summary>
public class EventExtractorTests
{
    private static readonly EventExtractor Extractor = new(TestGazetteer.Instance);

    private static string[] Events(string text) =>
        [.. Extractor.Extract(text, "test.txt").Events
            .Select(e => $"{e.State} {e.Treaty} {e.Action.Name()} {ReportedDates.Format(e.Date)}".TrimEnd())
            .Order(StringComparer.Ordinal)];

    private static void AssertEvents(string text, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), Events(text));

    [Fact]
    public void RelativeDates_WeekdayAndLastMonth_ResolvedAgainstTheDateLine() => AssertEvents("""
        Published: Thursday, 14 May 2026

        Latvian lawmakers on Tuesday voted to withdraw from the Ottawa Convention, the parliament's press office said.
        Last month, the government of Latvia recommended leaving the treaty.
        """,
        "LVA apmbc parliament_vote_withdraw 2026-05-12",
        "LVA apmbc recommend_withdrawal 2026-04");

    [Fact]
    public void RelativeDates_MonthWithoutYear_IsTheLatestSuchMonthBeforePublication() => AssertEvents("""
        March 3, 2027

        In mid-January, the Saeima approved the withdrawal of Latvia from the mine ban treaty after a long debate.
        """,
        "LVA apmbc parliament_vote_withdraw 2027-01");

    [Fact]
    public void CapitalAsMetonym_NamesTheState() => AssertEvents("""
        Wednesday, March 3, 2027

        Vilnius on Monday announced its intention to quit the cluster munitions convention, citing the war next door.
        """,
        "LTU ccm announce_intent_to_withdraw 2027-03-01");

    [Fact]
    public void Demonym_GovernmentApprovingABill_IsARecommendation() => AssertEvents("""
        The Estonian government on 2 February 2026 approved a bill to leave the Ottawa Convention, officials said.
        """,
        "EST apmbc recommend_withdrawal 2026-02-02");

    [Fact]
    public void ParliamentName_NamesTheStateAndTheVote()
    {
        var article = Extractor.Extract("""
            4 February 2026

            The Riigikogu voted 81 to 3 on Wednesday to leave the anti-personnel mine ban treaty, the chamber's office said.
            """, "t.txt");
        var e = Assert.Single(article.Events);
        Assert.Equal(("EST", "apmbc", EventAction.ParliamentVoteWithdraw, "2026-02-04"), (e.State, e.Treaty, e.Action, ReportedDates.Format(e.Date)));
        Assert.Equal(new TreatyWatch.Engine.Actions.Votes(81, 3, null, null), e.Votes);
    }

    [Fact]
    public void ParliamentVotingToSuspend_IsASuspension() => AssertEvents("""
        The Verkhovna Rada voted on 16 July 2026 to suspend the country's participation in the Ottawa Convention.
        """,
        "UKR apmbc suspend 2026-07-16");

    [Fact]
    public void Group_IsExpandedToItsMembers() => AssertEvents("""
        The Baltic states notified the UN Secretary-General of their withdrawal from the Ottawa Convention on 27 June 2025.
        """,
        "EST apmbc deposit_withdrawal 2025-06-27",
        "LTU apmbc deposit_withdrawal 2025-06-27",
        "LVA apmbc deposit_withdrawal 2025-06-27");

    [Fact]
    public void TheFourNations_AreTheFourStatesNamedBefore() => AssertEvents("""
        Poland, Lithuania, Latvia and Estonia all share a border with Russia or with its ally Belarus.
        On 18 March 2025, the defence ministers of the four nations jointly recommended leaving the Ottawa Convention.
        """,
        "EST apmbc recommend_withdrawal 2025-03-18",
        "LTU apmbc recommend_withdrawal 2025-03-18",
        "LVA apmbc recommend_withdrawal 2025-03-18",
        "POL apmbc recommend_withdrawal 2025-03-18");

    [Fact]
    public void VoteTally_InWords_WithThreshold()
    {
        var article = Extractor.Extract("""
            Friday, 20 November 2026

            The Seimas on Thursday approved the bill on leaving the Convention on Cluster Munitions after a short debate.
            Ninety-two lawmakers voted in favour, twelve voted against and four abstained; at least 71 votes were needed.
            """, "t.txt");
        var e = Assert.Single(article.Events);
        Assert.Equal(("LTU", "ccm", EventAction.ParliamentVoteWithdraw, "2026-11-19"), (e.State, e.Treaty, e.Action, ReportedDates.Format(e.Date)));
        Assert.Equal(new TreatyWatch.Engine.Actions.Votes(92, 12, 4, 71), e.Votes);
    }

    [Fact]
    public void VoteTally_InDigits_NoOneAgainst()
    {
        var article = Extractor.Extract("""
            Poland's Sejm voted on 25 June 2026 to leave the Ottawa Convention: 413 deputies voted in favour and 3 abstained, while no one voted against.
            """, "t.txt");
        var e = Assert.Single(article.Events);
        Assert.Equal(new TreatyWatch.Engine.Actions.Votes(413, 0, 3, null), e.Votes);
    }

    [Fact]
    public void Negation_IsNotAnEvent() => AssertEvents("""
        Norway will not withdraw from the Ottawa Convention, its foreign minister said on Monday.
        Hungary did not leave the Rome Statute in 2024 after all, despite the earlier announcement.
        """);

    [Fact]
    public void Modality_IsNotAnEvent() => AssertEvents("""
        Finland could withdraw from the treaty banning landmines next year, a defence official said.
        Lawmakers have called on the government to withdraw from the Ottawa Convention as soon as possible.
        The Polish government is considering leaving the cluster munitions convention, according to officials.
        """);

    [Fact]
    public void Hypothetical_IsNotAnEvent() => AssertEvents("""
        If Poland withdrew from the Ottawa Convention, it could stockpile anti-personnel mines again within months.
        """);

    [Fact]
    public void FrenchDates_AndTreatyWideEntryIntoForce()
    {
        var article = Extractor.Extract("""
            GENÈVE, 2 juillet 2026. La Convention d'Ottawa est entrée en vigueur le 1er mars 1999.
            """, "t.txt");
        Assert.Equal(new NodaTime.LocalDate(2026, 7, 2), article.Published);
        var e = Assert.Single(article.Events);
        Assert.Equal(("", "apmbc", EventAction.EntryIntoForce, "1999-03-01"), (e.State, e.Treaty, e.Action, ReportedDates.Format(e.Date)));
    }

    [Fact]
    public void TreatyWideEntryIntoForce_HasNoState() => AssertEvents("""
        The Arms Trade Treaty entered into force on 24 December 2014, ninety days after the fiftieth ratification.
        """,
        " att entry_into_force 2014-12-24");

    [Fact]
    public void EmbeddedPost_IsDatedByItsSignature_AndAMinistryRecommends() => AssertEvents("""
        Lithuania, Latvia and Estonia have announced their withdrawal from the Ottawa Convention. pic.twitter.com/abc123
        — Lithuanian MOD (@LTU_MOD) March 18, 2025
        """,
        "EST apmbc recommend_withdrawal 2025-03-18",
        "LTU apmbc recommend_withdrawal 2025-03-18",
        "LVA apmbc recommend_withdrawal 2025-03-18");

    [Fact]
    public void AnnouncementThatAStepIsDone_ReportsTheStep_NotAnIntention() => AssertEvents("""
        Published: 2 August 2019

        The United States announced on Friday that it has formally withdrawn from the Intermediate-Range Nuclear Forces Treaty.
        """,
        "USA inf withdrawal_effective 2019-08-02");

    [Fact]
    public void Respectively_GivesEachStateItsOwnDate() => AssertEvents("""
        The Ottawa Convention bans anti-personnel mines.
        Lithuania, Estonia and Latvia acceded to the convention in 2003, 2004 and 2005 respectively.
        """,
        "EST apmbc accede 2004",
        "LTU apmbc accede 2003",
        "LVA apmbc accede 2005");

    [Fact]
    public void NotUntil_DatesTheStep() => AssertEvents("""
        Poland signed the Ottawa Convention on 4 December 1997 but did not ratify it until 2012.
        """,
        "POL apmbc ratify 2012",
        "POL apmbc sign 1997-12-04");

    [Fact]
    public void TodayInAQuote_IsTheDayOfTheStatement() => AssertEvents("""
        Published: 29 June 2025

        The foreign minister of Lithuania announced the step on Friday in a post on social media.
        "Today, Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa Convention," he wrote.
        """,
        "LTU apmbc deposit_withdrawal 2025-06-27");

    [Fact]
    public void FutureEffectiveDate_IsKept_AFutureRuleIsNot() => AssertEvents("""
        16 January 2026

        Poland will formally withdraw from the Ottawa Convention on February 20, the deputy defence minister said on radio.
        The withdrawal will take effect six months after the notification, as the convention provides.
        """,
        "POL apmbc withdrawal_effective 2026-02-20");

    [Fact]
    public void OrganisationName_StandsForItsTreaty() => AssertEvents("""
        Hungary's parliament voted on 20 May 2025 to withdraw from the International Criminal Court.
        """,
        "HUN rome-statute parliament_vote_withdraw 2025-05-20");

    [Fact]
    public void RevokedWithdrawal() => AssertEvents("""
        The Gambia revoked its withdrawal from the Rome Statute on 10 February 2017, the UN said.
        """,
        "GMB rome-statute revoke_withdrawal 2017-02-10");

    [Fact]
    public void LeadSentence_TakesTheDatelineDate() => AssertEvents("""
        RIGA, 16 April 2025 (LETA) - The Saeima has adopted a bill on Latvia's withdrawal from the Ottawa Convention in the final reading.
        """,
        "LVA apmbc parliament_vote_withdraw 2025-04-16");

    [Fact]
    public void UndatedRestatement_OfACountrysPlan_IsNotAnEvent() => AssertEvents("""
        Finland has announced that it too will be withdrawing from the Ottawa Convention.
        """);

    [Fact]
    public void HeadOfStateIntention_IsKeptWithoutADate() => AssertEvents("""
        Polish Prime Minister Donald Tusk has also expressed his intention to withdraw from both the anti-personnel mines and cluster munitions conventions.
        """,
        "POL apmbc announce_intent_to_withdraw",
        "POL ccm announce_intent_to_withdraw");

    [Fact]
    public void Evidence_IsTheTextAtItsOffsets()
    {
        const string text = """
            Published: Thursday, 14 May 2026

            Latvian lawmakers on Tuesday voted to withdraw from the Ottawa Convention, the parliament's press office said.
            On 18 March 2025, the defence ministers of Poland and Latvia recommended leaving the treaty.
            """;
        var article = Extractor.Extract(text, "t.txt");
        Assert.NotEmpty(article.Events);
        foreach (var e in article.Events) Assert.Equal(e.Evidence, text[e.Start..e.End]);
    }

    [Fact]
    public void GivenPublicationDate_IsUsed()
    {
        var article = Extractor.Extract("The Seimas on Thursday voted to leave the Convention on Cluster Munitions.", "t.txt",
            new NodaTime.LocalDate(2024, 7, 18));
        Assert.Equal("2024-07-18", ReportedDates.Format(Assert.Single(article.Events).Date));
    }

    [Fact]
    public void WithdrawingTroops_IsNotAboutTheTreatyNamedBefore() => AssertEvents("""
        The Ottawa Convention bans anti-personnel mines and has been in force for decades.
        On 3 May 2026, Russia withdrew its troops from the border region, the defence ministry said.
        """);

    [Fact]
    public void ConditionWithOnce_IsNotAnEvent() => AssertEvents("""
        Withdrawing from the International Criminal Court will take a year, once Hungary officially notifies the UN Secretary-General.
        """);

    [Fact]
    public void Deratification_IsAWithdrawal() => AssertEvents("""
        On 18 October 2026, the State Duma approved revoking Russia's ratification of the Comprehensive Nuclear-Test-Ban Treaty.
        """,
        "RUS ctbt parliament_vote_withdraw 2026-10-18");

    [Fact]
    public void ProgressiveSuspension_IsASuspension() => AssertEvents("""
        Published: 21 February 2026

        President Putin said on Tuesday that Russia was suspending its participation in the New START treaty.
        """,
        "RUS new-start suspend 2026-02-17");

    [Fact]
    public void NotifiedRescission_IsARevocation() => AssertEvents("""
        On 10 February 2017, the Gambia delivered to the Secretary-General notification of its rescission of its withdrawal from the Rome Statute.
        """,
        "GMB rome-statute revoke_withdrawal 2017-02-10");

    [Fact]
    public void GovernmentsAnnouncing_DeclareAnIntention_MinistriesRecommend() => AssertEvents("""
        On 22 September 2025, the governments of Estonia and Latvia announced they are withdrawing from the International Criminal Court.
        On 23 September 2025, the Lithuanian defence ministry announced plans to withdraw from the Ottawa Convention.
        """,
        "EST rome-statute announce_intent_to_withdraw 2025-09-22",
        "LTU apmbc recommend_withdrawal 2025-09-23",
        "LVA rome-statute announce_intent_to_withdraw 2025-09-22");

    [Fact]
    public void Subject_InstitutionInAState_IsThatState() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Lawmakers in Poland voted to withdraw from the Ottawa Convention on Tuesday. The motion passed 413-15, with three abstentions.
        Parliament in Norway last week voted to ratify the Arms Trade Treaty, officials said.
        """,
        "POL apmbc parliament_vote_withdraw 2025-03-11",
        "NOR att parliament_vote_ratify 2025-03");

    [Fact]
    public void ReportedSpeech_APlanToldOnADay_IsTheAnnouncement() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Latvia, Lithuania and Estonia said on Monday they were leaving the Rome Statute with immediate effect.
        Hungary said on Tuesday it would withdraw from the Arms Trade Treaty.
        """,
        "EST rome-statute announce_intent_to_withdraw 2025-03-10",
        "LTU rome-statute announce_intent_to_withdraw 2025-03-10",
        "LVA rome-statute announce_intent_to_withdraw 2025-03-10",
        "HUN att announce_intent_to_withdraw 2025-03-11");

    [Fact]
    public void ReportedSpeech_UndatedOrConditionalOrNegatedPlans_AreNotEvents() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Finland said it would leave the Arms Trade Treaty, according to an official.
        Türkiye said on Tuesday it would withdraw from the Istanbul Convention if the court ruled against it.
        Norway said on Monday it would not withdraw from the Ottawa Convention.
        """);

    [Fact]
    public void ReportedSpeech_AFutureWithdrawalWithItsOwnDate_IsTheEffectiveDate() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Finland will withdraw from the Arms Trade Treaty on September 1, the foreign ministry said on Tuesday.
        """,
        "FIN att withdrawal_effective 2025-09-01");

    [Fact]
    public void Notify_ABillSubmittedToParliament_IsNoDeposit() => AssertEvents("""
        Published Wednesday, March 12, 2025

        A bill to withdraw from the Ottawa Convention was submitted to Finland's parliament on Tuesday.
        The government of Norway on Monday submitted a bill to the Storting on leaving the Ottawa Convention.
        """,
        "NOR apmbc recommend_withdrawal 2025-03-10");

    [Fact]
    public void Rejoining_IsARatification() => AssertEvents("""
        Published Wednesday, March 12, 2025

        The United States rejoined the Arms Trade Treaty on Tuesday.
        """,
        "USA att ratify 2025-03-11");

    [Fact]
    public void LeadWithAnUnresolvableDate_DoesNotTakeThePageDate() => AssertEvents("""
        Published Wednesday, March 5, 2025

        Norway's parliament voted last week to leave the Ottawa Convention.
        """,
        "NOR apmbc parliament_vote_withdraw");

    [Fact]
    public void FutureSteps_AVoteOrSignatureAhead_AreNotEvents() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Lithuania's parliament will vote on leaving the cluster munitions convention on Thursday.
        Norway's president is to sign the law on withdrawing from the Ottawa Convention next week.
        """);

    [Fact]
    public void Hypothetical_FirstToAct_UnderWouldAndIf_IsNotAnEvent() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Poland would become the first NATO member to leave the Ottawa Convention if parliament approves the bill next week.
        """);

    [Fact]
    public void Votes_TwoVotesInOneSentence_KeepTheirOwnFigures()
    {
        var article = Extractor.Extract("""
            Published Wednesday, March 12, 2025

            Latvian lawmakers voted 68-14 on Tuesday to leave the Ottawa Convention, while Estonia's parliament approved a similar bill on Monday.
            """, "test.txt");
        var lva = Assert.Single(article.Events, e => e.State == "LVA");
        var est = Assert.Single(article.Events, e => e.State == "EST");
        Assert.Equal(68, lva.Votes?.For);
        Assert.Equal(14, lva.Votes?.Against);
        Assert.Null(est.Votes);
    }

    [Fact]
    public void TreatyPronoun_QuitIt_RefersToTheTreatyNamedBefore() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Lithuania ratified the Convention on Cluster Munitions in 2011, but quit it on Monday.
        Norway left it in 2020, officials said.
        """,
        "LTU ccm ratify 2011",
        "LTU ccm withdrawal_effective 2025-03-10");

    [Fact]
    public void ParliamentApprovingAnAccession_IsAVoteToRatify() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Norway's parliament on Tuesday approved the country's accession to the Arms Trade Treaty.
        """,
        "NOR att parliament_vote_ratify 2025-03-11");

    [Fact]
    public void TheCountry_RefersToTheStateOfTheTreatyStory_NotToAPassingMention() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Finland's parliament debated the Ottawa Convention on Monday.
        Russia criticised the debate.
        On Tuesday, the country's lawmakers voted to leave the pact.
        """,
        "FIN apmbc parliament_vote_withdraw 2025-03-11");

    [Fact]
    public void CompletedItsWithdrawal_IsTheEffect_DatedByTheStatement() => AssertEvents("""
        Published Wednesday, March 12, 2025

        Officials in Vilnius said on Tuesday that Lithuania had completed its withdrawal from the Convention on Cluster Munitions.
        """,
        "LTU ccm withdrawal_effective 2025-03-11");
}
