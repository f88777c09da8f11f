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
    // Names in the sentence

    private static List<TreatyRef> ResolveTreaties(Article a, int si)
    {
        var list = a.TreatyBuffer;
        list.Clear();
        foreach (var m in a.MentionsIn(si))
        {
            if (!m.IsTreatyLike) continue;
            string? id = m.Kind switch
            {
                MentionKind.Treaty => m.Ids[0],
                MentionKind.TreatyAnaphor => si - a.LastUnknownTreatySentence <= 1 ? null : a.LastTreaty,
                _ => null,
            };
            if (m.Kind == MentionKind.UnknownTreaty) a.LastUnknownTreatySentence = si;
            if (m.Kind == MentionKind.Treaty) { a.LastTreaty = id; a.LastTreatySentence = si; }
            if (m.Kind == MentionKind.TreatyAnaphor && id is not null) a.LastTreatySentence = si;
            list.Add(new TreatyRef(m.FirstToken, m.EndToken, id));
        }
        return list;
    }

    private static List<StateRef> ResolveStates(Article a, int si)
    {
        var t = a.Tokens;
        var list = a.StateBuffer;
        list.Clear();
        foreach (var m in a.MentionsIn(si))
            if (m.IsStateLike) list.Add(new StateRef(m.FirstToken, m.EndToken, m.Ids, false, m.Kind));

        bool Overlaps(int f, int e) => list.Any(r => f < r.End && e > r.First);

        int first = a.SentenceFirstToken[si], end = a.SentenceEndToken[si];
        for (int k = first; k < end; k++)
        {
            bool plural = t.IsAny(k, PluralStateNouns);
            if (!plural && !t.IsAny(k, SingularStateNouns)) continue;
            int det = FindDeterminer(t, k, first, plural ? PluralDeterminers : SingularDeterminers, out int numeral);
            if (det < 0) continue;
            int f = det, e = k + 1;
            if (Overlaps(f, e)) continue;
            if (plural)
            {
                // "the Baltic nations of Estonia, Latvia and Lithuania": the names follow; nothing to resolve
                if (t.Is(e, "of") && list.Any(r => r.First == e + 1 || r.First == e + 2)) continue;
                var ids = numeral > 0 ? a.StateLists.LastOrDefault(l => l.Length == numeral) ?? [] : a.FocusPlural;
                if (ids.Length > 0) list.Add(new StateRef(f, e, ids, true, MentionKind.Group));
            }
            else
            {
                // "the state of emergency", "a state party"
                if (a.FocusSingle.Length == 0 || t.Is(e, "of") || t.Is(e, "party") || t.Is(e, "parties")) continue;
                list.Add(new StateRef(f, e, a.FocusSingle, true, MentionKind.State));
            }
        }
        list.Sort((x, y) => x.First.CompareTo(y.First));
        return list;
    }

    private static void UpdateFocus(Article a, List<StateRef> states, List<string[]> agents)
    {
        if (states.Count == 0 && agents.Count == 0) return;
        if (states.Count >= 2)
            foreach (var group in CoordinatedGroups(a, states))
            {
                if (group.Count < 2 && group[0].Ids.Length < 2) continue;
                var list = group.SelectMany(r => r.Ids).Distinct().ToArray();
                if (list.Length >= 2) a.StateLists.Add(list);
            }
        // the states the sentence names outside prepositional phrases, and those that acted, become the focus;
        // a sentence naming one state only ("the decision of Kiev") makes it the focus wherever it stands
        var named = a.IdBuffer;
        named.Clear();
        foreach (var r in states)
            if (!IsOblique(a, r, -1, false) && !InDatelinePlace(a, r))
                foreach (var id in r.Ids) if (id.Length > 0 && !named.Contains(id)) named.Add(id);
        foreach (var x in agents)
            foreach (var id in x) if (id.Length > 0 && !named.Contains(id)) named.Add(id);
        if (named.Count == 0)
        {
            foreach (var r in states)
                foreach (var id in r.Ids) if (id.Length > 0 && !named.Contains(id)) named.Add(id);
            if (named.Count != 1) named.Clear();
        }
        if (named.Count == 0) return;
        string[] ids = [.. named];
        if (ids.Length >= 2) a.FocusPlural = ids;
        if (agents.Count > 0 && agents[^1] is [{ Length: > 0 }]) a.FocusSingle = agents[^1];
        else if (ids.Length == 1) a.FocusSingle = ids;
    }

    // "NEW YORK, United States of America, February 17, 2017/APO/": the place a report was filed from
    private static bool InDatelinePlace(Article a, StateRef r)
    {
        int start = a.Tokens.Tokens[r.First].Start;
        foreach (int d in a.DatelineStarts)
            if (d > start && d - start < 60 && a.Text.AsSpan(start, d - start).IndexOf('\n') < 0) return true;
        return false;
    }

    private static void UpdateTopic(Article a, int si, List<Cue> cues)
    {
        foreach (var c in cues)
        {
            var topic = c.Kind switch
            {
                CueKind.Withdraw => Topic.Withdraw,
                CueKind.Ratify => Topic.Ratify,
                CueKind.Accede => Topic.Accede,
                CueKind.Suspend => Topic.Suspend,
                _ => Topic.None,
            };
            if (topic == Topic.None) continue;
            a.LastTopic = topic;
            a.LastTopicSentence = si;
        }
    }

    /// <summary>Groups of adjacent state references joined by commas, "and", "as well as".</summary>
    private static List<List<StateRef>> CoordinatedGroups(Article a, List<StateRef> states)
    {
        var groups = new List<List<StateRef>>();
        foreach (var r in states)
        {
            if (groups.Count > 0 && Joined(a, groups[^1][^1], r)) groups[^1].Add(r);
            else groups.Add([r]);
        }
        return groups;
    }

    // "Lithuania, Latvia and Estonia", "Poland and the Baltic states", "Latvia (the Saeima)"
    private static readonly string[] Connectors =
    [
        ",", "and", ", and", "&", "as well as", ", as well as", "and the", ", and the", ", the", "along with", "together with",
        "jointly with", "or", ", or", "et", "(", "and its", "-", "–", "and fellow", "and neighbouring", "and neighboring", "plus",
    ];

    private static bool Joined(Article a, StateRef left, StateRef right)
    {
        var t = a.Tokens;
        if (right.First < left.End) return true;
        if (left.End >= t.Count) return false;
        var between = a.Text.AsSpan(t.Tokens[left.End - 1].End, t.Tokens[right.First].Start - t.Tokens[left.End - 1].End).Trim();
        if (between.Length > 16) return false;
        // a possessive between ("Poland’s and Lithuania’s") is not a word of its own
        if (between.StartsWith("’s") || between.StartsWith("'s")) between = between[2..].Trim();
        foreach (var c in Connectors)
            if (between.Equals(c, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

}
