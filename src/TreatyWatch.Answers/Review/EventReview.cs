using NodaTime;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Answers;

/// <summary>One decision appended: the report decided, how, the record appended, and the record merged into (if any).</summary>
public sealed record ReviewStep(string ReportId, ReviewDecision Decision, LedgerAction Result, string? Into);

/// <summary>What deciding a report did, and the other reports of its event still waiting (when they were not decided with it).</summary>
public sealed record EventReviewOutcome(IReadOnlyList<ReviewStep> Steps, IReadOnlyList<string> StillWaiting);

/// <summary>
/// Decides a report waiting for review and, when asked (<c>sameEvent</c>), the other outlets' waiting reports of the
/// same event (<see cref="ReviewClusters"/>), one decision each: after a confirm or edit they are merged into the new
/// record, which cites their sources after the report's own; after a reject they are rejected; after a merge they are
/// merged into the same record. A disputed event (its reports disagree) is refused with <c>sameEvent</c>: its reports
/// are decided one by one. Shared by <c>treatywatch review</c> and the web app's review queue.
/// </summary>
public static class EventReview
{
    /// <exception cref="UserInputException">With <paramref name="sameEvent"/>, the event's reports disagree.</exception>
    /// <exception cref="LedgerException">As <see cref="LedgerStore.Review"/>.</exception>
    public static EventReviewOutcome Decide(LedgerStore ledger, string reportId, ReviewDecision decision, string reason, string who, LocalDate today,
        PartialDate? date, string? into, bool sameEvent)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var waiting = ledger.ReportedActions();
        var clusters = new ReviewClusters(waiting);
        var siblings = waiting.Any(r => r.Action.Id == reportId) ? clusters.Others(reportId).Where(o => o != reportId).ToList() : [];
        var together = sameEvent && siblings.Count > 0;
        if (together && clusters.Of(reportId) is { Conflicts.Count: > 0 } disputed)
            throw new UserInputException($"the reports of this event disagree ({string.Join("; ", disputed.Conflicts.Select(k => k.Explanation))}): decide them one by one");

        var alsoCites = together && decision is ReviewDecision.Confirm or ReviewDecision.Edit
            ? waiting.Where(r => siblings.Contains(r.Action.Id)).SelectMany(r => r.Action.Sources).ToList()
            : null;
        var result = ledger.Review(reportId, decision, reason, who, today, date, into, alsoCites);
        var steps = new List<ReviewStep> { new(reportId, decision, result, into) };
        if (!together) return new EventReviewOutcome(steps, siblings);

        var (then, target) = decision switch
        {
            ReviewDecision.Reject => (ReviewDecision.Reject, (string?)null),
            ReviewDecision.Merge => (ReviewDecision.Merge, into),
            _ => (ReviewDecision.Merge, result.Action.Id),
        };
        foreach (var other in siblings)
            steps.Add(new ReviewStep(other, then, ledger.Review(other, then, $"same event as {reportId}: {reason}", who, today, null, target), target));
        return new EventReviewOutcome(steps, []);
    }
}
