using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Across;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Across;

/// <summary>Short articles written for these tests, extracted with the test gazetteer, then clustered.</summary>
public class EventClusteringTests
{
    private static readonly EventExtractor Extractor = new(TestGazetteer.Instance);

    private static IEnumerable<EventReport> Reports(string name, string text, string? outlet = null, string? group = null) =>
        EventReport.Of(Extractor.Extract(text, name), new ReportSource(name, outlet, null, null, group));

    private static EventCluster Vote(IReadOnlyList<EventCluster> clusters) =>
        Assert.Single(clusters, c => c.Action == EventAction.ParliamentVoteWithdraw);

    private const string VoteOn19 = """
        Latvia's parliament on 19 March 2025 voted to withdraw from the Ottawa Convention. The decision was supported by 68 lawmakers and opposed by 14.
        """;

    private const string VoteOn19OtherWords = """
        Lawmakers in Latvia backed leaving the mine ban treaty: the Saeima voted on 19 March 2025 to withdraw from the Ottawa Convention, with 68 in favour.
        """;

    private const string VoteOn20 = """
        The Saeima voted on 20 March 2025 to withdraw Latvia from the Ottawa Convention. The decision was supported by 68 lawmakers and opposed by 14.
        """;

    private const string VoteWith66 = """
        Latvia's parliament on 19 March 2025 voted to withdraw from the Ottawa Convention. The decision was supported by 66 lawmakers and opposed by 14.
        """;

    [Fact]
    public void OneArticle_IsReported()
    {
        var cluster = Vote(EventClustering.Cluster(Reports("a.txt", VoteOn19)));

        Assert.Equal((Certainty.Reported, 1), (cluster.Certainty, cluster.IndependentSources));
        Assert.Equal("LVA/apmbc/parliament_vote_withdraw/2025-03-19", cluster.Key);
    }

    [Fact]
    public void TwoOutletsAgreeing_AreCorroborated_WithTheFiguresTheyAgreeOn()
    {
        var cluster = Vote(EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("b.txt", VoteOn19OtherWords, "Baltic Wire")]));

        Assert.Equal((Certainty.Corroborated, 2), (cluster.Certainty, cluster.IndependentSources));
        Assert.Equal(["a.txt", "b.txt"], cluster.Reports.Select(r => r.Source.Name));
        Assert.Equal((68, 14), (cluster.Votes?.For, cluster.Votes?.Against));
        Assert.Empty(cluster.Conflicts);
    }

    [Fact]
    public void WireCopiesOfOneStory_CountOnce()
    {
        var cluster = Vote(EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily", group: "wire-1"), .. Reports("b.txt", VoteOn19, "Baltic Wire", group: "wire-1")]));

        Assert.Equal((Certainty.Reported, 1), (cluster.Certainty, cluster.IndependentSources));
        Assert.Equal(2, cluster.Reports.Count);
    }

    [Fact]
    public void TwoStoriesOfOneOutlet_CountOnce()
    {
        var cluster = Vote(EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("b.txt", VoteOn19OtherWords, "Riga Daily")]));

        Assert.Equal(1, cluster.IndependentSources);
    }

    [Fact]
    public void DaysOneApart_AreOneDisputedEvent_NamingBothSourcesAndDates()
    {
        var clusters = EventClustering.Cluster([.. Reports("b.txt", VoteOn20), .. Reports("a.txt", VoteOn19)]);

        var cluster = Vote(clusters);
        Assert.Equal(Certainty.Disputed, cluster.Certainty);
        var conflict = Assert.Single(cluster.Conflicts);
        Assert.Equal("date: 2025-03-19 (a.txt) vs 2025-03-20 (b.txt)", conflict.Explanation);
    }

    [Fact]
    public void DifferentVoteFigures_AreDisputed_NamingBothSourcesAndFigures()
    {
        var cluster = Vote(EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("b.txt", VoteWith66, "Baltic Wire")]));

        Assert.Equal(Certainty.Disputed, cluster.Certainty);
        Assert.Equal(["votes in favour: 68 (a.txt) vs 66 (b.txt)"], cluster.Conflicts.Select(c => c.Explanation));
        Assert.Null(cluster.Votes?.For);
        Assert.Equal(14, cluster.Votes?.Against);
    }

    [Fact]
    public void SameStepWeeksApart_IsTwoEvents()
    {
        const string later = """
            Latvia's parliament on 17 April 2025 voted to withdraw from the Ottawa Convention in a final reading.
            """;

        var votes = EventClustering.Cluster([.. Reports("a.txt", VoteOn19), .. Reports("c.txt", later)])
            .Where(c => c.Action == EventAction.ParliamentVoteWithdraw).ToList();

        Assert.Equal(["2025-03-19", "2025-04-17"], votes.Select(c => ReportedDates.Format(c.Date)));
        Assert.All(votes, c => Assert.Equal(Certainty.Reported, c.Certainty));
    }

    [Fact]
    public void AMonthDate_JoinsTheOneEventOfThatMonth_AndAgreesWithIt()
    {
        const string monthOnly = """
            In March 2025, Latvia's parliament voted to withdraw from the Ottawa Convention.
            """;

        var cluster = Vote(EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("m.txt", monthOnly, "Baltic Wire")]));

        Assert.Equal((Certainty.Corroborated, "2025-03-19"), (cluster.Certainty, ReportedDates.Format(cluster.Date)));
    }

    [Fact]
    public void AnUndatedReport_JoinsTheOnlyEvent_ButNotOneOfTwo()
    {
        const string undated = """
            Latvia's parliament voted to withdraw from the Ottawa Convention, a move its neighbours welcomed.
            """;
        const string later = """
            Latvia's parliament on 17 April 2025 voted to withdraw from the Ottawa Convention in a final reading.
            """;

        var one = EventClustering.Cluster([.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("u.txt", undated, "Baltic Wire")])
            .Where(c => c.Action == EventAction.ParliamentVoteWithdraw).ToList();
        var two = EventClustering.Cluster([.. Reports("a.txt", VoteOn19), .. Reports("c.txt", later), .. Reports("u.txt", undated)])
            .Where(c => c.Action == EventAction.ParliamentVoteWithdraw).ToList();

        Assert.Equal(["a.txt", "u.txt"], Assert.Single(one).Reports.Select(r => r.Source.Name));
        Assert.Equal(["2025-03-19", "2025-04-17", ""], two.Select(c => ReportedDates.Format(c.Date)));
        Assert.Equal("LVA/apmbc/parliament_vote_withdraw/undated", two[2].Key);
    }

    [Fact]
    public void TheOutput_DoesNotDependOnTheOrderOfTheInput()
    {
        EventReport[] reports = [.. Reports("a.txt", VoteOn19, "Riga Daily"), .. Reports("b.txt", VoteOn20, "Baltic Wire"), .. Reports("c.txt", VoteWith66, "Nordic Post")];

        var forward = EventClustering.Cluster(reports);
        var backward = EventClustering.Cluster(reports.Reverse());

        Assert.Equal(forward.Select(Describe), backward.Select(Describe));
    }

    private static string Describe(EventCluster c) =>
        $"{c.Key} {c.Certainty} {c.IndependentSources} [{string.Join(",", c.Reports.Select(r => r.Source.Name))}] [{string.Join("; ", c.Conflicts.Select(x => x.Explanation))}]";
}
