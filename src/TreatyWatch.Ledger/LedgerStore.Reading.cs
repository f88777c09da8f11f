using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Ledger;

// Reading: the engine's Catalog from the ledger, under both clocks, with each treaty's actions read all at once or on
// first use (one treaty's rows, by the actions_treaty index).
public sealed partial class LedgerStore
{
    /// <summary>
    /// Rebuilds the engine's <see cref="Catalog"/> from the ledger: states, groups, treaty definitions, sources,
    /// armed conflicts, and the official and confirmed actions (reported and rejected ones never drive a status).
    /// </summary>
    /// <param name="asKnownOn">Only records known by this day (<see cref="TreatyAction.Known"/>), with only the
    /// corrections known by then: the answer the record gave on that day. Null: everything known.</param>
    /// <param name="asRecordedAt">Only rows the ledger held at this instant (transaction time): what this ledger
    /// said then, for audit. Null: every row.</param>
    /// <param name="lazyActions">Read a treaty's actions, and parse its definition, only when they are first asked for
    /// (a one-treaty query reads that treaty's rows alone and parses its definition alone; a definition that does not
    /// parse is refused then). The catalog then reads through this store: use it before disposing the store. Rows
    /// appended after this call are not seen (each table is read up to the last row it held at this call).</param>
    /// <remarks>
    /// A correction is passed to the engine as <see cref="TreatyAction.Supersedes"/>, so a catalog loaded without
    /// <paramref name="asKnownOn"/> still answers <see cref="Catalog.Book"/> as known on an earlier day correctly. The
    /// one case the engine cannot express is a retraction (a rejected record superseding an official one): it is
    /// applied here, so load with <paramref name="asKnownOn"/> to see a retracted record on days before its retraction.
    /// </remarks>
    public Catalog LoadCatalog(LocalDate? asKnownOn = null, Instant? asRecordedAt = null, bool lazyActions = false)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var clocks = new Clocks(asKnownOn, asRecordedAt);
        var additions = _db.TableExists(c, tx, "action_source_additions");
        var pins = new Pins(
            Sql.Long(c, tx, "SELECT max(seq) FROM actions") ?? 0,
            Sql.Long(c, tx, "SELECT max(id) FROM supersessions") ?? 0,
            additions ? Sql.Long(c, tx, "SELECT max(seq) FROM action_source_additions") ?? 0 : -1);

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {StateRow.Columns} FROM states ORDER BY seq", StateRow.Read).Where(r => clocks.Recorded(r.RecordedAt)))
            states[r.Iso3] = r.ToState();

        var groups = new Dictionary<string, StateGroup>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {GroupRow.Columns} FROM state_groups ORDER BY seq", GroupRow.Read).Where(r => clocks.Recorded(r.RecordedAt)))
            groups[r.Name] = r.ToGroup();

        var definitions = new Dictionary<string, DefinitionRow>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {DefinitionRow.Columns} FROM treaty_definitions ORDER BY seq", DefinitionRow.Read).Where(r => clocks.Recorded(r.LoadedAt)))
            definitions[r.TreatyId] = r;
        var ordered = definitions.Values.OrderBy(r => $"treaties/{r.TreatyId}.treaty", StringComparer.Ordinal).ToList();
        static TreatyDefinition Parse(DefinitionRow r) => TreatyDefinitionParser.Parse(r.Origin ?? $"treaties/{r.TreatyId}.treaty", r.Definition);
        // Lazily: each definition is parsed when its treaty is first asked for; finding one by name reads the name lines.
        IReadOnlyList<TreatyDefinition> treaties = lazyActions ? new LazyDefinitions(ordered.Select(r => (Func<TreatyDefinition>)(() => Parse(r)))) : ordered.Select(Parse).ToList();
        var names = lazyActions ? ordered.Select(r => TreatyDefinitionParser.Names(r.Definition)).ToList() : treaties.Select(TreatyNames.Of).ToList();

        var conflicts = Sql.Query(c, tx, $"SELECT {ConflictRow.Columns} FROM armed_conflicts ORDER BY seq", ConflictRow.Read).Where(r => clocks.Recorded(r.RecordedAt)).ToList();
        var replaced = conflicts.Where(r => r.Supersedes is not null).Select(r => r.Supersedes!).ToHashSet(StringComparer.Ordinal);

