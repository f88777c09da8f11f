using System.Text.Json.Serialization;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ingest.Events;

/// <summary>The steps a news text can report (the action names of DESIGN.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventAction>))]
public enum EventAction
{
    [JsonStringEnumMemberName("recommend_withdrawal")] RecommendWithdrawal,
    [JsonStringEnumMemberName("announce_intent_to_withdraw")] AnnounceIntentToWithdraw,
    [JsonStringEnumMemberName("parliament_vote_withdraw")] ParliamentVoteWithdraw,
    [JsonStringEnumMemberName("parliament_vote_ratify")] ParliamentVoteRatify,
    [JsonStringEnumMemberName("law_signed")] LawSigned,
    [JsonStringEnumMemberName("deposit_withdrawal")] DepositWithdrawal,
    [JsonStringEnumMemberName("withdrawal_effective")] WithdrawalEffective,
    [JsonStringEnumMemberName("sign")] Sign,
    [JsonStringEnumMemberName("ratify")] Ratify,
    [JsonStringEnumMemberName("accede")] Accede,
    [JsonStringEnumMemberName("revoke_withdrawal")] RevokeWithdrawal,
    [JsonStringEnumMemberName("suspend")] Suspend,
    [JsonStringEnumMemberName("entry_into_force")] EntryIntoForce,
}

public static class EventActions
{
    private static readonly Dictionary<string, EventAction> ByName =
        Enum.GetValues<EventAction>().ToDictionary(Name, StringComparer.Ordinal);

    /// <summary>The wire name: <c>parliament_vote_withdraw</c>.</summary>
    public static string Name(this EventAction a) => a switch
    {
        EventAction.RecommendWithdrawal => "recommend_withdrawal",
        EventAction.AnnounceIntentToWithdraw => "announce_intent_to_withdraw",
        EventAction.ParliamentVoteWithdraw => "parliament_vote_withdraw",
        EventAction.ParliamentVoteRatify => "parliament_vote_ratify",
        EventAction.LawSigned => "law_signed",
        EventAction.DepositWithdrawal => "deposit_withdrawal",
        EventAction.WithdrawalEffective => "withdrawal_effective",
        EventAction.Sign => "sign",
        EventAction.Ratify => "ratify",
        EventAction.Accede => "accede",
        EventAction.RevokeWithdrawal => "revoke_withdrawal",
        EventAction.Suspend => "suspend",
        EventAction.EntryIntoForce => "entry_into_force",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static bool TryParse(string name, out EventAction action) => ByName.TryGetValue(name, out action);
}

/// <summary>
/// Dates as the text gives them, in the engine's <see cref="PartialDate"/>: "in 2005" is a year, "in
/// mid-April" a month, "on 27 June" a day. An unstated date is a null <c>PartialDate?</c>, never a guess.
/// </summary>
public static class ReportedDates
{
    /// <summary>A date of the precision given: month and day 0 when not stated.</summary>
    public static PartialDate Make(int year, int month = 0, int day = 0) =>
        day > 0 ? PartialDate.OfDay(new NodaTime.LocalDate(year, month, day))
        : month > 0 ? PartialDate.OfMonth(year, month)
        : PartialDate.OfYear(year);

    /// <summary><c>""</c> or null is no date; anything else must be <c>YYYY[-MM[-DD]]</c>.</summary>
    public static PartialDate? ParseOrEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : PartialDate.Parse(text);

    /// <summary>ISO at the date's precision, or <c>""</c> for no date.</summary>
    public static string Format(PartialDate? date) => date?.ToString() ?? "";
}

/// <summary>Figures of a vote (the engine's <see cref="Votes"/>): a figure the text does not give is null.</summary>
public static class VoteTallies
{
    public static readonly Votes None = new(null, null, null, null);

    public static bool IsEmpty(this Votes v) => v.For is null && v.Against is null && v.Abstain is null && v.Required is null;

    /// <summary>Figures from <paramref name="other"/> fill the ones <paramref name="v"/> lacks.</summary>
    public static Votes FillFrom(this Votes v, Votes? other) => other is null ? v
        : new(v.For ?? other.For, v.Against ?? other.Against, v.Abstain ?? other.Abstain, v.Required ?? other.Required);
}

/// <summary>
/// One step reported by one text: <see cref="State"/> is an ISO 3166-1 alpha-3 code, or "" for a
/// treaty-wide event; <see cref="Evidence"/> is the text at [<see cref="Start"/>, <see cref="End"/>).
/// </summary>
public sealed record ExtractedEvent(
    string State,
    string Treaty,
    EventAction Action,
    PartialDate? Date,
    Votes? Votes,
    string Evidence,
    int Start,
    int End);

/// <summary>What one article reports. <see cref="Published"/> is null when the text does not date itself.</summary>
public sealed record ArticleExtraction(string File, NodaTime.LocalDate? Published, IReadOnlyList<ExtractedEvent> Events);
