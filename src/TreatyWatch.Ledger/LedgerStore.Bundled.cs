using System.Data.Common;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger;

/// <summary>What <see cref="LedgerStore.UpdateFromBundledData"/> appended.</summary>
/// <param name="Updated">False when the ledger already had this bundled data (same content hash on record): nothing written.</param>
/// <param name="NotApplied">Changes the ledger cannot take as they are (a source key whose content changed: its first record stands).</param>
public sealed record BundledUpdate(
    bool Updated, int States, int Groups, int Definitions, int Sources, int Conflicts,
    int ActionsAdded, int ActionsCorrected, int ActionsRetracted, IReadOnlyList<string> NotApplied)
{
    public static readonly BundledUpdate None = new(false, 0, 0, 0, 0, 0, 0, 0, 0, []);
}

// Bringing a seeded ledger up to date with newer bundled data, by appending.
public sealed partial class LedgerStore
{
    /// <summary>Why a record changed by a bundled-data update says so.</summary>
    public const string BundledUpdateWhy = "bundled data updated";

    /// <summary>True when bundled data with this <see cref="ContentHash"/> was seeded or applied to this ledger before.</summary>
    public bool HasBundledData(string contentHash)
    {
        using var c = _db.Open();
        return Sql.Long(c, null, "SELECT count(*) FROM imports WHERE kind = 'bundled' AND content_hash = @h", ("h", contentHash)) > 0;
    }

    /// <summary>
    /// Brings a ledger seeded from the bundled data up to date with a newer copy of it, in one transaction, by
    /// appending only: new states, groups, treaty definitions, sources and armed conflicts are added (a changed state,
    /// group or definition as a new version, a changed conflict as a row that supersedes it); a bundled action with no
    /// identical standing record is added, or, when a standing record of the same state and kind written by
    /// <paramref name="who"/> no longer matches the files, appended as its correction (a supersession with
    /// <paramref name="who"/> and the reason <see cref="BundledUpdateWhy"/>); such a record that the files no longer
    /// hold at all is retracted (a rejected copy supersedes it). Records others wrote are never touched. Actions are
    /// compared by content (state, kind, dates, votes, details, note, sources), not by id, since a default id is a line number.
    /// </summary>
    /// <returns><see cref="BundledUpdate.None"/> when this content hash was applied before (by anyone): data seen once
    /// is never applied again, so an older program cannot undo a newer one's update.</returns>
    /// <exception cref="DataException">The files do not load.</exception>
    public BundledUpdate UpdateFromBundledData(IReadOnlyList<DataFile> files, string who)
    {
        RequireWho(who);
        var hash = ContentHash(files);
        if (HasBundledData(hash)) return BundledUpdate.None;
        var catalog = CatalogParser.Parse(files);
        var now = _clock.GetCurrentInstant();
        var at = LedgerText.Instant(now);
        var today = now.InUtc().Date;
        var notApplied = new List<string>();

        using var c = _db.Open();
        RequireSchema(c, null);
        using var tx = _db.BeginExclusiveWrite(c);
        if (Sql.Long(c, tx, "SELECT count(*) FROM imports WHERE kind = 'bundled' AND content_hash = @h", ("h", hash)) > 0) return BundledUpdate.None;
        var importId = Sql.Long(c, tx,
            "INSERT INTO imports (kind, origin, content_hash, recorded_at, recorded_by) VALUES ('bundled', @Origin, @Hash, @At, @Who) RETURNING id",
            ("Origin", $"bundled data update ({files.Count} files)"), ("Hash", hash), ("At", at), ("Who", who))!.Value;

        // States, groups, definitions: a new row when the latest differs.
        var latestStates = new Dictionary<string, StateRow>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {StateRow.Columns} FROM states ORDER BY seq", StateRow.Read)) latestStates[r.Iso3] = r;
        var states = catalog.States.Values.Select(s => StateRow.From(s, who, at, importId))
            .Where(n => !latestStates.TryGetValue(n.Iso3, out var o) || StateKey(o) != StateKey(n)).ToList();
        Bulk.Insert(c, tx, StateRow.Insert, _db.BulkRows, states);

        var latestGroups = new Dictionary<string, GroupRow>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {GroupRow.Columns} FROM state_groups ORDER BY seq", GroupRow.Read)) latestGroups[r.Name] = r;
        var groups = catalog.Groups.Select(g => new GroupRow
            {
                Name = g.Name, Aliases = LedgerText.List(g.Aliases), Members = LedgerText.List(g.Members), Note = g.Note, ImportId = importId, RecordedAt = at, RecordedBy = who,
            })
            .Where(n => !latestGroups.TryGetValue(n.Name, out var o) || (o.Aliases, o.Members, o.Note) != (n.Aliases, n.Members, n.Note)).ToList();
        Bulk.Insert(c, tx, GroupRow.Insert, _db.BulkRows, groups);

        var latestDefinitions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in Sql.Query(c, tx, $"SELECT {DefinitionRow.Columns} FROM treaty_definitions ORDER BY seq", DefinitionRow.Read)) latestDefinitions[r.TreatyId] = r.Definition;
        var definitions = files
            .Where(f => f.Path.StartsWith("treaties/", StringComparison.Ordinal) && f.Path.EndsWith(".treaty", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new DefinitionRow
            {
                TreatyId = f.Path["treaties/".Length..^".treaty".Length], Definition = f.Text, Origin = f.Path, ImportId = importId, LoadedAt = at, LoadedBy = who,
            })
            .Where(n => !latestDefinitions.TryGetValue(n.TreatyId, out var o) || o != n.Definition).ToList();
        Bulk.Insert(c, tx, DefinitionRow.Insert, _db.BulkRows, definitions);

        // Sources: a key's first record stands.
        var onRecord = Sql.Query(c, tx, $"SELECT {SourceRow.Columns} FROM sources", SourceRow.Read).ToDictionary(r => r.Key, r => r.ToSource(), StringComparer.Ordinal);
        var bundledActions = catalog.Actions.OrderBy(kv => $"actions/{kv.Key}.csv", StringComparer.Ordinal).SelectMany(kv => kv.Value).ToList();
        var newSources = new List<Source>();
        foreach (var s in catalog.Sources.Values.Concat(bundledActions.SelectMany(a => a.Sources).Where(s => !catalog.Sources.ContainsKey(s.Key))).DistinctBy(s => s.Key))
        {
            if (!onRecord.TryGetValue(s.Key, out var old))
            {
                newSources.Add(s);
                onRecord[s.Key] = s;
            }
            else if (!SourceRow.Same(old, s)) notApplied.Add($"source '{s.Key}' differs from its record in the ledger (\"{old.Title}\"), whose first record stands: give the new content a new key");
        }

        Bulk.Insert(c, tx, SourceRow.Insert, _db.BulkRows, newSources.Select(s => SourceRow.From(s, who, at, importId)));

        var conflicts = UpdateConflicts(c, tx, catalog, importId, who, at);
        var (added, corrected, retracted) = UpdateActions(c, tx, catalog, bundledActions, onRecord, hash, who, at, today);

        tx.Commit();
        return new BundledUpdate(true, states.Count, groups.Count, definitions.Count, newSources.Count, conflicts, added, corrected, retracted, notApplied);
    }

