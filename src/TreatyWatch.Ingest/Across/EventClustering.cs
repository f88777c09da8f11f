using System.Globalization;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ingest.Events;

namespace TreatyWatch.Ingest.Across;

/// <summary>The article an event was read from.</summary>
/// <param name="Name">The article's name ("a.txt", "news.xml#3"): what explanations cite. Unique per article.</param>
/// <param name="Outlet">The publisher ("Baltic Times"), when known; else the host of <paramref name="Url"/> is used.</param>
/// <param name="Url">Where the article was published.</param>
/// <param name="Published">Its publication date.</param>
/// <param name="DuplicateGroup">Its near-duplicate group (<see cref="NearDuplicateVerdict.Group"/>); null when not checked.</param>
public sealed record ReportSource(string Name, string? Outlet = null, string? Url = null, LocalDate? Published = null, string? DuplicateGroup = null)
{
    /// <summary>The outlet, else the URL's host without "www.", else null.</summary>
    public string? Publisher => !string.IsNullOrWhiteSpace(Outlet) ? Outlet.Trim()
        : Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? (u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host).ToLowerInvariant()
        : null;
}

/// <summary>One event as one article reports it.</summary>
public sealed record EventReport(ExtractedEvent Event, ReportSource Source)
{
    /// <summary>The reports of one article's extraction.</summary>
    public static IEnumerable<EventReport> Of(ArticleExtraction article, ReportSource source) =>
        article.Events.Select(e => new EventReport(e, source));
}

/// <summary>A disagreement between the reports of one event: <see cref="Field"/> is "date", "votes in favour", "votes against", "abstentions" or "votes required".</summary>
public sealed record ReportConflict(string Field, string Explanation);

/// <summary>
/// Reports of one event across articles. <see cref="Date"/> and <see cref="Votes"/> are what the reports agree on:
/// the most precise date (for a disputed date, the one most reports give, the earliest on a tie) and each vote
/// figure all reports that give it agree on (a disputed figure is null).
/// </summary>
public sealed record EventCluster(
    string Key,
    string State,
    string Treaty,
    EventAction Action,
    PartialDate? Date,
    Votes? Votes,
    Certainty Certainty,
    int IndependentSources,
    IReadOnlyList<EventReport> Reports,
    IReadOnlyList<ReportConflict> Conflicts);

/// <summary>
/// Groups reports of the same event across articles and outlets and says how certain each is (docs/extraction.md,
/// "Across articles"). Pure and deterministic: the output does not depend on the order of the input.
/// </summary>
/// <remarks>
/// Reports are of one event when state, treaty and action are equal and the dates are compatible:
/// <list type="bullet">
/// <item>day-precision dates within <see cref="DayTolerance"/> days of the cluster's earliest day are one event
/// (different days make it disputed: a vote "on Wednesday" misdated by one outlet is still the vote);</item>
/// <item>a month or year date joins the one cluster it agrees with (agreement at its precision); if none, a new
/// cluster; if several, it cannot tell them apart and stays in a cluster of its own date;</item>
/// <item>an undated report joins the cluster of its state, treaty and action if there is exactly one, else an
/// undated cluster.</item>
/// </list>
/// Certainty: <see cref="Certainty.Disputed"/> when reports disagree (day dates, or a vote figure both give);
/// else <see cref="Certainty.Corroborated"/> with two or more independent sources; else
/// <see cref="Certainty.Reported"/>. Articles are one source when they share a near-duplicate group (wire copies)
/// or a publisher.
/// </remarks>
public static class EventClustering
{
    /// <summary>Day dates at most this many days after a cluster's earliest day are read as the same event.</summary>
    public const int DayTolerance = 3;

    public static IReadOnlyList<EventCluster> Cluster(IEnumerable<EventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var result = new List<EventCluster>();
        foreach (var group in reports
                     .GroupBy(r => (r.Event.State, r.Event.Treaty, r.Event.Action))
                     .OrderBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Treaty, StringComparer.Ordinal).ThenBy(g => g.Key.Action))
        {
            var ordered = group.OrderBy(r => r, ReportOrder.Instance).ToList();
            foreach (var members in Split(ordered))
                result.Add(Make(group.Key.State, group.Key.Treaty, group.Key.Action, members));
        }

