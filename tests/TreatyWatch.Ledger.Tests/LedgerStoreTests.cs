using System.Data.Common;
using NodaTime;
using NodaTime.Testing;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Ledger.Tests;

/// <summary>
/// The ledger's behaviour, written once and run against every database (SQLite and PostgreSQL subclasses), as
/// one suite runs against every provider. A subclass gives fresh empty databases, or null when its database
/// is not available here — then each test returns at once (outside CI only: under CI=true a missing database fails).
/// </summary>
public abstract partial class LedgerStoreTests : IDisposable
{
    private readonly List<LedgerStore> _stores = [];

    /// <summary>Each read of the clock moves it on by a millisecond, so every write has its own transaction time.</summary>
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 1, 15, 9, 0), Duration.FromMilliseconds(1));

    /// <summary>A spec for a new, empty database; null when this kind of database is not available on this machine.</summary>
    protected abstract string? NewDatabase();

    private static readonly string[] FourTreaties = ["apmbc", "ccm", "rome-statute", "npt"];

    private static readonly LocalDate[] Days =
    [
        new(1970, 3, 5), new(1985, 1, 1), new(1995, 6, 1), new(1999, 3, 1), new(2002, 7, 1), new(2010, 8, 1), new(2016, 10, 27),
        new(2017, 10, 27), new(2019, 3, 17), new(2025, 6, 27), new(2025, 12, 27), new(2025, 12, 28), new(2026, 1, 1), new(2026, 6, 1), new(2027, 1, 1),
    ];

    protected LedgerStore Open(string spec)
    {
        var s = LedgerStore.Open(spec, Clock);
        _stores.Add(s);
        return s;
    }

    private LedgerStore? NewLedger(bool migrate = true)
    {
        var spec = NewDatabase();
        if (spec is null) return null;
        var s = Open(spec);
        if (migrate) s.Migrate();
        return s;
    }

    private (LedgerStore Store, string Spec)? NewLedgerWithSpec()
    {
        var spec = NewDatabase();
        if (spec is null) return null;
        var s = Open(spec);
        s.Migrate();
        return (s, spec);
    }

    public virtual void Dispose()
    {
        foreach (var s in _stores) s.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- migrations ----

    [Fact]
    public void Migrate_FromEmptyTwice_TheSecondIsANoOp()
    {
        var store = NewLedger(migrate: false);
        if (store is null) return;

        Assert.Equal(0, store.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, LedgerStore.LatestSchemaVersion), store.Migrate());
        var schema = store.DescribeSchema();

        Assert.Empty(store.Migrate());
        Assert.Equal(schema, store.DescribeSchema());
        Assert.Equal(LedgerStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(LedgerStore.LatestSchemaVersion, store.Count("schema_migrations"));
        Assert.True(store.IsEmpty);
    }

    [Fact]
    public void Migrate_FromEachEarlierVersion_ReachesTheSchemaOfAFreshLedger_AndKeepsItsRecords()
    {
        var fresh = NewLedger();
        if (fresh is null) return;
        var expected = fresh.DescribeSchema();

        for (var v = 1; v < LedgerStore.LatestSchemaVersion; v++)
        {
            var store = Open(NewDatabase()!);
            Assert.Equal(Enumerable.Range(1, v), store.Migrate(v));
            Assert.True(store.SeedFromBundledData(TestData.Tiny(), "test"));
            var before = store.Count("actions");

            Assert.Equal(Enumerable.Range(v + 1, LedgerStore.LatestSchemaVersion - v), store.Migrate());
            Assert.Equal(expected, store.DescribeSchema());
            Assert.Equal(before, store.Count("actions"));
            Assert.Equal(7, store.LoadCatalog().ActionsOf("apmbc").Count);
        }
    }

    [Fact]
    public void Migrate_TwoProcessesAtOnce_ApplyEachMigrationOnce()
    {
        var spec = NewDatabase();
        if (spec is null) return;
        var a = Open(spec);
        var b = Open(spec);

        var results = Parallel2(() => a.Migrate(), () => b.Migrate());

        Assert.Equal(Enumerable.Range(1, LedgerStore.LatestSchemaVersion), results.SelectMany(r => r).Order());
        Assert.Equal(LedgerStore.LatestSchemaVersion, a.Count("schema_migrations"));
    }

    // ---- seeding and loading ----

    [Fact]
    public void Seed_ThenLoad_GivesTheFileBasedStatuses_ForEveryStateOnEveryDay()
    {
        var store = NewLedger();
        if (store is null) return;
        Assert.True(store.IsEmpty);
        Assert.True(store.SeedFromBundledData(TestData.Bundled, "test"));
        Assert.False(store.IsEmpty);

        var file = TestData.BundledCatalog;
        var ledger = store.LoadCatalog();
        var mismatches = new List<string>();
        foreach (var treaty in FourTreaties)
        {
            var expected = file.Book(treaty);
            var actual = ledger.Book(treaty);
            Assert.Equal(expected.EntryIntoForce, actual.EntryIntoForce);
            foreach (var state in file.States.Keys)
            {
                foreach (var day in Days)
                {
                    var e = expected.StatusCode(state, day);
                    var a = actual.StatusCode(state, day);
                    if (e != a) mismatches.Add($"{treaty} {state} {day}: file {e}, ledger {a}");
                }
            }
        }

        Assert.Empty(mismatches.Take(20));
    }

    [Fact]
    public void Seed_ThenLoadAsKnownOn_GivesTheFileBasedStatusesAsKnownOn()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Bundled, "test");

        var file = TestData.BundledCatalog;
        var all = store.LoadCatalog();
        var mismatches = new List<string>();
        foreach (var known in new LocalDate[] { new(1998, 1, 1), new(2025, 5, 1), new(2025, 7, 1) })
        {
            var asKnown = store.LoadCatalog(known);
            foreach (var treaty in FourTreaties)
            {
                var expected = file.Book(treaty, known);
                var viaLoad = asKnown.Book(treaty);
                var viaEngine = all.Book(treaty, known);
                foreach (var state in file.States.Keys)
                {
                    foreach (var day in Days)
                    {
                        var e = expected.StatusCode(state, day);
                        if (viaLoad.StatusCode(state, day) != e) mismatches.Add($"LoadCatalog({known}) {treaty} {state} {day}: file {e}, ledger {viaLoad.StatusCode(state, day)}");
                        if (viaEngine.StatusCode(state, day) != e) mismatches.Add($"Book({treaty}, {known}) {state} {day}: file {e}, ledger {viaEngine.StatusCode(state, day)}");
                    }
                }
            }
        }

        Assert.Empty(mismatches.Take(20));
    }

    [Fact]
    public void Seed_ThenLoad_ReproducesEveryActionStateSourceAndConflict()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Bundled, "test");
        var file = TestData.BundledCatalog;
        var ledger = store.LoadCatalog();

        Assert.Equal(file.Treaties.Select(t => t.Id), ledger.Treaties.Select(t => t.Id));
        foreach (var (treaty, expected) in file.Actions)
        {
            var actual = ledger.ActionsOf(treaty);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i] with { Sources = [] }, actual[i] with { Sources = [] });
                Assert.Equal(expected[i].Sources, actual[i].Sources);
            }
        }

        static string S(Engine.States.State s) => string.Join('|', s.Iso3, s.Name, string.Join(';', s.Aliases), string.Join(';', s.Demonyms),
            string.Join(';', s.Capitals), string.Join(';', s.Parliaments), s.From, s.Until, string.Join(';', s.Predecessors), s.Note);
        Assert.Equal(file.States.Values.Select(S), ledger.States.Values.Select(S));
        Assert.Equal(file.Groups.Select(g => $"{g.Name}|{string.Join(';', g.Aliases)}|{string.Join(';', g.Members)}|{g.Note}"),
            ledger.Groups.Select(g => $"{g.Name}|{string.Join(';', g.Aliases)}|{string.Join(';', g.Members)}|{g.Note}"));
        Assert.Equal(file.Sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal), ledger.Sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(file.Conflicts.Select(c => c with { Sources = [] }), ledger.Conflicts.Select(c => c with { Sources = [] }));
        Assert.Equal(file.Conflicts.Select(c => string.Join(';', c.Sources)), ledger.Conflicts.Select(c => string.Join(';', c.Sources)));
    }

    [Fact]
    public void Seed_IntoALedgerThatHoldsRecords_AddsNothing()
    {
        var store = NewLedger();
        if (store is null) return;
        Assert.True(store.SeedFromBundledData(TestData.Tiny(), "test"));
        var actions = store.Count("actions");

        Assert.False(store.SeedFromBundledData(TestData.Tiny(), "test"));
        Assert.Equal(actions, store.Count("actions"));
        Assert.Equal(1, store.Count("imports"));
    }

    // ---- bad data stores nothing ----

    [Fact]
    public void Seed_ADataFileThatDoesNotParse_IsRefusedBeforeAnythingIsWritten()
    {
        var store = NewLedger();
        if (store is null) return;
        var files = TestData.Tiny();
        var i = files.FindIndex(f => f.Path == "actions/apmbc.csv");
        files[i] = files[i] with { Text = files[i].Text.Replace("2012-12-27", "2025-02-30", StringComparison.Ordinal) };

        var e = Assert.Throws<DataException>(() => store.SeedFromBundledData(files, "test"));

        Assert.Contains(e.Errors, d => d.File == "actions/apmbc.csv" && d.Line == 8 && d.Reason.Contains("2025-02-30", StringComparison.Ordinal));
        Assert.True(store.IsEmpty);
        Assert.Equal(0, store.Count("imports"));
    }

    [Fact]
    public void Seed_AFailureWhileWriting_RollsBackEveryRow()
    {
        var store = NewLedger();
        if (store is null) return;
        // Each file parses alone, but the ledger keeps action ids unique across treaties: the second file's insert fails
        // after the states, sources, definitions and the first file's actions were written in the same transaction.
        var files = TestData.Tiny();
        var treaty = files.Single(f => f.Path == "treaties/apmbc.treaty");
        files.Add(new DataFile("treaties/apmbc-copy.treaty", treaty.Text.Replace("id: apmbc", "id: apmbc-copy", StringComparison.Ordinal)));
        files.Add(new DataFile("actions/apmbc-copy.csv", "state,action,date,known,detail,source,note\nPOL,sign,1997-12-04,,id=dup,cn1,\n"));
        var i = files.FindIndex(f => f.Path == "actions/apmbc.csv");
        files[i] = files[i] with { Text = files[i].Text.Replace("NZL,ratify,1999-01-27,,,", "NZL,ratify,1999-01-27,,id=dup,", StringComparison.Ordinal) };

        var e = Assert.Throws<DataException>(() => store.SeedFromBundledData(files, "test"));

        Assert.Contains(e.Errors, d => d.Reason.Contains("'dup'", StringComparison.Ordinal) && d.Reason.Contains("actions/", StringComparison.Ordinal));
        Assert.True(store.IsEmpty);
        foreach (var table in new[] { "imports", "states", "state_groups", "treaty_definitions", "sources", "actions", "action_sources", "supersessions", "armed_conflicts" })
            Assert.Equal(0, store.Count(table));
    }

    // ---- append-only and corrections ----

    [Fact]
    public void UpdateAndDelete_AreRefusedByTheDatabaseItself()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var nzl = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "NZL");
        store.Correct(nzl.Id, nzl with { Id = "", Known = new LocalDate(2026, 1, 10) }, "test", "to have a supersession row");

        foreach (var table in new[] { "imports", "states", "state_groups", "treaty_definitions", "sources", "actions", "action_sources", "supersessions", "armed_conflicts" })
        {
            var rows = store.Count(table);
            using (var c = store.OpenConnection())
            {
                var column = table == "action_sources" ? "position" : table == "supersessions" ? "why" : table == "imports" ? "origin" : table == "treaty_definitions" ? "definition" : table == "sources" ? "title" : "note";
                var value = column == "position" ? "99" : "'changed'";
                var update = Assert.ThrowsAny<DbException>(() => Exec(c, $"UPDATE {table} SET {column} = {value}"));
                Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
                var delete = Assert.ThrowsAny<DbException>(() => Exec(c, $"DELETE FROM {table}"));
                Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
            }

            Assert.Equal(rows, store.Count(table));
        }
    }

    [Fact]
    public void Correction_KeepsTheOldRecord_AndReplacesItFromTheDayItIsKnown()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Bundled, "test");
        var seeded = store.Count("actions");
        var old = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "LTU" && a.Kind == ActionKind.DepositWithdrawal);
        var beforeCorrection = Clock.GetCurrentInstant();

        // Suppose the depositary's notification showed receipt on 10 July, learned on 1 August 2025.
        var corrected = store.Correct(old.Id, old with { Id = "", Date = PartialDate.OfDay(new LocalDate(2025, 7, 10)), Known = new LocalDate(2025, 8, 1) },
            "editor", "C.N. notification gives 10 July as the date of receipt");

        // The old row is still there, marked as superseded; the new one says what it replaces.
        Assert.Equal(seeded + 1, store.Count("actions"));
        Assert.Equal(corrected.Action.Id, store.Find(old.Id)!.SupersededBy);
        Assert.Equal(old.Id, store.Find(corrected.Action.Id)!.Action.Supersedes);
        Assert.Equal("editor", Assert.Single(store.Supersessions()).RecordedBy);

        var day = new LocalDate(2025, 12, 28);
        var now = store.LoadCatalog();
        Assert.Equal(TreatyStatus.WithdrawalPending, now.Book("apmbc").StatusCode("LTU", day));
        Assert.Equal(new LocalDate(2026, 1, 10), now.Book("apmbc").StatusOf("LTU", day).WithdrawalEffective);
        // The engine hides the old record because the new one, once known, says it supersedes it.
        Assert.Equal(old.Id, now.ActionsOf("apmbc").Single(a => a.Id == corrected.Action.Id).Supersedes);

        // As known before the correction: the old value, through the ledger and through the engine's second clock.
        Assert.Equal(TreatyStatus.Withdrawn, store.LoadCatalog(new LocalDate(2025, 7, 15)).Book("apmbc").StatusCode("LTU", day));
        Assert.Equal(TreatyStatus.Withdrawn, now.Book("apmbc", new LocalDate(2025, 7, 15)).StatusCode("LTU", day));
        // As recorded before the correction (transaction time): the old value too.
        Assert.Equal(TreatyStatus.Withdrawn, store.LoadCatalog(asRecordedAt: beforeCorrection).Book("apmbc").StatusCode("LTU", day));
    }

    [Fact]
    public void Correct_ARecordAlreadyCorrected_IsRefused_NamingTheCorrection()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var nzl = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "NZL");
        var first = store.Correct(nzl.Id, nzl with { Id = "" }, "a", "first");

        var e = Assert.Throws<LedgerException>(() => store.Correct(nzl.Id, nzl with { Id = "" }, "b", "second"));

        Assert.Contains(first.Action.Id, e.Message, StringComparison.Ordinal);
        Assert.Throws<LedgerException>(() => store.Correct("apmbc:nothing", nzl with { Id = "" }, "b", "no such record"));
    }

    [Fact]
    public void Retraction_ARejectedRecordSupersedingAnOfficialOne_HidesItFromTheDayItIsKnown()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var nzl = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "NZL");

        store.Correct(nzl.Id, nzl with { Id = "", Known = new LocalDate(2026, 1, 10) }, "editor", "no such instrument was deposited", ReviewState.Rejected);

        var day = new LocalDate(2026, 2, 1);
        Assert.Equal(TreatyStatus.None, store.LoadCatalog().Book("apmbc").StatusCode("NZL", day));
        Assert.Equal(TreatyStatus.Contracting, store.LoadCatalog(new LocalDate(2026, 1, 9)).Book("apmbc").StatusCode("NZL", day));
    }

    // ---- review states ----

    [Fact]
    public void ReportedAction_IsNewsNotLaw_UntilItIsConfirmed()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Bundled, "test");
        var news = new Source("test_news_nzl", SourceKind.News, "A report that New Zealand will leave", "https://example.org/nzl", PartialDate.Parse("2026-01-06"));
        var report = new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "NZL", Kind = ActionKind.DepositWithdrawal,
            Date = PartialDate.Parse("2026-01-05"), Known = new LocalDate(2026, 1, 6), Sources = [news],
        };
        var day = new LocalDate(2026, 2, 1);

        var recorded = store.RecordAction(report, ReviewState.Reported, "ingest");

        Assert.Equal(TreatyStatus.Party, store.LoadCatalog().Book("apmbc").StatusCode("NZL", day));
        Assert.Equal(recorded.Action.Id, Assert.Single(store.ReportedActions()).Action.Id);
        Assert.Empty(store.ReportedActions(new LocalDate(2026, 1, 5)));

        var cn = new Source("test_cn_nzl", SourceKind.Depositary, "C.N.9.2026.TREATIES-XXVI.5", "https://example.org/cn9", PartialDate.Parse("2026-01-08"));
        var confirmed = store.Correct(recorded.Action.Id, recorded.Action with { Id = "", Known = new LocalDate(2026, 1, 8), Sources = [cn] },
            "reviewer", "depositary notification");

        Assert.Equal(ReviewState.Official, confirmed.ReviewState);
        Assert.Equal(TreatyStatus.WithdrawalPending, store.LoadCatalog().Book("apmbc").StatusCode("NZL", day));
        Assert.Equal(TreatyStatus.Party, store.LoadCatalog(new LocalDate(2026, 1, 7)).Book("apmbc").StatusCode("NZL", day));
        Assert.Empty(store.ReportedActions());
        Assert.Single(store.ReportedActions(new LocalDate(2026, 1, 7)));
    }

    [Fact]
    public void RejectedReport_ChangesNoStatus_AndIsNoLongerPending()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var news = store.LoadCatalog().Sources["news1"];
        var report = store.RecordAction(new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "FIN", Kind = ActionKind.DepositWithdrawal,
            Date = PartialDate.Parse("2025-07-10"), Known = new LocalDate(2025, 7, 11), Sources = [news],
        }, ReviewState.Reported, "ingest");

        store.Correct(report.Action.Id, report.Action with { Id = "" }, "reviewer", "the report confused Finland with Lithuania", ReviewState.Rejected);

        Assert.Empty(store.ReportedActions());
        Assert.Equal(TreatyStatus.Contracting, store.LoadCatalog().Book("apmbc").StatusCode("FIN", new LocalDate(2026, 6, 1)));
    }

    [Fact]
    public void RecordAction_RefusesAnUnknownState_ACorrectionInDisguise_AndAMissingSource()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var cn = store.LoadCatalog().Sources["cn1"];
        var a = new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "XYZ", Kind = ActionKind.Sign, Date = PartialDate.Parse("2025-01-01"),
            Known = new LocalDate(2025, 1, 1), Sources = [cn],
        };

        Assert.Throws<LedgerException>(() => store.RecordAction(a, ReviewState.Official, "test"));
        Assert.Throws<ArgumentException>(() => store.RecordAction(a with { State = "UKR", Supersedes = "apmbc:2" }, ReviewState.Official, "test"));
        Assert.Throws<LedgerException>(() => store.RecordAction(a with { State = "UKR", Sources = [] }, ReviewState.Official, "test"));
        Assert.Throws<LedgerException>(() => store.RecordAction(a with { State = "UKR", Sources = [cn with { Title = "another title" }] }, ReviewState.Official, "test"));
        Assert.Equal(7, store.Count("actions"));

        var ok = store.RecordAction(a with { State = "UKR" }, ReviewState.Official, "test");
        Assert.StartsWith("apmbc:", ok.Action.Id, StringComparison.Ordinal);
        Assert.Equal(ReviewState.Official, store.Find(ok.Action.Id)!.ReviewState);
    }

    // ---- several writers ----

    [Fact]
    public void TwoWritersSeedingAtOnce_LeaveExactlyOneCopy()
    {
        var spec = NewDatabase();
        if (spec is null) return;
        Open(spec).Migrate();
        var a = Open(spec);
        var b = Open(spec);

        var results = Parallel2(() => a.SeedFromBundledData(TestData.Bundled, "a"), () => b.SeedFromBundledData(TestData.Bundled, "b"));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, a.Count("imports"));
        Assert.Equal(TestData.BundledCatalog.Actions.Values.Sum(v => v.Count), a.Count("actions"));
        Assert.Equal(TreatyStatus.Withdrawn, b.LoadCatalog().Book("apmbc").StatusCode("LTU", new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void TwoWritersRecordingAtOnce_LoseNothing_AndDuplicateNothing()
    {
        var ledger = NewLedgerWithSpec();
        if (ledger is null) return;
        var (first, spec) = ledger.Value;
        first.SeedFromBundledData(TestData.Tiny(), "test");
        var news = first.LoadCatalog().Sources["news1"];
        var seeded = first.LoadCatalog().ActionsOf("apmbc");
        var a = Open(spec);
        var b = Open(spec);
        string[] states = ["LTU", "NZL", "FIN", "EST", "LVA", "POL", "UKR"];

        List<string> Write(LedgerStore store, string who, int offset)
        {
            var ids = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                ids.Add(store.RecordAction(new TreatyAction
                {
                    Id = "", TreatyId = "apmbc", State = states[(i + offset) % states.Length], Kind = ActionKind.ParliamentVoteRatify,
                    Date = PartialDate.Parse($"2020-01-{i + 1:D2}"), Known = new LocalDate(2020, 2, 1), Sources = [news], Note = $"{who} {i}",
                }, ReviewState.Reported, who).Action.Id);
            }

            var target = seeded[offset];
            ids.Add(store.Correct(target.Id, target with { Id = "", Note = $"corrected by {who}" }, who, "concurrency test").Action.Id);
            return ids;
        }

        var results = Parallel2(() => Write(a, "a", 0), () => Write(b, "b", 1));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(52, all.Distinct().Count());
        Assert.Equal(7 + 52, first.Count("actions"));
        Assert.Equal(2, first.Count("supersessions"));
        Assert.All(all, id => Assert.NotNull(first.Find(id)));
        Assert.Equal(50, first.ReportedActions().Count);
        Assert.Equal(7 + 2, first.LoadCatalog().ActionsOf("apmbc").Count);
    }

    [Fact]
    public void TwoWritersCorrectingOneRecordAtOnce_OneWins_TheOtherIsTold()
    {
        var ledger = NewLedgerWithSpec();
        if (ledger is null) return;
        var (first, spec) = ledger.Value;
        first.SeedFromBundledData(TestData.Tiny(), "test");
        var nzl = first.LoadCatalog().ActionsOf("apmbc").Single(x => x.State == "NZL");
        var a = Open(spec);
        var b = Open(spec);

        Exception? Try(LedgerStore s, string who)
        {
            try
            {
                s.Correct(nzl.Id, nzl with { Id = "", Note = who }, who, "race");
                return null;
            }
            catch (LedgerException e)
            {
                return e;
            }
        }

        var results = Parallel2(() => Try(a, "a"), () => Try(b, "b"));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.Equal(1, first.Count("supersessions"));
        Assert.Equal(8, first.Count("actions"));
    }

    /// <summary>Runs two functions on two threads, released together.</summary>
    private static T[] Parallel2<T>(Func<T> a, Func<T> b)
    {
        using var gate = new Barrier(2);
        var ta = Task.Run(() => { gate.SignalAndWait(); return a(); });
        var tb = Task.Run(() => { gate.SignalAndWait(); return b(); });
        return Task.WhenAll(ta, tb).GetAwaiter().GetResult();
    }

    private static int Exec(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }
}