    private static string StateKey(StateRow r) =>
        string.Join('\u001f', r.Name, r.Aliases, r.Demonyms, r.Capitals, r.Parliaments, r.FromDate, r.UntilDate, r.Predecessors, r.Note);

    private int UpdateConflicts(DbConnection c, DbTransaction tx, Catalog catalog, long importId, string who, string at)
    {
        var rows = Sql.Query(c, tx, $"SELECT {ConflictRow.Columns} FROM armed_conflicts ORDER BY seq", ConflictRow.Read);
        var replaced = rows.Where(r => r.Supersedes is not null).Select(r => r.Supersedes!).ToHashSet(StringComparer.Ordinal);
        var standing = rows.Where(r => !replaced.Contains(r.Id)).ToList();
        static string Key(string state, string start, string? end, string name, string sources, string? note) => string.Join('\u001f', state, start, end, name, sources, note);
        var unmatched = standing.ToList();
        var fresh = new List<ConflictRow>();
        var n = 0;
        foreach (var p in catalog.Conflicts)
        {
            var row = new ConflictRow
            {
                State = p.State, StartDate = LedgerText.Day(p.Start), EndDate = LedgerText.Day(p.End), Name = p.Name, Sources = LedgerText.List(p.Sources), Note = p.Note,
                ImportId = importId, RecordedAt = at, RecordedBy = who,
            };
            var key = Key(row.State, row.StartDate, row.EndDate, row.Name, row.Sources, row.Note);
            var same = unmatched.FindIndex(r => Key(r.State, r.StartDate, r.EndDate, r.Name, r.Sources, r.Note) == key);
            if (same >= 0)
            {
                unmatched.RemoveAt(same);
                continue;
            }

            // The same conflict (state and start) with something changed, often its end: a row that supersedes it.
            var changed = unmatched.FindIndex(r => r.State == row.State && r.StartDate == row.StartDate && r.RecordedBy == who);
            row.Id = $"armed-conflicts.csv@{importId}#{++n}";
            if (changed >= 0)
            {
                row.Supersedes = unmatched[changed].Id;
                row.Why = BundledUpdateWhy;
                unmatched.RemoveAt(changed);
            }

            fresh.Add(row);
        }

        Bulk.Insert(c, tx, ConflictRow.Insert, _db.BulkRows, fresh);
        return fresh.Count;
    }

