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
    // Predicates

    private static bool IsPredicate(Article a, Cue c, List<Cue> cues)
    {
        var t = a.Tokens;
        switch (c.Kind)
        {
            case CueKind.Vote:
                // a verb: "voted", "approved", "backed"; "following parliamentary approval" or "a vote" is background
                if (c.Form is CueForm.Gerund or CueForm.Noun) return false;
                // "a vote", "71 votes were needed": the noun
                if (t.Span(c.FirstToken).StartsWith("vote", StringComparison.OrdinalIgnoreCase) && !t.Span(c.FirstToken).EndsWith("ed", StringComparison.OrdinalIgnoreCase)
                    && (t.Is(c.FirstToken - 1, "a") || t.Is(c.FirstToken - 1, "the") || t.Is(c.FirstToken - 1, "of") || t.Is(c.FirstToken - 1, "with")
                        || t.Is(c.FirstToken - 1, "by") || VoteParser.Value(t.Word(c.FirstToken - 1)) >= 0)) return false;
                return !IsInfinitiveComplement(a, c);
            case CueKind.Recommend:
                return c.Form is not (CueForm.Gerund or CueForm.Noun) && !t.Span(c.FirstToken).StartsWith("draft", StringComparison.OrdinalIgnoreCase);
            case CueKind.Notify:
                return c.Form is not (CueForm.Gerund or CueForm.Noun or CueForm.Other);
            case CueKind.Announce:
                // "intends to", "plans to": a standing intention, not a reported step
                if (c.Form is CueForm.Present or CueForm.Base && (t.Span(c.FirstToken).StartsWith("plan", StringComparison.OrdinalIgnoreCase)
                    || t.Span(c.FirstToken).StartsWith("intend", StringComparison.OrdinalIgnoreCase))) return false;
                // "announced the move": the report of a step told before, not a new one
                if (cues.Any(x => x.Kind == CueKind.StepAnaphor && x.FirstToken > c.FirstToken && x.FirstToken - c.EndToken <= 2
                                  && IsDefinite(a, x.FirstToken)))
                    return false;
                // a noun ("declaration", "intention") is a step only with its author: "Poland's earlier declaration";
                // "notified States Parties of their intention" makes it the object of another verb
                if (c.Form == CueForm.Noun)
                {
                    if (cues.Any(x => x.FirstToken < c.FirstToken && c.FirstToken - x.EndToken <= 5
                            && x.Kind is CueKind.Notify or CueKind.Announce or CueKind.Vote or CueKind.Recommend or CueKind.LawSigned))
                        return false;
                    return HasPossessiveAuthor(a, c);
                }
                return c.Form != CueForm.Gerund;
            case CueKind.TakeEffect:
            case CueKind.EntryIntoForce:
                // "for the decision to take full effect" is a purpose, not a report
                return !t.Is(c.FirstToken - 1, "to");
            case CueKind.LawSigned:
                return true;
            case CueKind.Revoke:
                // "revoked its withdrawal"; a noun ("the rescission of its withdrawal") is the object of another verb
                return c.Form is not (CueForm.Gerund or CueForm.Noun);
            case CueKind.Sign:
                return c.Form is CueForm.Past or CueForm.Present && (!PassiveBefore(a, c) || ByStateAfter(a, c)) || NthToAct(a, c);
            case CueKind.Ratify:
            case CueKind.Accede:
                if (c.Form is CueForm.Noun or CueForm.Gerund) return false;
                if (IsInfinitiveComplement(a, c)) return NthToAct(a, c);
                return true;
            case CueKind.Suspend:
                return c.Form is CueForm.Past or CueForm.Present || c.Form == CueForm.Base && !IsInfinitiveComplement(a, c)
                       || IsInfinitiveComplement(a, c) && !HasPredicateBefore(a, c, cues) || IsProgressive(a, c);
            case CueKind.Withdraw:
                if (c.Form == CueForm.Noun) return FollowsFact(a, c);
                if (c.Form == CueForm.Gerund) return IsProgressive(a, c);
                if (IsInfinitiveComplement(a, c)) return NthToAct(a, c);
                // "left", "dropped" and "denounced" name a withdrawal only with the treaty as object
                string w = t.Text[c.Start..c.End].ToLowerInvariant();
                if (w is "left" or "drop" or "drops" or "dropped" or "quit" or "leave" or "leaves" or "abandon" or "abandoned"
                        || w.StartsWith("denounc", StringComparison.Ordinal))
                    if (!TreatyFollows(a, c, 4)) return false;
                // "withdrew its troops", "withdraw the ambassador": not a treaty
                if (HasNonTreatyObject(a, c)) return false;
                // a bare base form is a complement ("recommended that their governments withdraw") unless "will withdraw"
                if (c.Form == CueForm.Base) return FutureBefore(a, c, cues);
                return true;
            default:
                return false;
        }
    }

    private static bool IsParticipleOfNoun(Article a, Cue p, List<Cue> cues)
    {
        if (p.Form != CueForm.Past) return false;
        var t = a.Tokens;
        int k = p.FirstToken - 1;
        if (k >= 0 && (t.Is(k, "first") || t.Is(k, "initially") || t.Is(k, "originally") || t.Is(k, "already"))) k--;
        if (k < 0 || !t.Gap(k).Contains(',')) return false;
        return cues.Any(c => c.EndToken == k + 1 && c.Kind is CueKind.StepAnaphor or CueKind.Announce or CueKind.Withdraw);
    }

    // "Poland's earlier declaration", "the four ministers' joint recommendation"
    private static bool HasPossessiveAuthor(Article a, Cue c)
    {
        var t = a.Tokens;
        for (int k = c.FirstToken - 1; k >= Math.Max(1, c.FirstToken - 3); k--)
        {
            if (t.Is(k, "s") && (t.Gap(k - 1).Contains('\'') || t.Gap(k - 1).Contains('\u2019')))
                return a.StateEndingAt[k] >= 0;
            if (t.Is(k, "his") || t.Is(k, "her") || t.Is(k, "its") || t.Is(k, "their")) return true;
        }
        return false;
    }

    private static bool IsDefinite(Article a, int noun)
    {
        for (int k = noun - 1; k >= Math.Max(0, noun - 3); k--)
        {
            var w = a.Tokens.Span(k);
            if (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase)
                || w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase)
                || w.Equals("their", StringComparison.OrdinalIgnoreCase)) return true;
            if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("similar", StringComparison.OrdinalIgnoreCase)
                || w.Equals("such", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    // "Russia was suspending its participation", "Poland is withdrawing from the convention on February 20"
    private static bool IsProgressive(Article a, Cue c) =>
        c.Form == CueForm.Gerund && a.Tokens.IsAny(c.FirstToken - 1, PassiveAuxiliaries) && !a.Tokens.Is(c.FirstToken - 1, "being");

    private static readonly FrozenSet<string> NonTreatyObjects = Words(
        "troops", "forces", "soldiers", "army", "units", "ambassador", "ambassadors", "envoy", "diplomats", "staff", "personnel",
        "candidacy", "candidate", "support", "funding", "funds", "aid", "application", "bid", "offer", "complaint", "lawsuit",
        "case", "charges", "nomination", "recognition", "accreditation", "money", "deposits", "cash", "players", "team");

    private static bool HasNonTreatyObject(Article a, Cue c)
    {
        var t = a.Tokens;
        for (int k = c.EndToken; k < Math.Min(t.Count, c.EndToken + 4); k++)
        {
            if (t.IsAny(k, NonTreatyObjects)) return true;
            if (!(t.Is(k, "its") || t.Is(k, "their") || t.Is(k, "the") || t.Is(k, "all") || t.Is(k, "his") || t.Is(k, "her")
                  || t.Is(k, "remaining") || t.Is(k, "some") || t.Is(k, "most"))) return false;
        }
        return false;
    }

    private static bool FutureBefore(Article a, Cue c, List<Cue> cues) =>
        cues.Any(x => x.Kind == CueKind.Future && x.EndToken <= c.FirstToken && c.FirstToken - x.EndToken <= 1)
        || ReportedWouldBefore(a, c, cues);

    // "said on Monday it would withdraw": the future of a reported statement
    private static bool ReportedWouldBefore(Article a, Cue c, List<Cue> cues)
    {
        int k = c.FirstToken - 1;
        if (k >= 0 && a.Tokens.Span(k).EndsWith("ly", StringComparison.OrdinalIgnoreCase)) k--;
        return cues.Any(x => x.Kind == CueKind.Modal && x.FirstToken == k && ReportedFuture(a, x));
    }

    /// <summary>
    /// A withdrawal announced in reported speech, not done: "Kenya said on Monday it would leave the pact",
    /// "the juntas said they were leaving the court", "Chile will quit the treaty, the minister said". The
    /// report's verb stands before the clause, or after it behind a comma; a condition after it ("... if the
    /// court rules against it") makes it hypothetical.
    /// </summary>
    private static bool IsReportedIntention(Article a, Cue p, List<Cue> cues, int sentenceFirst, int sentenceEnd)
    {
        var t = a.Tokens;
        bool reported = false;
        foreach (var c in cues)
        {
            if (c.Kind != CueKind.Report) continue;
            if (c.FirstToken < sentenceFirst || c.FirstToken >= sentenceEnd) continue;
            // "said (on Monday) (that) it would withdraw"
            if (c.EndToken <= p.FirstToken && p.FirstToken - c.EndToken <= 8) reported = true;
            // "..., the minister said"
            if (c.FirstToken > p.EndToken)
                for (int k = c.FirstToken - 1; k >= Math.Max(p.EndToken, c.FirstToken - 5); k--)
                    if (t.Gap(k).Contains(',')) { reported = true; break; }
        }
        if (!reported) return false;
        foreach (var c in cues)
        {
            // "announced that they will withdraw" is read as the announcement itself; "notified the UN it is
            // leaving" is the notice, a deposit
            if (c.Kind is CueKind.Announce or CueKind.Notify && c.FirstToken >= sentenceFirst && c.EndToken <= p.FirstToken
                && p.FirstToken - c.EndToken <= 10) return false;
        }
        foreach (var c in cues)
            if (c.Kind == CueKind.Modal && c.FirstToken > p.EndToken && c.FirstToken < sentenceEnd
                && (t.Is(c.FirstToken, "if") || t.Is(c.FirstToken, "unless") || t.Is(c.FirstToken, "once"))) return false;
        return true;
    }

    // "The step follows Lithuania's withdrawal from the convention": a withdrawal named as a past fact
    private static bool FollowsFact(Article a, Cue c)
    {
        var t = a.Tokens;
        int k = c.FirstToken - 1;
        if (!(t.Is(k, "s") && (t.Gap(k - 1).Contains('\'') || t.Gap(k - 1).Contains('\u2019')))) return false;
        if (k < 0 || a.StateEndingAt[k] < 0) return false;
        int before = a.Mentions[a.StateEndingAt[k]].FirstToken - 1;
        return t.Is(before, "follows") || t.Is(before, "following") || t.Is(before, "after") || t.Is(before, "followed");
    }

    // "was initially signed by the Ukrainian government in 2000"
    private static bool ByStateAfter(Article a, Cue c)
    {
        int by = -1;
        for (int k = c.EndToken; k < Math.Min(a.Tokens.Count, c.EndToken + 2); k++) if (a.Tokens.Is(k, "by")) { by = k; break; }
        return by >= 0 && (a.StateStartingAt[by + 1] >= 0 || by + 2 < a.StateStartingAt.Length && a.StateStartingAt[by + 2] >= 0);
    }

    private static bool HasPredicateBefore(Article a, Cue c, List<Cue> cues) =>
        cues.Any(x => x.FirstToken < c.FirstToken && c.FirstToken - x.FirstToken <= 4
                      && x.Kind is CueKind.Vote or CueKind.Announce or CueKind.Recommend or CueKind.LawSigned);

    private static bool TreatyFollows(Article a, Cue c, int within)
    {
        // "ratified the convention in 2011 but quit it on Monday": "it" stands for the treaty named before it
        if (a.Tokens.Is(c.EndToken, "it") && TreatyBefore(a, c)) return true;
        for (int k = c.EndToken; k <= Math.Min(a.Tokens.Count - 1, c.EndToken + within); k++)
            if (a.TreatyStartingAt[k]) return true;
        return false;
    }

    private static bool TreatyBefore(Article a, Cue c)
    {
        // within the clause chain of the sentence: back to a full stop, at most 25 words
        for (int k = c.FirstToken - 1; k >= Math.Max(0, c.FirstToken - 25); k--)
        {
            if (a.TreatyStartingAt[k]) return true;
            if (a.Tokens.Gap(k).Contains('.') || a.Tokens.Gap(k).Contains('\n')) return false;
        }
        return false;
    }

    private static bool IsInfinitiveComplement(Article a, Cue c)
    {
        var t = a.Tokens;
        int k = c.FirstToken - 1;
        // "to formally withdraw", "to temporarily suspend"
        if (k >= 0 && t.Span(k).EndsWith("ly", StringComparison.OrdinalIgnoreCase)) k--;
        return k >= 0 && (t.Is(k, "to") || t.Is(k, "de") || t.Is(k, "se") && t.Is(k - 1, "de"));
    }

    // "Honduras became the 50th state to ratify", "the first country to leave the convention"
    private static bool NthToAct(Article a, Cue c)
    {
        var t = a.Tokens;
        int k = c.FirstToken - 1;
        if (!t.Is(k, "to")) return false;
        if (!(t.Is(k - 1, "state") || t.Is(k - 1, "country") || t.Is(k - 1, "nation") || t.Is(k - 1, "member"))) return false;
        for (int j = k - 2; j >= Math.Max(0, k - 4); j--)
        {
            var w = t.Span(j);
            if (w.Equals("first", StringComparison.OrdinalIgnoreCase) || w.Equals("last", StringComparison.OrdinalIgnoreCase)
                || w.EndsWith("th", StringComparison.OrdinalIgnoreCase) && char.IsDigit(w[0])
                || w.Equals("second", StringComparison.OrdinalIgnoreCase) || w.Equals("third", StringComparison.OrdinalIgnoreCase)
                || w.EndsWith("st", StringComparison.OrdinalIgnoreCase) && char.IsDigit(w[0])
                || w.EndsWith("nd", StringComparison.OrdinalIgnoreCase) && char.IsDigit(w[0])
                || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase) && char.IsDigit(w[0]))
                return true;
        }
        return false;
    }

    private static bool PassiveBefore(Article a, Cue c) =>
        a.Tokens.IsAny(c.FirstToken - 1, PassiveAuxiliaries) || a.Tokens.IsAny(c.FirstToken - 2, PassiveAuxiliaries)
        && a.Tokens.Span(c.FirstToken - 1).EndsWith("ly", StringComparison.OrdinalIgnoreCase);

    /// <summary>Negated, hedged or hypothetical: "will not leave", "could withdraw", "calls to withdraw", "if ... were to".</summary>
    private static bool IsCancelled(Article a, Cue p, List<Cue> cues, int sentenceFirst, out string why)
    {
        var t = a.Tokens;
        // "would become the first member to leave": the hedge stands before the ordinal's verb
        int from = Math.Max(sentenceFirst, p.FirstToken - (NthToAct(a, p) ? 12 : 6));
        // a clause boundary (comma before a new subject) limits how far back a hedge reaches
        for (int k = p.FirstToken - 1; k > from; k--)
            if (t.Gap(k - 1).Contains(';') || t.Gap(k - 1).Contains(':')) { from = k; break; }
        foreach (var c in cues)
        {
            if (c.FirstToken < from || c.FirstToken >= p.FirstToken) continue;
            if (c.Kind == CueKind.Negation)
            {
                // "did not ratify it until 2012" states when it happened
                if (a.Dates.Any(d => d.Qualifier == DateQualifier.Until && d.Start > p.Start && d.Start - p.End < 40)) continue;
                why = "negated"; return true;
            }
            if (c.Kind == CueKind.Modal && !ReportedFuture(a, c))
            {
                why = $"hedged by '{a.Text[c.Start..c.End]}'"; return true;
            }
        }
        // a hedge between an announcement and what it announces: "said it could withdraw"
        if (p.Kind is CueKind.Announce)
        {
            var topic = cues.FirstOrDefault(c => c.FirstToken > p.FirstToken && c.Kind is CueKind.Withdraw && c.FirstToken - p.FirstToken <= 10);
            if (topic.Kind == CueKind.Withdraw && cues.Any(c => c.Kind is CueKind.Negation or CueKind.Modal
                    && c.FirstToken > p.FirstToken && c.FirstToken < topic.FirstToken && !a.Tokens.Is(c.FirstToken, "would")))
            {
                why = "hedged complement"; return true;
            }
        }
        why = "";
        return false;
    }

    // "said it would withdraw" reports a decision; "would" there is not a hedge.
    private static bool ReportedFuture(Article a, Cue modal)
    {
        var t = a.Tokens;
        if (!t.Is(modal.FirstToken, "would")) return false;
        for (int k = modal.FirstToken - 1; k >= Math.Max(0, modal.FirstToken - 4); k--)
        {
            var w = t.Span(k);
            if (w.Equals("said", StringComparison.OrdinalIgnoreCase) || w.Equals("announced", StringComparison.OrdinalIgnoreCase)
                || w.Equals("declared", StringComparison.OrdinalIgnoreCase) || w.Equals("decided", StringComparison.OrdinalIgnoreCase)
                || w.Equals("declaration", StringComparison.OrdinalIgnoreCase) || w.Equals("confirmed", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool IsFuture(Article a, Cue p, List<Cue> cues, int sentenceFirst)
    {
        var t = a.Tokens;
        if (p.Kind == CueKind.Withdraw && p.Form == CueForm.Noun) return false;
        foreach (var c in cues)
            if (c.Kind == CueKind.Future && c.FirstToken < p.FirstToken && p.FirstToken - c.EndToken <= 3 && c.FirstToken >= sentenceFirst)
                return true;
        if (p.Kind == CueKind.Withdraw && ReportedWouldBefore(a, p, cues)) return true;
        // "Poland is withdrawing from the convention on February 20"
        if (p.Kind == CueKind.Withdraw && t.Span(p.FirstToken).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return true;
        return t.Is(p.FirstToken - 1, "to") && (t.Is(p.FirstToken - 2, "is") || t.Is(p.FirstToken - 2, "are"));
    }

    /// <summary>Whether the predicate reports something done: past or perfect, not future or plan.</summary>
    private static bool IsDoneForm(Article a, Cue p, List<Cue> cues) =>
        p.Form is CueForm.Past or CueForm.Participle || p.Kind is CueKind.Notify or CueKind.LawSigned or CueKind.Vote && p.Form != CueForm.Present
        || cues.Any(c => c.Kind == CueKind.Perfect && c.FirstToken < p.FirstToken && p.FirstToken - c.FirstToken <= 3);

    private static (Topic, Cue?) FindTopic(Article a, int si, Cue p, List<Cue> cues)
    {
        // an announcement is of what follows it ("announced plans to withdraw"); after the fact
        // ("..., the minister announced") it only reports. A participle after a noun describes that noun:
        // "The move, announced in April", "Hungary's intention, first announced in early April".
        bool onlyAfter = p.Kind == CueKind.Announce && p.Form != CueForm.Noun && !IsParticipleOfNoun(a, p, cues);
        switch (p.Kind)
        {
            case CueKind.Withdraw: return (Topic.Withdraw, p);
            case CueKind.Ratify: return (Topic.Ratify, p);
            case CueKind.Accede: return (Topic.Accede, p);
            case CueKind.Suspend: return (Topic.Suspend, p);
            case CueKind.Sign: return (Topic.Ratify, p);
            case CueKind.EntryIntoForce: return (Topic.Ratify, p);
        }
        // what follows the verb is its object; a subject right before it also counts ("the decision ... was supported").
        // A named step ("a bill to leave") wins over a bare anaphor ("the bill", "the move").
        Cue? best = null, anaphor = null;
        int bestDist = int.MaxValue, anaphorDist = int.MaxValue;
        foreach (var c in cues)
        {
            if (c.Kind is not (CueKind.Withdraw or CueKind.Ratify or CueKind.Accede or CueKind.Suspend or CueKind.StepAnaphor)) continue;
            if (c.FirstToken == p.FirstToken) continue;
            int dist = c.FirstToken > p.FirstToken ? c.FirstToken - p.EndToken : 2 * (p.FirstToken - c.EndToken) + 1;
            if (c.FirstToken > p.FirstToken && dist > 14 || c.FirstToken < p.FirstToken && dist > 25) continue;
            if (onlyAfter && c.FirstToken < p.FirstToken) continue;
            if (c.Kind == CueKind.StepAnaphor)
            {
                if (dist < anaphorDist) { anaphor = c; anaphorDist = dist; }
            }
            else if (dist < bestDist) { best = c; bestDist = dist; }
        }
        if (best is { } b) return (TopicOf(b.Kind), b);
        // "the bill", "the move": the step named in the sentences before
        if (anaphor is { } an) return si - a.LastTopicSentence <= 3 ? (a.LastTopic, an) : (Topic.None, null);
        if (p.Kind == CueKind.Announce && IsParticipleOfNoun(a, p, cues) && si - a.LastTopicSentence <= 3)
            return (a.LastTopic, null);
        // "Prime Minister Petteri Orpo announced ..." right after "Finland also signalled its departure."
        if (p.Kind is CueKind.Announce or CueKind.Vote or CueKind.LawSigned or CueKind.TakeEffect && si - a.LastTopicSentence <= 1
            && !HasTreatyMention(a, si))
            return (a.LastTopic, null);
        return (Topic.None, null);
    }

    private static bool HasTreatyMention(Article a, int si)
    {
        foreach (var m in a.MentionsIn(si)) if (m.IsTreatyLike) return true;
        return false;
    }

    private static Topic TopicOf(CueKind k) => k switch
    {
        CueKind.Withdraw => Topic.Withdraw,
        CueKind.Ratify => Topic.Ratify,
        CueKind.Accede => Topic.Accede,
        CueKind.Suspend => Topic.Suspend,
        _ => Topic.None,
    };

    private static Actor FindActor(Article a, int si, Cue p, List<Cue> cues, List<StateRef> states)
    {
        var t = a.Tokens;
        // the institution nearest before the verb, or after "by" when passive
        Cue? nearest = null;
        foreach (var c in cues)
        {
            if (c.Kind is not (CueKind.Parliament or CueKind.Ministry or CueKind.Government or CueKind.HeadOfState)) continue;
            if (c.FirstToken < p.FirstToken && p.FirstToken - c.EndToken <= 12) nearest = c;
        }
        foreach (var c in cues)
        {
            if (c.Kind is not (CueKind.Parliament or CueKind.Ministry or CueKind.Government or CueKind.HeadOfState)) continue;
            if (c.FirstToken > p.FirstToken && c.FirstToken - p.EndToken <= 5
                && Enumerable.Range(p.EndToken, c.FirstToken - p.EndToken).Any(k => t.Is(k, "by") || t.Is(k, "par")))
            { nearest = c; break; }
        }
        // a parliament named by the gazetteer ("the Seimas", "Saeima") acts as a parliament
        var parliamentName = states.Where(r => r.Kind == MentionKind.Parliament && r.First < p.FirstToken && p.FirstToken - r.End <= 12)
            .Select(r => (int?)r.First).LastOrDefault();
        if (parliamentName is { } pn && (nearest is null || pn > nearest.Value.FirstToken)) return Actor.Parliament;
        if (nearest is { } n) return ActorOf(n.Kind, a, n);
        // the source of the statement ("..., the Lithuanian Defense Ministry said")
        foreach (var c in cues)
            if (c.Kind is CueKind.Ministry && !IsHeadTitle(a, c)) return Actor.Ministry;
        foreach (var c in cues)
            if (c.Kind is CueKind.Government) return Actor.Government;
        if (a.EmbeddedPosts.TryGetValue(si, out var post) && post.Author != Actor.None) return post.Author;
        foreach (var c in cues)
            if (c.Kind is CueKind.HeadOfState) return Actor.Head;
        if (states.Any(r => r.Kind == MentionKind.Parliament)) return Actor.Parliament;
        return Actor.Country;
    }

    private static bool IsHeadTitle(Article a, Cue c) =>
        a.Tokens.Is(c.FirstToken - 1, "prime") || a.Tokens.Is(c.FirstToken, "prime");

    private static Actor ActorOf(CueKind k, Article a, Cue c) => k switch
    {
        CueKind.Parliament => Actor.Parliament,
        CueKind.Ministry => IsHeadTitle(a, c) ? Actor.Head : Actor.Ministry,
        CueKind.Government => Actor.Government,
        CueKind.HeadOfState => Actor.Head,
        _ => Actor.Country,
    };

    /// <summary>The action a predicate reports, from what it is, what it is about and who acts.</summary>
    private static EventAction? Classify(Article a, Cue p, Topic topic, Actor actor, List<Cue> cues, bool future, Cue? topicCue)
    {
        var t = a.Tokens;
        // "will vote on Thursday", "is to sign the law": a step ahead is no event (a withdrawal's stated date is)
        if (future && p.Kind is CueKind.Vote or CueKind.Recommend or CueKind.LawSigned or CueKind.Notify or CueKind.Sign or CueKind.Revoke)
            return null;
        switch (p.Kind)
        {
            case CueKind.Vote:
                return topic switch
                {
                    Topic.Withdraw => actor switch
                    {
                        Actor.Parliament => EventAction.ParliamentVoteWithdraw,
                        Actor.Ministry or Actor.Government => EventAction.RecommendWithdrawal,
                        Actor.Head when !IsNounVote(a, p) => EventAction.LawSigned,
                        _ => null,
                    },
                    // "approved the country's accession": consent to be bound, as for a ratification
                    Topic.Ratify or Topic.Accede => actor == Actor.Parliament ? EventAction.ParliamentVoteRatify : null,
                    Topic.Suspend => actor is Actor.Parliament or Actor.Head or Actor.Ministry or Actor.Government ? EventAction.Suspend : null,
                    _ => null,
                };
            case CueKind.Recommend:
                return topic == Topic.Withdraw && actor != Actor.Parliament ? EventAction.RecommendWithdrawal : null;
            case CueKind.Announce:
                if (topic != Topic.Withdraw) return null;
                // an announcement that something has been done reports that step, it is not an intention
                if (topicCue is { } tc && tc.Kind == CueKind.Withdraw && tc.FirstToken > p.FirstToken
                    && (tc.Form is CueForm.Past or CueForm.Participle) && !IsInfinitiveComplement(a, tc)) return null;
                // ministers and ministries recommend; a government, a junta or a head of state declares
                return actor == Actor.Ministry ? EventAction.RecommendWithdrawal : EventAction.AnnounceIntentToWithdraw;
            case CueKind.LawSigned:
                return topic switch
                {
                    Topic.Withdraw => EventAction.LawSigned,
                    Topic.Suspend => EventAction.Suspend,
                    _ => null,
                };
            case CueKind.Notify:
                // "submitted a bill to parliament": a step at home, not a notice to the depositary
                if (SentToParliament(a, p, cues))
                    return topic != Topic.Withdraw ? null : actor switch
                    {
                        Actor.Head => EventAction.AnnounceIntentToWithdraw,
                        Actor.Government or Actor.Ministry => EventAction.RecommendWithdrawal,
                        _ => null,
                    };
                // "notification of the country's rescission of its withdrawal"
                if (topic == Topic.Withdraw && cues.Any(c => c.Kind == CueKind.Revoke && c.FirstToken > p.FirstToken && c.FirstToken - p.EndToken <= 12))
                    return EventAction.RevokeWithdrawal;
                return topic switch
                {
                    Topic.Withdraw => EventAction.DepositWithdrawal,
                    Topic.Accede => EventAction.Accede,
                    Topic.Ratify => EventAction.Ratify,
                    _ => null,
                };
            case CueKind.TakeEffect:
                if (topic == Topic.Withdraw) return EventAction.WithdrawalEffective;
                return null;
            case CueKind.EntryIntoForce:
                return EventAction.EntryIntoForce;
            case CueKind.Revoke:
                return topic == Topic.Withdraw ? EventAction.RevokeWithdrawal : null;
            case CueKind.Sign:
                return EventAction.Sign;
            case CueKind.Ratify:
                if (actor == Actor.Parliament && !t.Span(p.FirstToken).Contains("join", StringComparison.OrdinalIgnoreCase))
                    return EventAction.ParliamentVoteRatify;
                return EventAction.Ratify;
            case CueKind.Accede:
                return EventAction.Accede;
            case CueKind.Suspend:
                return EventAction.Suspend;
            case CueKind.Withdraw:
                if (p.Form == CueForm.Noun) return EventAction.WithdrawalEffective; // "follows Lithuania's withdrawal"
                if (future) return EventAction.WithdrawalEffective; // kept only with a stated date
                if (actor is Actor.Government or Actor.Ministry && NearestInstitutionIsSubject(a, p, cues)) return EventAction.DepositWithdrawal;
                if (actor == Actor.Head && NearestInstitutionIsSubject(a, p, cues)) return EventAction.LawSigned;
                return EventAction.WithdrawalEffective;
        }
        return null;
    }

    // "submitted the bill to the Seimas", "sent a motion to lawmakers": the recipient is a parliament
    private static bool SentToParliament(Article a, Cue p, List<Cue> cues)
    {
        var t = a.Tokens;
        for (int k = p.EndToken; k < Math.Min(t.Count, p.EndToken + 10); k++)
        {
            if (!t.Is(k, "to")) continue;
            for (int j = k + 1; j <= Math.Min(t.Count - 1, k + 4); j++)
            {
                if (cues.Any(c => c.Kind == CueKind.Parliament && c.FirstToken == j)) return true;
                if (a.StateStartingAt[j] >= 0 && a.Mentions[a.StateStartingAt[j]].Kind == MentionKind.Parliament) return true;
            }
            return false;
        }
        return false;
    }

    private static bool IsNounVote(Article a, Cue p) => p.Form is CueForm.Noun or CueForm.Base && a.Tokens.Span(p.FirstToken).StartsWith("vote", StringComparison.OrdinalIgnoreCase);

    // "The Finnish government withdrew from the convention": the government, not the country, is the subject.
    private static bool NearestInstitutionIsSubject(Article a, Cue p, List<Cue> cues) =>
        cues.Any(c => c.Kind is CueKind.Government or CueKind.Ministry or CueKind.HeadOfState && c.FirstToken < p.FirstToken && p.FirstToken - c.EndToken <= 3);

}
