using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ingest.Across;
using TreatyWatch.Ingest.Checks;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Inputs;
using TreatyWatch.Ingest.Mentions;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Across;

/// <summary>
/// Inputs → near duplicates → extraction → clusters and checks over the shared seeds and corpus (read from shared/,
/// nothing copied into the repository). DESIGN.md names what the seeds get wrong; these tests hold the pipeline to it.
/// </summary>
public class SharedPipelineTests
{
    private sealed record Run(List<EventCluster> Clusters, List<ClaimCheck> Checks, List<NearDuplicateVerdict> Verdicts);

    private static Run? _run;

    private static Run Pipeline()
    {
        if (_run is not null) return _run;
        var data = SharedFolder.DataDirectory();
        var folders = new[] { SharedFolder.Require("seeds"), SharedFolder.Require("corpus") };
        var catalog = CatalogParser.Parse(
            Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".treaty", StringComparison.Ordinal))
                .Select(p => new DataFile(Path.GetRelativePath(data, p).Replace('\\', '/'), File.ReadAllText(p))),
            lazyActions: true);
        var extractor = new EventExtractor(GazetteerLoader.Load(data));
        var checker = new ClaimChecker(catalog);
        var index = new NearDuplicateIndex();
        var reports = new List<EventReport>();
        var checks = new List<ClaimCheck>();
        var verdicts = new List<NearDuplicateVerdict>();
        foreach (var article in ArticleInputs.Read(folders))
        {
            var verdict = index.Add(article.Name, article.Text);
            verdicts.Add(verdict);
            var extraction = extractor.Extract(article.Text, article.Name, article.Published);
            reports.AddRange(EventReport.Of(extraction, new ReportSource(article.Name, null, article.Url, extraction.Published, verdict.Group)));
            checks.AddRange(checker.Check(article.Text, extraction, new LocalDate(2026, 1, 15)));
        }
        return _run = new Run([.. EventClustering.Cluster(reports)], checks, verdicts);
    }

    [Fact]
    public void TheSeedThatCountsSixMonthsFromTheParliamentsDecision_IsFlagged()
    {
        var flagged = Pipeline().Checks.Where(c => c.Kind == ClaimCheckKind.EffectCountedFromVote).ToList();

        var check = Assert.Single(flagged);
        Assert.Equal(("004_2becf0e3ec768e74.txt", "LTU", "apmbc"), (check.Article, check.State, check.Treaty));
    }

    [Fact]
    public void PolandsIntentionToLeaveTheClusterMunitionsConvention_IsFlaggedAsNotParty()
    {
        var flagged = Pipeline().Checks.Where(c => c is { Kind: ClaimCheckKind.NotParty, State: "POL", Treaty: "ccm" }).ToList();

        Assert.NotEmpty(flagged);
        Assert.All(flagged, c => Assert.Contains("Poland is not party to ccm", c.Explanation, StringComparison.Ordinal));
        Assert.DoesNotContain(Pipeline().Checks, c => c is { Kind: ClaimCheckKind.NotParty, Treaty: "apmbc" });
    }

    [Fact]
    public void ReportsOfLatviasParliamentaryVote_DisagreeOnTheVotesInFavour()
    {
        var vote = Pipeline().Clusters.Single(c => c is { State: "LVA", Treaty: "apmbc", Action: EventAction.ParliamentVoteWithdraw });

        Assert.Equal(Certainty.Disputed, vote.Certainty);
        Assert.Contains(vote.Conflicts, c => c.Field == "votes in favour" && c.Explanation.Contains("68", StringComparison.Ordinal) && c.Explanation.Contains("66", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSeedsAndTheCorpus_HoldNoWireCopies()
    {
        Assert.All(Pipeline().Verdicts, v => Assert.False(v.IsCopy, $"{v.Id} copies {v.CopyOf} (resemblance {v.Resemblance:F2})"));
    }
}
