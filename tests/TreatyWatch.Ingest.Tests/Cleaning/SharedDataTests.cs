using System.Text.Json;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

/// <summary>
/// Checks against the data in ../shared next to the repository: the article-extraction benchmark
/// and the development news corpus. Without the folder these return early on a developer's machine
/// and fail under CI=true, where a missing folder means nothing was checked.
/// </summary>
public class SharedDataTests
{
    [Fact]
    public void Benchmark_CleanerF1_AtLeast093_AndReferenceScoresReproduced()
    {
        if (SharedFolder("article-extraction-benchmark") is not { } dir)
        {
            return;
        }

        var report = CleaningEvaluation.Run(dir);

        Assert.Equal(181, report.PageCount);
        var ours = report.Extractors.Single(e => e.Name == CleaningEvaluation.OwnName);
        Assert.True(ours.F1 >= 0.93, $"F1 {ours.F1:F3} is below 0.93\n{report}");
        // The published scores: the check that this scorer is the benchmark's.
        Assert.Equal(0.947, report.Extractors.Single(e => e.Name == "readability_js").F1, 0.0005);
        Assert.Equal(0.958, report.Extractors.Single(e => e.Name == "trafilatura").F1, 0.0005);
    }

    [Fact]
    public void Corpus_EveryGoldEvidence_SurvivesCleaning_AndMapsToTheSource()
    {
        if (SharedFolder("corpus") is not { } dir)
        {
            return;
        }

        var checkedCount = 0;
        foreach (var line in File.ReadLines(Path.Combine(dir, "gold.jsonl")))
        {
            using var gold = JsonDocument.Parse(line);
            var file = Path.Combine(dir, gold.RootElement.GetProperty("file").GetString()!);
            var source = ArticleReader.ReadText(file);
            var article = ArticleCleaner.Clean(source, file);
            foreach (var e in gold.RootElement.GetProperty("events").EnumerateArray())
            {
                var evidence = e.GetProperty("evidence").GetString()!;
                var at = article.Text.IndexOf(evidence, StringComparison.Ordinal);
                Assert.True(at >= 0, $"{file}: evidence lost: {evidence}");
                var sourceAt = article.SourceOffset(at);
                Assert.NotNull(sourceAt);
                Assert.Equal(evidence, source.Substring(sourceAt.Value, evidence.Length));
                checkedCount++;
            }
        }
        Assert.Equal(107, checkedCount);
    }

    /// <summary>
    /// ../shared/&lt;name&gt; beside the repository root (the folder holding TreatyWatch.slnx), or null
    /// when absent and not under CI.
    /// </summary>
    private static string? SharedFolder(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TreatyWatch.slnx")))
        {
            root = root.Parent;
        }
        var dir = root?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", name) : null;
        if (dir is not null && Directory.Exists(dir))
        {
            return dir;
        }
        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"CI=true but the shared data folder is missing: {dir ?? $"(no TreatyWatch.slnx above {AppContext.BaseDirectory})"}");
        return null;
    }
}
