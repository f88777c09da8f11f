using System.Collections.Frozen;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Events;

/// <summary>
/// Reads the treaty steps an article reports: for each sentence, the predicates (voted, recommended,
/// notified, withdrew, ratified, entered into force ...), what they are about (a withdrawal, a
/// ratification, a suspension), who acts (parliament, government, head of state, the country), which
/// states and treaties, when, and with which votes. Negated, hedged and hypothetical statements are
/// not events. Pure: the same text gives the same events; nothing is read but the arguments.
/// </summary>
public sealed partial class EventExtractor(Gazetteer gazetteer)
{
    /// <summary>Receives a line per decision, for diagnostics; null in normal use.</summary>
    public Action<string>? Trace { get; init; }

    public ArticleExtraction Extract(string text, string fileName, LocalDate? published = null)
    {
        var a = new Article(text, gazetteer, published);
        var candidates = new List<Candidate>();
        for (int si = 0; si < a.Sentences.Count; si++)
            ReadSentence(a, si, candidates);
        AttachVotes(a, candidates);
        var events = Merge(a, candidates);
        return new ArticleExtraction(fileName, a.Published, events);
    }

    // ------------------------------------------------------------------------------------------
    // One sentence

    /// <summary>A state reference in a sentence: a name, or an anaphor resolved against the discourse.</summary>
    private readonly record struct StateRef(int First, int End, string[] Ids, bool Synthetic, MentionKind Kind);

    private readonly record struct TreatyRef(int First, int End, string? Id);

    private static readonly FrozenSet<string> ObliquePrepositions = Words(
        "from", "against", "with", "bordering", "border", "borders", "in", "into", "to", "toward", "towards", "on",
        "near", "than", "between", "including", "like", "over", "across", "at", "about", "behind", "after",
        "among", "via", "as", "by", "for", "of", "since", "despite", "unlike", "besides", "amid", "within", "under",
        "upon", "beside", "around", "through", "alongside", "neighbouring", "neighboring", "following", "from",
        "except", "excluding", "de", "du", "des", "à", "en", "contre", "avec", "par", "pour");

    // Words that may stand between a preposition and the state it governs: "threat posed by its neighbour Russia".
    private static readonly FrozenSet<string> NounPhraseFillers = Words(
        "the", "its", "their", "his", "her", "neighbour", "neighbor", "neighbouring", "neighboring", "ally", "allies",
        "fellow", "member", "members", "nato", "eu", "state", "states", "countries", "country", "nations", "its", "la", "le", "l",
        "much", "larger", "giant", "aggressor");

    // "the defense ministers of Poland", "the decision of Kiev", "Representative of China": of-phrases naming the actor.
    private static readonly FrozenSet<string> ActorNounsBeforeOf = Words(
        "ministers", "minister", "ministry", "government", "governments", "parliament", "parliaments", "president",
        "leaders", "leader", "representative", "representatives", "cabinet", "decision", "withdrawal", "ratification",
        "accession", "nations", "countries", "states", "people", "republic", "kingdom", "décision", "retrait",
        "signature", "notification", "denunciation", "departure", "exit", "suspension", "parlement",
        "mission", "delegation", "embassy", "envoy", "ambassador", "spokesperson", "spokesman", "president", "prime");

    // "lawmakers in Poland", "the government in Warsaw": an institution located in the state is the state's own
    private static readonly FrozenSet<string> ActorNounsBeforeIn = Words(
        "parliament", "lawmakers", "legislators", "legislature", "mps", "deputies", "senators", "senate", "parliamentarians",
        "government", "authorities", "officials", "cabinet", "ministers", "leaders", "députés", "parlementaires", "gouvernement");

    private static readonly FrozenSet<string> CoAgentBeforeWith = Words(
        "jointly", "together", "along", "alongside");

    private static readonly FrozenSet<string> ComplementMarkers = Words(
        "to", "of", "for", "on", "from", "about", "de", "d", "se", "by", "après", "after", "before", "while", "upon");

    private static readonly FrozenSet<string> RelativePronouns = Words(
        "which", "who", "that", "qui");

    private static readonly FrozenSet<string> PassiveAuxiliaries = Words(
        "was", "were", "been", "be", "is", "are", "being", "été");

