using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Answers;

/// <summary>
/// The standing records (official or confirmed, as the catalog holds them) that a report waiting for review may
/// duplicate: the same treaty, state and step, on a date that can be the same (a report's "March 2025" can be the
/// record's 18 March 2025). A reviewer merges such a report into the record instead of confirming a second copy of it.
/// </summary>
public static class StandingRecords
{
    public static IReadOnlyList<TreatyAction> Matching(Catalog catalog, TreatyAction report)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(report);
        return catalog.ActionsOf(report.TreatyId)
            .Where(a => a.State == report.State && a.Kind == report.Kind
                        && a.Date.FirstDay <= report.Date.LastDay && report.Date.FirstDay <= a.Date.LastDay)
            .ToList();
    }
}