    private (int Added, int Corrected, int Retracted) UpdateActions(
        DbConnection c, DbTransaction tx, Catalog catalog, List<TreatyAction> bundled, Dictionary<string, Source> onRecord, string hash, string who, string at, NodaTime.LocalDate today)
    {
        var rows = Sql.Query(c, tx, $"SELECT {ActionRow.Columns} FROM actions ORDER BY seq", ActionRow.Read);
        var ids = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var superseded = Sql.Query(c, tx, "SELECT old_id FROM supersessions", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var links = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var l in Sql.Query(c, tx, $"SELECT {ActionSourceRow.Columns} FROM action_sources ORDER BY action_id, position", ActionSourceRow.Read))
        {
            if (!links.TryGetValue(l.ActionId, out var keys)) links[l.ActionId] = keys = [];
            keys.Add(l.SourceKey);
        }

        // Standing records that drive the status, by content; those this writer wrote may be corrected or retracted.
        var standing = rows.Where(r => r.Review is ReviewState.Official or ReviewState.Confirmed && !superseded.Contains(r.Id)).ToList();
        var byContent = new Dictionary<string, Queue<ActionRow>>(StringComparer.Ordinal);
        foreach (var r in standing)
        {
            var key = Content(r, links.GetValueOrDefault(r.Id) ?? []);
            if (!byContent.TryGetValue(key, out var q)) byContent[key] = q = new Queue<ActionRow>();
            q.Enqueue(r);
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal); // bundled id -> ledger id
        var unmatched = new List<TreatyAction>();
        foreach (var a in bundled)
        {
            if (byContent.TryGetValue(Content(ActionRow.From(a, DefaultState(a), who, at, null), a.Sources.Select(s => s.Key).ToList()), out var q) && q.Count > 0)
            {
                var r = q.Dequeue();
                matched.Add(r.Id);
                idOf[a.Id] = r.Id;
            }
            else unmatched.Add(a);
        }

        var mine = standing.Where(r => r.RecordedBy == who && !matched.Contains(r.Id)).ToList();
        int added = 0, corrected = 0, retracted = 0;
        foreach (var a in unmatched)
        {
            var id = ids.Contains(a.Id) ? $"{a.Id}@{hash[..8]}" : a.Id;
            if (ids.Contains(id)) id = $"{a.TreatyId}:{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";
            ids.Add(id);
            idOf[a.Id] = id;
            var copy = a with { Id = id, Supersedes = null, Sources = a.Sources.Select(s => onRecord.GetValueOrDefault(s.Key) ?? s).ToList() };
            var old = mine.FindIndex(r => r.TreatyId == a.TreatyId && r.State == a.State && r.Action == ActionKinds.Name(a.Kind));
            string? supersedes = null;
            if (old >= 0)
            {
                supersedes = mine[old].Id;
                mine.RemoveAt(old);
                corrected++;
            }
            else
            {
                // An action the files correct (supersedes= in the data) supersedes the record that stands for its target.
                if (a.Supersedes is not null && idOf.TryGetValue(a.Supersedes, out var target) && !superseded.Contains(target)) supersedes = target;
                added++;
            }

            Append(c, tx, copy, DefaultState(a), who, at);
            if (supersedes is null) continue;
            superseded.Add(supersedes);
            Bulk.Insert(c, tx, SupersessionRow.Insert, _db.BulkRows, [new SupersessionRow
            {
                OldId = supersedes, NewId = id, Why = old >= 0 ? BundledUpdateWhy : $"supersedes= in {a.Origin}", RecordedAt = at, RecordedBy = who,
            }]);
        }

        // What this writer recorded from the files and the files no longer hold: retracted by a rejected copy.
        foreach (var r in mine)
        {
            var a = r.ToAction((links.GetValueOrDefault(r.Id) ?? []).Select(k => onRecord[k]).ToList(), null);
            var id = $"{r.Id}@{hash[..8]}";
            if (!ids.Add(id)) id = $"{r.TreatyId}:{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";
            Append(c, tx, a with { Id = id, Known = a.Known < today ? today : a.Known }, ReviewState.Rejected, who, at);
            Bulk.Insert(c, tx, SupersessionRow.Insert, _db.BulkRows, [new SupersessionRow
            {
                OldId = r.Id, NewId = id, Why = $"{BundledUpdateWhy}: no longer in the bundled data", RecordedAt = at, RecordedBy = who,
            }]);
            retracted++;
        }

        return (added, corrected, retracted);
    }

    /// <summary>An action's content for comparison: everything but its id, origin and review.</summary>
    private static string Content(ActionRow r, IReadOnlyList<string> sources) =>
        string.Join('\u001f', r.TreatyId, r.State, r.Action, r.Date, r.Known, r.VotesFor, r.VotesAgainst, r.VotesAbstain, r.VotesRequired,
            r.Effective, r.ByWhom, r.ObjectsTo, r.Note, string.Join(';', sources));
}
