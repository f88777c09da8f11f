using NodaTime;
using TreatyWatch.Engine.Actions;

namespace TreatyWatch.Engine.Status;

/// <summary>The legal position of a state under a treaty on a day.</summary>
public enum TreatyStatus
{
    /// <summary>No signature or consent in force.</summary>
    None,
    /// <summary>Signed, not (yet) consented.</summary>
    Signatory,
    /// <summary>Consent given; the treaty is not yet in force for the state.</summary>
    Contracting,
    /// <summary>Bound.</summary>
    Party,
    /// <summary>Bound; an instrument of withdrawal has been received and its effective date is known.</summary>
    WithdrawalPending,
    /// <summary>Bound; the notice period has ended but an armed-conflict clause holds the withdrawal back.</summary>
    WithdrawalSuspended,
    /// <summary>A former party whose withdrawal has taken effect (it may rejoin).</summary>
    Withdrawn,
    /// <summary>The record has nothing for the state and the treaty's participant list is incomplete.</summary>
    Unknown,
}

/// <summary>Names of statuses as used in files and JSON.</summary>
public static class TreatyStatuses
{
    /// <summary>snake_case word: none, signatory, contracting, party, withdrawal_pending, withdrawal_suspended, withdrawn, unknown.</summary>
    public static string Name(TreatyStatus s) => s switch
    {
        TreatyStatus.None => "none",
        TreatyStatus.Signatory => "signatory",
        TreatyStatus.Contracting => "contracting",
        TreatyStatus.Party => "party",
        TreatyStatus.WithdrawalPending => "withdrawal_pending",
        TreatyStatus.WithdrawalSuspended => "withdrawal_suspended",
        TreatyStatus.Withdrawn => "withdrawn",
        _ => "unknown",
    };

    /// <summary>Human words.</summary>
    public static string Describe(TreatyStatus s) => s switch
    {
        TreatyStatus.None => "not a party",
        TreatyStatus.Signatory => "signatory",
        TreatyStatus.Contracting => "consented, not yet in force for it",
        TreatyStatus.Party => "party",
        TreatyStatus.WithdrawalPending => "party, withdrawal pending",
        TreatyStatus.WithdrawalSuspended => "party, withdrawal held back by armed conflict",
        TreatyStatus.Withdrawn => "withdrawn",
        _ => "unknown (participant list incomplete)",
    };

    /// <summary>True when the state is bound on that day.</summary>
    public static bool IsBound(TreatyStatus s) => s is TreatyStatus.Party or TreatyStatus.WithdrawalPending or TreatyStatus.WithdrawalSuspended;
}

/// <summary>What kind of link in the chain a reason is.</summary>
public enum ReasonKind
{
    /// <summary>An action on record, with its sources.</summary>
    Action,
    /// <summary>A rule of the treaty applied.</summary>
    Rule,
    /// <summary>An act the treaty does not provide for, and its legal weight.</summary>
    NotProvidedFor,
    /// <summary>A computed date checked against a date a source states.</summary>
    Check,
    /// <summary>Anything else the reader should know (coverage of the record).</summary>
    Note,
}

/// <summary>One link in the chain that produced a status: a rule applied, an action and its source.</summary>
public sealed record Reason(ReasonKind Kind, string Text, string? Article = null, TreatyAction? Action = null)
{
    /// <summary>Source keys of the action, if any.</summary>
    public IEnumerable<Source> Sources => Action?.Sources ?? [];
}

/// <summary>A stretch of days with one status. <see cref="Until"/> is exclusive; null = open-ended.</summary>
public sealed record StatusSegment(
    LocalDate From,
    LocalDate? Until,
    TreatyStatus Status,
    LocalDate? InForceSince,
    LocalDate? WithdrawalEffective,
    IReadOnlyList<Reason> Reasons);

/// <summary>The answer to "is this state bound by this treaty on this day, since when, why".</summary>
public sealed record StatusAnswer(
    string State,
    string Treaty,
    LocalDate On,
    LocalDate? AsKnownOn,
    TreatyStatus Status,
    LocalDate? InForceSince,
    LocalDate? WithdrawalEffective,
    TreatyAction? LatestDomesticStep,
    IReadOnlyList<Reason> Reasons,
    StatusSegment Segment,
    bool ParticipantsComplete);
