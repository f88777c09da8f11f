using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using System.Globalization;
using System.Text;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Evaluation;

/// <summary>True positives, false positives, false negatives, and what follows from them.</summary>
public readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Score operator +(Score a, Score b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>What went right and wrong in one article.</summary>
public sealed record ArticleResult(
    string File,
    string Published,
    IReadOnlyList<(GoldEvent Gold, ExtractedEvent Found)> Matched,
    IReadOnlyList<ExtractedEvent> FalsePositives,
    IReadOnlyList<GoldEvent> FalseNegatives);

public sealed record EvaluationReport(
    Score Overall,
    IReadOnlyDictionary<string, Score> PerAction,
    int MatchedEvents,
    int ExactDates,
    int VotesCompared,
    int VotesExact,
    Score IgnoringDates,
    IReadOnlyList<ArticleResult> Articles)
{
    /// <summary>Matched events whose date is the gold date exactly, at the same precision.</summary>
    public double DateAccuracy => MatchedEvents == 0 ? 1 : (double)ExactDates / MatchedEvents;

    public double VoteAccuracy => VotesCompared == 0 ? 1 : (double)VotesExact / VotesCompared;

    public string Render(bool details = false)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{"action",-28} {"gold",5} {"found",5} {"tp",4} {"P",6} {"R",6} {"F1",6}");
        foreach (var (action, s) in PerAction.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.AppendLine(ci, $"{action,-28} {s.TruePositives + s.FalseNegatives,5} {s.TruePositives + s.FalsePositives,5} {s.TruePositives,4} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}");
        var o = Overall;
        sb.AppendLine(ci, $"{"overall",-28} {o.TruePositives + o.FalseNegatives,5} {o.TruePositives + o.FalsePositives,5} {o.TruePositives,4} {o.Precision,6:0.000} {o.Recall,6:0.000} {o.F1,6:0.000}");
        sb.AppendLine(ci, $"date accuracy on matched events: {ExactDates}/{MatchedEvents} = {DateAccuracy:0.000}");
        sb.AppendLine(ci, $"votes exact on matched events with votes: {VotesExact}/{VotesCompared}");
        var d = IgnoringDates;
        sb.AppendLine(ci, $"(diagnostic) state+treaty+action only, dates ignored: P {d.Precision:0.000} R {d.Recall:0.000} F1 {d.F1:0.000}");
        if (!details) return sb.ToString();
        foreach (var a in Articles)
        {
            if (a.FalsePositives.Count == 0 && a.FalseNegatives.Count == 0) continue;
            sb.AppendLine(ci, $"-- {a.File} (published {(a.Published.Length > 0 ? a.Published : "unknown")})");
            foreach (var fn in a.FalseNegatives)
                sb.AppendLine(ci, $"   missed  {fn.State,-3} {fn.Treaty,-18} {fn.Action,-28} {fn.Date?.ToString() ?? "\"\""}");
            foreach (var fp in a.FalsePositives)
                sb.AppendLine(ci, $"   extra   {fp.State,-3} {fp.Treaty,-18} {fp.Action.Name(),-28} {fp.Date?.ToString() ?? "\"\""}  | {Clip(fp.Evidence)}");
        }
        return sb.ToString();
    }

    private static string Clip(string s) => s.Length <= 110 ? s.ReplaceLineEndings(" ") : s[..107].ReplaceLineEndings(" ") + "...";
}

/// <summary>
/// Scores the extractor against hand-annotated gold. An extracted event matches a gold event when state,
/// treaty and action are the same and the dates agree to the precision of the less precise one
/// ("2025-04" agrees with "2025-04-16"). An empty date is strict: it agrees only with an empty date,
/// so a date the text states but the extractor missed is an error, and so is a date the extractor
/// supplies where the text states none. Matching is one-to-one, exact dates first. Date accuracy is
/// the share of matched events whose date is the gold date exactly, at the same precision. The
/// extractor gets the text only: the publication date it uses is the one it finds in the text.
/// </summary>
public static class ExtractionEvaluation
{
    public static EvaluationReport Run(string goldPath, string articlesDir, Gazetteer g) => Run(goldPath, articlesDir, g, null);

    /// <summary>As <see cref="Run(string, string, Gazetteer)"/>, scoring only the files <paramref name="include"/> accepts (a held-out split).</summary>
    public static EvaluationReport Run(string goldPath, string articlesDir, Gazetteer g, Func<string, bool>? include)
    {
        var extractor = new EventExtractor(g);
        var pairs = new List<(GoldArticle, ArticleExtraction)>();
        foreach (var gold in GoldReader.Read(goldPath))
        {
            if (include is not null && !include(gold.File)) continue;
            string text = File.ReadAllText(Path.Combine(articlesDir, gold.File));
            pairs.Add((gold, extractor.Extract(text, gold.File)));
        }
        return Score(pairs);
    }

    public static EvaluationReport Score(IEnumerable<(GoldArticle Gold, ArticleExtraction Found)> pairs)
    {
        var perAction = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        void Add(string action, Score s) => perAction[action] = perAction.GetValueOrDefault(action) + s;
        var overall = new Score();
        var ignoring = new Score();
        int matched = 0, exact = 0, votesCompared = 0, votesExact = 0;
        var articles = new List<ArticleResult>();

        foreach (var (gold, found) in pairs)
        {
            var (pairsMatched, fps, fns) = Match(gold.Events, found.Events, strictDates: true);
            foreach (var (ge, fe) in pairsMatched)
            {
                Add(ge.Action, new Score(1, 0, 0));
                matched++;
                if (ge.Date == fe.Date) exact++;
                if (ge.Votes is not null)
                {
                    votesCompared++;
                    if (ge.Votes == (fe.Votes ?? VoteTallies.None)) votesExact++;
                }
            }
            foreach (var fp in fps) Add(fp.Action.Name(), new Score(0, 1, 0));
            foreach (var fn in fns) Add(fn.Action, new Score(0, 0, 1));
            overall += new Score(pairsMatched.Count, fps.Count, fns.Count);

            var (m2, fp2, fn2) = Match(gold.Events, found.Events, strictDates: false);
            ignoring += new Score(m2.Count, fp2.Count, fn2.Count);

            articles.Add(new ArticleResult(gold.File, gold.Published, pairsMatched, fps, fns));
        }
        return new EvaluationReport(overall, perAction, matched, exact, votesCompared, votesExact, ignoring, articles);
    }

    /// <summary>Whether two stated-or-empty dates agree (strict on empty).</summary>
    public static bool DatesAgree(PartialDate? gold, PartialDate? found) =>
        gold is null ? found is null : found is { } f && gold.Value.AgreesWith(f);

    private static (List<(GoldEvent, ExtractedEvent)>, List<ExtractedEvent>, List<GoldEvent>) Match(
        IReadOnlyList<GoldEvent> gold, IReadOnlyList<ExtractedEvent> found, bool strictDates)
    {
        var usedGold = new bool[gold.Count];
        var usedFound = new bool[found.Count];
        var pairs = new List<(GoldEvent, ExtractedEvent)>();
        bool Same(GoldEvent g, ExtractedEvent f) => g.State == f.State && g.Treaty == f.Treaty && g.Action == f.Action.Name();
        // exact dates first, then dates that agree, so that one loose pairing cannot take another's exact partner
        foreach (bool exactPass in new[] { true, false })
            for (int i = 0; i < gold.Count; i++)
            {
                if (usedGold[i]) continue;
                for (int j = 0; j < found.Count; j++)
                {
                    if (usedFound[j] || !Same(gold[i], found[j])) continue;
                    bool ok = !strictDates ? !exactPass || gold[i].Date == found[j].Date
                        : exactPass ? gold[i].Date == found[j].Date : DatesAgree(gold[i].Date, found[j].Date);
                    if (!ok) continue;
                    usedGold[i] = usedFound[j] = true;
                    pairs.Add((gold[i], found[j]));
                    break;
                }
            }
        var fps = found.Where((_, j) => !usedFound[j]).ToList();
        var fns = gold.Where((_, i) => !usedGold[i]).ToList();
        return (pairs, fps, fns);
    }
}
