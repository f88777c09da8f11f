using NodaTime;
using TreatyWatch.Engine.Rules;

namespace TreatyWatch.Engine.Treaties;

/// <summary>A treaty: identity, names, and its final clauses as rules.</summary>
/// <remarks>A definition is only built by <see cref="TreatyDefinitionParser"/>, which refuses one that does not make sense.</remarks>
public sealed record TreatyDefinition
{
    /// <summary>Lower-case id, e.g. <c>apmbc</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Full title.</summary>
    public required string Title { get; init; }
    /// <summary>Usual short name ("Ottawa Convention").</summary>
    public required string ShortName { get; init; }
    /// <summary>Other names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Depositary.</summary>
    public string? Depositary { get; init; }
    /// <summary>UN Treaty Collection reference.</summary>
    public string? UntcReference { get; init; }
    /// <summary>Date adopted.</summary>
    public LocalDate? Adopted { get; init; }
    /// <summary>Date opened for signature.</summary>
    public LocalDate? OpenedForSignature { get; init; }
    /// <summary>True for a two-party treaty.</summary>
    public bool Bilateral { get; init; }
    /// <summary>True when every state that ever signed or consented is in the record.</summary>
    public bool ParticipantsComplete { get; init; }
    /// <summary>What the participant list lacks.</summary>
    public string? ParticipantsNote { get; init; }
    /// <summary>Annex of states (CTBT Annex 2).</summary>
    public IReadOnlyList<string> Annex { get; init; } = [];
    /// <summary>Notes on the definition (gaps in the vocabulary, judgement calls).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Treaty-wide entry into force.</summary>
    public required EntryIntoForceRule EntryIntoForce { get; init; }
    /// <summary>Entry into force for later states.</summary>
    public required StateEntryIntoForceRule StateEntryIntoForce { get; init; }
    /// <summary>Signature period.</summary>
    public SignatureRule? Signature { get; init; }
    /// <summary>Succession.</summary>
    public SuccessionRule Succession { get; init; } = new(new RuleOrigin("customary law (VCSST Art. 23)", "from the date of succession", 0), true);
    /// <summary>Withdrawal or denunciation.</summary>
    public required WithdrawalRule Withdrawal { get; init; }
    /// <summary>State-specific withdrawal rules (reservations), by ISO3.</summary>
    public IReadOnlyDictionary<string, WithdrawalRule> WithdrawalFor { get; init; } = new Dictionary<string, WithdrawalRule>();
    /// <summary>Armed-conflict clause.</summary>
    public ArmedConflictRule? ArmedConflict { get; init; }
    /// <summary>Duration.</summary>
    public DurationRule? Duration { get; init; }
    /// <summary>Termination on a party's withdrawal.</summary>
    public TerminationRule? Termination { get; init; }

    /// <summary>All names the treaty is known by: id, short name, title and aliases.</summary>
    public IEnumerable<string> AllNames()
    {
        yield return Id;
        yield return ShortName;
        yield return Title;
        foreach (var a in Aliases) yield return a;
    }

    /// <summary>The withdrawal rule for a state (its reservation, or the treaty's).</summary>
    public WithdrawalRule WithdrawalRuleFor(string iso3) => WithdrawalFor.TryGetValue(iso3, out var r) ? r : Withdrawal;
}

/// <summary>
/// What a treaty is called: its id, title, short name and aliases, as in its <see cref="TreatyDefinition"/>. Read by
/// <see cref="TreatyDefinitionParser.Names"/> from the definition's name lines alone, so a catalog can find a treaty by
/// name without parsing every definition's rules.
/// </summary>
public sealed record TreatyNames(string Id, string Title, string ShortName, IReadOnlyList<string> Aliases)
{
    /// <summary>The names of a parsed definition.</summary>
    public static TreatyNames Of(TreatyDefinition t) => new(t.Id, t.Title, t.ShortName, t.Aliases);

    /// <summary>All names, in the order of <see cref="TreatyDefinition.AllNames"/>: id, short name, title and aliases.</summary>
    public IEnumerable<string> AllNames()
    {
        yield return Id;
        yield return ShortName;
        yield return Title;
        foreach (var a in Aliases) yield return a;
    }
}
