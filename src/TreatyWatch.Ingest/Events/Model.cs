using System.Text.Json.Serialization;

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
/// A date as precise as the text gives it: "in 2005" is a year, "in mid-April" a month, "on 27 June" a
/// day. <see cref="Month"/> and <see cref="Day"/> are 0 when not given. An unstated date is a null
/// <c>ReportedDate?</c>, never a guessed one.
/// </summary>
public readonly record struct ReportedDate(int Year, int Month = 0, int Day = 0)
{
    public static ReportedDate Of(NodaTime.LocalDate d) => new(d.Year, d.Month, d.Day);

    public int Precision => Day > 0 ? 3 : Month > 0 ? 2 : 1;

    public NodaTime.LocalDate? AsLocalDate => Day > 0 ? new NodaTime.LocalDate(Year, Month, Day) : null;

    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    public override string ToString() =>
        Day > 0 ? $"{Year:D4}-{Month:D2}-{Day:D2}" : Month > 0 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}";

    public static ReportedDate? Parse(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var parts = s.Trim().Split('-');
        int y = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int m = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        int d = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new ReportedDate(y, m, d);
    }

    /// <summary>
    /// Whether two dates agree to the precision of the less precise one: <c>2025-04</c> agrees with
    /// <c>2025-04-16</c> and not with <c>2025-05-01</c>.
    /// </summary>
    public bool AgreesWith(ReportedDate other)
    {
        int p = Math.Min(Precision, other.Precision);
        return Year == other.Year && (p < 2 || Month == other.Month) && (p < 3 || Day == other.Day);
    }
}

/// <summary>A vote as printed; a figure the text does not give is null ("unanimously" gives none).</summary>
public sealed record VoteTally(
    [property: JsonPropertyName("for"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? For = null,
    [property: JsonPropertyName("against"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Against = null,
    [property: JsonPropertyName("abstain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Abstain = null,
    [property: JsonPropertyName("required"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Required = null)
{
    [JsonIgnore] public bool IsEmpty => For is null && Against is null && Abstain is null && Required is null;

    /// <summary>Figures from <paramref name="other"/> fill the ones this tally lacks.</summary>
    public VoteTally FillFrom(VoteTally? other) => other is null ? this
        : new(For ?? other.For, Against ?? other.Against, Abstain ?? other.Abstain, Required ?? other.Required);
}

/// <summary>
/// One step reported by one text: <see cref="State"/> is an ISO 3166-1 alpha-3 code, or "" for a
/// treaty-wide event; <see cref="Evidence"/> is the text at [<see cref="Start"/>, <see cref="End"/>).
/// </summary>
public sealed record ExtractedEvent(
    string State,
    string Treaty,
    EventAction Action,
    ReportedDate? Date,
    VoteTally? Votes,
    string Evidence,
    int Start,
    int End);

/// <summary>What one article reports. <see cref="Published"/> is null when the text does not date itself.</summary>
public sealed record ArticleExtraction(string File, NodaTime.LocalDate? Published, IReadOnlyList<ExtractedEvent> Events);
