using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"(?<![\p{L}])(?:withdr[ae]w\p{L}*|pull(?:s|ed|ing)?\s+out|leav(?:e|es|ing)|left|exit(?:s|ed|ing)?|quit(?:s|ting)?|abandon(?:s|ed|ing)?|denounc\p{L}*|denunciation|departure|drop(?:s|ped|ping)?|ditch(?:es|ed|ing)?|de-?ratif\p{L}*|(?:end(?:s|ed)?|ending|terminat\p{L}+)\s+(?:its|their|the\s+country['’]s|\p{L}+['’]s)\s+participation|cease[sd]?\s+to\s+be\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)|no\s+longer\s+be\s+(?:bound|a\s+party)|(?:revok|rescind|cancel)\p{L}*\s+(?:\p{L}+['’]s\s+|its\s+|the\s+|their\s+)?ratification|withdrawal\s+of\s+(?:its\s+)?ratification|annul(?:s|led|ling|ment)?|se\s+retir\p{L}*|retir\p{L}+|retrait|sortie|dénonc\p{L}*)(?![\p{L}])", Opts)]
    private static partial Regex WithdrawRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:ratif(?:y|ies|ied|ying|ication|ications)|joined|join(?:s|ing)?|by\s+acceptance|accepted\s+(?=the\s+(?:treaty|convention|agreement|protocol|statute|amendment))|consent\s+to\s+be\s+bound|bec(?:ame|ome|omes|oming)\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)\s+to|adhered|ratifi[ée]\p{L}*|adhér\p{L}+)(?![\p{L}])", Opts)]
    private static partial Regex RatifyRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:acced(?:e|ed|es|ing)|accession)(?![\p{L}])", Opts)]
    private static partial Regex AccedeRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:suspen(?:d|ds|ded|ding|sion)|suspendu\p{L}*|suspendre)(?![\p{L}])", Opts)]
    private static partial Regex SuspendRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:the|this|that|its|their|a|similar|such|these)\s+(?:\p{L}+\s+){0,2}?(?<w>bill|motion|move|moves|decision|step|steps|law|measure|proposal|document|resolution|plan|plans|initiative|declaration)(?![\p{L}])", Opts)]
    private static partial Regex StepAnaphorRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:vot(?:e|ed|es|ing)|approv(?:e|ed|es|al|ing)|pass(?:ed|es)|adopt(?:ed|s|ion)|back(?:ed|s)|support(?:ed|s)|endors(?:e|ed|es)|(?:first|second|third|final)\s+reading|green\s+light|a\s+voté|ont\s+voté|a\s+adopté|a\s+approuvé)(?![\p{L}])", Opts)]
    private static partial Regex VoteRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:recommend(?:s|ed|ing|ation|ations)?|propos(?:e|ed|es|al|ing)|draft\s+(?:resolution|law|bill))(?![\p{L}])", Opts)]
    private static partial Regex RecommendRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:announc(?:e|ed|es|ing|ement)|declar(?:e|ed|es|ation)|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|intentions?|intent\s+to|signal(?:l)?ed|expressed|decided\s+to|a\s+annonc[ée])(?![\p{L}])", Opts)]
    private static partial Regex AnnounceRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:signed\s+into\s+law|announc(?:ed|es|e)\s+(?:a|the)\s+law|sign(?:s|ed|ing)?\s+(?:(?:a|an|the|this|that|his|her)\s+)?(?:\p{L}+\s+){0,2}?(?:decree|law|bill|order|legislation|document)|(?:issued|issues|signed)\s+(?:a\s+)?(?:\p{L}+\s+)?decree|decree|promulgat\p{L}*|executive\s+order|enacted|put\s+into\s+effect|mis\s+en\s+œuvre|d[ée]cret)(?![\p{L}])", Opts)]
    private static partial Regex LawRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:notif(?:y|ied|ies|ication|ications)|submitted|submits?|deposit(?:ed|s)?|handed\s+(?:over|in)|delivered|informed|sent\s+(?:(?:a|an|the|its|their)\s+)?(?:letter|note|notification|instrument)|lodged|instrument\s+of\s+withdrawal|withdrawal\s+notices?)(?![\p{L}])", Opts)]
    private static partial Regex NotifyRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:sign(?:s|ed)?)(?![\p{L}])", Opts)]
    private static partial Regex SignRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:tak(?:e|es|ing)|took|taken)\s+(?:full\s+|legal\s+)?effect|(?:come|came|comes|coming)\s+into\s+effect|effective\s+(?:on|from|as\s+of)|(?:officially|formally)\s+completed?|completed?\s+(?:the\s+)?(?:procedure|process)|no\s+longer\s+be\s+bound|prend(?:ra)?\s+effet)(?![\p{L}])", Opts)]
    private static partial Regex TakeEffectRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:enter(?:s|ed|ing)?|entry|came|come|comes|coming|went|go)\s+into\s+force|entr(?:ée|é|ee|era|ent)\s+en\s+vigueur|est\s+entr[ée]e?\s+en\s+vigueur|bec(?:ame|ome|omes|oming)\s+(?:a\s+)?participating\s+state|bec(?:ame|ome|omes|oming)\s+effective)(?![\p{L}])", Opts)]
    private static partial Regex EntryIntoForceRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:revok(?:e|ed|es|ing)|revocation|rescind(?:s|ed|ing)?|rescission|revers(?:e|ed|es|al)|cancel(?:l?ed|s|lation)?|withdr[ae]w\p{L}*\s+(?:its|the|their)\s+(?:notification|notice|instrument\s+of\s+withdrawal))(?![\p{L}])", Opts)]
    private static partial Regex RevokeRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:said|says|say|stated|told|tells|reported|reports|announced|confirmed|according\s+to|wrote|writes|added|noted|posted|quoted|cited|citing|a\s+d[ée]clar[ée]|a\s+indiqu[ée]|selon)(?![\p{L}])", Opts)]
    private static partial Regex ReportRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:not|never|no\s+longer(?!\s+be\s+(?:bound|a\s+party))|won[’']t|wouldn[’']t|don[’']t|doesn[’']t|didn[’']t|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|hasn[’']t|haven[’']t|hadn[’']t|cannot|can[’']t|refus(?:e|ed|es|ing)|declin(?:e|ed|es)\s+to|reject(?:s|ed|ing)?|ruled\s+out|rules\s+out|opted\s+not|ne\s+\p{L}+\s+pas|n[’']\p{L}+\s+pas)(?![\p{L}])", Opts)]
    private static partial Regex NegationRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:could|might|would|should|must|can|if|once|whether|unless|were\s+to|call(?:s|ed|ing)?\s+(?:for|on|to)|urg(?:e|ed|es|ing)|consider(?:s|ed|ing)?|poised\s+to|looking\s+to|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|pending|requir(?:e|es|ed|ing)|need(?:s|ed)?\s+to|expected\s+to|likely\s+to|threat(?:en|ens|ened)\s+to|possib(?:le|ility|ly)|potential(?:ly)?|demand(?:s|ed|ing)?|ask(?:s|ed)?|seek(?:s|ing)?\s+to|want(?:s|ed)?\s+to|aim(?:s|ed)?\s+to|hop(?:e|es|ed)\s+to|set\s+to|close\s+to|about\s+to|impending|proposed|planned|upcoming|prospect|pourrait|pourraient|devrait)(?![\p{L}])", Opts)]
    private static partial Regex ModalRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:may)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex LowerMayRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:already|earlier|previously|all\s+(?:\p{L}+\s+){0,3}?(?:countries|states|nations|members)|both\s+(?:countries|states|nations)|have\s+(?:all\s+)?said\s+they|so\s+far)(?![\p{L}])", Opts)]
    private static partial Regex BackgroundRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:formally|officially|officiellement|formellement)(?![\p{L}])", Opts)]
    private static partial Regex FormalRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:will|shall|(?:is|are)\s+(?:to|set\s+to|due\s+to|going\s+to)|upcoming|va|vont)(?![\p{L}])", Opts)]
    private static partial Regex FutureRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:has|have|had|having|ont|avait)(?![\p{L}])", Opts)]
    private static partial Regex PerfectRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:respectively|respectivement)(?![\p{L}])", Opts)]
    private static partial Regex RespectivelyRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:parliament(?:s|ary)?|lawmakers|legislators|legislature|mps|deputies|senators|senate|lower\s+house|upper\s+house|chamber|congress|national\s+assembly|state\s+duma|duma|federation\s+council|members\s+of\s+parliament|parlement|parlementaires?|d[ée]put[ée]s|assembl[ée]e\s+nationale)(?![\p{L}])", Opts)]
    private static partial Regex ParliamentRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:cabinet|council\s+of\s+ministers|ministers|(?:defen[cs]e|foreign|deputy)\s+minister|minister\s+of\s+(?:defen[cs]e|foreign\s+affairs)|ministry|ministries|mod|ministre|minist[èe]re)(?![\p{L}])", Opts)]
    private static partial Regex MinistryRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:government|governments|gouvernement|administration)(?![\p{L}])", Opts)]
    private static partial Regex GovernmentRx();

    [GeneratedRegex(@"(?<![\p{L}])(?:president|prime\s+minister|premier|chancellor|king|queen|emir|head\s+of\s+state|juntas?|military\s+leaders|leader|pr[ée]sident|premier\s+ministre)(?![\p{L}])", Opts)]
    private static partial Regex HeadRx();

    private static readonly (CueKind Kind, Func<Regex> Rx)[] All =
    [
        (CueKind.Withdraw, WithdrawRx), (CueKind.Ratify, RatifyRx), (CueKind.Accede, AccedeRx),
        (CueKind.Suspend, SuspendRx), (CueKind.StepAnaphor, StepAnaphorRx), (CueKind.Vote, VoteRx),
        (CueKind.Recommend, RecommendRx), (CueKind.Announce, AnnounceRx), (CueKind.LawSigned, LawRx),
        (CueKind.Notify, NotifyRx), (CueKind.Sign, SignRx), (CueKind.TakeEffect, TakeEffectRx),
        (CueKind.EntryIntoForce, EntryIntoForceRx), (CueKind.Revoke, RevokeRx), (CueKind.Report, ReportRx),
        (CueKind.Negation, NegationRx), (CueKind.Modal, ModalRx), (CueKind.Modal, LowerMayRx),
        (CueKind.Background, BackgroundRx), (CueKind.Formal, FormalRx), (CueKind.Future, FutureRx),
        (CueKind.Perfect, PerfectRx), (CueKind.Respectively, RespectivelyRx), (CueKind.Parliament, ParliamentRx),
        (CueKind.Ministry, MinistryRx), (CueKind.Government, GovernmentRx), (CueKind.HeadOfState, HeadRx),
    ];

    /// <summary>Every cue in the text, sorted by position, with token indices.</summary>
    public static List<Cue> Find(Mentions.TokenizedText tokens)
    {
        string text = tokens.Text;
        var cues = new List<Cue>(128);
        foreach (var (kind, rx) in All)
        {
            foreach (var m in rx().EnumerateMatches(text))
            {
                int start = m.Index, end = m.Index + m.Length;
                if (kind == CueKind.StepAnaphor)
                {
                    // only the noun itself: "the bill", not "the"
                    var mm = rx().Match(text, start, m.Length);
                    var w = mm.Groups["w"];
                    start = w.Index; end = w.Index + w.Length;
                }
                int first = tokens.FirstAtOrAfter(start);
                int last = tokens.FirstAtOrAfter(end);
                if (first >= last) continue;
                cues.Add(new Cue(kind, first, last, start, end, FormOf(kind, text.AsSpan(start, end - start))));
            }
        }
        cues.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : a.Kind.CompareTo(b.Kind));
        return cues;
    }

    private static CueForm FormOf(CueKind kind, ReadOnlySpan<char> w)
    {
        if (kind is not (CueKind.Withdraw or CueKind.Ratify or CueKind.Accede or CueKind.Suspend or CueKind.Vote
            or CueKind.Recommend or CueKind.Announce or CueKind.Notify or CueKind.Sign or CueKind.Revoke)) return CueForm.Other;
        int space = w.IndexOf(' ');
        var head = space > 0 ? w[..space] : w;
        string s = head.ToString().ToLowerInvariant();
        if (s is "withdrawal" or "withdrawals" or "departure" or "instrument" or "denunciation" or "retrait" or "sortie" or "ratification"
            or "ratifications" or "accession" or "suspension" or "approval" or "adoption" or "recommendation"
            or "recommendations" or "proposal" or "announcement" or "declaration" or "intention" or "intentions"
            or "intent" or "notification" or "notifications" or "acceptance" or "revocation" or "reversal" or "exit"
            or "vote" or "votes" or "cancellation")
            return s is "exit" or "vote" or "votes" ? CueForm.Base : CueForm.Noun;
        if (s.EndsWith("ing", StringComparison.Ordinal)) return CueForm.Gerund;
        if (s is "withdrew" or "left" or "quit" or "took" or "came") return CueForm.Past;
        if (s is "withdrawn") return CueForm.Participle;
        if (s.EndsWith("ed", StringComparison.Ordinal)) return CueForm.Past;
        if (s.EndsWith('s') && !s.EndsWith("ss", StringComparison.Ordinal)) return CueForm.Present;
        return CueForm.Base;
    }
}
