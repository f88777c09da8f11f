using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Ledger.Migrations;

namespace TreatyWatch.Ledger;

/// <summary>
/// The durable, append-only record: SQLite (<c>sqlite:&lt;path&gt;</c>) or PostgreSQL (a connection string), one
/// schema and one behaviour on both. Nothing is updated or deleted; a correction is a new record that supersedes an
/// old one. See docs/ledger.md for the two clocks (the act's date, and when it was known).
/// </summary>
/// <remarks>
/// Every method opens its own connection (pooled), so one store may be used from several threads, and several
/// stores or processes may write to one ledger at once: writes queue on the database's locks, each in one transaction.
/// </remarks>
public sealed partial class LedgerStore : IDisposable
{
    private readonly Dialect _db;
    private readonly IClock _clock;

    private LedgerStore(Dialect db, IClock clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens a ledger by spec: <c>sqlite:&lt;path&gt;</c> or a PostgreSQL connection string. Nothing is read or written yet.</summary>
    /// <param name="clock">Gives the transaction time (recorded_at) of every write.</param>
    /// <exception cref="LedgerException">The spec is neither.</exception>
    public static LedgerStore Open(string spec, IClock clock) => new(Dialect.FromSpec(spec), clock);

    /// <summary>"sqlite" or "postgres".</summary>
    public string DialectName => _db.Name;

    /// <summary>Where the ledger is, for messages (no password).</summary>
    public string Location => _db.Describe;

    /// <summary>The schema version this program writes.</summary>
    public static int LatestSchemaVersion => MigrationRunner.For("sqlite").Count;

    /// <summary>The schema version of the database (0 when empty).</summary>
    public int SchemaVersion => MigrationRunner.CurrentVersion(_db);

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (default: the latest), one transaction per migration.</summary>
    /// <returns>The versions applied by this call: empty when there was nothing to do.</returns>
    public IReadOnlyList<int> Migrate(int? targetVersion = null) => MigrationRunner.Run(_db, _clock, targetVersion);

    /// <summary>True when nothing is recorded: no state, treaty definition or action.</summary>
    /// <exception cref="LedgerException">The database has no ledger schema yet (call <see cref="Migrate"/>).</exception>
    public bool IsEmpty
    {
        get
        {
            using var c = _db.Open();
            RequireSchema(c, null);
            return IsEmptyCore(c, null);
        }
    }

    /// <summary>
    /// Loads the bundled data files into an empty ledger, in one transaction. The files are parsed first with
    /// <see cref="CatalogParser.Parse"/>, so data that does not load is refused before anything is written; a
    /// failure while writing (an action id used in two files) rolls everything back.
    /// </summary>
    /// <returns>True when seeded; false when the ledger already held records (nothing is added: seeding twice, or
    /// two processes seeding at once, leaves one copy).</returns>
    /// <exception cref="DataException">The files do not load, naming file, line and reason.</exception>
    public bool SeedFromBundledData(IEnumerable<DataFile> files, string who)
    {
        RequireWho(who);
        var list = files.ToList();
        var catalog = CatalogParser.Parse(list);
        var at = LedgerText.Instant(_clock.GetCurrentInstant());

        using var c = _db.Open();
        RequireSchema(c, null);
        using var tx = _db.BeginExclusiveWrite(c);
        if (!IsEmptyCore(c, tx)) return false;

        try
        {
            var importId = Sql.Long(c, tx,
                "INSERT INTO imports (kind, origin, content_hash, recorded_at, recorded_by) VALUES ('bundled', @Origin, @Hash, @At, @Who) RETURNING id",
                ("Origin", $"bundled data ({list.Count} files)"), ("Hash", ContentHash(list)), ("At", at), ("Who", who))!.Value;

            Bulk.Insert(c, tx, StateRow.Insert, _db.BulkRows, catalog.States.Values.Select(s => StateRow.From(s, who, at, importId)));
            Bulk.Insert(c, tx, GroupRow.Insert, _db.BulkRows, catalog.Groups.Select(g => new GroupRow
            {
                Name = g.Name, Aliases = LedgerText.List(g.Aliases), Members = LedgerText.List(g.Members), Note = g.Note,
                ImportId = importId, RecordedAt = at, RecordedBy = who,
            }));

            var definitions = list
                .Where(f => f.Path.StartsWith("treaties/", StringComparison.Ordinal) && f.Path.EndsWith(".treaty", StringComparison.Ordinal))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => new DefinitionRow
                {
                    TreatyId = f.Path["treaties/".Length..^".treaty".Length], Definition = f.Text, Origin = f.Path,
                    ImportId = importId, LoadedAt = at, LoadedBy = who,
                });
            Bulk.Insert(c, tx, DefinitionRow.Insert, _db.BulkRows, definitions);

            var actions = catalog.Actions.OrderBy(kv => $"actions/{kv.Key}.csv", StringComparer.Ordinal).SelectMany(kv => kv.Value).ToList();
            var webSources = actions.SelectMany(a => a.Sources).Where(s => !catalog.Sources.ContainsKey(s.Key)).DistinctBy(s => s.Key);
            Bulk.Insert(c, tx, SourceRow.Insert, _db.BulkRows, catalog.Sources.Values.Concat(webSources).Select(s => SourceRow.From(s, who, at, importId)));

            Bulk.Insert(c, tx, ActionRow.Insert, _db.BulkRows, actions.Select(a => ActionRow.From(a, DefaultState(a), who, at, importId)));
            Bulk.Insert(c, tx, ActionSourceRow.Insert, _db.BulkRows, actions.SelectMany(SourceLinks));
            Bulk.Insert(c, tx, SupersessionRow.Insert, _db.BulkRows, actions.Where(a => a.Supersedes is not null).Select(a => new SupersessionRow
            {
                OldId = a.Supersedes!, NewId = a.Id, Why = $"supersedes= in {a.Origin}", RecordedAt = at, RecordedBy = who,
            }));

            Bulk.Insert(c, tx, ConflictRow.Insert, _db.BulkRows, catalog.Conflicts.Select((p, i) => new ConflictRow
            {
                Id = $"armed-conflicts.csv#{i + 1}", State = p.State, StartDate = LedgerText.Day(p.Start), EndDate = LedgerText.Day(p.End),
                Name = p.Name, Sources = LedgerText.List(p.Sources), Note = p.Note, ImportId = importId, RecordedAt = at, RecordedBy = who,
            }));

            tx.Commit();
            return true;
        }
        catch (Exception e) when (_db.IsUniqueViolation(e))
        {
            throw (Exception?)DuplicateIdsIn(catalog) ?? new LedgerException($"{_db.Describe}: the bundled data repeats a key the ledger keeps unique: {e.Message}", e);
        }
    }

