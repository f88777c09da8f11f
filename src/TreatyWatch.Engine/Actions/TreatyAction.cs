using NodaTime;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Engine.Actions;

/// <summary>What a state did, or what a source says it did, under a treaty.</summary>
public enum ActionKind
{
    // Depositary acts: they change the legal status.
    Sign, Ratify, Accept, Approve, Accede, Succeed, DefinitiveSignature, DepositWithdrawal, RevokeWithdrawal, WithdrawSignature, Extend,
    // Acts the treaty does not provide for.
    Suspend, Deratify, Unsign, Object,
    // Domestic steps: no legal effect.
    RecommendWithdrawal, AnnounceIntentToWithdraw, ParliamentVoteWithdraw, ParliamentVoteRatify, LawSigned, GovernmentDecision,
    BillSubmitted, CommitteeRecommendation, ParliamentFirstReading, SenateVote, ParliamentVoteSuspend, PresidentDecision,
    // A source's statement of a date, checked against the computed one.
    StatedWithdrawalEffective, StatedEntryIntoForce,
}

/// <summary>The three families of <see cref="ActionKind"/>.</summary>
public enum ActionFamily { Depositary, NotProvidedFor, Domestic, Statement }

/// <summary>Names and families of action kinds.</summary>
public static class ActionKinds
{
    private static readonly Dictionary<string, ActionKind> ByName = Enum.GetValues<ActionKind>().ToDictionary(Name, k => k, StringComparer.Ordinal);

    /// <summary>snake_case name used in files and JSON.</summary>
    public static string Name(ActionKind kind)
    {
        var s = kind.ToString();
        var sb = new System.Text.StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(s[i]));
        }

        return sb.ToString();
    }

    /// <summary>Parses a snake_case name.</summary>
    public static bool TryParse(string name, out ActionKind kind) => ByName.TryGetValue(name.Trim(), out kind);

    /// <summary>All names.</summary>
    public static IEnumerable<string> AllNames => ByName.Keys;

    /// <summary>The family of an action kind.</summary>
    public static ActionFamily Family(ActionKind kind) => kind switch
    {
        <= ActionKind.Extend => ActionFamily.Depositary,
        <= ActionKind.Object => ActionFamily.NotProvidedFor,
        <= ActionKind.PresidentDecision => ActionFamily.Domestic,
        _ => ActionFamily.Statement,
    };

    /// <summary>True for instruments of consent to be bound.</summary>
    public static bool IsConsent(ActionKind kind) =>
        kind is ActionKind.Ratify or ActionKind.Accept or ActionKind.Approve or ActionKind.Accede or ActionKind.Succeed or ActionKind.DefinitiveSignature;

    /// <summary>Words for a human reader.</summary>
    public static string Describe(ActionKind kind) => kind switch
    {
        ActionKind.Sign => "signed",
        ActionKind.Ratify => "ratified",
        ActionKind.Accept => "accepted",
        ActionKind.Approve => "approved",
        ActionKind.Accede => "acceded",
        ActionKind.Succeed => "notified succession",
        ActionKind.DefinitiveSignature => "signed definitively",
        ActionKind.DepositWithdrawal => "instrument of withdrawal received by the depositary",
        ActionKind.RevokeWithdrawal => "withdrawal revoked",
        ActionKind.WithdrawSignature => "signature withdrawn",
        ActionKind.Extend => "extended",
        ActionKind.Suspend => "declared the treaty suspended",
        ActionKind.Deratify => "revoked its ratification (\"de-ratification\")",
        ActionKind.Unsign => "declared it does not intend to become a party (\"unsigning\")",
        ActionKind.Object => "objected",
        ActionKind.RecommendWithdrawal => "withdrawal recommended",
        ActionKind.AnnounceIntentToWithdraw => "intention to withdraw announced",
        ActionKind.ParliamentVoteWithdraw => "parliament voted to withdraw",
        ActionKind.ParliamentVoteRatify => "parliament voted to ratify",
        ActionKind.LawSigned => "law signed",
        ActionKind.GovernmentDecision => "government decision",
        ActionKind.BillSubmitted => "bill submitted to parliament",
        ActionKind.CommitteeRecommendation => "parliamentary committee recommendation",
        ActionKind.ParliamentFirstReading => "parliament's first reading",
        ActionKind.SenateVote => "upper chamber voted",
        ActionKind.ParliamentVoteSuspend => "parliament voted to suspend the treaty",
        ActionKind.PresidentDecision => "head of state's decision",
        ActionKind.StatedWithdrawalEffective => "withdrawal effective (as stated by a source)",
        ActionKind.StatedEntryIntoForce => "entry into force (as stated by a source)",
        _ => Name(kind),
    };
}

