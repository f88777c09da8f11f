using NodaTime;
using TreatyWatch.Engine.Actions;

namespace TreatyWatch.Ledger;

/// <summary>Where a record stands in review. Only <see cref="Official"/> and <see cref="Confirmed"/> records drive the legal status.</summary>
public enum ReviewState
{
    /// <summary>Rests on a depositary record or an official statement.</summary>
    Official,
    /// <summary>A person checked it (or the bundled data, which is curated, says so).</summary>
    Confirmed,
    /// <summary>Extracted or entered from a report and not yet reviewed: shown as news, never as law.</summary>
    Reported,
    /// <summary>Reviewed and found wrong: it closes the report it supersedes, or retracts the record it supersedes.</summary>
    Rejected,
}

/// <summary>One row of the ledger's actions: the act, its review state and who recorded it when.</summary>
/// <param name="Action">The act. <see cref="TreatyAction.Supersedes"/> is the record this one directly corrects, if any.</param>
/// <param name="RecordedAt">Transaction time: when the ledger stored the row (not when the act was known: that is <see cref="TreatyAction.Known"/>).</param>
/// <param name="SupersededBy">The record that corrects this one, whatever its state and date; null while it stands.</param>
public sealed record LedgerAction(TreatyAction Action, ReviewState ReviewState, Instant RecordedAt, string RecordedBy, string? SupersededBy);

/// <summary>A correction: <paramref name="NewId"/> replaces <paramref name="OldId"/>.</summary>
public sealed record Supersession(string OldId, string NewId, string Why, Instant RecordedAt, string RecordedBy);

/// <summary>
/// What an import added: <paramref name="Added"/> new records, <paramref name="AlreadyOnRecord"/> skipped as already
/// there; of those, <paramref name="SourcesAdded"/> acts were on record from another source and gained this file's
/// source (a UN table) instead of being recorded twice.
/// </summary>
public sealed record ImportOutcome(int Added, int AlreadyOnRecord, int SourcesAdded = 0);

/// <summary>A reviewer's decision on a reported record.</summary>
public enum ReviewDecision
{
    /// <summary>It happened as reported: a confirmed copy supersedes the report.</summary>
    Confirm,
    /// <summary>It did not happen: a rejected copy closes the report.</summary>
    Reject,
    /// <summary>It happened on another date: a confirmed copy with that date supersedes the report.</summary>
    Edit,
    /// <summary>It duplicates another record: a rejected copy names that record.</summary>
    Merge,
}

/// <summary>A review decision on record: the report it decided, the decision, and the record the decision appended.</summary>
/// <param name="Report">The reported record as it was when decided.</param>
/// <param name="ActionId">The record the decision appended (a confirmed or rejected copy that supersedes the report).</param>
/// <param name="MergedInto">For a merge: the record the report duplicates.</param>
public sealed record ReviewRecord(LedgerAction Report, ReviewDecision Decision, string Reason, string ReviewedBy, Instant ReviewedAt, string ActionId, string? MergedInto);