    /// <summary>Appends an action. An empty <see cref="TreatyAction.Id"/> gets a new id (<c>&lt;treaty&gt;:&lt;12 hex digits&gt;</c>).</summary>
    /// <param name="state"><see cref="ReviewState.Reported"/> for news not yet reviewed: it will not change any status.</param>
    /// <exception cref="ArgumentException">The action names a record it supersedes: use <see cref="Correct"/>.</exception>
    /// <exception cref="LedgerException">The id is taken, the state is not in the ledger, or a source key is on record with other content.</exception>
    public LedgerAction RecordAction(TreatyAction action, ReviewState state, string who)
    {
        RequireWho(who);
        if (action.Supersedes is not null)
            throw new ArgumentException($"action {action.Id} supersedes {action.Supersedes}: record a correction with Correct(oldId, newAction, who, why)", nameof(action));
        var a = WithId(action, null);
        Validate(a);
        var now = _clock.GetCurrentInstant();

        using var c = _db.Open();
        using var tx = _db.BeginWrite(c);
        try
        {
            Append(c, tx, a, state, who, LedgerText.Instant(now));
            tx.Commit();
        }
        catch (Exception e) when (_db.IsUniqueViolation(e))
        {
            throw new LedgerException($"action id '{a.Id}' is already on record", e);
        }

        return new LedgerAction(a, state, LedgerText.ParseInstant(LedgerText.Instant(now)), who, null);
    }

