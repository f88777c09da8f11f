using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Events;

namespace TreatyWatch.Answers;

/// <summary>
/// How news maps onto the record: the engine's kind for each step the extractor finds, and the outlet of a URL; used by
/// <c>treatywatch ingest</c> to store reports and by the review queue to show them.
/// </summary>
public static class NewsKinds
{
    /// <summary>The engine's kind for an extracted step: domestic steps stay domestic kinds; claims of effect are "stated_" kinds.</summary>
    public static ActionKind KindOf(EventAction action) => action switch
    {
        EventAction.RecommendWithdrawal => ActionKind.RecommendWithdrawal,
        EventAction.AnnounceIntentToWithdraw => ActionKind.AnnounceIntentToWithdraw,
        EventAction.ParliamentVoteWithdraw => ActionKind.ParliamentVoteWithdraw,
        EventAction.ParliamentVoteRatify => ActionKind.ParliamentVoteRatify,
        EventAction.LawSigned => ActionKind.LawSigned,
        EventAction.DepositWithdrawal => ActionKind.DepositWithdrawal,
        EventAction.WithdrawalEffective => ActionKind.StatedWithdrawalEffective,
        EventAction.Sign => ActionKind.Sign,
        EventAction.Ratify => ActionKind.Ratify,
        EventAction.Accede => ActionKind.Accede,
        EventAction.RevokeWithdrawal => ActionKind.RevokeWithdrawal,
        EventAction.Suspend => ActionKind.Suspend,
        EventAction.EntryIntoForce => ActionKind.StatedEntryIntoForce,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The outlet of a URL: its host without "www." ("https://www.example.org/a" is "example.org").</summary>
    public static string? OutletOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && !string.IsNullOrEmpty(u.Host)
            ? (u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host).ToLowerInvariant()
            : null;
}
