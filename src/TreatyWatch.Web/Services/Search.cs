using TreatyWatch.Answers;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Web.Services;

/// <summary>
/// Finds states and treaties by code, name or alias (also demonyms, capitals, parliaments for states), folded as
/// <see cref="Lookup.Key"/> folds names (case, accents, punctuation, a leading "the"), and ranks them: exact code,
/// exact name or alias, name starting with the query, a word starting with it, containing it, then near misses
/// (a typo or two). Used by <c>GET /api/search</c> and the search page.
/// </summary>
public static class Search
{
    /// <summary>The longest query accepted (characters).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>A match: how good (lower is better: 0 exact code … 5 near miss) and on which name.</summary>
    public sealed record Hit<T>(T Item, int Rank, string Matched);

    public sealed record Result(string Query, IReadOnlyList<Hit<State>> States, IReadOnlyList<Hit<TreatyDefinition>> Treaties);

    public static Result Find(Catalog catalog, string query, int limit = 20)
    {
        if (query.Length > MaxQueryLength) throw new UserInputException($"q: the query is {query.Length} characters; at most {MaxQueryLength}");
        var key = Lookup.Key(query);
        if (key.Length == 0) return new Result(query, [], []);
        var states = Rank(catalog.States.Values, s => s.Iso3, s => new[] { s.Name }.Concat(s.Aliases).Concat(s.Demonyms).Concat(s.Capitals).Concat(s.Parliaments), s => s.Name, key, limit);
        var treaties = Rank(catalog.Treaties, t => t.Id, t => t.AllNames(), t => t.ShortName, key, limit);
        return new Result(query, states, treaties);
    }

    private static List<Hit<T>> Rank<T>(IEnumerable<T> items, Func<T, string> code, Func<T, IEnumerable<string>> names, Func<T, string> display, string key, int limit)
    {
        var hits = new List<Hit<T>>();
        foreach (var item in items)
        {
            Hit<T>? best = null;
            if (Lookup.Key(code(item)) == key) best = new Hit<T>(item, 0, code(item));
            else
            {
                foreach (var n in names(item))
                {
                    var rank = RankOf(Lookup.Key(n), key);
                    if (rank is { } r && (best is null || r < best.Rank)) best = new Hit<T>(item, r, n);
                }
            }

            if (best is not null) hits.Add(best);
        }

        return hits.OrderBy(h => h.Rank).ThenBy(h => display(h.Item), StringComparer.Ordinal).Take(limit).ToList();
    }

    private static int? RankOf(string name, string key)
    {
        if (name.Length == 0) return null;
        if (name == key) return 1;
        if (name.StartsWith(key, StringComparison.Ordinal)) return 2;
        if ((" " + name).Contains(" " + key, StringComparison.Ordinal)) return 3;
        if (key.Length >= 3 && name.Contains(key, StringComparison.Ordinal)) return 4;
        if (key.Length >= 4 && Lookup.Distance(name, key) <= (key.Length >= 8 ? 2 : 1)) return 5;
        return null;
    }
}