    private void ReadSentence(Article a, int si, List<Candidate> into)
    {
        var s = a.Sentences[si];
        var t = a.Tokens;
        int first = a.SentenceFirstToken[si], end = a.SentenceEndToken[si];
        if (first >= end) return;

        var treaties = ResolveTreaties(a, si);
        var states = ResolveStates(a, si);
        var cues = a.CuesIn(si);

        // most sentences report no step and quote no statement: they only move the discourse on
        List<Cue>? candidatesForPredicates = null;
        if (s.Kind == SentenceKind.Body)
            foreach (var c in cues)
                if (IsPredicate(a, c, cues)) (candidatesForPredicates ??= []).Add(c);
        if (s.Kind != SentenceKind.Body || candidatesForPredicates is null && !cues.Exists(c => c.Kind == CueKind.Report))
        {
            // "Russia criticised the debate.": a sentence off the treaty story does not take over "the country"
            if (a.FocusSingle.Length == 0 || BearsOnATreaty(a, si, cues)) UpdateFocus(a, states, []);
            UpdateTopic(a, si, cues);
            return;
        }

        var predicates = LongestOfOverlapping(candidatesForPredicates ?? []);
        var dates = new List<DateExpression>();
        foreach (var d in a.DatesIn(si))
            if (!IsTreatyDate(a, d, treaties) && !IsNonEventDate(a, d, cues, predicates) && !a.IsDateline(d)) dates.Add(d);
        var dateOwner = AssignDates(a, si, dates, predicates, cues, states);
        if (Trace is not null)
            foreach (var kv in dateOwner) Trace($"  [{si}] date '{a.Text[kv.Key.Start..kv.Key.End]}' -> token {kv.Value} ({a.Tokens.Word(kv.Value)})");
        foreach (var kv in dateOwner.OrderBy(kv => kv.Key.Start))
            if (cues.Any(c => c.FirstToken == kv.Value && c.Kind is CueKind.Report or CueKind.Announce) && kv.Key.Relative != RelativeDay.Today
                && Resolve(a, kv.Key, false) is { } sd)
            {
                a.LastStatementDate = sd;
                a.LastStatementSentence = si;
            }
        var produced = new List<Candidate>();
        var agentsUsed = new List<string[]>();

        foreach (var p in predicates)
        {
            if (IsCancelled(a, p, cues, first, out string why))
            {
                Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: cancelled ({why})");
                continue;
            }
            var (topic, topicCue) = FindTopic(a, si, p, cues);
            var actor = FindActor(a, si, p, cues, states);
            bool future = IsFuture(a, p, cues, first);
            var action = Classify(a, p, topic, actor, cues, future, topicCue);
            if (action is not { } classified)
            {
                Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: no action (topic {topic}, actor {actor})");
                continue;
            }
            var act = classified;
            bool reportedPlan = false;
            // a withdrawal told as a plan in reported speech, with no date of its own, is the announcement
            if (act == EventAction.WithdrawalEffective && future && p.Kind == CueKind.Withdraw
                && !dateOwner.Any(kv => kv.Value == p.FirstToken) && IsReportedIntention(a, p, cues, first, end))
            {
                act = EventAction.AnnounceIntentToWithdraw;
                future = false;
                reportedPlan = true;
            }
            var agents = FindAgents(a, si, p, act, states, cues);
            if (agents.Length == 0 && act != EventAction.EntryIntoForce)
            {
                Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: {act} without a state");
                continue;
            }
            if (act == EventAction.EntryIntoForce) agents = StateForEntryIntoForce(a, p, states, cues, agents);
            var treatyIds = FindTreaties(a, si, p, topicCue, treaties, topicFromDiscourse: topicCue is null || topicCue.Value.Kind == CueKind.StepAnaphor);
            if (treatyIds.Count == 0)
            {
                Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: {act} without a treaty");
                continue;
            }

            var ownDates = dateOwner.Where(kv => kv.Value == p.FirstToken).Select(kv => kv.Key).OrderBy(d => a.DateDistance[d]).ToList();
            bool respectively = cues.Any(c => c.Kind == CueKind.Respectively) && agents.Length > 1;
            var datesForAgents = new PartialDate?[agents.Length];
            bool weak = false;
            if (respectively)
            {
                var after = dates.Where(d => d.Start > p.Start).OrderBy(d => d.Start).ToList();
                if (after.Count == agents.Length)
                    for (int k = 0; k < agents.Length; k++) datesForAgents[k] = Resolve(a, after[k], future, si);
                else respectively = false;
            }
            if (!respectively)
            {
                PartialDate? date = null;
                foreach (var d in ownDates) { date = Resolve(a, d, future, si); if (date is not null) break; }
                if (date is null && !future)
                {
                    // the date of the statement that reports the step ("its foreign ministry said late on Thursday")
                    foreach (var kv in dateOwner.OrderBy(kv => kv.Key.Start))
                        if (cues.Any(c => c.FirstToken == kv.Value && c.Kind == CueKind.Report))
                        {
                            date = Resolve(a, kv.Key, future, si);
                            if (date is not null) break;
                        }
                }
                if (date is null && a.EmbeddedPosts.TryGetValue(si, out var post) && post.Date is { } pd) { date = pd; weak = true; }
                // the lead's main verb, not a subordinate one ("a year after it notified the UN")
                // a date the clause states but that cannot be resolved ("last week" across two months) is not the page's date
                if (date is null && ownDates.Count == 0 && IsLead(a, si) && a.Published is { } pub && !future && IsDoneForm(a, p, cues) && p.FirstToken == predicates[0].FirstToken
                    && !IsSubordinate(a, p))
                {
                    date = PartialDate.OfDay(pub);
                    weak = true;
                }
                for (int k = 0; k < agents.Length; k++) datesForAgents[k] = date;
            }

            var votes = VotesOf(a, si, p, predicates, states);
            bool background = cues.Any(c => c.Kind == CueKind.Background);
            for (int k = 0; k < agents.Length; k++)
                foreach (var tr in treatyIds)
                {
                    var c = new Candidate
                    {
                        State = agents[k], Treaty = tr, Action = act, Date = datesForAgents[k], WeakDate = weak,
                        Votes = IsVoteAction(act, actor) ? votes : null, Sentence = si, Actor = actor,
                        Background = background, Future = future, NeedsDate = p.Kind == CueKind.TakeEffect || reportedPlan,
                    };
                    produced.Add(c);
                    Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: {c.State} {c.Treaty} {act.Name()} {c.Date} (actor {actor}, topic {topic})");
                }
            agentsUsed.Add(agents);
        }

        into.AddRange(produced);
        UpdateFocus(a, states, agentsUsed);
        UpdateTopic(a, si, cues);
    }

