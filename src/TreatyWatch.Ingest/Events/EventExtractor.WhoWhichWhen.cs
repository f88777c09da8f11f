using System.Collections.Frozen;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Events;

public sealed partial class EventExtractor
{
    // ------------------------------------------------------------------------------------------
    // Who, which treaty, when

    private static string[] FindAgents(Article a, int si, Cue p, EventAction act, List<StateRef> states, List<Cue> cues)
    {
        var agents = FindMainAgents(a, si, p, act, states, cues);
        if (agents.Length == 0) return agents;
        // "Poland's earlier declaration, made jointly with the Baltic states and Finland"
        var t = a.Tokens;
        foreach (var g in CoordinatedGroups(a, states))
        {
            if (g[0].First < p.EndToken || g[0].First - p.EndToken > 8) continue;
            int k = g[0].First - 1;
            while (k > p.EndToken && (t.Is(k, "the") || t.Is(k, "its"))) k--;
            if ((t.Is(k, "with") || t.Is(k, "alongside")) && t.IsAny(k - 1, CoAgentBeforeWith))
                agents = [.. agents.Concat(g.SelectMany(r => r.Ids)).Distinct()];
        }
        return agents;
    }

    private static string[] FindMainAgents(Article a, int si, Cue p, EventAction act, List<StateRef> states, List<Cue> cues)
    {
        var t = a.Tokens;
        int first = a.SentenceFirstToken[si];
        var groups = CoordinatedGroups(a, states);

        string[] Ids(List<StateRef> g) => g.SelectMany(r => r.Ids).Distinct().ToArray();

        // relative clause: "Poland and the Baltic countries, which announced similar moves"
        for (int k = p.FirstToken - 1; k >= Math.Max(first, p.FirstToken - 4); k--)
        {
            if (!t.IsAny(k, RelativePronouns)) continue;
            var antecedent = states.Where(r => r.End <= k && k - r.End <= 1).Select(r => (StateRef?)r).LastOrDefault();
            if (antecedent is { } ant) return Ids(groups.First(g => g.Contains(ant)));
            break;
        }

        // the subject before the verb: the nearest state not governed by a preposition
        for (int gi = groups.Count - 1; gi >= 0; gi--)
        {
            var g = groups[gi];
            if (g[0].First >= p.FirstToken) continue;
            if (g.All(r => IsOblique(a, r, p.FirstToken, PassiveBefore(a, p))) ) continue;
            return Ids(g);
        }

        // after the verb: "approved Finland's withdrawal", "deposited China's instrument", "withdrawing Turkey from"
        foreach (var g in groups)
        {
            if (g[0].First < p.EndToken) continue;
            if (g[0].First - p.EndToken > 6) break;
            var last = g[^1];
            bool possessive = t.Is(last.End, "s") && (t.Gap(last.End - 1).Contains('\'') || t.Gap(last.End - 1).Contains('\u2019'));
            bool objectOfWithdraw = t.Is(last.End, "from") && cues.Any(c => c.Kind == CueKind.Withdraw && c.EndToken <= g[0].First && g[0].First - c.EndToken <= 2);
            bool byAgent = t.Is(g[0].First - 1, "by") || t.Is(g[0].First - 2, "by") && t.Is(g[0].First - 1, "the");
            bool ofNominal = (t.Is(g[0].First - 1, "of") || t.Is(g[0].First - 2, "of") && t.Is(g[0].First - 1, "the")) && p.Form == CueForm.Noun;
            bool forState = act == EventAction.EntryIntoForce && (t.Is(g[0].First - 1, "for") || t.Is(g[0].First - 2, "for"));
            if (possessive || objectOfWithdraw || byAgent && PassiveBefore(a, p) || ofNominal || forState) return Ids(g);
        }

        // a pronoun subject: "it", "they", "we"
        for (int k = p.FirstToken - 1; k >= Math.Max(first, p.FirstToken - 4); k--)
        {
            var w = t.Span(k);
            if (w.Equals("it", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase))
                return a.FocusSingle.Length > 0 ? a.FocusSingle : a.FocusPlural;
            if (w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("we", StringComparison.OrdinalIgnoreCase)
                || w.Equals("their", StringComparison.OrdinalIgnoreCase) || w.Equals("our", StringComparison.OrdinalIgnoreCase))
                return a.FocusPlural.Length > 0 ? a.FocusPlural : a.FocusSingle;
        }
        if (Pronoun().IsMatch(a.Text.AsSpan(a.Sentences[si].Start, Math.Max(0, a.Tokens.Tokens[p.FirstToken].Start - a.Sentences[si].Start))))
        {
            var firstWord = t.Span(first);
            if (firstWord.Equals("they", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("we", StringComparison.OrdinalIgnoreCase))
                return a.FocusPlural.Length > 0 ? a.FocusPlural : a.FocusSingle;
            if (firstWord.Equals("it", StringComparison.OrdinalIgnoreCase))
                return a.FocusSingle;
        }

        // a state named in the sentence in any position, when it is the only one ("... withdraw the country ...")
        var nonOblique = groups.Where(g => !g.All(r => IsOblique(a, r, p.FirstToken, false))).ToList();
        if (nonOblique.Count == 1 && act is not (EventAction.Sign or EventAction.Ratify or EventAction.Accede or EventAction.EntryIntoForce))
            return Ids(nonOblique[0]);

        // nothing in the sentence: the state the story is about ("107 MPs voted in favor of withdrawing")
        if (states.Count == 0 && act is not (EventAction.Sign or EventAction.Ratify or EventAction.Accede or EventAction.EntryIntoForce))
            return a.FocusSingle.Length > 0 ? a.FocusSingle : a.FocusPlural;
        return [];
    }

    /// <summary>Whether a state is governed by a preposition ("threats from Russia", "bordering Russia").</summary>
    private static bool IsOblique(Article a, StateRef r, int predicate, bool passive)
    {
        var t = a.Tokens;
        int k = r.First - 1;
        int fillers = 0;
        while (k >= 0 && fillers < 3 && t.IsAny(k, NounPhraseFillers) && !t.IsAny(k, ObliquePrepositions) && !HardGap(t, k))
        {
            k--; fillers++;
        }
        if (k < 0 || HardGap(t, k)) return false;
        if (!t.IsAny(k, ObliquePrepositions)) return false;
        if ((t.Is(k, "of") || t.Is(k, "de") || t.Is(k, "du")) && t.IsAny(k - 1, ActorNounsBeforeOf)) return false;
        if ((t.Is(k, "with") || t.Is(k, "alongside")) && (t.IsAny(k - 1, CoAgentBeforeWith) || t.Is(k, "alongside"))) return false;
        // "lawmakers in Poland", "the parliament in Ljubljana": the institution of that state acts
        if ((t.Is(k, "in") || t.Is(k, "en")) && t.IsAny(k - 1, ActorNounsBeforeIn)) return false;
        if (t.Is(k, "by") && passive && k > predicate) return false;
        if (t.Is(k, "by") && predicate >= 0 && k > predicate) return false;
        // "in the Seimas", "by Lithuania's parliament": the parliament acts even inside a phrase
        if (r.Kind == MentionKind.Parliament && (t.Is(k, "in") || t.Is(k, "by"))) return false;
        return true;
    }

    private static bool HardGap(TokenizedText t, int k)
    {
        foreach (char c in t.Gap(k)) if (c is '.' or ';' or ':' or '\n' or '(' or ')' or '"' or '\u201C' or '\u201D') return true;
        return false;
    }

    private static string[] StateForEntryIntoForce(Article a, Cue p, List<StateRef> states, List<Cue> cues, string[] agents)
    {
        var t = a.Tokens;
        // "entered into force for Ukraine on ...", "becoming a participating state on ..." after the state's own act
        foreach (var r in states)
            if (r.First >= p.EndToken && r.First - p.EndToken <= 2 && t.Is(r.First - 1, "for")) return r.Ids;
        bool participant = t.Text[p.Start..p.End].Contains("participating", StringComparison.OrdinalIgnoreCase)
                           || t.Text[p.Start..p.End].Contains("effective", StringComparison.OrdinalIgnoreCase) && agents.Length > 0;
        return participant ? agents : [""];
    }

    /// <summary>
    /// The treaties a predicate is about: named after it (its object) or before it (its subject). With none in
    /// the sentence, the treaty the story is about — if it was named in the last few sentences, or if the step
    /// itself was carried over from them ("the bill", "the move"): "withdrew its troops" two paragraphs after
    /// a treaty is not about that treaty.
    /// </summary>
    private static List<string> FindTreaties(Article a, int si, Cue p, Cue? topicCue, List<TreatyRef> treaties, bool topicFromDiscourse)
    {
        var result = new List<string>(2);
        int anchor = Math.Max(p.EndToken, topicCue?.EndToken ?? 0);
        // treaties are in text order: those after the verb are its object; the nearest before, its subject
        int firstAfter = treaties.FindIndex(r => r.First >= p.EndToken);
        int lastBefore = treaties.FindLastIndex(r => r.End <= p.FirstToken);
        List<TreatyRef> pick;
        if (firstAfter >= 0 && treaties[firstAfter].First - anchor <= 15) pick = CoordinatedTreaties(a, treaties.GetRange(firstAfter, treaties.Count - firstAfter));
        else if (lastBefore >= 0) pick = [treaties[lastBefore]];
        else if (firstAfter >= 0) pick = [treaties[firstAfter]];
        else pick = [];
        foreach (var r in pick)
            if (r.Id is { } id && !result.Contains(id)) result.Add(id);
        if (pick.Count == 0 && a.LastTreaty is { } last && (si - a.LastTreatySentence <= 3 || topicFromDiscourse)) result.Add(last);
        return result;
    }

    private static List<TreatyRef> CoordinatedTreaties(Article a, List<TreatyRef> ordered)
    {
        var list = new List<TreatyRef> { ordered[0] };
        for (int i = 1; i < ordered.Count; i++)
        {
            var prev = list[^1];
            var next = ordered[i];
            if (next.First <= prev.End) { list.Add(next); continue; }
            var between = a.Text[a.Tokens.Tokens[prev.End - 1].End..a.Tokens.Tokens[next.First].Start].Trim().ToLowerInvariant();
            if (between is "and" or "and the" or ", and" or "," or "as well as" or "and on" or "et") list.Add(next);
            else break;
        }
        return list;
    }

    /// <summary>"the 1997 Ottawa Convention", "the Paris Agreement of 12 December 2015": a date in the treaty's name.</summary>
    private static bool IsTreatyDate(Article a, DateExpression d, List<TreatyRef> treaties)
    {
        var t = a.Tokens;
        int df = t.FirstAtOrAfter(d.Start), de = t.FirstAtOrAfter(d.End);
        foreach (var r in treaties)
        {
            if (df >= r.First && de <= r.End) return true;
            if (de <= r.First && r.First - de <= 1 && d.Month == 0) return true;
            if (df >= r.End && df - r.End <= 1 && t.Is(df - 1, "of")) return true;
            if (df >= r.End && df - r.End <= 3 && t.Is(df - 1, "of") && d.HasFullDate) return true;
        }
        // "... and on their Destruction of September 18, 1997"
        return t.Is(df - 1, "of") && d.HasFullDate && treaties.Any(r => r.End <= df && df - r.End <= 3);
    }

    /// <summary>"by 2005", "since 2012", "six months after ...": dates that bound or follow a step, not its date.</summary>
    private static bool IsNonEventDate(Article a, DateExpression d, List<Cue> cues, List<Cue> predicates) =>
        d.Qualifier is DateQualifier.By or DateQualifier.Since or DateQualifier.Before or DateQualifier.After
        // "will no longer be bound starting Nov. 2", "effective from 1 July": the date the effect starts
        || d.Qualifier == DateQualifier.From && !predicates.Any(p => IsEffectPredicate(a, p) && p.End <= d.Start && d.Start - p.End < 80)
        || d.Qualifier == DateQualifier.Until && !cues.Any(c => c.Kind == CueKind.Negation && c.Start < d.Start && d.Start - c.End < 60);

    private static bool IsEffectPredicate(Article a, Cue p) =>
        p.Kind == CueKind.TakeEffect || p.Kind == CueKind.Withdraw && a.Text[p.Start..p.End].Contains("no longer", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Each date goes to the nearest predicate or reporting verb of its clause. A date after a verb
    /// belongs to it ("signed the Paris Agreement on 22 April 2016"); a date before a verb belongs to it
    /// only at the head of the sentence ("On March 25, the Latvian Cabinet ... supported") or right
    /// before it ("Finland on Tuesday said"), not across another subject ("While Poland aligned ... in
    /// 2012, the Baltic states ... having joined").
    /// </summary>
    private static Dictionary<DateExpression, int> AssignDates(Article a, int si, List<DateExpression> dates, List<Cue> predicates,
        List<Cue> cues, List<StateRef> states)
    {
        var owners = predicates.Concat(cues.Where(c => c.Kind == CueKind.Report)).ToList();
        var result = new Dictionary<DateExpression, int>();
        var t = a.Tokens;
        int first = a.SentenceFirstToken[si];
        // the opening adverbial: "In the early hours of Saturday, ...", "On March 25, ..."
        int headEnd = first;
        while (headEnd < a.SentenceEndToken[si] && !t.Gap(headEnd).Contains(',') && headEnd - first < 8) headEnd++;
        bool headIsAdverbial = headEnd - first < 8 && !states.Any(r => r.First <= headEnd) && !owners.Any(o => o.FirstToken <= headEnd);
        foreach (var d in dates)
        {
            int df = t.FirstAtOrAfter(d.Start), de = t.FirstAtOrAfter(d.End);
            bool atHead = df - first <= 1 || headIsAdverbial && de <= headEnd + 1;
            int best = -1, bestDist = int.MaxValue;
            foreach (var o in owners)
            {
                int dist;
                if (df >= o.EndToken) dist = df - o.EndToken;
                else
                {
                    int gap = Math.Max(0, o.FirstToken - de);
                    if (!atHead && states.Any(r => r.First >= de && r.End <= o.FirstToken)) continue;
                    // "signed in 1997 and entered into force in 1999": the year before "and" is the first verb's
                    if (!atHead && Enumerable.Range(de, gap).Any(k => t.Is(k, "and") || t.Is(k, "but") || t.Is(k, "et") || t.Is(k, "while"))) continue;
                    dist = atHead ? gap : 3 * gap + 3;
                }
                if (dist < bestDist) { bestDist = dist; best = o.FirstToken; }
            }
            if (best >= 0) { result[d] = best; a.DateDistance[d] = bestDist; }
        }
        return result;
    }

    private static PartialDate? Resolve(Article a, DateExpression d, bool future, int si = -1)
    {
        // "today" inside a quotation is the day of the statement quoted
        if (d.Relative == RelativeDay.Today && si >= 0 && InsideQuote(a, si, d.Start)
            && a.LastStatementDate is { } said && si - a.LastStatementSentence <= 2)
            return said;
        int year = d.Relative == RelativeDay.MonthOfThatYear ? a.YearInContext(d.Start)
            : d.Weekday != IsoDayOfWeek.None ? a.NewsYear()
            : a.NarrativeYear(d.Start);
        return DateFinder.Resolve(d, a.Published, year, future);
    }

    private static bool InsideQuote(Article a, int si, int offset)
    {
        var span = a.Text.AsSpan(a.Sentences[si].Start, offset - a.Sentences[si].Start);
        int open = 0;
        foreach (char c in span)
        {
            if (c is '\u201C' or '«') open++;
            else if (c is '\u201D' or '»') open = Math.Max(0, open - 1);
            else if (c == '"') open = open > 0 ? 0 : 1;
        }
        return open > 0;
    }

}
