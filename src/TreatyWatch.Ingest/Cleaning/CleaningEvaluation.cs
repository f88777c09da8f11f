using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Shingle counts of one page, normalised to sum 1 so that long pages weigh no more than short ones.
/// All three are 0 when neither text has a word.
/// </summary>
public readonly record struct ShingleMatch(double TruePositive, double FalsePositive, double FalseNegative)
{
    /// <summary>Null when the prediction has no shingle: such a page is left out of the mean precision.</summary>
    public double? Precision => TruePositive + FalsePositive > 0 ? TruePositive / (TruePositive + FalsePositive) : null;

    /// <summary>Null when the truth has no shingle: such a page is left out of the mean recall.</summary>
    public double? Recall => TruePositive + FalseNegative > 0 ? TruePositive / (TruePositive + FalseNegative) : null;
}

/// <summary>One page's score; <paramref name="Exact"/> when both texts have the same token list.</summary>
public sealed record PageScore(string Id, ShingleMatch Match, bool Exact)
{
    public double? Precision => Match.Precision;
    public double? Recall => Match.Recall;

    /// <summary>Null when either side had nothing to score.</summary>
    public double? F1 => (Precision, Recall) switch
    {
        ({ } p, { } r) when p + r > 0 => 2 * p * r / (p + r),
        ({ }, { }) => 0,
        _ => null,
    };
}

/// <summary>An extractor's scores over a benchmark: precision and recall are means over pages, F1 comes from the two means.</summary>
public sealed record ExtractorScore(string Name, double F1, double Precision, double Recall, double Accuracy, IReadOnlyList<PageScore> Pages);

/// <summary>The result of <see cref="CleaningEvaluation.Run"/>: our cleaner first, then each reference output.</summary>
/// <param name="PageCount">Pages in the benchmark.</param>
/// <param name="Extractors">Scores of this cleaner (named <see cref="CleaningEvaluation.OwnName"/>) and of each reference output.</param>
/// <param name="ColdCleaningTime">Time to clean every page the first time (in a fresh process, JIT compilation included).</param>
/// <param name="WarmCleaningTime">Time to clean every page a second time.</param>
public sealed record CleaningEvalReport(int PageCount, IReadOnlyList<ExtractorScore> Extractors, TimeSpan ColdCleaningTime, TimeSpan WarmCleaningTime)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{PageCount} pages; cleaning took {ColdCleaningTime.TotalMilliseconds:F0} ms cold, {WarmCleaningTime.TotalMilliseconds:F0} ms warm ({PageCount / Math.Max(WarmCleaningTime.TotalSeconds, 1e-9):F0} pages/s, one thread)\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"extractor",-22} {"F1",6} {"prec.",6} {"recall",6} {"acc.",6}\n");
        foreach (var e in Extractors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.Name,-22} {e.F1,6:F3} {e.Precision,6:F3} {e.Recall,6:F3} {e.Accuracy,6:F3}\n");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Scores extracted article bodies against true ones the way the article-extraction benchmark
/// (scrapinghub/article-extraction-benchmark, evaluate.py) does: word tokens, 4-token shingles
/// counted with multiplicity, per-page counts normalised, precision and recall averaged over pages
/// (a page whose prediction, or truth, has no shingle is left out of that mean), F1 from the two
/// means, accuracy the share of pages whose token lists are equal.
/// The benchmark's README says a page with nothing to score "counts as 1"; evaluate.py, whose
/// numbers are the published ones, leaves it out, and so does this.
/// </summary>
public static class CleaningEvaluation
{
    public const string OwnName = "treatywatch";

    /// <summary>Cleans every page of the benchmark in <paramref name="benchmarkDir"/> and scores it, with the reference outputs found there.</summary>
    public static CleaningEvalReport Run(string benchmarkDir)
    {
        var benchmark = ExtractionBenchmark.Load(benchmarkDir);
        var predicted = new Dictionary<string, string>(benchmark.Pages.Count);
        var cold = Stopwatch.StartNew();
        foreach (var page in benchmark.Pages)
        {
            predicted[page.Id] = ArticleCleaner.CleanHtml(page.Html).Text;
        }
        cold.Stop();
        var warm = Stopwatch.StartNew();
        foreach (var page in benchmark.Pages)
        {
            predicted[page.Id] = ArticleCleaner.CleanHtml(page.Html).Text;
        }
        warm.Stop();
        var truth = benchmark.Pages.ToDictionary(p => p.Id, p => p.TrueBody);
        var scores = new List<ExtractorScore> { Score(OwnName, truth, predicted) };
        foreach (var (name, output) in benchmark.ReferenceOutputs)
        {
            scores.Add(Score(name, truth, output));
        }
        return new CleaningEvalReport(benchmark.Pages.Count, scores, cold.Elapsed, warm.Elapsed);
    }

    /// <summary>Scores <paramref name="predicted"/> bodies against <paramref name="truth"/>; a missing prediction counts as empty.</summary>
    public static ExtractorScore Score(string name, IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predicted)
    {
        var pages = new List<PageScore>(truth.Count);
        foreach (var (id, trueBody) in truth)
        {
            var pred = predicted.GetValueOrDefault(id) ?? "";
            var t = Tokenize(trueBody);
            var p = Tokenize(pred);
            pages.Add(new PageScore(id, Match(t, p), t.SequenceEqual(p)));
        }
        var precisions = pages.Select(x => x.Precision).OfType<double>().ToList();
        var recalls = pages.Select(x => x.Recall).OfType<double>().ToList();
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        var accuracy = pages.Count > 0 ? pages.Count(x => x.Exact) / (double)pages.Count : 0;
        return new ExtractorScore(name, f1, precision, recall, accuracy, pages);
    }

    public static ShingleMatch Match(string truth, string predicted) => Match(Tokenize(truth), Tokenize(predicted));

    private static ShingleMatch Match(List<string> truth, List<string> predicted)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<(int, int, int, int), (int True, int Pred)>();
        foreach (var s in Shingles(truth, ids))
        {
            counts[s] = counts.TryGetValue(s, out var c) ? (c.True + 1, c.Pred) : (1, 0);
        }
        foreach (var s in Shingles(predicted, ids))
        {
            counts[s] = counts.TryGetValue(s, out var c) ? (c.True, c.Pred + 1) : (0, 1);
        }
        double tp = 0, fp = 0, fn = 0;
        foreach (var (t, p) in counts.Values)
        {
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }
        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
    }

    /// <summary>All runs of four consecutive tokens; a text of one to three tokens is one shorter shingle.</summary>
    private static IEnumerable<(int, int, int, int)> Shingles(List<string> tokens, Dictionary<string, int> ids)
    {
        var n = tokens.Count;
        if (n == 0)
        {
            yield break;
        }
        var id = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!ids.TryGetValue(tokens[i], out id[i]))
            {
                id[i] = ids.Count;
                ids[tokens[i]] = id[i];
            }
        }
        if (n < 4)
        {
            yield return (id[0], n > 1 ? id[1] : -1, n > 2 ? id[2] : -1, -1);
            yield break;
        }
        for (var i = 0; i + 4 <= n; i++)
        {
            yield return (id[i], id[i + 1], id[i + 2], id[i + 3]);
        }
    }

    /// <summary>Word tokens as the benchmark counts them (see <see cref="WordTokens"/>).</summary>
    public static List<string> Tokenize(string text) => WordTokens.Split(text);
}
