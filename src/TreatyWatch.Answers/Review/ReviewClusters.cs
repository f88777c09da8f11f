using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Across;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ledger;

namespace TreatyWatch.Answers;

/// <summary>
/// The reports waiting for review grouped as <see cref="EventClustering"/> groups news across articles: reports of the
/// same step (state, treaty, kind, compatible dates) from several outlets are one event, <c>corroborated</c> when two or
/// more outlets agree and <c>disputed</c> when they differ (dates, vote figures), with the disagreement explained. A
/// reviewer decides one event, not each outlet's copy of it. Reports from one outlet (by the source URL's host) count
/// once. Shared by <c>treatywatch review</c> and the web app's review queue (/review).
/// </summary>
public sealed class ReviewClusters
{
    private readonly Dictionary<string, EventCluster> _byId = new(StringComparer.Ordinal);

    public ReviewClusters(IEnumerable<LedgerAction> reported)
    {
        var reports = new List<EventReport>();
        foreach (var r in reported)
        {
            var a = r.Action;
            if (a.State is null || ActionOf(a.Kind) is not { } action) continue;
            var source = a.Sources.FirstOrDefault();
            var url = source?.Url;
            var ev = new ExtractedEvent(a.State, a.TreatyId, action, a.Date, a.Votes, a.Note ?? "", 0, 0);
            reports.Add(new EventReport(ev, new ReportSource(a.Id, NewsKinds.OutletOf(url) ?? source?.Title, url, source?.Published?.FirstDay)));
        }

        foreach (var c in EventClustering.Cluster(reports))
        foreach (var report in c.Reports)
            _byId[report.Source.Name] = c;
    }

    /// <summary>The event a report belongs to, or null for a kind news does not report.</summary>
    public EventCluster? Of(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The other reports of the same event.</summary>
    public IEnumerable<string> Others(string id) =>
        Of(id) is { } c ? c.Reports.Select(r => r.Source.Name).Where(n => n != id).Distinct(StringComparer.Ordinal) : [];

    /// <summary>"corroborated (3 sources)", "disputed: votes in favour: 68 (a) vs 66 (b)", "reported".</summary>
    public string Describe(string id)
    {
        if (Of(id) is not { } c) return "";
        var name = c.Certainty.ToString().ToLowerInvariant();
        if (c.Conflicts.Count > 0) return $"{name}: {string.Join("; ", c.Conflicts.Select(k => k.Explanation))}";
        return c.IndependentSources > 1 ? $"{name} ({c.IndependentSources} sources)" : name;
    }

    /// <summary>The extractor's step for an engine kind (the inverse of <see cref="NewsKinds.KindOf"/>).</summary>
    private static EventAction? ActionOf(ActionKind kind)
    {
        foreach (var a in Enum.GetValues<EventAction>())
            if (NewsKinds.KindOf(a) == kind) return a;
        return null;
    }
}