    /// <summary>
    /// Appends <paramref name="newAction"/> as the correction of <paramref name="oldId"/>. The old record stays; from
    /// the day the new one is known (its <see cref="TreatyAction.Known"/>) it replaces the old one.
    /// </summary>
    /// <param name="state">Default: official when the new action's sources make it official, else confirmed.</param>
    /// <exception cref="LedgerException">No such record, another treaty's record, or the record was already corrected (correct the correction instead).</exception>
    public LedgerAction Correct(string oldId, TreatyAction newAction, string who, string why, ReviewState? state = null) =>
        CorrectAnd(oldId, newAction, who, why, state, null);

    /// <summary><see cref="Correct"/>, with more rows written in the same transaction (a review's decision).</summary>
    private LedgerAction CorrectAnd(string oldId, TreatyAction newAction, string who, string why, ReviewState? state, Action<DbConnection, DbTransaction, string, string>? alsoWrite)
    {
        RequireWho(who);
        if (string.IsNullOrWhiteSpace(why)) throw new ArgumentException("a correction needs a reason", nameof(why));
        var a = WithId(newAction with { Supersedes = null }, oldId);
        Validate(a);
        var review = state ?? DefaultState(a);
        var now = LedgerText.Instant(_clock.GetCurrentInstant());

        using var c = _db.Open();
        using var tx = _db.BeginWrite(c);
        var old = Sql.First(c, tx, $"SELECT {ActionRow.Columns} FROM actions WHERE id = @oldId", ActionRow.Read, ("oldId", oldId))
            ?? throw new LedgerException($"no action '{oldId}' is on record");
        if (old.TreatyId != a.TreatyId)
            throw new LedgerException($"'{oldId}' is a record of {old.TreatyId}; its correction cannot be a record of {a.TreatyId}");
        var earlier = Sql.First(c, tx, $"SELECT {SupersessionRow.Columns} FROM supersessions WHERE old_id = @oldId", SupersessionRow.Read, ("oldId", oldId));
        if (earlier is not null) throw AlreadyCorrected(oldId, earlier.NewId, earlier.RecordedBy, earlier.RecordedAt);

        try
        {
            Append(c, tx, a, review, who, now);
            Bulk.Insert(c, tx, SupersessionRow.Insert, _db.BulkRows, [new SupersessionRow { OldId = oldId, NewId = a.Id, Why = why, RecordedAt = now, RecordedBy = who }]);
            alsoWrite?.Invoke(c, tx, a.Id, now);
            tx.Commit();
        }
        catch (Exception e) when (_db.IsUniqueViolation(e))
        {
            throw new LedgerException($"'{oldId}' was corrected by another writer at the same moment, or the id '{a.Id}' is taken: read the record again and correct the latest version", e);
        }

        return new LedgerAction(a with { Supersedes = oldId }, review, LedgerText.ParseInstant(now), who, null);
    }

