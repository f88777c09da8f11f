using System.Text.RegularExpressions;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Events;

/// <summary>The kinds of words that signal, shape or cancel a reported step.</summary>
public enum CueKind
{
    // what the step is about
    /// <summary>withdraw, withdrawal, leave, quit, exit, denounce, "end its participation", "se retirer".</summary>
    Withdraw,
    /// <summary>ratify, join, "became a party", "consent to be bound", acceptance.</summary>
    Ratify,
    /// <summary>accede, accession.</summary>
    Accede,
    /// <summary>suspend, suspension.</summary>
    Suspend,
    /// <summary>nouns that stand for a step named before: "the bill", "the motion", "the move", "the decision".</summary>
    StepAnaphor,

    // predicates: who did what
    Vote,
    Recommend,
    Announce,
    LawSigned,
    Notify,
    Sign,
    /// <summary>"take effect", "effective from".</summary>
    TakeEffect,
    /// <summary>"enter into force", "entry into force", "entrée en vigueur".</summary>
    EntryIntoForce,
    /// <summary>revoke, rescind, reverse (a withdrawal).</summary>
    Revoke,
    /// <summary>said, told, according to: the source of a statement and often its date.</summary>
    Report,

    // shapes
    Negation,
    Modal,
    /// <summary>"already", "all five countries": a restatement of background, not the news.</summary>
    Background,
    /// <summary>formally, officially: the step is done, not planned.</summary>
    Formal,
    /// <summary>will, shall, "is set to": the step lies ahead.</summary>
    Future,
    /// <summary>has, have, had before a participle.</summary>
    Perfect,
    Respectively,

    // who acts
    Parliament,
    /// <summary>ministers, a ministry, the cabinet: they recommend and prepare.</summary>
    Ministry,
    /// <summary>"the government", "the military-led governments": the executive as a whole.</summary>
    Government,
    HeadOfState,
}

/// <summary>A cue word or phrase, over tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>).</summary>
public readonly record struct Cue(CueKind Kind, int FirstToken, int EndToken, int Start, int End, CueForm Form);

/// <summary>The grammatical shape of a verb cue, as far as the word itself tells.</summary>
public enum CueForm { Other, Noun, Gerund, Past, Participle, Present, Base }

