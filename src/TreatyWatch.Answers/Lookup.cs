using System.Globalization;
using System.Text;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Answers;

/// <summary>Finds states and treaties by code, name or alias in any case and with or without accents; suggests near misses.</summary>
public sealed class Lookup
{
    private readonly Catalog _catalog;
    private Dictionary<string, List<State>>? _states;
    private Dictionary<string, List<TreatyNames>>? _treaties;

    /// <summary>Cheap: the name indexes are built on the first lookup that is not an exact code (a cold start's time).</summary>
    public Lookup(Catalog catalog) => _catalog = catalog;

    private Dictionary<string, List<State>> States => _states ??= BuildStates(_catalog);

    private Dictionary<string, List<TreatyNames>> Treaties => _treaties ??= BuildTreaties(_catalog);

    private static Dictionary<string, List<State>> BuildStates(Catalog catalog)
    {
        var map = new Dictionary<string, List<State>>(StringComparer.Ordinal);
        foreach (var s in catalog.States.Values)
        {
            foreach (var n in new[] { s.Iso3, s.Name }.Concat(s.Aliases).Concat(s.Demonyms))
                Add(map, n, s);
        }

        return map;
    }

    // By the names alone: only the treaty found has its definition parsed (Catalog.TreatyNames).
    private static Dictionary<string, List<TreatyNames>> BuildTreaties(Catalog catalog)
    {
        var map = new Dictionary<string, List<TreatyNames>>(StringComparer.Ordinal);
        foreach (var t in catalog.TreatyNames)
        {
            foreach (var n in t.AllNames()) Add(map, n, t);
        }

        return map;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string name, T value)
    {
        var key = Key(name);
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }

    /// <summary>Folds case, accents, punctuation and a leading "the".</summary>
    public static string Key(string s) => Engine.Text.NameKey.Key(s);

    /// <summary>
    /// The state with this ISO 3166 alpha-3 code (any case), else the one state with this name, alias or demonym.
    /// </summary>
    public State State(string input) =>
        input.Length == 3 && _catalog.States.TryGetValue(input.ToUpperInvariant(), out var byCode) ? byCode
            : Find(States, input, "state", s => s.Iso3, s => s.Name);

    /// <summary>The treaty with this id (any case), else the one treaty with this title, short name or alias.</summary>
    public TreatyDefinition Treaty(string input) =>
        _catalog.Treaty(ById(input)?.Id ?? Find(Treaties, input, "treaty", t => t.Id, t => t.ShortName).Id)
        ?? throw new InvalidOperationException($"treaty '{input}' has names but no definition");

    private TreatyNames? ById(string input)
    {
        foreach (var t in _catalog.TreatyNames)
        {
            if (string.Equals(t.Id, input, StringComparison.OrdinalIgnoreCase)) return t;
        }

        return null;
    }

    private static T Find<T>(Dictionary<string, List<T>> map, string input, string what, Func<T, string> code, Func<T, string> name)
    {
        var key = Key(input);
        if (map.TryGetValue(key, out var found))
        {
            if (found.Count == 1) return found[0];
            throw new UserInputException($"{what} '{input}' is ambiguous: it can mean {string.Join(" or ", found.Select(f => $"{name(f)} ({code(f)})"))}");
        }

        // Near misses by edit distance, then names that contain every word typed ("kyoto" → Kyoto Protocol).
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var suggestions = map
            .Select(kv => (kv.Key, kv.Value, Distance: Distance(key, kv.Key)))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 4))
            .OrderBy(x => x.Distance)
            .SelectMany(x => x.Value)
            .Concat(words.Length == 0 ? [] : map
                .Where(kv => words.All(w => w.Length >= 3 && (" " + kv.Key + " ").Contains(" " + w + " ", StringComparison.Ordinal)))
                .OrderBy(kv => kv.Key.Length)
                .SelectMany(kv => kv.Value))
            .Distinct()
            .Take(3)
            .ToList();
        var hint = suggestions.Count > 0
            ? $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{name(s)}' ({code(s)})"))}?"
            : $"; try 'treatywatch {(what == "state" ? "states" : "treaties")}' for the list";
        throw new UserInputException($"unknown {what} '{input}'{hint}");
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 6) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }

        return d[a.Length, b.Length];
    }
}