    /// <summary>
    /// The figures of a vote: those of the sentence, or, when the sentence reports several votes ("Latvian
    /// lawmakers voted 68-14 ..., while Estonia's parliament approved a similar bill"), those between this vote
    /// and the next.
    /// </summary>
    private static Votes? VotesOf(Article a, int si, Cue p, List<Cue> predicates, List<StateRef> states)
    {
        // the votes that open a clause of their own: a state named between the vote before and this one
        var heads = new List<Cue>();
        int previousEnd = -1;
        foreach (var q in predicates)
        {
            if (q.Kind != CueKind.Vote) continue;
            if (heads.Count == 0 || states.Exists(r => r.First >= previousEnd && r.End <= q.FirstToken)) heads.Add(q);
            previousEnd = q.EndToken;
        }
        if (heads.Count < 2) return a.VotesIn(si);
        int index = -1;
        for (int i = 0; i < heads.Count; i++) if (heads[i].FirstToken <= p.FirstToken) index = i;
        if (index < 0) index = 0;
        int from = index == 0 ? a.SentenceFirstToken[si] : heads[index].FirstToken;
        int to = index + 1 < heads.Count ? heads[index + 1].FirstToken : a.SentenceEndToken[si];
        int endOffset = index + 1 < heads.Count ? a.Tokens.Tokens[to].Start : a.Sentences[si].End;
        return VoteParser.Parse(a.Tokens, from, to, endOffset);
    }

    private static bool BearsOnATreaty(Article a, int si, List<Cue> cues)
    {
        if (HasTreatyMention(a, si)) return true;
        foreach (var c in cues)
            if (c.Kind is CueKind.Withdraw or CueKind.Ratify or CueKind.Accede or CueKind.Suspend or CueKind.StepAnaphor
                or CueKind.Vote or CueKind.Recommend or CueKind.Announce or CueKind.LawSigned or CueKind.Notify or CueKind.Sign)
                return true;
        return false;
    }

    /// <summary>"signed a decree" is one predicate, not "signed" and "signed a decree".</summary>
    private static List<Cue> LongestOfOverlapping(List<Cue> predicates)
    {
        var result = new List<Cue>(predicates.Count);
        foreach (var p in predicates.OrderByDescending(c => c.EndToken - c.FirstToken).ThenBy(c => c.FirstToken))
            if (!result.Any(r => p.FirstToken < r.EndToken && p.EndToken > r.FirstToken)) result.Add(p);
        result.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
        return result;
    }

    private static bool IsSubordinate(Article a, Cue p)
    {
        for (int k = p.FirstToken - 1; k >= Math.Max(0, p.FirstToken - 3); k--)
            if (a.Tokens.Is(k, "after") || a.Tokens.Is(k, "before") || a.Tokens.Is(k, "since") || a.Tokens.Is(k, "when")
                || a.Tokens.Is(k, "once") || a.Tokens.Is(k, "until") || a.Tokens.Is(k, "which") || a.Tokens.Is(k, "who")) return true;
        return false;
    }

