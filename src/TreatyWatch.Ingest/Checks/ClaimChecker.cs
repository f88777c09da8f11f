using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Rules;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Ingest.Events;

namespace TreatyWatch.Ingest.Checks;

/// <summary>What a <see cref="ClaimCheck"/> found wrong with a claim.</summary>
public enum ClaimCheckKind
{
    /// <summary>The text counts a withdrawal's notice period from a domestic step (a vote, a decision, a law), while the treaty counts from the depositary's receipt.</summary>
    EffectCountedFromVote,
    /// <summary>The text says a state has withdrawn, but on that day the record has it still bound (no instrument deposited, or its notice period not over), or it names an effective date before the earliest possible one.</summary>
    PrematureWithdrawal,
    /// <summary>A step towards withdrawal from a treaty the state is not party to on that day.</summary>
    NotParty,
    /// <summary>A reported effective date of withdrawal that differs from the date the treaty's rule gives for the instrument on record.</summary>
    EffectiveDateDiffers,
}

public static class ClaimCheckKinds
{
    /// <summary>The wire name: <c>effect_counted_from_vote</c>, <c>premature_withdrawal</c>, <c>not_party</c>, <c>effective_date_differs</c>.</summary>
    public static string Name(this ClaimCheckKind kind) => kind switch
    {
        ClaimCheckKind.EffectCountedFromVote => "effect_counted_from_vote",
        ClaimCheckKind.PrematureWithdrawal => "premature_withdrawal",
        ClaimCheckKind.NotParty => "not_party",
        ClaimCheckKind.EffectiveDateDiffers => "effective_date_differs",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>A claim of an article that the treaty's rules or the record contradict.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="State">ISO 3166-1 alpha-3 code of the state the claim is about.</param>
/// <param name="Treaty">The treaty id.</param>
/// <param name="Explanation">For a reader: the claim, the rule or the record, and the dates.</param>
/// <param name="Article">The article's name (<see cref="ArticleExtraction.File"/>).</param>
/// <param name="Evidence">The sentence making the claim, exactly <c>text[Start..End)</c>.</param>
public sealed record ClaimCheck(ClaimCheckKind Kind, string State, string Treaty, string Explanation, string Article, string Evidence, int Start, int End);

/// <summary>
/// Checks an article's claims against the treaties' final clauses and the record (docs/extraction.md, "Checks").
/// Pure: the catalog comes in, findings go out; no clock (the caller passes <c>today</c>), no files.
/// </summary>
/// <param name="catalog">Treaties, states and the actions on record.</param>
/// <param name="asKnownOn">Check against the record as known on this day (null: everything on record).</param>
public sealed partial class ClaimChecker(Catalog catalog, LocalDate? asKnownOn = null)
{
    private static readonly HashSet<EventAction> WithdrawalSteps =
    [
        EventAction.RecommendWithdrawal, EventAction.AnnounceIntentToWithdraw, EventAction.ParliamentVoteWithdraw,
        EventAction.LawSigned, EventAction.DepositWithdrawal, EventAction.WithdrawalEffective,
    ];

    private static readonly HashSet<EventAction> DomesticSteps =
    [
        EventAction.RecommendWithdrawal, EventAction.AnnounceIntentToWithdraw, EventAction.ParliamentVoteWithdraw, EventAction.LawSigned,
    ];

    private readonly Regex _domesticAnchor = DomesticAnchor(catalog);

    /// <summary>
    /// The findings for one article: <paramref name="text"/> is the text <paramref name="extraction"/> was read from.
    /// <paramref name="today"/> dates a claim that neither the text nor its publication date dates.
    /// Ordered by position in the text, then kind, state and treaty.
    /// </summary>
    public IReadOnlyList<ClaimCheck> Check(string text, ArticleExtraction extraction, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(extraction);
        var found = new List<ClaimCheck>();
        var sentences = SentenceSplitter.Split(text);
        var events = extraction.Events
            .Where(e => e.State.Length > 0 && catalog.States.ContainsKey(e.State) && catalog.Treaty(e.Treaty) is not null)
            .ToList();

        CheckCountedFromVote(text, extraction.File, sentences, events, found);
        foreach (var e in events.Where(e => WithdrawalSteps.Contains(e.Action)))
        {
            var first = e.Date?.FirstDay ?? extraction.Published ?? today;
            var last = e.Date?.LastDay ?? extraction.Published ?? today;
            if (CheckNotParty(e, first, last, extraction.File, found)) continue;
            if (e.Action != EventAction.WithdrawalEffective) continue;
            if (CheckCompleted(e, last, extraction, found)) continue;
            if (CheckEffectiveDate(e, extraction.File, found)) continue;
            CheckEarliest(e, extraction, found);
        }

        return found
            .DistinctBy(f => (f.Kind, f.State, f.Treaty, f.Start))
            .OrderBy(f => f.Start).ThenBy(f => f.Kind).ThenBy(f => f.State, StringComparer.Ordinal).ThenBy(f => f.Treaty, StringComparer.Ordinal)
            .ToList();
    }

    // (a) "takes effect six months after the parliament's vote".
    private void CheckCountedFromVote(string text, string article, List<Sentence> sentences, List<ExtractedEvent> events, List<ClaimCheck> found)
    {
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var sentence = text[s.Start..s.End];
            if (!EffectCue().IsMatch(sentence)) continue;
            foreach (Match m in PeriodAfter().Matches(sentence))
            {
                var anchor = FirstWords(m.Groups["anchor"].Value, 10);
                if (!_domesticAnchor.IsMatch(anchor) || DepositaryAnchor().IsMatch(anchor)) continue;

                // The withdrawal this sentence speaks of: the steps read from it or its neighbours, the nearest first.
                // A rule of thumb about the effect follows the step it explains: look up to four sentences back and two
                // ahead; on equal distance the step before wins.
                var near = events
                    .Where(e => WithdrawalSteps.Contains(e.Action))
                    .Select(e => (Event: e, Offset: SentenceOf(sentences, e.Start) - si))
                    .Where(x => x.Offset is >= -4 and <= 2)
                    .Select(x => (x.Event, Rank: Math.Abs(x.Offset) * 2 + (x.Offset > 0 ? 1 : 0)))
                    .ToList();
                if (near.Count == 0) continue;
                int nearest = near.Min(x => x.Rank);
                foreach (var (e, _) in near.Where(x => x.Rank == nearest).DistinctBy(x => (x.Event.State, x.Event.Treaty)))
                {
                    var treaty = catalog.Treaty(e.Treaty)!;
                    var rule = treaty.WithdrawalRuleFor(e.State);
                    if (rule.NotProvided) continue;
                    var claim = $"{m.Groups["n"].Value} {m.Groups["unit"].Value} after {anchor}";
                    found.Add(new ClaimCheck(ClaimCheckKind.EffectCountedFromVote, e.State, e.Treaty,
                        $"the text counts the withdrawal's notice period from a domestic step (\"{claim}\"), but {Cite(treaty, rule)} counts it from the depositary's receipt of the instrument of withdrawal, not from a vote, a decision or a law",
                        article, sentence, s.Start, s.End));
                }
            }
        }
    }

    // (c) a step towards leaving a treaty the state is not party to.
    private bool CheckNotParty(ExtractedEvent e, LocalDate first, LocalDate last, string article, List<ClaimCheck> found)
    {
        // Not party on any day the date can mean: a month-precision vote in the month a withdrawal took effect is not flagged.
        // An undated step dated by its article (or today) may come from before a withdrawal took effect: only a state that
        // was never party is flagged then.
        var book = catalog.Book(e.Treaty, asKnownOn);
        var answer = book.StatusOf(e.State, last);
        if (answer.Status is not (TreatyStatus.None or TreatyStatus.Signatory or TreatyStatus.Withdrawn)) return false;
        if (e.Date is null && answer.Status == TreatyStatus.Withdrawn) return false;
        if (book.StatusOf(e.State, first).Status is not (TreatyStatus.None or TreatyStatus.Signatory or TreatyStatus.Withdrawn)) return false;
        if (e.Action == EventAction.WithdrawalEffective && answer.Status == TreatyStatus.Withdrawn) return false;
        var name = catalog.States[e.State].Name;
        var when = e.Date?.ToString() ?? IsoDate.Format(last);
        found.Add(new ClaimCheck(ClaimCheckKind.NotParty, e.State, e.Treaty,
            $"{name} is not party to {e.Treaty} on {when} (status: {TreatyStatuses.Name(answer.Status)}); a withdrawal cannot be made",
            article, e.Evidence, e.Start, e.End));
        return true;
    }

    // (d) a stated effective date against the one the rule computes from the instrument on record.
    private bool CheckEffectiveDate(ExtractedEvent e, string article, List<ClaimCheck> found)
    {
        if (e.Date is not { } claimed) return false;
        var deposits = Deposits(e.State, e.Treaty);
        if (deposits.Count == 0) return false;
        var treaty = catalog.Treaty(e.Treaty)!;
        var (deposit, effective) = deposits
            .Select(d => (Deposit: d, Effective: EffectiveOf(treaty, d)))
            .OrderBy(x => Math.Abs(Period.Between(x.Effective, claimed.FirstDay, PeriodUnits.Days).Days))
            .First();
        if (claimed.AgreesWith(PartialDate.OfDay(effective))) return true;
        var name = catalog.States[e.State].Name;
        var rule = treaty.WithdrawalRuleFor(e.State);
        found.Add(new ClaimCheck(ClaimCheckKind.EffectiveDateDiffers, e.State, e.Treaty,
            $"the text gives {claimed} as the date {name}'s withdrawal from {e.Treaty} takes effect, but the instrument of withdrawal on record was received on " +
            $"{deposit.Date} and {Cite(treaty, rule)} makes it take effect on {IsoDate.Format(effective)}",
            article, e.Evidence, e.Start, e.End));
        return true;
    }

    // (b) "has withdrawn" while the state is still bound on that day.
    private bool CheckCompleted(ExtractedEvent e, LocalDate on, ArticleExtraction extraction, List<ClaimCheck> found)
    {
        if (!CompletedWithdrawal().IsMatch(e.Evidence)) return false;
        var answer = catalog.Book(e.Treaty, asKnownOn).StatusOf(e.State, on);
        if (!TreatyStatuses.IsBound(answer.Status)) return false;
        var treaty = catalog.Treaty(e.Treaty)!;
        var rule = treaty.WithdrawalRuleFor(e.State);
        var name = catalog.States[e.State].Name;
        var deposits = Deposits(e.State, e.Treaty).Where(d => d.Date.FirstDay <= on).ToList();
        var when = e.Date?.ToString() ?? IsoDate.Format(on);
        string record = deposits.Count == 0
            ? $"on {when} the record has no instrument of withdrawal deposited (status: {TreatyStatuses.Name(answer.Status)}){StepsReported(extraction, e)}" +
              (rule.NotProvided ? "" : $"; under {Cite(treaty, rule)} a withdrawal takes effect {rule.Expression!.Describe("the depositary's receipt of the instrument")}")
            : $"on {when} it is still bound (status: {TreatyStatuses.Name(answer.Status)}): the instrument received on {deposits[^1].Date} takes effect on " +
              $"{(answer.WithdrawalEffective is { } eff ? IsoDate.Format(eff) : "a date not yet known")} under {Cite(treaty, rule)}";
        found.Add(new ClaimCheck(ClaimCheckKind.PrematureWithdrawal, e.State, e.Treaty,
            $"the text says {name} has withdrawn from {e.Treaty}, but {record}",
            extraction.File, e.Evidence, e.Start, e.End));
        return true;
    }

    // (b) an effect dated before the earliest possible date: with no instrument on record, the earliest is the rule
    // applied to a deposit on the day of publication.
    private void CheckEarliest(ExtractedEvent e, ArticleExtraction extraction, List<ClaimCheck> found)
    {
        if (e.Date is not { } claimed || extraction.Published is not { } published) return;
        var treaty = catalog.Treaty(e.Treaty)!;
        var rule = treaty.WithdrawalRuleFor(e.State);
        if (rule.NotProvided || Deposits(e.State, e.Treaty).Count > 0) return;
        var earliest = rule.Expression!.Apply(published);
        if (claimed.LastDay >= earliest) return;
        var name = catalog.States[e.State].Name;
        found.Add(new ClaimCheck(ClaimCheckKind.PrematureWithdrawal, e.State, e.Treaty,
            $"the text gives {claimed} as the date {name}'s withdrawal from {e.Treaty} takes effect, but the record has no instrument of withdrawal" +
            $"{StepsReported(extraction, e)}; under {Cite(treaty, rule)} it cannot take effect before {IsoDate.Format(earliest)} even if deposited on the day of publication ({IsoDate.Format(published)})",
            extraction.File, e.Evidence, e.Start, e.End));
    }

    /// <summary>"; the steps reported are parliament_vote_withdraw (2025-04-16)" from the article, or "".</summary>
    private static string StepsReported(ArticleExtraction extraction, ExtractedEvent e)
    {
        var steps = extraction.Events
            .Where(x => x.State == e.State && x.Treaty == e.Treaty && DomesticSteps.Contains(x.Action))
            .Select(x => x.Date is { } d ? $"{x.Action.Name()} ({d})" : x.Action.Name())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return steps.Count == 0 ? "" : $"; the steps the article reports are {string.Join(", ", steps)}";
    }

    /// <summary>Instruments of withdrawal on record (as known on the checker's day, corrections applied), oldest first.</summary>
    private List<TreatyAction> Deposits(string state, string treaty)
    {
        var visible = catalog.ActionsOf(treaty).Where(a => asKnownOn is not { } k || a.Known <= k).ToList();
        var superseded = visible.Where(a => a.Supersedes is not null).Select(a => a.Supersedes!).ToHashSet(StringComparer.Ordinal);
        return visible
            .Where(a => a.State == state && a.Kind == ActionKind.DepositWithdrawal && !superseded.Contains(a.Id))
            .OrderBy(a => a.Date)
            .ToList();
    }

    /// <summary>The effective date the status book gives for a deposit (the rule's date, a later date named, or held back by conflict: the rule's date).</summary>
    private LocalDate EffectiveOf(TreatyDefinition treaty, TreatyAction deposit)
    {
        var day = deposit.Date.FirstDay;
        var answer = catalog.Book(treaty.Id, asKnownOn).StatusOf(deposit.State, day);
        var rule = treaty.WithdrawalRuleFor(deposit.State);
        return answer.WithdrawalEffective ?? deposit.Effective ?? rule.Expression?.Apply(day) ?? day;
    }

    private static string Cite(TreatyDefinition treaty, WithdrawalRule rule) =>
        $"the {treaty.ShortName} ({treaty.Id}) {rule.Origin.Article} (\"{rule.Origin.Text}\")".Replace(" ()", "", StringComparison.Ordinal);

    private static int SentenceOf(List<Sentence> sentences, int offset)
    {
        for (int i = 0; i < sentences.Count; i++)
            if (offset >= sentences[i].Start && offset < sentences[i].End) return i;
        return -100;
    }

    private static string FirstWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words.Take(count)).Trim();
    }