/// <summary>A parliament's vote: for, against, abstaining, and the number needed.</summary>
public sealed record Votes(int? For, int? Against, int? Abstain, int? Required)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var s = $"{For?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}–{Against?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}–{Abstain?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
        return Required is { } r ? $"{s} ({r} needed)" : s;
    }
}

/// <summary>How sure the record is of an action, from its sources.</summary>
public enum Certainty
{
    /// <summary>One news report.</summary>
    Reported,
    /// <summary>Two or more independent reports.</summary>
    Corroborated,
    /// <summary>Sources disagree.</summary>
    Disputed,
    /// <summary>A depositary record or an official statement.</summary>
    Official,
}

/// <summary>One dated step by one state on one treaty, with its sources.</summary>
/// <remarks>
/// <see cref="Known"/> is the day the record learned of the act (the second clock): a query "as known on" a day
/// sees only actions known by then.
/// </remarks>
public sealed record TreatyAction
{
    public required string Id { get; init; }
    public required string TreatyId { get; init; }
    public required string State { get; init; }
    public required ActionKind Kind { get; init; }
    public required PartialDate Date { get; init; }
    public required LocalDate Known { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public Votes? Votes { get; init; }
    /// <summary>A later effective date named in a withdrawal notification, or the new end of an extension.</summary>
    public LocalDate? Effective { get; init; }
    public string? Supersedes { get; init; }
    public string? By { get; init; }
    public string? ObjectsTo { get; init; }
    public string? Note { get; init; }
    /// <summary>Where the action was read from: "actions/apmbc.csv:12".</summary>
    public string? Origin { get; init; }

    /// <summary>Certainty from the kinds and number of sources.</summary>
    public Certainty Certainty => Sources.Any(s => s.Kind is SourceKind.Depositary or SourceKind.Official)
        ? Certainty.Official
        : Sources.Count(s => s.Kind is SourceKind.News or SourceKind.Web or SourceKind.Monitor) >= 2 ? Certainty.Corroborated : Certainty.Reported;
}

/// <summary>What kind of source a record rests on.</summary>
public enum SourceKind { Depositary, Official, Monitor, News, Dataset, Web }

/// <summary>A source: a depositary notification, an official statement, a monitor's report, a news article.</summary>
public sealed record Source(string Key, SourceKind Kind, string Title, string? Url, PartialDate? Published)
{
    /// <summary>A depositary notification's number, as the depositary writes it: <c>C.N.185.2019.TREATIES-XVIII.10</c>.</summary>
    public string? CnNumber { get; init; }

    /// <summary>Who published it: a news article's outlet ("Reuters", "lrt.lt").</summary>
    public string? Outlet { get; init; }

    /// <summary>The source's own words that report the act (for a news article, the sentence the event was read from).</summary>
    public string? Quote { get; init; }

    /// <summary>Where <see cref="Quote"/> starts in the source's text (a news article's cleaned text), in UTF-16 code units.</summary>
    public int? QuoteStart { get; init; }

    /// <summary>Where <see cref="Quote"/> ends (exclusive).</summary>
    public int? QuoteEnd { get; init; }
}
