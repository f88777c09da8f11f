using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Rendering;

/// <summary>One participant row of a treaty page: the engine's answer, the state's name, the sources behind it.</summary>
/// <remarks><paramref name="NotProvidedFor"/>: the engine's reasons about acts the treaty does not provide for (a suspension);
/// <paramref name="ObjectedBy"/>: the states on record as objecting to such an act, by name.</remarks>
public sealed record ParticipantRow(string State, string Name, StatusAnswer Answer, IReadOnlyList<int> Sources, IReadOnlyList<Reason> NotProvidedFor, IReadOnlyList<string> ObjectedBy);

/// <summary>A change still to come after the page's date: an entry into force, a withdrawal taking effect.</summary>
public sealed record UpcomingChange(LocalDate? Day, string State, string Name, string What, TreatyStatus Status);

/// <summary>Everything a treaty page shows for one day, computed once per (catalog snapshot, treaty, day).</summary>
public sealed class TreatyDay
{
    public required TreatyDefinition Treaty { get; init; }
    public required TreatyStatusBook Book { get; init; }
    public required LocalDate On { get; init; }
    /// <summary>Map shape code → (name, status on the day); codes that are not states on record are <see cref="TreatyStatus.None"/>.</summary>
    public required IReadOnlyList<(string Code, string Name, TreatyStatus Status, bool OnRecord)> Map { get; init; }
    /// <summary>States with anything but "none" on the day, by name.</summary>
    public required IReadOnlyList<ParticipantRow> Participants { get; init; }
    /// <summary>The sources the rows cite, each once; rows refer to them by number (index + 1).</summary>
    public required IReadOnlyList<Source> Sources { get; init; }
    /// <summary>States by status (only statuses held by some state; "none" not counted).</summary>
    public required IReadOnlyList<(TreatyStatus Status, int Count)> Counts { get; init; }
    public required int Bound { get; init; }
    public required IReadOnlyList<UpcomingChange> Upcoming { get; init; }
    public required TreatySeries Series { get; init; }
}

/// <summary>The number of states bound by a treaty over time (a step function from the engine's segments), and its years.</summary>
public sealed record TreatySeries(IReadOnlyList<(LocalDate Day, int Bound)> Steps, int FirstYear, int LastYear, int Max);

/// <summary>
/// Computes and caches what the treaty pages show. Everything here depends only on (catalog snapshot, treaty, day), so
/// it is cached per snapshot: a reload of the catalog makes a new snapshot and the old answers go with it.
/// All legal reasoning is the engine's (<see cref="TreatyStatusBook.StatusOf"/>); this only arranges its answers.
/// </summary>
public sealed class TreatyViews(MapShapes shapes)
{
    // A day's view holds every state's answer with its reasons (tens of kB); the whole pages are in the output cache.
    // Bounded so memory stays flat under requests for many different days (docs/benchmarks.md, "Web app: memory").
    private const int MaxDaysCached = 256;

    private sealed class PerSnapshot
    {
        public readonly ConcurrentDictionary<(string, LocalDate), TreatyDay> Days = new();
        public readonly ConcurrentDictionary<string, TreatySeries> Series = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<(string, LocalDate), byte[]> Json = new();
    }

    private readonly ConditionalWeakTable<LedgerData.Snapshot, PerSnapshot> _cache = new();

    public MapShapes Shapes => shapes;

    public TreatyDay Day(LedgerData.Snapshot snap, TreatyDefinition treaty, LocalDate on)
    {
        var per = _cache.GetValue(snap, _ => new PerSnapshot());
        if (per.Days.TryGetValue((treaty.Id, on), out var day)) return day;
        if (per.Days.Count >= MaxDaysCached) per.Days.Clear();
        day = Compute(snap, per, treaty, on);
        per.Days[(treaty.Id, on)] = day;
        return day;
    }

    /// <summary>The slider's data: the status of every state not "none" on the day, and the counts, as JSON bytes.</summary>
    public byte[] MapJson(LedgerData.Snapshot snap, TreatyDefinition treaty, LocalDate on)
    {
        var per = _cache.GetValue(snap, _ => new PerSnapshot());
        if (per.Json.TryGetValue((treaty.Id, on), out var bytes)) return bytes;
        if (per.Json.Count >= MaxDaysCached) per.Json.Clear();
        var day = Day(snap, treaty, on);
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("treaty", treaty.Id);
            w.WriteString("on", Words.Iso(on));
            w.WriteString("onText", Words.Date(on));
            w.WriteNumber("bound", day.Bound);
            w.WriteStartObject("counts");
            foreach (var (s, n) in day.Counts) w.WriteNumber(Words.Name(s), n);
            w.WriteEndObject();
            w.WriteStartObject("states");
            foreach (var m in day.Map)
                if (m.Status != TreatyStatus.None) w.WriteString(m.Code, Words.Name(m.Status));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        bytes = stream.ToArray();
        per.Json[(treaty.Id, on)] = bytes;
        return bytes;
    }

