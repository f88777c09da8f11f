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
    // Per-article analysis

    private enum Actor { None, Country, Parliament, Ministry, Government, Head }

    private enum Topic { None, Withdraw, Ratify, Accede, Suspend }

    private sealed class Candidate
    {
        public required string State;
        public required string Treaty;
        public required EventAction Action;
        public PartialDate? Date;
        public bool WeakDate;
        public Votes? Votes;
        public required int Sentence;
        public required Actor Actor;
        public bool Background;
        public bool Future;
        public bool NeedsDate;
    }

    /// <summary>Everything found once per article: words, sentences, names, cues, dates.</summary>
    private sealed class Article
    {
        public readonly string Text;
        public readonly TokenizedText Tokens;
        public readonly List<Sentence> Sentences;
        public readonly int[] SentenceFirstToken;
        public readonly int[] SentenceEndToken;
        public readonly List<Mention> Mentions;
        public readonly List<Cue> Cues;
        public readonly List<DateExpression> Dates;
        public readonly LocalDate? Published;
        public readonly int HeaderEnd;
        public readonly Dictionary<int, (PartialDate? Date, Actor Author)> EmbeddedPosts = [];

        // discourse
        public string? LastTreaty;
        public int LastTreatySentence = -100;
        public int LastUnknownTreatySentence = -10;
        public string[] FocusSingle = [];
        public string[] FocusPlural = [];
        public readonly List<string[]> StateLists = [];
        public Topic LastTopic;
        public int LastTopicSentence = -10;
        public readonly Dictionary<DateExpression, int> DateDistance = [];
        public readonly List<int> DatelineStarts = [];

        // per token: the state mention starting at it or ending just before it (index into Mentions, -1 if none),
        // whether a treaty mention starts at it
        public readonly int[] StateStartingAt;
        public readonly int[] StateEndingAt;
        public readonly bool[] TreatyStartingAt;
        public PartialDate? LastStatementDate;
        public int LastStatementSentence = -10;

        public Article(string text, Gazetteer g, LocalDate? published)
        {
            Text = text;
            Tokens = new TokenizedText(text);
            Sentences = SentenceSplitter.Split(text);
            SentenceFirstToken = new int[Sentences.Count];
            SentenceEndToken = new int[Sentences.Count];
            for (int i = 0; i < Sentences.Count; i++)
            {
                SentenceFirstToken[i] = Tokens.FirstAtOrAfter(Sentences[i].Start);
                SentenceEndToken[i] = Tokens.FirstAtOrAfter(Sentences[i].End);
            }
            Mentions = MentionFinder.Find(g, Tokens);
            Cues = CueLexicon.Find(Tokens);
            Dates = DateFinder.Find(Tokens);
            foreach (var d in Dates) if (PublicationDateFinder.IsDateline(text, d)) DatelineStarts.Add(d.Start);
            IndexBySentence();
            StateStartingAt = new int[Tokens.Count + 1];
            StateEndingAt = new int[Tokens.Count + 1];
            TreatyStartingAt = new bool[Tokens.Count + 1];
            Array.Fill(StateStartingAt, -1);
            Array.Fill(StateEndingAt, -1);
            for (int i = 0; i < Mentions.Count; i++)
            {
                var m = Mentions[i];
                if (m.IsStateLike) { StateStartingAt[m.FirstToken] = i; StateEndingAt[m.EndToken] = i; }
                if (m.IsTreatyLike) TreatyStartingAt[m.FirstToken] = true;
            }
            _votes = new Votes?[Sentences.Count];
            _votesDone = new bool[Sentences.Count];
            HeaderEnd = PublicationDateFinder.HeaderEnd(text, Sentences);
            Published = published ?? PublicationDateFinder.Find(text, Sentences, Dates);
            FindEmbeddedPosts();
        }

        /// <summary>
        /// An embedded post is signed on the line after it: "— Lithuanian MOD (@Lithuanian_MoD) March 18, 2025".
        /// Its date dates the statement, and its author may be the actor.
        /// </summary>
        private void FindEmbeddedPosts()
        {
            foreach (Match m in PostSignature().Matches(Text))
            {
                int lineStart = m.Index;
                var date = Dates.FirstOrDefault(d => d.Start >= m.Index && d.End <= m.Index + m.Length && d.HasFullDate);
                PartialDate? rd = date.HasFullDate ? ReportedDates.Make(date.Year, date.Month, date.Day) : null;
                string author = m.Groups["author"].Value;
                var actor = GovernmentWord().IsMatch(author) ? Actor.Ministry : HeadWord().IsMatch(author) ? Actor.Head : Actor.None;
                // the post is the paragraph just above the signature
                for (int i = Sentences.Count - 1; i >= 0; i--)
                {
                    if (Sentences[i].End > lineStart) continue;
                    int line = Sentences[i].Line;
                    for (int j = i; j >= 0 && Sentences[j].Line == line; j--) EmbeddedPosts[j] = (rd, actor);
                    break;
                }
            }
        }

        private readonly Votes?[] _votes;
        private readonly bool[] _votesDone;

        /// <summary>The vote figures of a sentence, read once.</summary>
        public Votes? VotesIn(int si)
        {
            if (!_votesDone[si])
            {
                _votes[si] = VoteParser.Parse(Tokens, SentenceFirstToken[si], SentenceEndToken[si], Sentences[si].End);
                _votesDone[si] = true;
            }
            return _votes[si];
        }

        // per sentence, the index range of its mentions, cues and dates in the article-wide lists
        private (int From, int To)[] _mentionRange = [], _cueRange = [], _dateRange = [];

        private void IndexBySentence()
        {
            _mentionRange = Ranges(Mentions.Count, i => Mentions[i].FirstToken, SentenceFirstToken, SentenceEndToken);
            _cueRange = Ranges(Cues.Count, i => Cues[i].FirstToken, SentenceFirstToken, SentenceEndToken);
            var starts = new int[Sentences.Count];
            var ends = new int[Sentences.Count];
            for (int i = 0; i < Sentences.Count; i++) { starts[i] = Sentences[i].Start; ends[i] = Sentences[i].End; }
            _dateRange = Ranges(Dates.Count, i => Dates[i].Start, starts, ends);
        }

        private static (int, int)[] Ranges(int count, Func<int, int> position, int[] sentenceStart, int[] sentenceEnd)
        {
            var ranges = new (int, int)[sentenceStart.Length];
            int k = 0;
            for (int si = 0; si < sentenceStart.Length; si++)
            {
                while (k < count && position(k) < sentenceStart[si]) k++;
                int from = k;
                while (k < count && position(k) < sentenceEnd[si]) k++;
                ranges[si] = (from, k);
            }
            return ranges;
        }

        public ReadOnlySpan<Mention> MentionsIn(int si) =>
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Mentions)[_mentionRange[si].From.._mentionRange[si].To];

        /// <summary>The cues of a sentence, in a list reused from sentence to sentence.</summary>
        public List<Cue> CuesIn(int si)
        {
            CueBuffer.Clear();
            for (int i = _cueRange[si].From; i < _cueRange[si].To; i++) CueBuffer.Add(Cues[i]);
            return CueBuffer;
        }

        // reused per sentence: a sentence is read, then its lists are no longer needed
        public readonly List<Cue> CueBuffer = new(32);
        public readonly List<TreatyRef> TreatyBuffer = new(8);
        public readonly List<StateRef> StateBuffer = new(16);
        public readonly List<string> IdBuffer = new(16);

        public ReadOnlySpan<DateExpression> DatesIn(int si) =>
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Dates)[_dateRange[si].From.._dateRange[si].To];

        /// <summary>The year last named before <paramref name="offset"/>, for "in July of that year"; 0 if none.</summary>
        public int YearInContext(int offset)
        {
            int year = 0;
            foreach (var d in Dates)
            {
                if (d.Start >= offset) break;
                if (d.Year > 0 && d.Relative == RelativeDay.None) year = d.Year;
            }
            return year;
        }

        /// <summary>
        /// The latest year the text names in a date with at least a month ("in March 2025", "June 29, 2025"):
        /// the earliest year a weekday-and-day without a year ("Saturday, January 10") can be in.
        /// </summary>
        public int NewsYear()
        {
            int y = 0;
            foreach (var d in Dates)
                if (d.Year > y && d.Month > 0 && d.Relative == RelativeDay.None && !IsDateline(d)) y = d.Year;
            return y;
        }

        public bool IsDateline(DateExpression d) => PublicationDateFinder.IsDateline(Text, d);

        /// <summary>
        /// The year of the nearest date before <paramref name="offset"/> that names a month and a year ("In
        /// March 2025, ... In mid-April, ..."): the narrative's year, for a day or month written without one
        /// when the text has no date line. It can be wrong across a new year; a bare year ("in 1999") is
        /// background and does not count.
        /// </summary>
        public int NarrativeYear(int offset)
        {
            int year = 0;
            foreach (var d in Dates)
            {
                if (d.Start >= offset) break;
                if (d.Year > 0 && d.Month > 0 && d.Relative == RelativeDay.None && !IsDateline(d)) year = d.Year;
            }
            return year;
        }
    }

    [GeneratedRegex(@"^[ \t]*[—–-][ \t]*(?<author>[^\n]{1,100}?)\(@\w+\)[^\n]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PostSignature();

    [GeneratedRegex(@"\b(?:MOD|MoD|ministry|minister|ministers|government|cabinet|MFA)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentWord();

    [GeneratedRegex(@"\b(?:president|prime minister|PM|chancellor)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadWord();

    // "the four nations", "these countries", "The four ministers", "the three Baltic nations"
    private static readonly HashSet<string> PluralStateNouns = new(StringComparer.Ordinal)
    {
        "countries", "nations", "states", "governments", "ministers", "allies", "neighbours", "neighbors", "parliaments", "capitals", "signatories",
    };

    private static readonly HashSet<string> PluralDeterminers = new(StringComparer.Ordinal)
    {
        "the", "these", "those", "all", "both", "its", "their", "our",
    };

    // "the country", "the Nordic country", "the formerly Soviet-ruled Baltic state"
    private static readonly HashSet<string> SingularStateNouns = new(StringComparer.Ordinal)
    {
        "country", "nation", "state", "republic", "kingdom",
    };

    private static readonly HashSet<string> SingularDeterminers = new(StringComparer.Ordinal) { "the", "this" };

    /// <summary>
    /// The determiner of a noun phrase ending in <paramref name="noun"/>, at most three words before it
    /// within the sentence: "the four nations", "the formerly Soviet-ruled Baltic state". -1 if none. A
    /// numeral right after the determiner is returned in <paramref name="numeral"/>.
    /// </summary>
    private static int FindDeterminer(TokenizedText t, int noun, int sentenceFirst, HashSet<string> determiners, out int numeral)
    {
        numeral = 0;
        for (int j = noun - 1; j >= Math.Max(sentenceFirst, noun - 4); j--)
        {
            var gap = t.Gap(j);
            foreach (char c in gap) if (c is not (' ' or '-' or '\u00A0')) return -1;
            if (!t.IsAny(j, determiners))
            {
                // "the 50th state to ratify" is not an anaphor
                if (char.IsDigit(t.Text[t.Tokens[j].Start]) && !(j - 1 >= 0 && t.IsAny(j - 1, determiners))) return -1;
                continue;
            }
            if (j + 1 < noun)
            {
                int v = VoteParser.Value(t.Word(j + 1));
                if (v is > 1 and <= 30) numeral = v;
                else if (char.IsDigit(t.Text[t.Tokens[j + 1].Start])) return -1;
            }
            return j;
        }
        return -1;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:it|its|they|their|we|our|them)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    // ------------------------------------------------------------------------------------------
    // One sentence

    /// <summary>A state reference in a sentence: a name, or an anaphor resolved against the discourse.</summary>
    private readonly record struct StateRef(int First, int End, string[] Ids, bool Synthetic, MentionKind Kind);

    private readonly record struct TreatyRef(int First, int End, string? Id);

    private static readonly HashSet<string> ObliquePrepositions = new(StringComparer.Ordinal)
    {
        "from", "against", "with", "bordering", "border", "borders", "in", "into", "to", "toward", "towards", "on",
        "near", "than", "between", "including", "like", "over", "across", "at", "about", "behind", "after",
        "among", "via", "as", "by", "for", "of", "since", "despite", "unlike", "besides", "amid", "within", "under",
        "upon", "beside", "around", "through", "alongside", "neighbouring", "neighboring", "following", "from",
        "except", "excluding", "de", "du", "des", "à", "en", "contre", "avec", "par", "pour",
    };

    // Words that may stand between a preposition and the state it governs: "threat posed by its neighbour Russia".
    private static readonly HashSet<string> NounPhraseFillers = new(StringComparer.Ordinal)
    {
        "the", "its", "their", "his", "her", "neighbour", "neighbor", "neighbouring", "neighboring", "ally", "allies",
        "fellow", "member", "members", "nato", "eu", "state", "states", "countries", "country", "nations", "its", "la", "le", "l",
        "much", "larger", "giant", "aggressor",
    };

    // "the defense ministers of Poland", "the decision of Kiev", "Representative of China": of-phrases naming the actor.
    private static readonly HashSet<string> ActorNounsBeforeOf = new(StringComparer.Ordinal)
    {
        "ministers", "minister", "ministry", "government", "governments", "parliament", "parliaments", "president",
        "leaders", "leader", "representative", "representatives", "cabinet", "decision", "withdrawal", "ratification",
        "accession", "nations", "countries", "states", "people", "republic", "kingdom", "décision", "retrait",
        "signature", "notification", "denunciation", "departure", "exit", "suspension", "parlement",
        "mission", "delegation", "embassy", "envoy", "ambassador", "spokesperson", "spokesman", "president", "prime",
    };

    private static readonly HashSet<string> CoAgentBeforeWith = new(StringComparer.Ordinal)
    {
        "jointly", "together", "along", "alongside",
    };

    private static readonly HashSet<string> ComplementMarkers = new(StringComparer.Ordinal)
    {
        "to", "of", "for", "on", "from", "about", "de", "d", "se", "by", "après", "after", "before", "while", "upon",
    };

    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal)
    {
        "which", "who", "that", "qui",
    };

    private static readonly HashSet<string> PassiveAuxiliaries = new(StringComparer.Ordinal)
    {
        "was", "were", "been", "be", "is", "are", "being", "été",
    };

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
            UpdateFocus(a, states, []);
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
            if (action is not { } act)
            {
                Trace?.Invoke($"  [{si}] {t.Text[p.Start..p.End]}: no action (topic {topic}, actor {actor})");
                continue;
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
                if (date is null && IsLead(a, si) && a.Published is { } pub && !future && IsDoneForm(a, p, cues) && p.FirstToken == predicates[0].FirstToken
                    && !IsSubordinate(a, p))
                {
                    date = PartialDate.OfDay(pub);
                    weak = true;
                }
                for (int k = 0; k < agents.Length; k++) datesForAgents[k] = date;
            }

            var votes = a.VotesIn(si);
            bool background = cues.Any(c => c.Kind == CueKind.Background);
            for (int k = 0; k < agents.Length; k++)
                foreach (var tr in treatyIds)
                {
                    var c = new Candidate
                    {
                        State = agents[k], Treaty = tr, Action = act, Date = datesForAgents[k], WeakDate = weak,
                        Votes = IsVoteAction(act, actor) ? votes : null, Sentence = si, Actor = actor,
                        Background = background, Future = future, NeedsDate = p.Kind == CueKind.TakeEffect,
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

    private static readonly HashSet<string> NonTreatyObjects = new(StringComparer.Ordinal)
    {
        "troops", "forces", "soldiers", "army", "units", "ambassador", "ambassadors", "envoy", "diplomats", "staff", "personnel",
        "candidacy", "candidate", "support", "funding", "funds", "aid", "application", "bid", "offer", "complaint", "lawsuit",
        "case", "charges", "nomination", "recognition", "accreditation", "money", "deposits", "cash", "players", "team",
    };

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
        cues.Any(x => x.Kind == CueKind.Future && x.EndToken <= c.FirstToken && c.FirstToken - x.EndToken <= 1);

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
        for (int k = c.EndToken; k <= Math.Min(a.Tokens.Count - 1, c.EndToken + within); k++)
            if (a.TreatyStartingAt[k]) return true;
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
        int from = Math.Max(sentenceFirst, p.FirstToken - 6);
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
                    Topic.Ratify => actor == Actor.Parliament ? EventAction.ParliamentVoteRatify : null,
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
                if (actor == Actor.Parliament && !t.Span(p.FirstToken).StartsWith("join", StringComparison.OrdinalIgnoreCase))
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

    private static bool IsNounVote(Article a, Cue p) => p.Form is CueForm.Noun or CueForm.Base && a.Tokens.Span(p.FirstToken).StartsWith("vote", StringComparison.OrdinalIgnoreCase);

    // "The Finnish government withdrew from the convention": the government, not the country, is the subject.
    private static bool NearestInstitutionIsSubject(Article a, Cue p, List<Cue> cues) =>
        cues.Any(c => c.Kind is CueKind.Government or CueKind.Ministry or CueKind.HeadOfState && c.FirstToken < p.FirstToken && p.FirstToken - c.EndToken <= 3);

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
