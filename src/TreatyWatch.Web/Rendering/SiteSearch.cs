using TreatyWatch.Answers;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Web.Rendering;

/// <summary>A state or treaty a search found, with the page to open.</summary>
public sealed record SearchHit(string Kind, string Code, string Name, string Url);

/// <summary>What a search found: <see cref="Exact"/> when one page clearly answers it; otherwise matches or suggestions.</summary>
public sealed record SearchResult(SearchHit? Exact, IReadOnlyList<SearchHit> Matches, IReadOnlyList<SearchHit> Suggestions);

/// <summary>
/// The pages' search box: an exact name, alias or code (the catalog's <see cref="Lookup"/>) opens its page; otherwise
/// names containing the words typed ("ottawa" → the Ottawa Convention); otherwise near misses by spelling.
/// </summary>
public static class SiteSearch
{
    public static SearchResult Find(Catalog catalog, Lookup lookup, string query)
    {
        var key = Lookup.Key(query);
        if (key.Length == 0) return new SearchResult(null, [], []);
        var exact = new List<SearchHit>();
        try
        {
            exact.Add(Hit(lookup.State(query)));
        }
        catch (UserInputException)
        {
        }

        try
        {
            exact.Add(Hit(lookup.Treaty(query)));
        }
        catch (UserInputException)
        {
        }

        if (exact.Count == 1) return new SearchResult(exact[0], exact, []);

        var names = Names(catalog).ToList();
        var matches = names
            .Where(n => (" " + n.Key).Contains(" " + key, StringComparison.Ordinal))
            .OrderBy(n => n.Key.Length)
            .Select(n => n.Hit)
            .DistinctBy(h => h.Url)
            .ToList();
        foreach (var e in exact.Where(e => matches.All(m => m.Url != e.Url))) matches.Insert(0, e);
        if (matches.Count == 1) return new SearchResult(matches[0], matches, []);
        if (matches.Count > 0) return new SearchResult(null, matches.Take(50).ToList(), []);

        var limit = Math.Max(2, key.Length / 3);
        var suggestions = names
            .Select(n => (n.Hit, Distance: Math.Min(Lookup.Distance(key, n.Key), n.Key.Length > key.Length ? Lookup.Distance(key, n.Key[..key.Length]) + 1 : int.MaxValue)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Select(x => x.Hit)
            .DistinctBy(h => h.Url)
            .Take(6)
            .ToList();
        return new SearchResult(null, [], suggestions);
    }

    private static IEnumerable<(string Key, SearchHit Hit)> Names(Catalog catalog)
    {
        foreach (var t in catalog.Treaties)
        {
            var hit = Hit(t);
            foreach (var n in t.AllNames()) yield return (Lookup.Key(n), hit);
        }

        foreach (var s in catalog.States.Values)
        {
            var hit = Hit(s);
            foreach (var n in new[] { s.Iso3, s.Name }.Concat(s.Aliases).Concat(s.Demonyms)) yield return (Lookup.Key(n), hit);
        }
    }

    private static SearchHit Hit(Engine.States.State s) => new("state", s.Iso3, s.Name, "/states/" + s.Iso3);

    private static SearchHit Hit(Engine.Treaties.TreatyDefinition t) => new("treaty", t.Id, t.ShortName, "/treaties/" + t.Id);
}
