using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Ledger.Tests;

// Per-treaty lazy loading, bringing a ledger up to date with newer bundled data, UNTC acts on record from another
// source, and review decisions: on every database, as the rest of the suite.
public abstract partial class LedgerStoreTests
{
    private static readonly LocalDate[] TinyDays = [new(1999, 3, 1), new(2003, 11, 1), new(2010, 1, 1), new(2013, 7, 1), new(2025, 6, 1), new(2026, 6, 1)];

    private static string Describe(TreatyAction a) =>
        $"{a.Id}|{a.State}|{ActionKinds.Name(a.Kind)}|{a.Date}|{IsoDate.Format(a.Known)}|{a.Supersedes}|{string.Join(';', a.Sources.Select(s => s.Key))}";

    [Fact]
    public void LazyCatalog_GivesEachTreatyTheSameActionsAsTheFullLoad_UnderBothClocks_WithCorrectionsAndRetractions()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Bundled, "test");
        var full = store.LoadCatalog();
        var ltu = full.ActionsOf("apmbc").First(a => a.State == "LTU" && a.Kind == ActionKind.Ratify);
        store.Correct(ltu.Id, ltu with { Id = "", Date = PartialDate.Parse("2003-05-13"), Known = new LocalDate(2026, 1, 10) }, "reviewer", "the depositary's date");
        var fin = full.ActionsOf("apmbc").First(a => a.State == "FIN");
        store.Correct(fin.Id, fin with { Id = "", Known = new LocalDate(2026, 1, 12) }, "reviewer", "recorded twice", ReviewState.Rejected);

        foreach (var known in new LocalDate?[] { null, new LocalDate(2026, 1, 11), new LocalDate(2025, 6, 1) })
        {
            var eager = store.LoadCatalog(known);
            var lazy = store.LoadCatalog(known, lazyActions: true);
            Assert.Equal(eager.Actions.Keys.Order(StringComparer.Ordinal), lazy.Actions.Keys.Order(StringComparer.Ordinal));
            foreach (var treaty in eager.Actions.Keys)
                Assert.Equal(eager.ActionsOf(treaty).Select(Describe), lazy.ActionsOf(treaty).Select(Describe));
            foreach (var state in new[] { "LTU", "FIN", "UKR", "NZL" })
                Assert.Equal(eager.Book("apmbc").StatusCode(state, new LocalDate(2026, 1, 1)), lazy.Book("apmbc").StatusCode(state, new LocalDate(2026, 1, 1)));
        }

        // The retraction is applied from the day it is known, lazily as fully.
        Assert.DoesNotContain(store.LoadCatalog(lazyActions: true).ActionsOf("apmbc"), a => a.Id == fin.Id);
        Assert.Contains(store.LoadCatalog(new LocalDate(2026, 1, 11), lazyActions: true).ActionsOf("apmbc"), a => a.Id == fin.Id);
    }

    [Fact]
    public void LazyCatalog_DoesNotSeeRecordsAppendedAfterItWasLoaded()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var lazy = store.LoadCatalog(lazyActions: true);
        var before = store.LoadCatalog().ActionsOf("apmbc").Count;
        store.RecordAction(new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = "UKR", Kind = ActionKind.Sign, Date = PartialDate.Parse("1999-12-24"),
            Known = new LocalDate(1999, 12, 24), Sources = [store.LoadCatalog().Sources["cn1"]],
        }, ReviewState.Official, "test");

        Assert.Equal(before, lazy.ActionsOf("apmbc").Count);
        Assert.Equal(before + 1, store.LoadCatalog(lazyActions: true).ActionsOf("apmbc").Count);
    }

    private static List<DataFile> TinyUpdated()
    {
        var files = TestData.Tiny();
        string Edit(string path, Func<string, string> f) => files[files.FindIndex(x => x.Path == path)].Text is var t ? f(t) : "";
        void Set(string path, string text) => files[files.FindIndex(x => x.Path == path)] = new DataFile(path, text);
        Set("actions/apmbc.csv", Edit("actions/apmbc.csv", t => t
            .Replace("NZL,ratify,1999-01-27,,,cn1,\n", "NZL,ratify,1999-01-28,,,cn1,\n", StringComparison.Ordinal) // a changed date
            .Replace("EST,accede,2004-05-12,,,cn1,\n", "", StringComparison.Ordinal)                             // gone from the files
            .Replace("LTU,sign,1999-02-26,,,cn1,\n", "UKR,sign,1999-02-24,,,cn1,\nLTU,sign,1999-02-26,,,cn1,\n", StringComparison.Ordinal))); // a new line above: every id below shifts
        Set("states/states.csv", Edit("states/states.csv", t => t.Replace("UKR,Ukraine,Ukraina,", "UKR,Ukraine,Ukraina;Ukrayina,", StringComparison.Ordinal)));
        Set("armed-conflicts.csv", "state,start,end,name,source,note\nUKR,2014-02-20,2030-01-01,Russia-Ukraine,news1,\n");
        return files;
    }

    [Fact]
    public void UpdateFromBundledData_AppendsWhatChanged_AndThenAnswersAsTheNewFiles()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), CliWho);
        var before = store.LoadCatalog().ActionsOf("apmbc").Select(a => a.Id).ToList();
        var counts = new[] { "actions", "states", "armed_conflicts", "supersessions", "sources" }.ToDictionary(t => t, t => store.Count(t));
        var updated = TinyUpdated();

        var u = store.UpdateFromBundledData(updated, CliWho);

        Assert.True(u.Updated);
        Assert.Equal((1, 1, 1), (u.ActionsAdded, u.ActionsCorrected, u.ActionsRetracted));
        Assert.Equal((1, 1), (u.States, u.Conflicts));
        Assert.Equal(LedgerStore.ContentHash(updated), store.SeededFrom);
        // Nothing deleted: every count grew or stayed, every earlier record is still there.
        foreach (var (table, n) in counts) Assert.True(store.Count(table) >= n, table);
        Assert.All(before, id => Assert.NotNull(store.Find(id)));
        var correction = Assert.Single(store.Supersessions(), x => x.Why == LedgerStore.BundledUpdateWhy);
        Assert.Equal(CliWho, correction.RecordedBy);
        Assert.Equal("1999-01-27", store.Find(correction.OldId)!.Action.Date.ToString());
        Assert.Single(store.Supersessions(), x => x.Why.StartsWith(LedgerStore.BundledUpdateWhy + ": no longer", StringComparison.Ordinal));

        var files = CatalogParser.Parse(updated);
        var ledger = store.LoadCatalog(lazyActions: true);
        Assert.Equal(files.Conflicts.Select(x => (x.State, x.Start, x.End, x.Name)), ledger.Conflicts.Select(x => (x.State, x.Start, x.End, x.Name)));
        Assert.Equal(files.States["UKR"].Aliases, ledger.States["UKR"].Aliases);
        foreach (var state in files.States.Keys)
        foreach (var day in TinyDays)
            Assert.Equal(files.Book("apmbc").StatusCode(state, day), ledger.Book("apmbc").StatusCode(state, day));

        // The same data again, or the older data it replaced: nothing more.
        Assert.False(store.UpdateFromBundledData(updated, CliWho).Updated);
        Assert.False(store.UpdateFromBundledData(TestData.Tiny(), CliWho).Updated);
    }

    [Fact]
    public void UpdateFromBundledData_LeavesRecordsOthersWroteAlone()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), CliWho);
        var est = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "EST");
        var mine = store.Correct(est.Id, est with { Id = "", Note = "checked against the depositary" }, "reviewer", "note added");

        store.UpdateFromBundledData(TinyUpdated(), CliWho);

        // The files dropped Estonia's accession, but the standing record is the reviewer's: it stays.
        Assert.Null(store.Find(mine.Action.Id)!.SupersededBy);
        Assert.Contains(store.LoadCatalog(lazyActions: true).ActionsOf("apmbc"), a => a.Id == mine.Action.Id);
    }

    private const string CliWho = "treatywatch (bundled data)";

    private static TreatyAction UntcRatification(string state, string date) => new()
    {
        Id = $"apmbc:untc-2015-xxvi-5:{state}", TreatyId = "apmbc", State = state, Kind = ActionKind.Ratify, Date = PartialDate.Parse(date),
        Known = IsoDate.Parse(date), Sources = [new Source("untc-2015-xxvi-5", SourceKind.Depositary, "UN Treaty Collection, status of XXVI-5 (2015 table)", null, null)],
        Origin = "26-5.csv:2",
    };

    [Fact]
    public void UntcImport_OfAnActOnRecordFromAnotherSource_AddsTheTableAsASource_NotASecondAction()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var ltu = store.LoadCatalog().ActionsOf("apmbc").Single(a => a.State == "LTU" && a.Kind == ActionKind.Ratify);
        var statuses = TinyDays.Select(d => store.LoadCatalog().Book("apmbc").StatusCode("LTU", d)).ToList();
        var actions = store.Count("actions");
        var beforeImport = Clock.GetCurrentInstant();

        var o = store.Import("untc", "26-5.csv", "h1", [UntcRatification("LTU", "2003-05-12"), UntcRatification("UKR", "2005-12-27")], [], "import");

        Assert.Equal((1, 1, 1), (o.Added, o.AlreadyOnRecord, o.SourcesAdded));
        Assert.Equal(actions + 1, store.Count("actions"));
        Assert.Equal(["cn1", "untc-2015-xxvi-5"], store.Find(ltu.Id)!.Action.Sources.Select(s => s.Key));
        var catalog = store.LoadCatalog(lazyActions: true);
        Assert.Single(catalog.ActionsOf("apmbc"), a => a.State == "LTU" && a.Kind == ActionKind.Ratify);
        Assert.Equal(["cn1", "untc-2015-xxvi-5"], catalog.ActionsOf("apmbc").Single(a => a.Id == ltu.Id).Sources.Select(s => s.Key));
        Assert.Equal(statuses, TinyDays.Select(d => catalog.Book("apmbc").StatusCode("LTU", d)));
        // As recorded before the import: the record as it was, with its own source alone.
        Assert.Equal(["cn1"], store.LoadCatalog(asRecordedAt: beforeImport, lazyActions: true).ActionsOf("apmbc").Single(a => a.Id == ltu.Id).Sources.Select(s => s.Key));

        // Again: nothing new at all.
        var again = store.Import("untc", "26-5.csv", "h1", [UntcRatification("LTU", "2003-05-12"), UntcRatification("UKR", "2005-12-27")], [], "import");
        Assert.Equal((0, 2, 0), (again.Added, again.AlreadyOnRecord, again.SourcesAdded));
        Assert.Equal(actions + 1, store.Count("actions"));
        Assert.Equal(1, store.Count("action_source_additions"));
    }

    [Fact]
    public void ASourcesDetails_AreStoredAndReadBack_AndAFileWithoutThemNamesTheSameSource()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var quoted = new Source("news:q1", SourceKind.News, "Seimas votes to leave the mine ban", "https://example.org/q1", PartialDate.Parse("2025-05-08"))
        {
            Outlet = "example.org", Quote = "The Seimas voted 107 to 0 to leave the convention — «a step», not yet law.", QuoteStart = 12, QuoteEnd = 86,
        };
        var cn = new Source("cn:q2", SourceKind.Depositary, "Depositary notification", null, PartialDate.Parse("2025-06-27")) { CnNumber = "C.N.123.2025.TREATIES-XXVI.5" };
        var vote = new TreatyAction
        {
            Id = "apmbc:q-vote", TreatyId = "apmbc", State = "LTU", Kind = ActionKind.ParliamentVoteWithdraw, Date = PartialDate.Parse("2025-05-08"),
            Known = new LocalDate(2025, 5, 8), Sources = [quoted, cn],
        };
        Assert.Equal(1, store.Import("json", "export.json", "h1", [vote], [quoted, cn], "import").Added);

        var catalog = store.LoadCatalog();
        Assert.Equal(quoted, catalog.Sources["news:q1"]);
        Assert.Equal(cn, catalog.Sources["cn:q2"]);
        Assert.Equal([quoted, cn], catalog.ActionsOf("apmbc").Single(a => a.Id == vote.Id).Sources);
        Assert.Equal([quoted, cn], store.LoadCatalog(lazyActions: true).ActionsOf("apmbc").Single(a => a.Id == vote.Id).Sources);
        Assert.Equal([quoted, cn], store.Find(vote.Id)!.Action.Sources);

        // An export made before the details were exported names the same sources: nothing new, nothing refused.
        var bare = new[] { quoted with { Outlet = null, Quote = null, QuoteStart = null, QuoteEnd = null }, cn with { CnNumber = null } };
        var old = store.Import("json", "old-export.json", "h2", [vote with { Sources = bare }], bare, "import");
        Assert.Equal((0, 1), (old.Added, old.AlreadyOnRecord));
        Assert.Equal(quoted, store.LoadCatalog().Sources["news:q1"]);

        // Other words under the same key are another source: refused, and nothing of that file is stored.
        var actions = store.Count("actions");
        var other = quoted with { Quote = "The Seimas postponed the vote." };
        var e = Assert.Throws<LedgerException>(() => store.Import("json", "other.json", "h3", [vote with { Id = "apmbc:q-vote-2", Date = PartialDate.Parse("2025-05-09"), Known = new LocalDate(2025, 5, 9), Sources = [other] }], [other], "import"));
        Assert.Contains("news:q1", e.Message, StringComparison.Ordinal);
        Assert.Equal(actions, store.Count("actions"));
        Assert.Equal(quoted, store.LoadCatalog().Sources["news:q1"]);
    }

    [Fact]
    public void UntcImport_OfAnActOnADifferentDay_IsASecondAction()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var o = store.Import("untc", "26-5.csv", "h1", [UntcRatification("LTU", "2003-05-13")], [], "import");
        Assert.Equal((1, 0, 0), (o.Added, o.AlreadyOnRecord, o.SourcesAdded));
    }

    [Fact]
    public void EveryReviewDecision_IsRecorded_WithReasonWhoWhenAndTheRecordItAppended()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        var news = store.LoadCatalog().Sources["news1"];
        string Report(string state) => store.RecordAction(new TreatyAction
        {
            Id = "", TreatyId = "apmbc", State = state, Kind = ActionKind.DepositWithdrawal, Date = PartialDate.Parse("2025-07-10"),
            Known = new LocalDate(2025, 7, 11), Sources = [news],
        }, ReviewState.Reported, "ingest").Action.Id;
        var (a, b, c, d) = (Report("FIN"), Report("EST"), Report("LVA"), Report("LVA"));

        var results = new[]
        {
            store.Review(a, ReviewDecision.Confirm, "seen the notification", "ana", new LocalDate(2025, 7, 20)),
            store.Review(b, ReviewDecision.Reject, "misread", "ben", new LocalDate(2025, 7, 20)),
            store.Review(c, ReviewDecision.Edit, "dated 11 July", "cy", new LocalDate(2025, 7, 20), PartialDate.Parse("2025-07-11")),
            store.Review(d, ReviewDecision.Merge, "same report", "di", new LocalDate(2025, 7, 20), into: c),
        };

        var past = store.PastReviews();
        Assert.Equal([a, b, c, d], past.Select(r => r.Report.Action.Id));
        Assert.Equal([ReviewDecision.Confirm, ReviewDecision.Reject, ReviewDecision.Edit, ReviewDecision.Merge], past.Select(r => r.Decision));
        Assert.Equal(["seen the notification", "misread", "dated 11 July", "same report"], past.Select(r => r.Reason));
        Assert.Equal(["ana", "ben", "cy", "di"], past.Select(r => r.ReviewedBy));
        Assert.Equal(results.Select(r => r.Action.Id), past.Select(r => r.ActionId));
        Assert.Equal([null, null, null, c], past.Select(r => r.MergedInto));
        Assert.All(past, r => Assert.Equal(ReviewState.Reported, r.Report.ReviewState));
        Assert.Equal(4, store.Count("action_reviews"));
        Assert.Empty(store.ReportedActions());
    }

    [Fact]
    public void AReviewOfAReportFromAnExtractedEvent_IsAlsoARowOfTheReviewsTable()
    {
        var store = NewLedger();
        if (store is null) return;
        store.SeedFromBundledData(TestData.Tiny(), "test");
        const string At = "2026-01-15T09:00:00.000000Z";
        using (var c = store.OpenConnection())
        {
            long Scalar(string sql)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            var article = Scalar($"INSERT INTO articles (content_hash, cleaned_text, recorded_at, recorded_by) VALUES ('h', 'Finland withdrew.', '{At}', 'ingest') RETURNING id");
            var evt = Scalar($"INSERT INTO extracted_events (article_id, state, treaty_id, action, evidence, evidence_start, evidence_end, extractor, recorded_at, recorded_by) VALUES ({article}, 'FIN', 'apmbc', 'deposit_withdrawal', 'Finland withdrew', 0, 16, 'test', '{At}', 'ingest') RETURNING id");
            Scalar($"INSERT INTO actions (id, treaty_id, state, action, date, known, review_state, certainty, recorded_at, recorded_by, event_id) VALUES ('apmbc:evt1', 'apmbc', 'FIN', 'deposit_withdrawal', '2025-07-10', '2025-07-11', 'reported', 'reported', '{At}', 'ingest', {evt}) RETURNING seq");
            Scalar("INSERT INTO action_sources (action_id, position, source_key) VALUES ('apmbc:evt1', 0, 'news1') RETURNING position");
        }

        var confirmed = store.Review("apmbc:evt1", ReviewDecision.Confirm, "seen the notification", "ana", new LocalDate(2025, 7, 20));

        Assert.Equal(1, store.Count("reviews"));
        Assert.Equal(confirmed.Action.Id, Assert.Single(store.PastReviews()).ActionId);
    }
}
