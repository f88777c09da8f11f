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

        public bool IsDateline(DateExpression d) => DatelineStarts.Contains(d.Start);

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
    private static readonly FrozenSet<string> PluralStateNouns = Words(
        "countries", "nations", "states", "governments", "ministers", "allies", "neighbours", "neighbors", "parliaments", "capitals", "signatories");

    private static readonly FrozenSet<string> PluralDeterminers = Words(
        "the", "these", "those", "all", "both", "its", "their", "our");

    // "the country", "the Nordic country", "the formerly Soviet-ruled Baltic state"
    private static readonly FrozenSet<string> SingularStateNouns = Words(
        "country", "nation", "state", "republic", "kingdom");

    private static readonly FrozenSet<string> SingularDeterminers = Words(
        "the", "this");

    /// <summary>
    /// The determiner of a noun phrase ending in <paramref name="noun"/>, at most three words before it
    /// within the sentence: "the four nations", "the formerly Soviet-ruled Baltic state". -1 if none. A
    /// numeral right after the determiner is returned in <paramref name="numeral"/>.
    /// </summary>
    private static int FindDeterminer(TokenizedText t, int noun, int sentenceFirst, FrozenSet<string> determiners, out int numeral)
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

}
