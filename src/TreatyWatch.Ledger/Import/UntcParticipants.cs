using TreatyWatch.Engine.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TreatyWatch.Engine.States;

namespace TreatyWatch.Ledger.Import;

/// <summary>What a participant name in a UN Treaty Collection table turned out to be.</summary>
public enum ParticipantKind
{
    /// <summary>A state of <c>states/states.csv</c>, by its name or one of its aliases.</summary>
    State,
    /// <summary>A participant on the explicit list of non-states (<see cref="UntcParticipants.NonStates"/>): skipped and reported.</summary>
    NonState,
    /// <summary>Neither: an error, never a guess.</summary>
    Unknown,
}

/// <summary>A participant name resolved: its ISO3 for a state, its category for a non-state.</summary>
/// <param name="Name">The name as the table prints it, footnote marks removed.</param>
/// <param name="Iso3">The state's code; null unless <see cref="Kind"/> is <see cref="ParticipantKind.State"/>.</param>
/// <param name="Category">For a non-state: "international organisation", "regional organisation" or "territory".</param>
/// <param name="FootnoteStripped">True when trailing footnote digits ("Germany 2,3") were removed.</param>
public sealed record ResolvedParticipant(string Name, ParticipantKind Kind, string? Iso3, string? Category, bool FootnoteStripped);

/// <summary>
/// Maps the participant names of UN Treaty Collection tables to ISO3 codes through the states' names and aliases
/// (case-, accent- and punctuation-insensitive), and recognises the non-state participants the tables list
/// (international and regional organisations, territories). Anything else is unknown: the caller reports it.
/// </summary>
public sealed partial class UntcParticipants
{
    /// <summary>
    /// The non-state participants found in the 324 status tables of the UN Treaty Collection's 2015 scrape, plus the
    /// European Union's earlier names. Kept explicit: a new organisation is added here by a person, never inferred.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NonStates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["European Union"] = "regional organisation",
        ["European Community"] = "regional organisation",
        ["European Economic Community"] = "regional organisation",
        ["Andean Community"] = "regional organisation",
        ["Caribbean Community"] = "regional organisation",
        ["Common Market for Eastern and Southern Africa"] = "regional organisation",
        ["Council of Europe"] = "regional organisation",
        ["East African Community"] = "regional organisation",
        ["Economic Community of West African States"] = "regional organisation",
        ["Eurasian Economic Community"] = "regional organisation",
        ["Organization of African Unity"] = "regional organisation",
        ["Southern African Development Community"] = "regional organisation",
        ["West African Economic and Monetary Union"] = "regional organisation",
        ["United Nations"] = "international organisation",
        ["Food and Agriculture Organization of the United Nations"] = "international organisation",
        ["International Atomic Energy Agency"] = "international organisation",
        ["International Civil Aviation Organization"] = "international organisation",
        ["International Criminal Police Organization"] = "international organisation",
        ["International Labour Organisation"] = "international organisation",
        ["International Labour Organization"] = "international organisation",
        ["International Maritime Organization"] = "international organisation",
        ["International Telecommunication Union"] = "international organisation",
        ["Organisation for the Prohibition of Chemical Weapons"] = "international organisation",
        ["Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"] = "international organisation",
        ["United Nations Educational, Scientific and Cultural Organization"] = "international organisation",
        ["United Nations Industrial Development Organization"] = "international organisation",
        ["Universal Postal Union"] = "international organisation",
        ["World Health Organization"] = "international organisation",
        ["World Intellectual Property Organization"] = "international organisation",
        ["World Meteorological Organization"] = "international organisation",
        // Territories that took part in their own name (10-4: Hong Kong under GATT Art. XXVI; 10-6: four British
        // territories under the 1969 Caribbean Development Bank agreement). Not states: skipped, as organisations are.
        ["Hong Kong"] = "territory",
        ["British Virgin Islands"] = "territory",
        ["Cayman Islands"] = "territory",
        ["Montserrat"] = "territory",
        ["Turks and Caicos Islands"] = "territory",
    };

    private static readonly Dictionary<string, string> NonStateByKey =
        NonStates.ToDictionary(kv => Key(kv.Key), kv => kv.Value, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byAlias = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguousAliases = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResolvedParticipant> _cache = new(StringComparer.Ordinal);

    /// <summary>Builds the look-up once; the names of states win over aliases, and an alias two states share matches neither.</summary>
    public UntcParticipants(IEnumerable<State> states)
    {
        var list = states.ToList();
        foreach (var s in list)
        {
            var k = Key(s.Name);
            if (k.Length > 0) _byName.TryAdd(k, s.Iso3);
        }

        foreach (var s in list)
        {
            foreach (var a in s.Aliases)
            {
                var k = Key(a);
                if (k.Length == 0 || _byName.ContainsKey(k)) continue;
                if (_byAlias.TryGetValue(k, out var other) && other != s.Iso3) _ambiguousAliases.Add(k);
                else _byAlias[k] = s.Iso3;
            }
        }
    }

    /// <summary>Resolves a name as a table prints it (cached: tables repeat the same few hundred names).</summary>
    public ResolvedParticipant Resolve(string printed) => _cache.GetOrAdd(printed, ResolveUncached);

    private ResolvedParticipant ResolveUncached(string printed)
    {
        var name = StripFootnotes(printed.Trim(), out var stripped);
        var key = Key(name);
        if (_byName.TryGetValue(key, out var iso3) || (!_ambiguousAliases.Contains(key) && _byAlias.TryGetValue(key, out iso3)))
            return new ResolvedParticipant(name, ParticipantKind.State, iso3, null, stripped);
        if (NonStateByKey.TryGetValue(key, out var category))
            return new ResolvedParticipant(name, ParticipantKind.NonState, null, category, stripped);
        return new ResolvedParticipant(name, ParticipantKind.Unknown, null, null, stripped);
    }

    /// <summary>True when the name matches aliases of two states (an error in states.csv the caller can name).</summary>
    public bool IsAmbiguous(string printed) => _ambiguousAliases.Contains(Key(StripFootnotes(printed.Trim(), out _)));

    /// <summary>Removes the footnote numbers the UN prints after a name: "Germany 2,3" → "Germany".</summary>
    public static string StripFootnotes(string name, out bool stripped)
    {
        var m = Footnotes().Match(name);
        stripped = m.Success;
        return m.Success ? m.Groups["name"].Value : name;
    }

    /// <summary>Folds case, accents and punctuation, and a leading "the" (see <see cref="NameKey"/>).</summary>
    public static string Key(string s) => NameKey.Key(s);

    [GeneratedRegex(@"^(?<name>.*[^\d\s,])\s*\d+(?:\s*,\s*\d+)*\s*$")]
    private static partial Regex Footnotes();
}
