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
    public LedgerAction Correct(string oldId, TreatyAction newAction, string who, string why, ReviewState? state = null)
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
    /// <c>imports</c> row). An action that names what it supersedes gets a <c>supersessions</c> row when the record it
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
        foreach (var t in treaties)
        {
            foreach (var row in Sql.Query(c, tx,
                         "SELECT a.id, a.state, a.action, a.date, s.source_key FROM actions a LEFT JOIN action_sources s ON s.action_id = a.id AND s.position = 0 WHERE a.treaty_id = @t",
                         r => (Id: r.GetString(0), Fact: Fact(t, r.GetString(1), r.GetString(2), r.GetString(3), Sql.SN(r, 4))), ("t", t)))
            {
                ids.Add(row.Id);
                facts.Add(row.Fact);
            }
        }

        var fresh = new List<TreatyAction>();
        foreach (var a in actions)
        {
            var fact = Fact(a.TreatyId, a.State, ActionKinds.Name(a.Kind), a.Date.ToString(), a.Sources.Count > 0 ? a.Sources[0].Key : null);
            if (ids.Contains(a.Id) || !facts.Add(fact)) continue;
            ids.Add(a.Id);
            fresh.Add(a);
        }

        if (fresh.Count == 0)
        {
            tx.Commit();
            return new ImportOutcome(0, actions.Count);
        }

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
            foreach (var s in fresh.SelectMany(a => a.Sources).Concat(sources))
            {
                if (!seen.Add(s.Key)) continue;
                var existing = Sql.First(c, tx, $"SELECT {SourceRow.Columns} FROM sources WHERE key = @Key", SourceRow.Read, ("Key", s.Key));
                if (existing is null) newSources.Add(s);
                else if (existing.ToSource() != s)
                    throw new LedgerException($"source '{s.Key}' is on record as \"{existing.Title}\" ({existing.Kind}, {existing.Url}); a different source needs a new key");
            }

            Bulk.Insert(c, tx, SourceRow.Insert, _db.BulkRows, newSources.Select(s => SourceRow.From(s, who, at, importId)));
            Bulk.Insert(c, tx, ActionRow.Insert, _db.BulkRows, fresh.Select(a => ActionRow.From(a, DefaultState(a), who, at, importId)));
            Bulk.Insert(c, tx, ActionSourceRow.Insert, _db.BulkRows, fresh.SelectMany(SourceLinks));
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

        return new ImportOutcome(fresh.Count, actions.Count - fresh.Count);
    }

    private static string Fact(string treaty, string state, string action, string date, string? source) => $"{treaty}\u001f{state}\u001f{action}\u001f{date}\u001f{source}";

    /// <summary>
    /// Decides a reported record, by appending: <c>confirm</c> appends a confirmed copy that supersedes it (from then on
    /// it drives the status), <c>edit</c> a confirmed copy with another date, <c>reject</c> a rejected copy (it closes the
    /// report), <c>merge</c> a rejected copy whose reason names the record it duplicates. Nothing is updated.
    /// </summary>
    /// <param name="known">The day the decision was made: the new record's <see cref="TreatyAction.Known"/> (at least the report's).</param>
    /// <param name="date">For <c>edit</c>: the corrected date of the act.</param>
    /// <param name="into">For <c>merge</c>: the record (same treaty and state) the report duplicates.</param>
    /// <exception cref="LedgerException">No such record, not a report waiting for review, or a bad merge target.</exception>
    public LedgerAction Review(string id, ReviewDecision decision, string reason, string who, LocalDate known, PartialDate? date = null, string? into = null)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("a review needs a reason", nameof(reason));
        var found = Find(id) ?? throw new LedgerException($"no action '{id}' is on record");
        if (found.ReviewState != ReviewState.Reported) throw new LedgerException($"'{id}' is {LedgerText.Lower(found.ReviewState)}, not a report waiting for review");
        if (found.SupersededBy is not null) throw new LedgerException($"'{id}' was already reviewed or corrected by '{found.SupersededBy}'");
        var a = found.Action with { Id = "", Supersedes = null };
        if (known > a.Known) a = a with { Known = known };
        switch (decision)
        {
            case ReviewDecision.Confirm:
                return Correct(id, a, who, $"confirm: {reason}", ReviewState.Confirmed);
            case ReviewDecision.Reject:
                return Correct(id, a, who, $"reject: {reason}", ReviewState.Rejected);
            case ReviewDecision.Edit:
                if (date is not { } d) throw new ArgumentException("edit needs the corrected date", nameof(date));
                var edited = a with { Date = d, Known = a.Known < d.LastDay ? d.LastDay : a.Known };
                return Correct(id, edited, who, $"edit: date {found.Action.Date} -> {d}: {reason}", ReviewState.Confirmed);
            case ReviewDecision.Merge:
                if (string.IsNullOrWhiteSpace(into)) throw new ArgumentException("merge needs the record it merges into", nameof(into));
                var target = Find(into) ?? throw new LedgerException($"no action '{into}' is on record to merge '{id}' into");
                if (into == id) throw new LedgerException("a record cannot be merged into itself");
                if (target.Action.TreatyId != a.TreatyId || target.Action.State != a.State)
                    throw new LedgerException($"'{into}' is a record of {target.Action.State} and {target.Action.TreatyId}; '{id}' is of {a.State} and {a.TreatyId}");
                return Correct(id, a, who, $"merge into {into}: {reason}", ReviewState.Rejected);
            default:
                throw new ArgumentOutOfRangeException(nameof(decision));
        }
    }

    /// <summary>
    /// Rebuilds the engine's <see cref="Catalog"/> from the ledger: states, groups, treaty definitions, sources,
    /// armed conflicts, and the official and confirmed actions (reported and rejected ones never drive a status).
    /// </summary>
    /// <param name="asKnownOn">Only records known by this day (<see cref="TreatyAction.Known"/>), with only the
    /// corrections known by then: the answer the record gave on that day. Null: everything known.</param>
    /// <param name="asRecordedAt">Only rows the ledger held at this instant (transaction time): what this ledger
    /// said then, for audit. Null: every row.</param>
    /// <remarks>
    /// A correction is passed to the engine as <see cref="TreatyAction.Supersedes"/>, so a catalog loaded without
    /// <paramref name="asKnownOn"/> still answers <see cref="Catalog.Book"/> as known on an earlier day correctly. The
    /// one case the engine cannot express is a retraction (a rejected record superseding an official one): it is
    /// applied here, so load with <paramref name="asKnownOn"/> to see a retracted record on days before its retraction.
    /// </remarks>
    public Catalog LoadCatalog(LocalDate? asKnownOn = null, Instant? asRecordedAt = null)
    {
        var view = new View(ReadSnapshot(), asKnownOn, asRecordedAt);
        return view.Catalog();
    }

    /// <summary>Reported records not yet reviewed (not superseded by any record visible on the day): news, not law.</summary>
    public IReadOnlyList<LedgerAction> ReportedActions(LocalDate? asKnownOn = null, Instant? asRecordedAt = null)
    {
        var view = new View(ReadSnapshot(), asKnownOn, asRecordedAt);
        return view.Pending();
    }

    /// <summary>One record by id, whatever its state, with the record that corrects it if any.</summary>
    public LedgerAction? Find(string id)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var row = Sql.First(c, tx, $"SELECT {ActionRow.Columns} FROM actions WHERE id = @id", ActionRow.Read, ("id", id));
        if (row is null) return null;
        var sources = Sql.Query(c, tx,
            $"SELECT {string.Join(", ", SourceRow.Columns.Split(", ").Select(x => "s." + x))} FROM action_sources l JOIN sources s ON s.key = l.source_key WHERE l.action_id = @id ORDER BY l.position",
            SourceRow.Read, ("id", id)).Select(s => s.ToSource()).ToList();
        var supersedes = Sql.Text(c, tx, "SELECT old_id FROM supersessions WHERE new_id = @id", ("id", id));
        var supersededBy = Sql.Text(c, tx, "SELECT new_id FROM supersessions WHERE old_id = @id", ("id", id));
        return new LedgerAction(row.ToAction(sources, supersedes), row.Review, LedgerText.ParseInstant(row.RecordedAt), row.RecordedBy, supersededBy);
    }

    /// <summary>The <see cref="ContentHash"/> of the bundled data this ledger was seeded from; null if it was not.</summary>
    public string? SeededFrom
    {
        get
        {
            using var c = _db.Open();
            return Sql.Text(c, null, "SELECT content_hash FROM imports WHERE kind = 'bundled' ORDER BY id");
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
            else if (existing.ToSource() != s)
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

    // ---- reading ----

    private Snapshot ReadSnapshot()
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var snap = new Snapshot(
            Sql.Query(c, tx, $"SELECT {StateRow.Columns} FROM states ORDER BY seq", StateRow.Read),
            Sql.Query(c, tx, $"SELECT {GroupRow.Columns} FROM state_groups ORDER BY seq", GroupRow.Read),
            Sql.Query(c, tx, $"SELECT {DefinitionRow.Columns} FROM treaty_definitions ORDER BY seq", DefinitionRow.Read),
            Sql.Query(c, tx, $"SELECT {SourceRow.Columns} FROM sources ORDER BY key", SourceRow.Read),
            Sql.Query(c, tx, $"SELECT {ActionRow.Columns} FROM actions ORDER BY seq", ActionRow.Read),
            Sql.Query(c, tx, $"SELECT {ActionSourceRow.Columns} FROM action_sources ORDER BY action_id, position", ActionSourceRow.Read),
            Sql.Query(c, tx, $"SELECT {SupersessionRow.Columns} FROM supersessions ORDER BY id", SupersessionRow.Read),
            Sql.Query(c, tx, $"SELECT {ConflictRow.Columns} FROM armed_conflicts ORDER BY seq", ConflictRow.Read));
        tx.Commit();
        return snap;
    }

    private sealed record Snapshot(
        List<StateRow> States,
        List<GroupRow> Groups,
        List<DefinitionRow> Definitions,
        List<SourceRow> Sources,
        List<ActionRow> Actions,
        List<ActionSourceRow> Links,
        List<SupersessionRow> Supersessions,
        List<ConflictRow> Conflicts);

    /// <summary>The ledger as known on a day and as recorded at an instant: which rows count, and what each replaces.</summary>
    private sealed class View
    {
        private readonly Snapshot _s;
        private readonly string? _recordedBy;
        private readonly Dictionary<string, ActionRow> _visible = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _oldOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _newOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _links;

        public View(Snapshot s, LocalDate? asKnownOn, Instant? asRecordedAt)
        {
            _s = s;
            _recordedBy = asRecordedAt is { } t ? LedgerText.Instant(t) : null;
            var knownBy = asKnownOn is { } d ? LedgerText.Day(d) : null;
            foreach (var a in s.Actions.Where(a => Recorded(a.RecordedAt) && (knownBy is null || string.CompareOrdinal(a.Known, knownBy) <= 0)))
                _visible[a.Id] = a;
            foreach (var x in s.Supersessions.Where(x => Recorded(x.RecordedAt) && _visible.ContainsKey(x.NewId) && _visible.ContainsKey(x.OldId)))
            {
                _oldOf[x.NewId] = x.OldId;
                _newOf[x.OldId] = x.NewId;
            }

            foreach (var r in s.Sources.Where(r => Recorded(r.RecordedAt))) _sources[r.Key] = r.ToSource();
            _links = s.Links.GroupBy(l => l.ActionId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Position).Select(l => l.SourceKey).ToList(), StringComparer.Ordinal);
        }

        private bool Recorded(string at) => _recordedBy is null || string.CompareOrdinal(at, _recordedBy) <= 0;

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

        public Catalog Catalog()
        {
            var states = new Dictionary<string, State>(StringComparer.Ordinal);
            foreach (var r in _s.States.Where(r => Recorded(r.RecordedAt))) states[r.Iso3] = r.ToState();

            var groups = new Dictionary<string, StateGroup>(StringComparer.Ordinal);
            foreach (var r in _s.Groups.Where(r => Recorded(r.RecordedAt))) groups[r.Name] = r.ToGroup();

            var definitions = new Dictionary<string, DefinitionRow>(StringComparer.Ordinal);
            foreach (var r in _s.Definitions.Where(r => Recorded(r.LoadedAt))) definitions[r.TreatyId] = r;
            var treaties = definitions.Values
                .OrderBy(r => $"treaties/{r.TreatyId}.treaty", StringComparer.Ordinal)
                .Select(r => TreatyDefinitionParser.Parse(r.Origin ?? $"treaties/{r.TreatyId}.treaty", r.Definition))
                .ToList();

            var actions = new Dictionary<string, List<TreatyAction>>(StringComparer.Ordinal);
            foreach (var a in _visible.Values.Where(a => DrivesStatus(a) && !Retracted(a)).OrderBy(a => a.Seq))
            {
                if (!actions.TryGetValue(a.TreatyId, out var list)) actions[a.TreatyId] = list = [];
                list.Add(ToAction(a, Replaces(a.Id)));
            }

            var conflicts = _s.Conflicts.Where(r => Recorded(r.RecordedAt)).ToList();
            var replaced = conflicts.Where(r => r.Supersedes is not null).Select(r => r.Supersedes!).ToHashSet(StringComparer.Ordinal);

            return new Catalog
            {
                States = states,
                Groups = groups.Values.ToList(),
                Treaties = treaties,
                Actions = actions.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TreatyAction>)kv.Value, StringComparer.Ordinal),
                Sources = _sources.Where(kv => kv.Value.Kind != SourceKind.Web).ToDictionary(StringComparer.Ordinal),
                Conflicts = conflicts.Where(r => !replaced.Contains(r.Id)).Select(r => r.ToPeriod()).ToList(),
            };
        }
    }
}