        IReadOnlyDictionary<string, IReadOnlyList<TreatyAction>> actions;
        IReadOnlyDictionary<string, Source> catalogSources;
        if (lazyActions)
        {
            // Sources too are read when needed: those a treaty's actions cite with its actions, the whole list on first
            // use (a source is never changed once recorded, so one recorded after this call adds to the list and
            // changes nothing in it).
            actions = new LazyTreatyActions(
                treaty => ReadTreaty(treaty, pins, clocks),
                () => ReadTreatyIds(pins));
            catalogSources = new LazyDictionary<string, Source>(() => NotWeb(ReadSources(clocks)));
        }
        else
        {
            var sources = ReadSources(c, tx, clocks, null);
            var rows = ReadRows(c, tx, null, pins);
            actions = new View(rows, clocks, sources).Drivers()
                .GroupBy(a => a.TreatyId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<TreatyAction>)g.ToList(), StringComparer.Ordinal);
            catalogSources = NotWeb(sources);
        }

        tx.Commit();
        return new Catalog
        {
            States = states,
            Groups = groups.Values.ToList(),
            Treaties = treaties,
            TreatyNames = names,
            Actions = actions,
            Sources = catalogSources,
            Conflicts = conflicts.Where(r => !replaced.Contains(r.Id)).Select(r => r.ToPeriod()).ToList(),
        };
    }

    /// <summary>Reported records not yet reviewed (not superseded by any record visible on the day): news, not law.</summary>
    public IReadOnlyList<LedgerAction> ReportedActions(LocalDate? asKnownOn = null, Instant? asRecordedAt = null)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var clocks = new Clocks(asKnownOn, asRecordedAt);
        var sources = ReadSources(c, tx, clocks, null);
        var pins = new Pins(long.MaxValue, long.MaxValue, _db.TableExists(c, tx, "action_source_additions") ? long.MaxValue : -1);
        var rows = ReadRows(c, tx, null, pins);
        tx.Commit();
        return new View(rows, clocks, sources).Pending();
    }

    private IReadOnlyList<TreatyAction> ReadTreaty(string treaty, Pins pins, Clocks clocks)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var rows = ReadRows(c, tx, treaty, pins);
        var sources = ReadSources(c, tx, clocks, (treaty, pins));
        tx.Commit();
        return new View(rows, clocks, sources).Drivers();
    }

    private static Dictionary<string, Source> NotWeb(Dictionary<string, Source> sources) =>
        sources.Where(kv => kv.Value.Kind != SourceKind.Web).ToDictionary(StringComparer.Ordinal);

    /// <summary>Every source visible under <paramref name="clocks"/>, on a connection of its own.</summary>
    private Dictionary<string, Source> ReadSources(Clocks clocks)
    {
        using var c = _db.Open();
        return ReadSources(c, null, clocks, null);
    }

    /// <summary>
    /// The sources visible under <paramref name="clocks"/>: all of them, or those cited by one treaty's actions (by
    /// their links and the sources added to them later, up to the pinned rows).
    /// </summary>
    private static Dictionary<string, Source> ReadSources(DbConnection c, DbTransaction? tx, Clocks clocks, (string Treaty, Pins Pins)? cited)
    {
        var sql = $"SELECT {SourceRow.Columns} FROM sources";
        (string, object?)[] p = [];
        if (cited is { } t)
        {
            const string mine = "a.treaty_id = @t AND a.seq <= @pin";
            var added = t.Pins.Additions < 0 ? "" : $" UNION SELECT x.source_key FROM action_source_additions x JOIN actions a ON a.id = x.action_id WHERE {mine} AND x.seq <= @pinx";
            sql += $" WHERE key IN (SELECT l.source_key FROM action_sources l JOIN actions a ON a.id = l.action_id WHERE {mine}{added})";
            p = [("t", t.Treaty), ("pin", t.Pins.Actions), ("pinx", t.Pins.Additions)];
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, sql + " ORDER BY key", SourceRow.Read, p).Where(r => clocks.Recorded(r.RecordedAt)))
            sources[r.Key] = r.ToSource();
        return sources;
    }

    private IReadOnlyList<string> ReadTreatyIds(Pins pins)
    {
        using var c = _db.Open();
        return Sql.Query(c, null, "SELECT DISTINCT treaty_id FROM actions WHERE seq <= @pin ORDER BY treaty_id", r => r.GetString(0), ("pin", pins.Actions));
    }

    /// <summary>The rows that make up actions (all, or one treaty's), up to the pinned last rows.</summary>
    private static Rows ReadRows(DbConnection c, DbTransaction tx, string? treaty, Pins pins)
    {
        var where = treaty is null ? "a.seq <= @pin" : "a.treaty_id = @t AND a.seq <= @pin";
        var a = string.Join(", ", ActionRow.Columns.Split(", ").Select(x => "a." + x));
        (string, object?)[] p = treaty is null ? [("pin", pins.Actions)] : [("t", treaty), ("pin", pins.Actions)];
        var actions = Sql.Query(c, tx, $"SELECT {a} FROM actions a WHERE {where} ORDER BY a.seq", ActionRow.Read, p);
        var links = Sql.Query(c, tx,
            $"SELECT l.action_id, l.position, l.source_key FROM action_sources l JOIN actions a ON a.id = l.action_id WHERE {where} ORDER BY l.action_id, l.position",
            ActionSourceRow.Read, p);
        var supersessions = Sql.Query(c, tx,
            $"SELECT x.id, x.old_id, x.new_id, x.why, x.recorded_at, x.recorded_by FROM supersessions x JOIN actions a ON a.id = x.new_id WHERE {where} AND x.id <= @pinx ORDER BY x.id",
            SupersessionRow.Read, [.. p, ("pinx", pins.Supersessions)]);
        var added = pins.Additions < 0
            ? []
            : Sql.Query(c, tx,
                $"SELECT x.seq, x.action_id, x.source_key, x.import_id, x.recorded_at, x.recorded_by FROM action_source_additions x JOIN actions a ON a.id = x.action_id WHERE {where} AND x.seq <= @pinx ORDER BY x.seq",
                SourceAdditionRow.Read, [.. p, ("pinx", pins.Additions)]);
        return new Rows(actions, links, supersessions, added);
    }

    private sealed record Pins(long Actions, long Supersessions, long Additions);

    private sealed record Rows(List<ActionRow> Actions, List<ActionSourceRow> Links, List<SupersessionRow> Supersessions, List<SourceAdditionRow> Additions);

    /// <summary>The two clocks of a read: known by a day, recorded by an instant.</summary>
    private sealed class Clocks(LocalDate? asKnownOn, Instant? asRecordedAt)
    {
        private readonly string? _recordedBy = asRecordedAt is { } t ? LedgerText.Instant(t) : null;

        public string? KnownBy { get; } = asKnownOn is { } d ? LedgerText.Day(d) : null;

        public bool Recorded(string at) => _recordedBy is null || string.CompareOrdinal(at, _recordedBy) <= 0;

        public bool Known(string known) => KnownBy is null || string.CompareOrdinal(known, KnownBy) <= 0;
    }

    /// <summary>The ledger as known on a day and as recorded at an instant: which rows count, and what each replaces.</summary>
    private sealed class View
    {
        private readonly Dictionary<string, ActionRow> _visible = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _oldOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _newOf = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, Source> _sources;
        private readonly Dictionary<string, List<string>> _links = new(StringComparer.Ordinal);

        public View(Rows rows, Clocks clocks, IReadOnlyDictionary<string, Source> sources)
        {
            _sources = sources;
            foreach (var a in rows.Actions.Where(a => clocks.Recorded(a.RecordedAt) && clocks.Known(a.Known)))
                _visible[a.Id] = a;
            foreach (var x in rows.Supersessions.Where(x => clocks.Recorded(x.RecordedAt) && _visible.ContainsKey(x.NewId) && _visible.ContainsKey(x.OldId)))
            {
                _oldOf[x.NewId] = x.OldId;
                _newOf[x.OldId] = x.NewId;
            }

            foreach (var l in rows.Links)
            {
                if (!_links.TryGetValue(l.ActionId, out var keys)) _links[l.ActionId] = keys = [];
                keys.Add(l.SourceKey);
            }

            // Sources added later come after the action's own, in the order added, once each.
            foreach (var x in rows.Additions.Where(x => clocks.Recorded(x.RecordedAt)))
            {
                if (!_links.TryGetValue(x.ActionId, out var keys)) _links[x.ActionId] = keys = [];
                if (!keys.Contains(x.SourceKey, StringComparer.Ordinal)) keys.Add(x.SourceKey);
            }
        }

        private static bool DrivesStatus(ActionRow a) => a.Review is ReviewState.Official or ReviewState.Confirmed;

        /// <summary>
        /// What an official or confirmed record replaces in the engine's eyes: the nearest official or confirmed record
        /// back along its chain of corrections (a confirmed record that confirms a report that corrected an official
        /// record replaces that official record).
        /// </summary>
        private string? Replaces(string id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var cur = id;
            while (_oldOf.TryGetValue(cur, out var old) && seen.Add(old))
            {
                if (DrivesStatus(_visible[old])) return old;
                cur = old;
            }

            return null;
        }

        /// <summary>A rejected record that directly supersedes an official or confirmed one retracts it.</summary>
        private bool Retracted(ActionRow a) => _newOf.TryGetValue(a.Id, out var by) && _visible[by].Review == ReviewState.Rejected;

        private TreatyAction ToAction(ActionRow a, string? supersedes)
        {
            var sources = _links.TryGetValue(a.Id, out var keys)
                ? keys.Select(k => _sources.TryGetValue(k, out var src) ? src : throw new LedgerException($"action {a.Id} cites source '{k}', which is not on record")).ToList()
                : [];
            return a.ToAction(sources, supersedes);
        }

        public IReadOnlyList<LedgerAction> Pending() =>
            _visible.Values.Where(a => a.Review == ReviewState.Reported && !_newOf.ContainsKey(a.Id)).OrderBy(a => a.Seq)
                .Select(a => new LedgerAction(ToAction(a, _oldOf.GetValueOrDefault(a.Id)), ReviewState.Reported, LedgerText.ParseInstant(a.RecordedAt), a.RecordedBy, null))
                .ToList();

        /// <summary>The records that drive the status, in record order, each naming the record it replaces.</summary>
        public List<TreatyAction> Drivers() =>
            _visible.Values.Where(a => DrivesStatus(a) && !Retracted(a)).OrderBy(a => a.Seq).Select(a => ToAction(a, Replaces(a.Id))).ToList();
    }

    /// <summary>A dictionary read on first access, once.</summary>
    private sealed class LazyDictionary<TKey, TValue>(Func<Dictionary<TKey, TValue>> read) : IReadOnlyDictionary<TKey, TValue>
        where TKey : notnull
    {
        private readonly Lazy<Dictionary<TKey, TValue>> _items = new(read);

        public TValue this[TKey key] => _items.Value[key];
        public IEnumerable<TKey> Keys => _items.Value.Keys;
        public IEnumerable<TValue> Values => _items.Value.Values;
        public int Count => _items.Value.Count;
        public bool ContainsKey(TKey key) => _items.Value.ContainsKey(key);
        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.Value.TryGetValue(key, out value);
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.Value.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Treaty definitions, each parsed on first access, once.</summary>
    private sealed class LazyDefinitions(IEnumerable<Func<TreatyDefinition>> parse) : IReadOnlyList<TreatyDefinition>
    {
        private readonly Lazy<TreatyDefinition>[] _items = parse.Select(p => new Lazy<TreatyDefinition>(p)).ToArray();

        public TreatyDefinition this[int index] => _items[index].Value;
        public int Count => _items.Length;

        public IEnumerator<TreatyDefinition> GetEnumerator() => _items.Select(l => l.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Actions by treaty, each treaty's read from the ledger on first access.</summary>
    private sealed class LazyTreatyActions(Func<string, IReadOnlyList<TreatyAction>> read, Func<IReadOnlyList<string>> ids)
        : IReadOnlyDictionary<string, IReadOnlyList<TreatyAction>>
    {
        private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<TreatyAction>>> _read = new(StringComparer.Ordinal);
        private readonly Lazy<IReadOnlyList<string>> _ids = new(ids);

        private IReadOnlyList<TreatyAction> Get(string treaty) => _read.GetOrAdd(treaty, t => new Lazy<IReadOnlyList<TreatyAction>>(() => read(t))).Value;

        public IReadOnlyList<TreatyAction> this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"no actions of '{key}' are on record");
        public IEnumerable<string> Keys => _ids.Value;
        public IEnumerable<IReadOnlyList<TreatyAction>> Values => Keys.Select(Get);
        public int Count => _ids.Value.Count;
        public bool ContainsKey(string key) => _ids.Value.Contains(key, StringComparer.Ordinal);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<TreatyAction> value)
        {
            value = Get(key);
            return true;
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<TreatyAction>>> GetEnumerator() =>
            Keys.Select(k => new KeyValuePair<string, IReadOnlyList<TreatyAction>>(k, Get(k))).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public sealed partial class LedgerStore
{
    /// <summary>Every review decision on record (schema v3 and later), in the order made.</summary>
    public IReadOnlyList<ReviewRecord> PastReviews()
    {
        List<ActionReviewRow> rows;
        using (var c = _db.Open())
        {
            if (!_db.TableExists(c, null, "action_reviews")) return [];
            rows = Sql.Query(c, null, $"SELECT {ActionReviewRow.Columns} FROM action_reviews ORDER BY id", ActionReviewRow.Read);
        }

        return rows.Select(r =>
        {
            var report = Find(r.ReportedId) ?? throw new LedgerException($"review {r.Id} names '{r.ReportedId}', which is not on record");
            return new ReviewRecord(report, LedgerText.ParseEnum<ReviewDecision>(r.Decision), r.Reason, r.ReviewedBy, LedgerText.ParseInstant(r.ReviewedAt), r.ActionId, r.MergedInto);
        }).ToList();
    }
}
