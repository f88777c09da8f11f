namespace TreatyWatch.Ingest.Mentions;

/// <summary>
/// Everything a news text may call a state: its name and aliases, the demonyms ("Lithuanian"), the
/// capital used as metonym ("Vilnius announced") and the parliament ("the Seimas").
/// </summary>
public sealed record StateName(
    string Iso3,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Parliaments)
{
    public static StateName Of(string iso3, string name, string[]? aliases = null, string[]? demonyms = null,
        string[]? capitals = null, string[]? parliaments = null) =>
        new(iso3, name, aliases ?? [], demonyms ?? [], capitals ?? [], parliaments ?? []);
}

/// <summary>A named group of states ("the Baltic states" = EST, LVA, LTU).</summary>
public sealed record StateGroup(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Members);

/// <summary>
/// What a news text may call a treaty. <see cref="Names"/> are matched as they stand (title, short
/// name, aliases, organisation names such as "International Criminal Court"). <see cref="Topics"/> are
/// subject-matter words ("cluster munitions") that name the treaty only next to a treaty noun:
/// "the cluster munitions convention", "a treaty banning cluster bombs".
/// </summary>
public sealed record TreatyName(string Id, IReadOnlyList<string> Names, IReadOnlyList<string> Topics)
{
    public TreatyName Merge(TreatyName other) =>
        new(Id, [.. Names.Concat(other.Names).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. Topics.Concat(other.Topics).Distinct(StringComparer.OrdinalIgnoreCase)]);
}
