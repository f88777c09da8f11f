using TreatyWatch.Ingest.Evaluation;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Mentions;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Evaluation;

/// <summary>
/// The extractor against the shared development data (shared/seeds, shared/corpus), scored as
/// <see cref="ExtractionEvaluation"/> scores it: text only, strict on empty dates. Under CI=true a
/// missing shared/ or data/ folder fails these tests.
/// </summary>
public class SharedCorpusTests
{
    private static Gazetteer Gazetteer() => GazetteerLoader.Load(SharedFolder.DataDirectory());

    [Fact]
    public void Seeds_MeetTheAcceptanceTarget()
    {
        string seeds = SharedFolder.Require("seeds");
        var report = ExtractionEvaluation.Run(Path.Combine(seeds, "gold.jsonl"), seeds, Gazetteer());
        Assert.True(report.Overall.F1 >= 0.95, report.Render(details: true));
    }

    /// <summary>
    /// A ratchet, not the target (0.85): most misses are dates the copies cannot give (no date line, or
    /// a dateline without a year, for "on Tuesday" or "last night"). See docs/extraction.md.
    /// </summary>
    [Fact]
    public void Corpus_DoesNotFallBelowTheRecordedScores()
    {
        string corpus = SharedFolder.Require("corpus");
        var report = ExtractionEvaluation.Run(Path.Combine(corpus, "gold.jsonl"), corpus, Gazetteer());
        Assert.True(report.Overall.F1 >= 0.59, report.Render(details: true));
        Assert.True(report.IgnoringDates.F1 >= 0.95, report.Render(details: true));
        Assert.True(report.DateAccuracy >= 0.9, report.Render(details: true));
    }

    [Fact]
    public void EveryEvidence_IsTheTextAtItsOffsets()
    {
        var extractor = new EventExtractor(Gazetteer());
        foreach (var folder in new[] { SharedFolder.Require("seeds"), SharedFolder.Require("corpus") })
            foreach (var file in Directory.EnumerateFiles(folder, "*.txt"))
            {
                string text = File.ReadAllText(file);
                foreach (var e in extractor.Extract(text, Path.GetFileName(file)).Events)
                    Assert.Equal(e.Evidence, text[e.Start..e.End]);
            }
    }
}