    /// <summary>Words that make an anchor a domestic step: general words, and every state's parliament names.</summary>
    private static Regex DomesticAnchor(Catalog catalog)
    {
        var names = catalog.States.Values.SelectMany(s => s.Parliaments)
            .Where(p => p.Length > 2)
            .Select(Regex.Escape)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length);
        var general = @"parliament\p{L}*|parliamentary|legislat\p{L}*|lawmakers|deputies|MPs|senate|vote[sd]?|voting|decision|decided|law|bill|act|adoption|adopted|approval|approved|passage|passed|decree|signing|signed|promulgat\p{L}*|enact\p{L}*";
        return new Regex($@"\b(?:{general}|{string.Join('|', names)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\b(?:tak(?:e|es|ing)\s+effect|took\s+effect|c(?:o|a)m(?:e|es|ing)\s+into\s+(?:force|effect)|enter(?:s|ed|ing)?\s+into\s+force|becom(?:e|es|ing)\s+effective|effective|in\s+effect)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffectCue();

    [GeneratedRegex(@"\b(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)[\s-]+(?<unit>days?|weeks?|months?|years?)\s+(?:after|from|following|since)\s+(?<anchor>[^.;:!?,]{1,120})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodAfter();

    [GeneratedRegex(@"\b(?:deposit\p{L}*|receipt|receiv\p{L}*|notif\p{L}*|notice|instrument|depositary|secretary[- ]general|united\s+nations|UN|submission|submit\p{L}*|lodg\p{L}*|formal(?:ly)?\s+inform\p{L}*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DepositaryAnchor();

    [GeneratedRegex(@"(?<!\b(?:will|would|shall|to|may|might|could|can|cannot|must|should|not)\s+(?:\p{L}+\s+)?)\b(?:(?:has|have|had)\s+(?:now\s+|officially\s+|formally\s+|effectively\s+|already\s+)?(?:withdrawn|left|quit|exited|pulled\s+out|abandoned|denounced)|withdrew|quit|exited|pulled\s+out|left\s+the|is\s+no\s+longer\s+(?:a\s+)?(?:party|bound|member)|(?:ended|terminated)\s+(?:its|their)\s+participation|ceased\s+to\s+be\s+(?:a\s+)?(?:state\s+)?party|(?:withdrawal|exit|departure)\s+(?:has\s+)?(?:took|taken)\s+effect|took\s+effect)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompletedWithdrawal();
}
