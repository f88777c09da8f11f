using NodaTime;

namespace TreatyWatch.Engine.States;

/// <summary>A state, current or historical, with the names news and records use for it.</summary>
public sealed record State
{
    /// <summary>ISO 3166-1 alpha-3 (ISO 3166-3 for states that no longer exist).</summary>
    public required string Iso3 { get; init; }
    /// <summary>UN short name.</summary>
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Demonyms { get; init; } = [];
    public IReadOnlyList<string> Capitals { get; init; } = [];
    public IReadOnlyList<string> Parliaments { get; init; } = [];
    /// <summary>The day it came into being, where it matters (successions).</summary>
    public LocalDate? From { get; init; }
    /// <summary>The first day it no longer existed.</summary>
    public LocalDate? Until { get; init; }
    public IReadOnlyList<string> Predecessors { get; init; } = [];
    public string? Note { get; init; }
}

/// <summary>A named group of states ("the Baltic states").</summary>
public sealed record StateGroup(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Members, string? Note);

/// <summary>A period in which a state was engaged in an armed conflict.</summary>
/// <param name="End">The day it ended; null while ongoing as far as the record knows.</param>
public sealed record ArmedConflictPeriod(string State, LocalDate Start, LocalDate? End, string Name, IReadOnlyList<string> Sources, string? Note)
{
    /// <summary>True when the state is engaged in this conflict on the day.</summary>
    public bool Covers(LocalDate day) => day >= Start && (End is null || day < End.Value);
}