        result.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.State, b.State);
            if (c == 0) c = string.CompareOrdinal(a.Treaty, b.Treaty);
            if (c == 0) c = (a.Date is null).CompareTo(b.Date is null);
            if (c == 0 && a.Date is { } da && b.Date is { } db) c = da.CompareTo(db);
            if (c == 0) c = a.Action.CompareTo(b.Action);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        });
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < result.Count; i++)
        {
            var n = seen[result[i].Key] = seen.GetValueOrDefault(result[i].Key) + 1;
            if (n > 1) result[i] = result[i] with { Key = $"{result[i].Key}#{n}" };
        }
        return result;
    }

    /// <summary>Splits the reports of one state, treaty and action into events.</summary>
    private static List<List<EventReport>> Split(List<EventReport> reports)
    {
        var clusters = new List<List<EventReport>>();
        LocalDate? windowStart = null;
        foreach (var r in reports.Where(r => r.Event.Date is { Precision: DatePrecision.Day }).OrderBy(r => r.Event.Date!.Value.FirstDay).ThenBy(r => r, ReportOrder.Instance))
        {
            var day = r.Event.Date!.Value.FirstDay;
            if (windowStart is { } start && Period.Between(start, day, PeriodUnits.Days).Days <= DayTolerance) clusters[^1].Add(r);
            else
            {
                clusters.Add([r]);
                windowStart = day;
            }
        }

        foreach (var precision in new[] { DatePrecision.Month, DatePrecision.Year })
        {
            foreach (var r in reports.Where(r => r.Event.Date is { } d && d.Precision == precision).OrderBy(r => r.Event.Date!.Value).ThenBy(r => r, ReportOrder.Instance))
            {
                var date = r.Event.Date!.Value;
                var compatible = clusters.Where(c => c.Any(m => m.Event.Date is { } md && md.AgreesWith(date))).ToList();
                var own = clusters.FirstOrDefault(c => c.All(m => m.Event.Date == date));
                if (compatible.Count == 1) compatible[0].Add(r);
                else if (own is not null) own.Add(r);
                else clusters.Add([r]);
            }
        }

        var undated = reports.Where(r => r.Event.Date is null).ToList();
        if (undated.Count > 0)
        {
            if (clusters.Count == 1) clusters[0].AddRange(undated);
            else clusters.Add(undated);
        }

        foreach (var c in clusters) c.Sort(ReportOrder.Instance);
        return clusters;
    }

    private static EventCluster Make(string state, string treaty, EventAction action, List<EventReport> members)
    {
        var conflicts = new List<ReportConflict>();

        var days = members.Where(m => m.Event.Date is { Precision: DatePrecision.Day }).ToList();
        var date = Conflict("date", days, m => m.Event.Date!.Value.ToString(), conflicts) is { } dayText
            ? PartialDate.Parse(dayText)
            : members.Where(m => m.Event.Date is not null).Select(m => m.Event.Date!.Value)
                .OrderByDescending(d => d.Precision).ThenBy(d => d).Cast<PartialDate?>().FirstOrDefault();

        Votes? votes = null;
        var withVotes = members.Where(m => m.Event.Votes is { } v && !v.IsEmpty()).ToList();
        if (withVotes.Count > 0)
        {
            int? Figure(string field, Func<Votes, int?> get)
            {
                var giving = withVotes.Where(m => get(m.Event.Votes!) is not null).ToList();
                var agreed = Conflict(field, giving, m => get(m.Event.Votes!)!.Value.ToString(CultureInfo.InvariantCulture), conflicts, disputedValue: false);
                return agreed is null ? null : int.Parse(agreed, CultureInfo.InvariantCulture);
            }

            votes = new Votes(Figure("votes in favour", v => v.For), Figure("votes against", v => v.Against),
                Figure("abstentions", v => v.Abstain), Figure("votes required", v => v.Required));
        }

        int sources = IndependentSources(members.Select(m => m.Source));
        var certainty = conflicts.Count > 0 ? Certainty.Disputed : sources >= 2 ? Certainty.Corroborated : Certainty.Reported;
        var key = $"{(state.Length > 0 ? state : "-")}/{treaty}/{action.Name()}/{(date is { } d ? d.ToString() : "undated")}";
        return new EventCluster(key, state, treaty, action, date, votes, certainty, sources, members, conflicts);
    }

    /// <summary>
    /// The value the reports agree on, or on disagreement a conflict and — when <paramref name="disputedValue"/> — the
    /// value most reports give (the first in value order on a tie), else null. Null when no report gives a value.
    /// </summary>
    private static string? Conflict(string field, List<EventReport> giving, Func<EventReport, string> value, List<ReportConflict> conflicts, bool disputedValue = true)
    {
        if (giving.Count == 0) return null;
        // Values in the order of the first article (by name) that gives each.
        var values = giving.GroupBy(value, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Names: g.Select(m => m.Source.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(v => v.Names[0], StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)
            .ToList();
        if (values.Count == 1) return values[0].Value;
        conflicts.Add(new ReportConflict(field, $"{field}: " + string.Join(" vs ", values.Select(v => $"{v.Value} ({string.Join(", ", v.Names)})"))));
        return disputedValue
            ? values.OrderByDescending(v => v.Names.Count).ThenBy(v => v.Value, StringComparer.Ordinal).First().Value
            : null;
    }

    /// <summary>Articles are one source when they share a near-duplicate group or a publisher (union-find).</summary>
    internal static int IndependentSources(IEnumerable<ReportSource> sources)
    {
        var articles = sources.DistinctBy(s => s.Name, StringComparer.Ordinal).ToList();
        var parent = Enumerable.Range(0, articles.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);
        var byGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPublisher = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < articles.Count; i++)
        {
            if (articles[i].DuplicateGroup is { } g)
            {
                if (byGroup.TryGetValue(g, out var j)) Union(i, j);
                else byGroup[g] = i;
            }
            if (articles[i].Publisher is { } p)
            {
                if (byPublisher.TryGetValue(p, out var j)) Union(i, j);
                else byPublisher[p] = i;
            }
        }
        return Enumerable.Range(0, articles.Count).Select(Find).Distinct().Count();
    }

    /// <summary>Article name, then position in the article: the order reports are listed in.</summary>
    private sealed class ReportOrder : IComparer<EventReport>
    {
        public static readonly ReportOrder Instance = new();

        public int Compare(EventReport? x, EventReport? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            int c = string.CompareOrdinal(x.Source.Name, y.Source.Name);
            if (c == 0) c = x.Event.Start.CompareTo(y.Event.Start);
            if (c == 0) c = string.CompareOrdinal(ReportedDates.Format(x.Event.Date), ReportedDates.Format(y.Event.Date));
            return c;
        }
    }
}
