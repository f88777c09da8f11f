using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger.Export;

/// <summary>One treaty's actions, in record order.</summary>
public sealed record ProjectTreaty(string Id, IReadOnlyList<TreatyAction> Actions);

/// <summary>
/// What the project's own export carries: treaties' actions and the sources they cite. Sources of kind
/// <see cref="SourceKind.Web"/> are bare URLs in the actions (as in <c>actions/*.csv</c>) and are not listed.
/// </summary>
public sealed record ProjectData(IReadOnlyList<ProjectTreaty> Treaties, IReadOnlyList<Source> Sources)
{
    /// <summary>Treaties of a catalog with their actions and cited sources; null = every treaty with actions on record.</summary>
    public static ProjectData FromCatalog(Catalog catalog, IEnumerable<string>? treatyIds = null)
    {
        var ids = (treatyIds ?? catalog.Actions.Keys).Distinct(StringComparer.Ordinal).ToList();
        return FromTreaties(ids.Select(id => new ProjectTreaty(id, catalog.ActionsOf(id))));
    }

    /// <summary>Actions grouped by their treaty, with the sources they cite.</summary>
    public static ProjectData FromActions(IEnumerable<TreatyAction> actions) =>
        FromTreaties(actions.GroupBy(a => a.TreatyId, StringComparer.Ordinal).Select(g => new ProjectTreaty(g.Key, g.ToList())));

    private static ProjectData FromTreaties(IEnumerable<ProjectTreaty> treaties)
    {
        var list = treaties.ToList();
        return new ProjectData(list, CitedSources(list));
    }

    /// <summary>The sources the actions cite (not bare URLs), each once, in order of first citation with treaties by id.</summary>
    public static IReadOnlyList<Source> CitedSources(IEnumerable<ProjectTreaty> treaties)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Source>();
        foreach (var t in treaties.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            foreach (var s in t.Actions.SelectMany(a => a.Sources))
            {
                if (s.Kind != SourceKind.Web && seen.Add(s.Key)) result.Add(s);
            }
        }

        return result;
    }

    /// <summary>
    /// The order every export writes: treaties by id; sources in order of first citation, then any uncited ones as given.
    /// Two exports of the same data are therefore identical whatever order it was read in.
    /// </summary>
    public ProjectData Canonical()
    {
        var treaties = Treaties.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var cited = CitedSources(treaties);
        var citedKeys = cited.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var byKey = Sources.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sources = cited.Select(s => byKey.GetValueOrDefault(s.Key) ?? s)
            .Concat(Sources.Where(s => s.Kind != SourceKind.Web && !citedKeys.Contains(s.Key)).DistinctBy(s => s.Key))
            .ToList();
        return new ProjectData(treaties, sources);
    }
}