/// <summary>
/// The trigger lexicons: verbs, nominalisations and the words that negate, hedge or date them, in
/// English and some French. Compiled once; one scan of the text per cue kind.
/// </summary>
public static partial class CueLexicon
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string WithdrawPattern = @"(?:withdr[ae]w\p{L}*|pull(?:s|ed|ing)?\s+out|leav(?:e|es|ing)|left|exit(?:s|ed|ing)?|quit(?:s|ting)?|abandon(?:s|ed|ing)?|denounc\p{L}*|denunciation|departure|drop(?:s|ped|ping)?|ditch(?:es|ed|ing)?|de-?ratif\p{L}*|(?:end(?:s|ed)?|ending|terminat\p{L}+)\s+(?:its|their|the\s+country['’]s|\p{L}+['’]s)\s+participation|cease[sd]?\s+to\s+be\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)|no\s+longer\s+be\s+(?:bound|a\s+party)|(?:revok|rescind|cancel)\p{L}*\s+(?:\p{L}+['’]s\s+|its\s+|the\s+|their\s+)?ratification|withdrawal\s+of\s+(?:its\s+)?ratification|annul(?:s|led|ling|ment)?|se\s+retir\p{L}*|retir\p{L}+|retrait|sortie|dénonc\p{L}*)(?![\p{L}])";

    private const string RatifyPattern = @"(?:ratif(?:y|ies|ied|ying|ication|ications)|(?:re-?)?joined|(?:re-?)?join(?:s|ing)?|by\s+acceptance|accepted\s+(?=the\s+(?:treaty|convention|agreement|protocol|statute|amendment))|consent\s+to\s+be\s+bound|bec(?:ame|ome|omes|oming)\s+(?:a\s+|the\s+(?:\d+\p{L}*\s+|\p{L}+\s+)?)?(?:state\s+)?part(?:y|ies)\s+to|adhered|ratifi[ée]\p{L}*|adhér\p{L}+)(?![\p{L}])";

    private const string AccedePattern = @"(?:acced(?:e|ed|es|ing)|accession)(?![\p{L}])";

    private const string SuspendPattern = @"(?:suspen(?:d|ds|ded|ding|sion)|suspendu\p{L}*|suspendre)(?![\p{L}])";

    // the noun only; a determiner must stand before it (checked by the caller): "the bill", "similar moves"
    private const string StepAnaphorPattern = @"(?<w>bill|motion|move|moves|decision|step|steps|law|measure|proposal|document|resolution|plan|plans|initiative|declaration)(?![\p{L}])";

    private const string VotePattern = @"(?:vot(?:e|ed|es|ing)|approv(?:e|ed|es|al|ing)|pass(?:ed|es)|adopt(?:ed|s|ion)|back(?:ed|s)|support(?:ed|s)|endors(?:e|ed|es)|(?:first|second|third|final)\s+reading|green\s+light|voté|adopté|approuvé)(?![\p{L}])";

    private const string RecommendPattern = @"(?:recommend(?:s|ed|ing|ation|ations)?|propos(?:e|ed|es|al|ing)|draft\s+(?:resolution|law|bill))(?![\p{L}])";

    private const string AnnouncePattern = @"(?:announc(?:e|ed|es|ing|ement)|declar(?:e|ed|es|ation)|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|intentions?|intent\s+to|signal(?:l)?ed|expressed|decided\s+to|annoncé)(?![\p{L}])";

    private const string LawPattern = @"(?:signed\s+into\s+law|announc(?:ed|es|e)\s+(?:a|the)\s+law|sign(?:s|ed|ing)?\s+(?:(?:a|an|the|this|that|his|her)\s+)?(?:\p{L}+\s+){0,2}?(?:decree|law|bill|order|legislation|document)|(?:issued|issues|signed)\s+(?:a\s+)?(?:\p{L}+\s+)?decree|decree|promulgat\p{L}*|executive\s+order|enacted|put\s+into\s+effect|mis\s+en\s+œuvre|d[ée]cret)(?![\p{L}])";

    private const string NotifyPattern = @"(?:notif(?:y|ied|ies|ication|ications)|submitted|submits?|deposit(?:ed|s)?|handed\s+(?:over|in)|delivered|informed|sent\s+(?:(?:a|an|the|its|their)\s+)?(?:letter|note|notification|instrument)|lodged|instrument\s+of\s+withdrawal|withdrawal\s+notices?)(?![\p{L}])";

    private const string SignPattern = @"(?:sign(?:s|ed)?)(?![\p{L}])";

    private const string TakeEffectPattern = @"(?:(?:tak(?:e|es|ing)|took|taken)\s+(?:full\s+|legal\s+)?effect|(?:come|came|comes|coming)\s+into\s+effect|effective\s+(?:on|from|as\s+of)|(?:officially|formally)\s+completed?|completed?\s+(?:the\s+)?(?:procedure|process)|complet(?:ed|es|e)\s+(?:its|their|the)\s+withdrawal|no\s+longer\s+be\s+bound|prend(?:ra)?\s+effet)(?![\p{L}])";

    private const string EntryIntoForcePattern = @"(?:(?:enter(?:s|ed|ing)?|entry|came|come|comes|coming|went|go)\s+into\s+force|entr(?:ée|é|ee|era|ent)\s+en\s+vigueur|est\s+entr[ée]e?\s+en\s+vigueur|bec(?:ame|ome|omes|oming)\s+(?:a\s+)?participating\s+state|bec(?:ame|ome|omes|oming)\s+effective)(?![\p{L}])";

    private const string RevokePattern = @"(?:revok(?:e|ed|es|ing)|revocation|rescind(?:s|ed|ing)?|rescission|revers(?:e|ed|es|al)|cancel(?:l?ed|s|lation)?|withdr[ae]w\p{L}*\s+(?:its|the|their)\s+(?:notification|notice|instrument\s+of\s+withdrawal))(?![\p{L}])";

    private const string ReportPattern = @"(?:said|says|say|stated|told|tells|reported|reports|announced|confirmed|according\s+to|wrote|writes|added|noted|posted|quoted|cited|citing|déclaré|indiqué|selon)(?![\p{L}])";

    private const string NegationPattern = @"(?:not|never|no\s+longer(?!\s+be\s+(?:bound|a\s+party))|won[’']t|wouldn[’']t|don[’']t|doesn[’']t|didn[’']t|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|hasn[’']t|haven[’']t|hadn[’']t|cannot|can[’']t|refus(?:e|ed|es|ing)|declin(?:e|ed|es)\s+to|reject(?:s|ed|ing)?|ruled\s+out|rules\s+out|opted\s+not|ne\s+\p{L}+\s+pas|n[’']\p{L}+\s+pas)(?![\p{L}])";

    private const string ModalPattern = @"(?:could|might|would|should|must|can|if|once|whether|unless|were\s+to|call(?:s|ed|ing)?\s+(?:for|on|to)|urg(?:e|ed|es|ing)|consider(?:s|ed|ing)?|poised\s+to|looking\s+to|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|pending|requir(?:e|es|ed|ing)|need(?:s|ed)?\s+to|expected\s+to|likely\s+to|threat(?:en|ens|ened)\s+to|possib(?:le|ility|ly)|potential(?:ly)?|demand(?:s|ed|ing)?|ask(?:s|ed)?|seek(?:s|ing)?\s+to|want(?:s|ed)?\s+to|aim(?:s|ed)?\s+to|hop(?:e|es|ed)\s+to|set\s+to|close\s+to|about\s+to|impending|proposed|planned|upcoming|prospect|pourrait|pourraient|devrait)(?![\p{L}])";

    private const string LowerMayPattern = @"(?:may)(?![\p{L}])";

    private const string BackgroundPattern = @"(?:already|earlier|previously|all\s+(?:\p{L}+\s+){0,3}?(?:countries|states|nations|members)|both\s+(?:countries|states|nations)|have\s+(?:all\s+)?said\s+they|so\s+far)(?![\p{L}])";

    private const string FormalPattern = @"(?:formally|officially|officiellement|formellement)(?![\p{L}])";

    private const string FuturePattern = @"(?:will|shall|(?:is|are)\s+(?:to|set\s+to|due\s+to|going\s+to)|upcoming|va|vont)(?![\p{L}])";

    private const string PerfectPattern = @"(?:has|have|had|having|ont|avait)(?![\p{L}])";

    private const string RespectivelyPattern = @"(?:respectively|respectivement)(?![\p{L}])";

    private const string ParliamentPattern = @"(?:parliament(?:s|ary)?|lawmakers|legislators|legislature|mps|deputies|senators|senate|lower\s+house|upper\s+house|chamber|congress|national\s+assembly|state\s+duma|duma|federation\s+council|members\s+of\s+parliament|parlement|parlementaires?|d[ée]put[ée]s|assembl[ée]e\s+nationale)(?![\p{L}])";

    private const string MinistryPattern = @"(?:cabinet|council\s+of\s+ministers|ministers|(?:defen[cs]e|foreign|deputy)\s+minister|minister\s+of\s+(?:defen[cs]e|foreign\s+affairs)|ministry|ministries|mod|ministre|minist[èe]re)(?![\p{L}])";

    private const string GovernmentPattern = @"(?:government|governments|gouvernement|administration)(?![\p{L}])";

    private const string HeadPattern = @"(?:president|prime\s+minister|premier|chancellor|king|queen|emir|head\s+of\s+state|juntas?|military\s+leaders|leader|pr[ée]sident|premier\s+ministre)(?![\p{L}])";

    // a class, not a record: rules are compared by reference, cheaply
    private sealed class Rule(CueKind kind, Regex anchored, int id)
    {
        public CueKind Kind { get; } = kind;
        public Regex Anchored { get; } = anchored;
        public int Id { get; } = id;
    }

    /// <summary>Each pattern with the words it can start with ("withdr*" is a prefix).</summary>
    [GeneratedRegex(@"\G(?:" + WithdrawPattern + ")", Opts)]
    private static partial Regex WithdrawAt();
    [GeneratedRegex(@"\G(?:" + RatifyPattern + ")", Opts)]
    private static partial Regex RatifyAt();
    [GeneratedRegex(@"\G(?:" + AccedePattern + ")", Opts)]
    private static partial Regex AccedeAt();
    [GeneratedRegex(@"\G(?:" + SuspendPattern + ")", Opts)]
    private static partial Regex SuspendAt();
    [GeneratedRegex(@"\G(?:" + StepAnaphorPattern + ")", Opts)]
    private static partial Regex StepAnaphorAt();
    [GeneratedRegex(@"\G(?:" + VotePattern + ")", Opts)]
    private static partial Regex VoteAt();
    [GeneratedRegex(@"\G(?:" + RecommendPattern + ")", Opts)]
    private static partial Regex RecommendAt();
    [GeneratedRegex(@"\G(?:" + AnnouncePattern + ")", Opts)]
    private static partial Regex AnnounceAt();
    [GeneratedRegex(@"\G(?:" + LawPattern + ")", Opts)]
    private static partial Regex LawAt();
    [GeneratedRegex(@"\G(?:" + NotifyPattern + ")", Opts)]
    private static partial Regex NotifyAt();
    [GeneratedRegex(@"\G(?:" + SignPattern + ")", Opts)]
    private static partial Regex SignAt();
    [GeneratedRegex(@"\G(?:" + TakeEffectPattern + ")", Opts)]
    private static partial Regex TakeEffectAt();
    [GeneratedRegex(@"\G(?:" + EntryIntoForcePattern + ")", Opts)]
    private static partial Regex EntryIntoForceAt();
    [GeneratedRegex(@"\G(?:" + RevokePattern + ")", Opts)]
    private static partial Regex RevokeAt();
    [GeneratedRegex(@"\G(?:" + ReportPattern + ")", Opts)]
    private static partial Regex ReportAt();
    [GeneratedRegex(@"\G(?:" + NegationPattern + ")", Opts)]
    private static partial Regex NegationAt();
    [GeneratedRegex(@"\G(?:" + ModalPattern + ")", Opts)]
    private static partial Regex ModalAt();
    [GeneratedRegex(@"\G(?:" + LowerMayPattern + ")", RegexOptions.CultureInvariant)]
    private static partial Regex LowerMayAt();
    [GeneratedRegex(@"\G(?:" + BackgroundPattern + ")", Opts)]
    private static partial Regex BackgroundAt();
    [GeneratedRegex(@"\G(?:" + FormalPattern + ")", Opts)]
    private static partial Regex FormalAt();
    [GeneratedRegex(@"\G(?:" + FuturePattern + ")", Opts)]
    private static partial Regex FutureAt();
    [GeneratedRegex(@"\G(?:" + PerfectPattern + ")", Opts)]
    private static partial Regex PerfectAt();
    [GeneratedRegex(@"\G(?:" + RespectivelyPattern + ")", Opts)]
    private static partial Regex RespectivelyAt();
    [GeneratedRegex(@"\G(?:" + ParliamentPattern + ")", Opts)]
    private static partial Regex ParliamentAt();
    [GeneratedRegex(@"\G(?:" + MinistryPattern + ")", Opts)]
    private static partial Regex MinistryAt();
    [GeneratedRegex(@"\G(?:" + GovernmentPattern + ")", Opts)]
    private static partial Regex GovernmentAt();
    [GeneratedRegex(@"\G(?:" + HeadPattern + ")", Opts)]
    private static partial Regex HeadAt();

    private static readonly (CueKind Kind, Regex Anchored, string Leads)[] Table =
    [
        (CueKind.Withdraw, WithdrawAt(), "withdr* pull* leav* left exit* quit* abandon* denounc* denunciation departure drop* ditch* de deratif* end ends ended ending terminat* cease* no revok* rescind* cancel* annul* se retir* retrait sortie dénonc*"),
        (CueKind.Ratify, RatifyAt(), "ratif* joined join* rejoin* re by accepted consent bec* adhered adhér*"),
        (CueKind.Accede, AccedeAt(), "acced* accession"),
        (CueKind.Suspend, SuspendAt(), "suspen*"),
        (CueKind.StepAnaphor, StepAnaphorAt(), "bill motion move moves decision step steps law measure proposal document resolution plan plans initiative declaration"),
        (CueKind.Vote, VoteAt(), "vot* approv* pass* adopt* back* support* endors* first second third final green"),
        (CueKind.Recommend, RecommendAt(), "recommend* propos* draft"),
        (CueKind.Announce, AnnounceAt(), "announc* declar* plan* intend* intention* intent signal* expressed decided annoncé"),
        (CueKind.LawSigned, LawAt(), "sign* announc* issued issues decree* promulgat* executive enacted put mis décret* decret*"),
        (CueKind.Notify, NotifyAt(), "notif* submit* deposit* handed delivered informed sent lodged instrument withdr*"),
        (CueKind.Sign, SignAt(), "sign*"),
        (CueKind.TakeEffect, TakeEffectAt(), "tak* took come came comes coming effective officially formally complet* no prend*"),
        (CueKind.EntryIntoForce, EntryIntoForceAt(), "enter* entry came come comes coming went go entr* est bec*"),
        (CueKind.Revoke, RevokeAt(), "revok* revocation rescind* rescission revers* cancel* withdr*"),
        (CueKind.Report, ReportAt(), "said says say stated told tells reported reports announced confirmed according wrote writes added noted posted quoted cited citing déclaré indiqué selon"),
        (CueKind.Negation, NegationAt(), "not never no won wouldn don doesn didn isn aren wasn weren hasn haven hadn cannot can refus* declin* reject* ruled rules opted ne n"),
        (CueKind.Modal, ModalAt(), "could might would should must can if once whether unless were call* urg* consider* poised looking mull* weigh* pending requir* need* expected likely threat* possib* potential* demand* ask* seek* want* aim* hop* set close about impending proposed planned upcoming prospect pourrait* devrait"),
        (CueKind.Modal, LowerMayAt(), "may"),
        (CueKind.Background, BackgroundAt(), "already earlier previously all both have so"),
        (CueKind.Formal, FormalAt(), "formally officially officiellement formellement"),
        (CueKind.Future, FutureAt(), "will shall is are upcoming va vont"),
        (CueKind.Perfect, PerfectAt(), "has have had having ont avait"),
        (CueKind.Respectively, RespectivelyAt(), "respectively respectivement"),
        (CueKind.Parliament, ParliamentAt(), "parliament* lawmakers legislators legislature mps deputies senators senate lower upper chamber congress national state duma federation members parlement* parlementaire* députés deputes assemblée assemblee"),
        (CueKind.Ministry, MinistryAt(), "cabinet council ministers defence defense foreign deputy minister ministry ministries mod ministre ministère ministere"),
        (CueKind.Government, GovernmentAt(), "government* gouvernement administration"),
        (CueKind.HeadOfState, HeadAt(), "president prime premier chancellor king queen emir head junta* military leader président"),
    ];

    private static readonly LeadIndex<Rule> Leads = BuildLeads();

    private static LeadIndex<Rule> BuildLeads()
    {
        var index = new LeadIndex<Rule>();
        int id = 0;
        foreach (var (kind, anchored, leads) in Table)
        {
            // anchored at the start of a word: the pattern is tried only where one of its leads stands
            var rule = new Rule(kind, anchored, id++);
            foreach (var lead in leads.Split(' ', StringSplitOptions.RemoveEmptyEntries)) index.Add(lead, rule);
        }
        return index.Freeze();
    }

    /// <summary>Every cue in the text, sorted by position, with token indices.</summary>
    public static List<Cue> Find(Mentions.TokenizedText tokens)
    {
        string text = tokens.Text;
        var cues = new List<Cue>(128);
        var rules = new List<Rule>(8);
        // a pattern that matched covers its words: the next try of the same pattern starts after them
        Span<int> coveredUntil = stackalloc int[Table.Length];
        for (int i = 0; i < tokens.Count; i++)
        {
            rules.Clear();
            Leads.Collect(tokens.LowerSpan(i), rules);
            foreach (var rule in rules)
            {
                int tokenStart = tokens.Tokens[i].Start;
                if (tokenStart < coveredUntil[rule.Id]) continue;
                int start = -1, end = -1;
                foreach (var vm in rule.Anchored.EnumerateMatches(text.AsSpan(), tokenStart))
                {
                    start = vm.Index; end = vm.Index + vm.Length;
                    break;
                }
                if (start < 0) continue;
                coveredUntil[rule.Id] = end;
                if (rule.Kind == CueKind.StepAnaphor && !HasDeterminer(tokens, i)) continue;
                int first = tokens.FirstAtOrAfter(start);
                int last = tokens.FirstAtOrAfter(end);
                if (first >= last) continue;
                cues.Add(new Cue(rule.Kind, first, last, start, end, FormOf(rule.Kind, text.AsSpan(start, end - start))));
            }
        }
        cues.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : a.Kind.CompareTo(b.Kind));
        return cues;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> StepDeterminers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["the", "this", "that", "its", "their", "a", "similar", "such", "these"], StringComparer.Ordinal);

    // "the bill", "a similar move", "the respective decree": a determiner up to two words before the noun
    private static bool HasDeterminer(TokenizedText tokens, int noun)
    {
        for (int k = noun - 1; k >= Math.Max(0, noun - 3); k--)
        {
            foreach (char c in tokens.Gap(k)) if (c is not (' ' or '-' or '\u00A0')) return false;
            if (tokens.IsAny(k, StepDeterminers)) return true;
        }
        return false;
    }

    private static CueForm FormOf(CueKind kind, ReadOnlySpan<char> w)
    {
        if (kind is not (CueKind.Withdraw or CueKind.Ratify or CueKind.Accede or CueKind.Suspend or CueKind.Vote
            or CueKind.Recommend or CueKind.Announce or CueKind.Notify or CueKind.Sign or CueKind.Revoke)) return CueForm.Other;
        int space = w.IndexOf(' ');
        var head = space > 0 ? w[..space] : w;
        Span<char> buffer = stackalloc char[32];
        if (head.Length > buffer.Length) return CueForm.Other;
        var s = buffer[..head.ToLowerInvariant(buffer)];
        if (s is "exit" or "vote" or "votes") return CueForm.Base;
        if (s is "withdrawal" or "withdrawals" or "departure" or "instrument" or "denunciation" or "retrait" or "sortie" or "ratification"
            or "ratifications" or "accession" or "suspension" or "approval" or "adoption" or "recommendation"
            or "recommendations" or "proposal" or "announcement" or "declaration" or "intention" or "intentions"
            or "intent" or "notification" or "notifications" or "acceptance" or "revocation" or "reversal" or "cancellation" or "rescission")
            return CueForm.Noun;
        if (s.EndsWith("ing")) return CueForm.Gerund;
        if (s is "withdrew" or "left" or "quit" or "took" or "came") return CueForm.Past;
        if (s is "withdrawn") return CueForm.Participle;
        if (s.EndsWith("ed")) return CueForm.Past;
        if (s.EndsWith("s") && !s.EndsWith("ss")) return CueForm.Present;
        return CueForm.Base;
    }
}