    private static FrozenSet<string> Words(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsVoteAction(EventAction act, Actor actor) =>
        act is EventAction.ParliamentVoteWithdraw or EventAction.ParliamentVoteRatify
        || act == EventAction.Suspend && actor == Actor.Parliament;

    private static bool IsLead(Article a, int si)
    {
        for (int i = 0; i < si; i++)
            if (a.Sentences[i].Kind == SentenceKind.Body && a.Sentences[i].Length >= 60) return false;
        return a.Sentences[si].Start < a.HeaderEnd;
    }

    // ------------------------------------------------------------------------------------------
    // Votes, merging

    /// <summary>Figures in sentences with no vote of their own belong to the nearest vote before (or just after) them.</summary>
    private static void AttachVotes(Article a, List<Candidate> candidates)
    {
        if (!candidates.Exists(c => IsVoteAction(c.Action, c.Actor))) return;
        for (int si = 0; si < a.Sentences.Count; si++)
        {
            if (!candidates.Exists(c => Math.Abs(c.Sentence - si) <= 3 && IsVoteAction(c.Action, c.Actor))) continue;
            var s = a.Sentences[si];
            if (s.Kind == SentenceKind.Boilerplate) continue;
            var tally = a.VotesIn(si);
            if (tally is null) continue;
            if (candidates.Any(c => c.Sentence == si && c.Votes is not null)) continue;
            var target = candidates.Where(c => c.Sentence <= si && si - c.Sentence <= 3 && IsVoteAction(c.Action, c.Actor))
                             .OrderByDescending(c => c.Sentence).FirstOrDefault()
                         ?? candidates.Where(c => c.Sentence > si && c.Sentence - si <= 3 && IsVoteAction(c.Action, c.Actor))
                             .OrderBy(c => c.Sentence).FirstOrDefault();
            if (target is null) continue;
            foreach (var c in candidates.Where(c => c.Sentence == target.Sentence && IsVoteAction(c.Action, c.Actor)))
                c.Votes = (c.Votes ?? VoteTallies.None).FillFrom(tally);
        }
    }

    private static IReadOnlyList<ExtractedEvent> Merge(Article a, List<Candidate> candidates)
    {
        var kept = new List<Candidate>();
        foreach (var c in candidates)
        {
            bool needsDate = c.Action is EventAction.Sign or EventAction.Ratify or EventAction.Accede or EventAction.EntryIntoForce
                             || c.Future && c.Action == EventAction.WithdrawalEffective || c.NeedsDate;
            if (needsDate && c.Date is null) continue;
            // "have said they plan to exit", "parliaments have already approved": restatements, not news
            if (c.Date is null && c.Background) continue;
            if (c.Date is null && c.Action == EventAction.AnnounceIntentToWithdraw && c.Actor == Actor.Country) continue;
            kept.Add(c);
        }

        // a date taken from the dateline gives way when the text dates the same step otherwise
        foreach (var c in kept.Where(c => c.WeakDate).ToList())
            if (kept.Any(o => o != c && !o.WeakDate && o.Date is not null && o.Action == c.Action && o.Treaty == c.Treaty && o.Date != c.Date))
                c.Date = null;

        var result = new List<Candidate>();
        foreach (var group in kept.GroupBy(c => (c.State, c.Treaty, c.Action)))
        {
            var dated = group.Where(c => c.Date is not null).ToList();
            var chosen = new List<Candidate>();
            if (dated.Count == 0) chosen.Add(group.First());
            else
            {
                // one event per date; a less precise date that agrees with a more precise one is the same event
                foreach (var c in dated.OrderByDescending(c => c.Date!.Value.Precision).ThenBy(c => c.WeakDate))
                    if (!chosen.Any(x => x.Date!.Value.AgreesWith(c.Date!.Value))) chosen.Add(c);
            }
            foreach (var c in chosen)
            {
                Votes? votes = null;
                foreach (var o in group) if (o.Votes is not null) votes = (votes ?? o.Votes).FillFrom(o.Votes);
                c.Votes = votes;
                result.Add(c);
            }
        }
        return result
            .OrderBy(c => c.Sentence)
            .Select(c =>
            {
                var s = a.Sentences[c.Sentence];
                return new ExtractedEvent(c.State, c.Treaty, c.Action, c.Date, c.Votes is { } v && !v.IsEmpty() ? v : null,
                    a.Text[s.Start..s.End], s.Start, s.End);
            })
            .ToList();
    }
}