    private TreatyDay Compute(LedgerData.Snapshot snap, PerSnapshot per, TreatyDefinition treaty, LocalDate on)
    {
        var catalog = snap.Catalog;
        var book = catalog.Book(treaty.Id);
        var map = new List<(string, string, TreatyStatus, bool)>(shapes.Paths.Count);
        foreach (var (code, _) in shapes.Paths)
        {
            if (catalog.States.TryGetValue(code, out var st)) map.Add((code, st.Name, book.StatusCode(code, on), true));
            else map.Add((code, shapes.Names.GetValueOrDefault(code, code), TreatyStatus.None, false));
        }

        var rows = new List<ParticipantRow>();
        var sourceList = new List<Source>();
        var sourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tl in book.Timelines)
        {
            var a = book.StatusOf(tl.State, on);
            if (a.Status == TreatyStatus.None) continue;
            var name = catalog.States.TryGetValue(a.State, out var s) ? s.Name : a.State;
            var sources = a.Reasons.SelectMany(r => r.Sources)
                .DistinctBy(x => x.Key)
                .OrderBy(x => x.Kind is SourceKind.Depositary or SourceKind.Official ? 0 : 1)
                .Take(3)
                .Select(x =>
                {
                    if (!sourceIndex.TryGetValue(x.Key, out var i))
                    {
                        sourceList.Add(x);
                        sourceIndex[x.Key] = i = sourceList.Count;
                    }

                    return i;
                })
                .ToList();
            var notProvided = a.Reasons.Where(r => r.Kind == ReasonKind.NotProvidedFor).ToList();
            var objections = notProvided.Where(r => r.Action?.Kind == ActionKind.Object).ToList();
            rows.Add(new ParticipantRow(a.State, name, a, sources, notProvided.Except(objections).ToList(),
                objections.Select(r => catalog.States.TryGetValue(r.Action!.State, out var o) ? o.Name : r.Action!.State).Distinct().ToList()));
        }

        rows.Sort((x, y) => string.Compare(x.Name, y.Name, StringComparison.Ordinal));
        var counts = Words.LegendOrder.Where(s => s != TreatyStatus.None)
            .Select(s => (s, rows.Count(r => r.Answer.Status == s)))
            .Where(x => x.Item2 > 0)
            .ToList();

        var upcoming = new List<UpcomingChange>();
        if (book.EntryIntoForce is { } eif && eif > on)
            upcoming.Add(new UpcomingChange(eif, "", "", $"the {treaty.ShortName} enters into force", TreatyStatus.Party));
        foreach (var tl in book.Timelines)
        {
            var name = catalog.States.TryGetValue(tl.State, out var s) ? s.Name : tl.State;
            if (book.StatusCode(tl.State, on) == TreatyStatus.WithdrawalSuspended)
                upcoming.Add(new UpcomingChange(null, tl.State, name, "withdrawal held back while the state is engaged in an armed conflict", TreatyStatus.WithdrawalSuspended));
            foreach (var (d, status) in tl.Transitions)
            {
                if (d <= on) continue;
                var what = status switch
                {
                    TreatyStatus.Party => "treaty enters into force for it",
                    TreatyStatus.Withdrawn => "withdrawal takes effect",
                    TreatyStatus.WithdrawalSuspended => "notice period ends; armed conflict holds the withdrawal back",
                    _ => null,
                };
                if (what is not null) upcoming.Add(new UpcomingChange(d, tl.State, name, what, status));
            }
        }

        upcoming = upcoming.OrderBy(u => u.Day ?? LocalDate.MaxIsoValue).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var series = per.Series.GetOrAdd(treaty.Id, _ => Series(book, snap.LoadedAt.InUtc().Date));
        return new TreatyDay
        {
            Treaty = treaty,
            Book = book,
            On = on,
            Map = map,
            Participants = rows,
            Sources = sourceList,
            Counts = counts,
            Bound = rows.Count(r => TreatyStatuses.IsBound(r.Answer.Status)),
            Upcoming = upcoming,
            Series = series,
        };
    }

    /// <summary>The count of bound states at every change, from the engine's status segments.</summary>
    private static TreatySeries Series(TreatyStatusBook book, LocalDate today)
    {
        var deltas = new SortedDictionary<LocalDate, int>();
        var first = book.EntryIntoForce ?? book.Treaty.OpenedForSignature ?? book.Treaty.Adopted;
        var last = today;
        foreach (var tl in book.Timelines)
        {
            foreach (var seg in tl.Segments)
            {
                if (seg.From != LocalDate.MinIsoValue && (first is null || seg.From < first)) first = seg.From;
                if (seg.From != LocalDate.MinIsoValue && seg.From > last) last = seg.From;
                if (!TreatyStatuses.IsBound(seg.Status)) continue;
                deltas[seg.From] = deltas.GetValueOrDefault(seg.From) + 1;
                if (seg.Until is { } u) deltas[u] = deltas.GetValueOrDefault(u) - 1;
            }
        }

        var steps = new List<(LocalDate, int)>();
        var n = 0;
        var max = 0;
        foreach (var (d, delta) in deltas)
        {
            if (delta == 0) continue;
            n += delta;
            max = Math.Max(max, n);
            steps.Add((d, n));
        }

        var firstYear = (first ?? today).Year;
        return new TreatySeries(steps, firstYear, Math.Max(last.Year, firstYear + 1), max);
    }
}