    /// <summary>
    /// Appends what one outside file gave (a UN Treaty Collection table, the project's CSV or JSON), in one
    /// transaction with its <c>imports</c> row. Idempotent: an action whose id is on record, or whose treaty, state,
    /// kind, date and first source match a record, is skipped; when nothing is new nothing is written (not even the
    /// <c>imports</c> row). From a UN table (<paramref name="kind"/> <c>untc</c>), an act already on record from
    /// another source (a standing official or confirmed record of the same treaty, state, kind and date) is not
    /// recorded twice: the record gains the table's source (an <c>action_source_additions</c> row), counted in
    /// <see cref="ImportOutcome.SourcesAdded"/>. An action that names what it supersedes gets a <c>supersessions</c> row when the record it
    /// supersedes is on record or in the same file.
    /// </summary>
    /// <param name="kind"><c>untc</c>, <c>csv</c> or <c>json</c>.</param>
    /// <param name="sources">Sources to record besides those the actions cite (uncited ones in a project export).</param>
    /// <returns>What was added and what was already on record.</returns>
    /// <exception cref="LedgerException">A state not in the ledger, a source key on record with other content, or an
    /// action the ledger refuses; nothing of the file is written.</exception>
    public ImportOutcome Import(string kind, string origin, string contentHash, IReadOnlyList<TreatyAction> actions, IReadOnlyList<Source> sources, string who)
    {
        RequireWho(who);
        if (kind is not ("untc" or "csv" or "json")) throw new ArgumentException($"'{kind}' is not an import kind (untc, csv, json)", nameof(kind));
        foreach (var a in actions) Validate(a);
        var at = LedgerText.Instant(_clock.GetCurrentInstant());

        using var c = _db.Open();
        RequireSchema(c, null);
        using var tx = _db.BeginWrite(c);

        var treaties = actions.Select(a => a.TreatyId).Distinct(StringComparer.Ordinal).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var facts = new HashSet<string>(StringComparer.Ordinal);
        // For a UN table: the records of each act (treaty, state, kind, date) that drive the status and stand, with
        // the sources they cite, so that an act on record from another source gains the table as a source.
        var acts = new Dictionary<string, List<(string Id, HashSet<string> Sources)>>(StringComparer.Ordinal);
        var additions = TableExists(c, tx, "action_source_additions");
        foreach (var t in treaties)
        {
            var cited = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (id, key) in Sql.Query(c, tx,
                         "SELECT l.action_id, l.source_key FROM action_sources l JOIN actions a ON a.id = l.action_id WHERE a.treaty_id = @t" +
                         (additions ? " UNION ALL SELECT x.action_id, x.source_key FROM action_source_additions x JOIN actions a ON a.id = x.action_id WHERE a.treaty_id = @t" : ""),
                         r => (r.GetString(0), r.GetString(1)), ("t", t)))
            {
                if (!cited.TryGetValue(id, out var keys)) cited[id] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(key);
            }

            var superseded = Sql.Query(c, tx, "SELECT x.old_id FROM supersessions x JOIN actions a ON a.id = x.old_id WHERE a.treaty_id = @t", r => r.GetString(0), ("t", t))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var row in Sql.Query(c, tx,
                         "SELECT a.id, a.state, a.action, a.date, s.source_key, a.review_state FROM actions a LEFT JOIN action_sources s ON s.action_id = a.id AND s.position = 0 WHERE a.treaty_id = @t ORDER BY a.seq",
                         r => (Id: r.GetString(0), Act: Fact(t, r.GetString(1), r.GetString(2), r.GetString(3), null), Fact: Fact(t, r.GetString(1), r.GetString(2), r.GetString(3), Sql.SN(r, 4)), Review: r.GetString(5)), ("t", t)))
            {
                ids.Add(row.Id);
                facts.Add(row.Fact);
                if (row.Review is not ("official" or "confirmed") || superseded.Contains(row.Id)) continue;
                if (!acts.TryGetValue(row.Act, out var list)) acts[row.Act] = list = [];
                list.Add((row.Id, cited.GetValueOrDefault(row.Id) ?? new HashSet<string>(StringComparer.Ordinal)));
            }
        }

        var fresh = new List<TreatyAction>();
        var attach = new List<(string ActionId, Source Source)>();
        var attachedActs = 0;
        foreach (var a in actions)
        {
            var kindName = ActionKinds.Name(a.Kind);
            var fact = Fact(a.TreatyId, a.State, kindName, a.Date.ToString(), a.Sources.Count > 0 ? a.Sources[0].Key : null);
            if (ids.Contains(a.Id) || !facts.Add(fact)) continue;
            if (kind == "untc" && acts.TryGetValue(Fact(a.TreatyId, a.State, kindName, a.Date.ToString(), null), out var records))
            {
                // On record from another source: the table becomes one more source of that record (the first one).
                var (recordId, recordSources) = records[0];
                var added = false;
                foreach (var s in a.Sources.Where(s => recordSources.Add(s.Key)))
                {
                    attach.Add((recordId, s));
                    added = true;
                }

                if (added) attachedActs++;
                continue;
            }

            ids.Add(a.Id);
            fresh.Add(a);
        }

        if (fresh.Count == 0 && attach.Count == 0)
        {
            tx.Commit();
            return new ImportOutcome(0, actions.Count);
        }

        if (attach.Count > 0 && !additions) throw new LedgerException($"{_db.Describe} is at schema version {SchemaVersion}: migrate it to add sources to records on file");

        var states = Sql.Query(c, tx, "SELECT DISTINCT iso3 FROM states", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var unknown = fresh.Select(a => a.State).Where(x => states.Count > 0 && !states.Contains(x)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) throw new LedgerException($"state{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)} not in the ledger's list of states");

        try
        {
            var importId = Sql.Long(c, tx,
                "INSERT INTO imports (kind, origin, content_hash, recorded_at, recorded_by) VALUES (@Kind, @Origin, @Hash, @At, @Who) RETURNING id",
                ("Kind", kind), ("Origin", origin), ("Hash", contentHash), ("At", at), ("Who", who))!.Value;

            var newSources = new List<Source>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in fresh.SelectMany(a => a.Sources).Concat(attach.Select(x => x.Source)).Concat(sources))
            {
                if (!seen.Add(s.Key)) continue;
                var existing = Sql.First(c, tx, $"SELECT {SourceRow.Columns} FROM sources WHERE key = @Key", SourceRow.Read, ("Key", s.Key));
                if (existing is null) newSources.Add(s);
                else if (!SourceRow.Same(existing.ToSource(), s))
                    throw new LedgerException($"source '{s.Key}' is on record as \"{existing.Title}\" ({existing.Kind}, {existing.Url}); a different source needs a new key");
            }

            Bulk.Insert(c, tx, SourceRow.Insert, _db.BulkRows, newSources.Select(s => SourceRow.From(s, who, at, importId)));
            Bulk.Insert(c, tx, ActionRow.Insert, _db.BulkRows, fresh.Select(a => ActionRow.From(a, DefaultState(a), who, at, importId)));
            Bulk.Insert(c, tx, ActionSourceRow.Insert, _db.BulkRows, fresh.SelectMany(SourceLinks));
            Bulk.Insert(c, tx, SourceAdditionRow.Insert, _db.BulkRows, attach.Select(x => new SourceAdditionRow
            {
                ActionId = x.ActionId, SourceKey = x.Source.Key, ImportId = importId, RecordedAt = at, RecordedBy = who,
            }));
            Bulk.Insert(c, tx, SupersessionRow.Insert, _db.BulkRows, fresh.Where(a => a.Supersedes is not null && ids.Contains(a.Supersedes)).Select(a => new SupersessionRow
            {
                OldId = a.Supersedes!, NewId = a.Id, Why = $"supersedes= in {a.Origin ?? origin}", RecordedAt = at, RecordedBy = who,
            }));
            tx.Commit();
        }
        catch (Exception e) when (_db.IsUniqueViolation(e))
        {
            throw new LedgerException($"{origin}: a key the ledger keeps unique is repeated (an action id, or a record superseded twice): {e.Message}", e);
        }

        return new ImportOutcome(fresh.Count, actions.Count - fresh.Count, attachedActs);
    }

    private bool TableExists(DbConnection c, DbTransaction? tx, string table) => _db.TableExists(c, tx, table);

    private static string Fact(string treaty, string state, string action, string date, string? source) => $"{treaty}\u001f{state}\u001f{action}\u001f{date}\u001f{source}";

    /// <summary>
    /// Decides a reported record, by appending: <c>confirm</c> appends a confirmed copy that supersedes it (from then on
    /// it drives the status), <c>edit</c> a confirmed copy with another date, <c>reject</c> a rejected copy (it closes the
    /// report), <c>merge</c> a rejected copy whose reason names the record it duplicates. Nothing is updated.
    /// </summary>
    /// <param name="known">The day the decision was made: the new record's <see cref="TreatyAction.Known"/> (at least the report's).</param>
    /// <param name="date">For <c>edit</c>: the corrected date of the act.</param>
    /// <param name="into">For <c>merge</c>: the record (same treaty and state) the report duplicates.</param>
    /// <param name="alsoCites">For <c>confirm</c> and <c>edit</c>: sources on record that the new record cites after the
    /// report's own (other outlets' reports of the same event, merged into it).</param>
    /// <exception cref="LedgerException">No such record, not a report waiting for review, or a bad merge target.</exception>
    public LedgerAction Review(string id, ReviewDecision decision, string reason, string who, LocalDate known, PartialDate? date = null, string? into = null,
        IReadOnlyList<Source>? alsoCites = null)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("a review needs a reason", nameof(reason));
        if (alsoCites is { Count: > 0 } && decision is not (ReviewDecision.Confirm or ReviewDecision.Edit))
            throw new ArgumentException("only a confirmed record cites more sources", nameof(alsoCites));
        var found = Find(id) ?? throw new LedgerException($"no action '{id}' is on record");
        if (found.ReviewState != ReviewState.Reported) throw new LedgerException($"'{id}' is {LedgerText.Lower(found.ReviewState)}, not a report waiting for review");
        if (found.SupersededBy is not null) throw new LedgerException($"'{id}' was already reviewed or corrected by '{found.SupersededBy}'");
        var a = found.Action with { Id = "", Supersedes = null };
        if (alsoCites is { Count: > 0 }) a = a with { Sources = [.. a.Sources, .. alsoCites.Where(s => a.Sources.All(o => o.Key != s.Key)).DistinctBy(s => s.Key)] };
        if (known > a.Known) a = a with { Known = known };
        string? mergedInto = null;
        switch (decision)
        {
            case ReviewDecision.Confirm:
                return CorrectAnd(id, a, who, $"confirm: {reason}", ReviewState.Confirmed, Record);
            case ReviewDecision.Reject:
                return CorrectAnd(id, a, who, $"reject: {reason}", ReviewState.Rejected, Record);
            case ReviewDecision.Edit:
                if (date is not { } d) throw new ArgumentException("edit needs the corrected date", nameof(date));
                var edited = a with { Date = d, Known = a.Known < d.LastDay ? d.LastDay : a.Known };
                return CorrectAnd(id, edited, who, $"edit: date {found.Action.Date} -> {d}: {reason}", ReviewState.Confirmed, Record);
            case ReviewDecision.Merge:
                if (string.IsNullOrWhiteSpace(into)) throw new ArgumentException("merge needs the record it merges into", nameof(into));
                var target = Find(into) ?? throw new LedgerException($"no action '{into}' is on record to merge '{id}' into");
                if (into == id) throw new LedgerException("a record cannot be merged into itself");
                if (target.Action.TreatyId != a.TreatyId || target.Action.State != a.State)
                    throw new LedgerException($"'{into}' is a record of {target.Action.State} and {target.Action.TreatyId}; '{id}' is of {a.State} and {a.TreatyId}");
                mergedInto = into;
                return CorrectAnd(id, a, who, $"merge into {into}: {reason}", ReviewState.Rejected, Record);
            default:
                throw new ArgumentOutOfRangeException(nameof(decision));
        }

        // The decision itself, in the correction's transaction: an action_reviews row always; a reviews row too when
        // the report came from an extracted event (and, for a merge, the record merged into did as well).
        void Record(DbConnection c, DbTransaction tx, string newId, string at)
        {
            var name = LedgerText.Lower(decision);
            if (_db.TableExists(c, tx, "action_reviews"))
            {
                Bulk.Insert(c, tx, ActionReviewRow.Insert, _db.BulkRows, [new ActionReviewRow
                {
                    ReportedId = id, Decision = name, MergedInto = mergedInto, ActionId = newId, Reason = reason, ReviewedAt = at, ReviewedBy = who,
                }]);
            }

            if (!_db.TableExists(c, tx, "reviews")) return;
            var evt = Sql.Long(c, tx, "SELECT event_id FROM actions WHERE id = @id", ("id", id));
            var mergedEvent = mergedInto is null ? null : Sql.Long(c, tx, "SELECT event_id FROM actions WHERE id = @id", ("id", mergedInto));
            if (evt is null || (mergedInto is not null && mergedEvent is null)) return;
            if (mergedEvent is { } m)
            {
                Sql.Execute(c, tx,
                    "INSERT INTO reviews (event_id, decision, merged_into, action_id, reason, reviewed_at, reviewed_by) VALUES (@e, @d, @m, @a, @r, @at, @who)",
                    ("e", evt.Value), ("d", name), ("m", m), ("a", newId), ("r", reason), ("at", at), ("who", who));
            }
            else
            {
                Sql.Execute(c, tx,
                    "INSERT INTO reviews (event_id, decision, action_id, reason, reviewed_at, reviewed_by) VALUES (@e, @d, @a, @r, @at, @who)",
                    ("e", evt.Value), ("d", name), ("a", newId), ("r", reason), ("at", at), ("who", who));
            }
        }
    }

    /// <summary>One record by id, whatever its state, with the record that corrects it if any, and every source it cites
    /// (its own, then any added later).</summary>
    public LedgerAction? Find(string id)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var row = Sql.First(c, tx, $"SELECT {ActionRow.Columns} FROM actions WHERE id = @id", ActionRow.Read, ("id", id));
        if (row is null) return null;
        var sources = Sql.Query(c, tx,
            $"SELECT {string.Join(", ", SourceRow.Columns.Split(", ").Select(x => "s." + x))} FROM action_sources l JOIN sources s ON s.key = l.source_key WHERE l.action_id = @id ORDER BY l.position",
            SourceRow.Read, ("id", id)).Select(s => s.ToSource()).ToList();
        if (_db.TableExists(c, tx, "action_source_additions"))
        {
            sources.AddRange(Sql.Query(c, tx,
                    $"SELECT {string.Join(", ", SourceRow.Columns.Split(", ").Select(x => "s." + x))} FROM action_source_additions l JOIN sources s ON s.key = l.source_key WHERE l.action_id = @id ORDER BY l.seq",
                    SourceRow.Read, ("id", id)).Select(s => s.ToSource())
                .Where(s => sources.All(o => o.Key != s.Key)).ToList());
        }

        var supersedes = Sql.Text(c, tx, "SELECT old_id FROM supersessions WHERE new_id = @id", ("id", id));
        var supersededBy = Sql.Text(c, tx, "SELECT new_id FROM supersessions WHERE old_id = @id", ("id", id));
        return new LedgerAction(row.ToAction(sources, supersedes), row.Review, LedgerText.ParseInstant(row.RecordedAt), row.RecordedBy, supersededBy);
    }

    /// <summary>The <see cref="ContentHash"/> of the bundled data this ledger was seeded from or last brought up to date
    /// with (<see cref="UpdateFromBundledData"/>); null if it was never seeded.</summary>
    public string? SeededFrom
    {
        get
        {
            using var c = _db.Open();
            return Sql.Text(c, null, "SELECT content_hash FROM imports WHERE kind = 'bundled' ORDER BY id DESC");
        }
    }

    /// <summary>Every correction on record, in the order recorded.</summary>
    public IReadOnlyList<Supersession> Supersessions()
    {
        using var c = _db.Open();
        return Sql.Query(c, null, $"SELECT {SupersessionRow.Columns} FROM supersessions ORDER BY id", SupersessionRow.Read).Select(r => r.ToSupersession()).ToList();
    }

    /// <summary>Rows in a table: for tests and diagnostics.</summary>
    internal long Count(string table)
    {
        if (!table.All(ch => ch is '_' or (>= 'a' and <= 'z'))) throw new ArgumentException("not a table name", nameof(table));
        using var c = _db.Open();
        return Sql.Long(c, null, $"SELECT count(*) FROM {table}") ?? 0;
    }

    /// <summary>A raw connection: for tests that check what the database itself refuses.</summary>
    internal DbConnection OpenConnection() => _db.Open();

    internal IReadOnlyList<string> DescribeSchema()
    {
        using var c = _db.Open();
        return _db.DescribeSchema(c);
    }

    public void Dispose() => _db.Dispose();

    // ---- writing ----

    private void Append(DbConnection c, DbTransaction tx, TreatyAction a, ReviewState state, string who, string at)
    {
        var anyStates = Sql.Long(c, tx, "SELECT CASE WHEN EXISTS (SELECT 1 FROM states) THEN 1 ELSE 0 END") == 1;
        if (anyStates && Sql.Long(c, tx, "SELECT count(*) FROM states WHERE iso3 = @State", ("State", a.State)) == 0)
            throw new LedgerException($"state '{a.State}' is not in the ledger's list of states");

        foreach (var s in a.Sources.DistinctBy(s => s.Key))
        {
            var existing = Sql.First(c, tx, $"SELECT {SourceRow.Columns} FROM sources WHERE key = @Key", SourceRow.Read, ("Key", s.Key));
            if (existing is null) Bulk.Insert(c, tx, SourceRow.Insert, _db.BulkRows, [SourceRow.From(s, who, at, null)]);
            else if (!SourceRow.Same(existing.ToSource(), s))
                throw new LedgerException($"source '{s.Key}' is on record as \"{existing.Title}\" ({existing.Kind}, {existing.Url}); a different source needs a new key");
        }

        Bulk.Insert(c, tx, ActionRow.Insert, _db.BulkRows, [ActionRow.From(a, state, who, at, null)]);
        Bulk.Insert(c, tx, ActionSourceRow.Insert, _db.BulkRows, SourceLinks(a));
    }

    private static IEnumerable<ActionSourceRow> SourceLinks(TreatyAction a) =>
        a.Sources.Select((s, i) => new ActionSourceRow { ActionId = a.Id, Position = i, SourceKey = s.Key });

    private static ReviewState DefaultState(TreatyAction a) => a.Certainty == Certainty.Official ? ReviewState.Official : ReviewState.Confirmed;

    private static TreatyAction WithId(TreatyAction a, string? oldId) =>
        string.IsNullOrWhiteSpace(a.Id) || a.Id == oldId
            ? a with { Id = $"{a.TreatyId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}" }
            : a;

    /// <summary>The data format's rules for one action (docs/data-format.md), for actions that do not come from a file.</summary>
    private static void Validate(TreatyAction a)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(a.TreatyId)) problems.Add("no treaty");
        if (a.State.Length != 3 || !a.State.All(char.IsAsciiLetterUpper)) problems.Add($"state '{a.State}' is not an ISO3 code");
        if (ActionKinds.Family(a.Kind) == ActionFamily.Depositary && a.Date.Precision != DatePrecision.Day)
            problems.Add($"{ActionKinds.Name(a.Kind)} is a depositary act: its date needs a day, not '{a.Date}'");
        if (a.Known < a.Date.FirstDay) problems.Add($"known {LedgerText.Day(a.Known)} is before the act's date {a.Date}");
        if (a.Sources.Count == 0) problems.Add("every action needs a source");
        if (problems.Count > 0) throw new LedgerException($"action {a.Id} ({a.State} {ActionKinds.Name(a.Kind)} {a.Date}): {string.Join("; ", problems)}");
    }

    private static void RequireWho(string who)
    {
        if (string.IsNullOrWhiteSpace(who)) throw new ArgumentException("every write says who made it", nameof(who));
    }

    private void RequireSchema(DbConnection c, DbTransaction? tx)
    {
        if (!_db.TableExists(c, tx, "actions")) throw new LedgerException($"{_db.Describe} has no ledger schema yet: migrate it first");
    }

    private static bool IsEmptyCore(DbConnection c, DbTransaction? tx) =>
        Sql.Long(c, tx,
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM actions) OR EXISTS (SELECT 1 FROM treaty_definitions) OR EXISTS (SELECT 1 FROM states) THEN 0 ELSE 1 END") == 1;

    private static LedgerException AlreadyCorrected(string oldId, string newId, string who, string at) =>
        new($"'{oldId}' was already corrected by '{newId}' ({who}, {at}): correct '{newId}' instead");

    private static DataException? DuplicateIdsIn(Catalog catalog)
    {
        var errors = new List<DataError>();
        foreach (var g in catalog.Actions.Values.SelectMany(x => x).GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var places = g.Select(a => a.Origin ?? a.TreatyId).ToList();
            var (file, line) = FileAndLine(places[^1]);
            errors.Add(new DataError(file, line, $"action id '{g.Key}' is also used at {string.Join(", ", places.SkipLast(1))}: ids must be unique across all action files"));
        }

        foreach (var g in catalog.Actions.Values.SelectMany(x => x).Where(a => a.Supersedes is not null).GroupBy(a => a.Supersedes!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var (file, line) = FileAndLine(g.Last().Origin ?? "");
            errors.Add(new DataError(file, line, $"'{g.Key}' is superseded twice ({string.Join(", ", g.Select(a => a.Id))}): a correction of a correction supersedes the correction"));
        }

        return errors.Count > 0 ? new DataException(errors) : null;
    }

    private static (string File, int Line) FileAndLine(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (origin[..colon], line)
            : (origin, 0);
    }

    /// <summary>SHA-256 of a set of data files (paths and texts, in path order): what the ledger was seeded from.</summary>
    public static string ContentHash(IEnumerable<DataFile> files)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            h.AppendData(Encoding.UTF8.GetBytes(f.Path));
            h.AppendData([0]);
            h.AppendData(Encoding.UTF8.GetBytes(f.Text));
            h.AppendData([0]);
        }

        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
