using TreatyWatch.Tests.Shared;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ledger.Tests;

/// <summary>
/// News ingest into the ledger (<see cref="LedgerStore.IngestArticle"/>), written once and run on SQLite and PostgreSQL.
/// The articles are written here; the events are given as an extractor would give them.
/// </summary>
public abstract class NewsIngestTests : IDisposable
{
    private readonly List<LedgerStore> _stores = [];

    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 1, 15, 9, 0), Duration.FromMilliseconds(1));

    /// <summary>A spec for a new, empty database; null when this kind of database is not available on this machine.</summary>
    protected abstract string? NewDatabase();

    private LedgerStore Open(string spec)
    {
        var s = LedgerStore.Open(spec, Clock);
        _stores.Add(s);
        return s;
    }

    private (LedgerStore Store, string Spec)? NewSeededLedger()
    {
        var spec = NewDatabase();
        if (spec is null) return null;
        var s = Open(spec);
        s.Migrate();
        Assert.True(s.SeedFromBundledData(TestData.Tiny(), "test"));
        return (s, spec);
    }

    public virtual void Dispose()
    {
        foreach (var s in _stores) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Extractor = "test-extractor/1";

    /// <summary>An article of a few sentences about one state's vote; <paramref name="n"/> makes each text different.</summary>
    private static (NewsArticle Article, List<NewsEvent> Events) Article(int n, string state = "LTU", string stateName = "Lithuania")
    {
        var lead = $"Report number {n}.";
        var vote = $"The parliament of {stateName} voted on {n % 28 + 1} May 2025 to leave the mine ban convention, by {60 + n % 40} votes to 3.";
        var intent = "The government said it also plans to leave another treaty.";
        var eif = "The convention entered into force in March 1999.";
        var text = string.Join("\n", lead, vote, intent, eif);
        var voteStart = text.IndexOf(vote, StringComparison.Ordinal);
        var intentStart = text.IndexOf(intent, StringComparison.Ordinal);
        var eifStart = text.IndexOf(eif, StringComparison.Ordinal);
        var article = new NewsArticle
        {
            Text = text, Url = $"https://news.example.org/{n}", Outlet = "Example News", Title = $"Vote {n}", Published = new LocalDate(2025, 6, 1), Language = "en",
            Metadata = [new("file", $"{n:D4}.txt")],
        };
        List<NewsEvent> events =
        [
            new()
            {
                State = state, Treaty = "apmbc", Action = "parliament_vote_withdraw", Kind = ActionKind.ParliamentVoteWithdraw,
                Date = PartialDate.OfDay(new LocalDate(2025, 5, n % 28 + 1)), Votes = new Votes(60 + n % 40, 3, null, null),
                Evidence = vote, Start = voteStart, End = voteStart + vote.Length, Extractor = Extractor,
            },
            // No treaty: stored as an event, no action.
            new() { State = state, Treaty = "", Action = "announce_intent_to_withdraw", Kind = ActionKind.AnnounceIntentToWithdraw, Evidence = intent, Start = intentStart, End = intentStart + intent.Length, Extractor = Extractor },
            // No state (treaty-wide): stored as an event, no action.
            new()
            {
                State = "", Treaty = "apmbc", Action = "entry_into_force", Kind = ActionKind.StatedEntryIntoForce, Date = PartialDate.OfMonth(1999, 3),
                Evidence = eif, Start = eifStart, End = eifStart + eif.Length, Extractor = Extractor,
            },
        ];
        return (article, events);
    }

    [Fact]
    public void AnIngestedArticle_KeepsItsEvents_AndEachEventWithAStateAndATreatyBecomesOneReportedAction()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var (article, events) = Article(1);

        var outcome = store.IngestArticle(article, events, "ingest test");

        Assert.False(outcome.AlreadyOnRecord);
        Assert.Equal(NewsArticle.HashOf(article.Text), outcome.ContentHash);
        Assert.Equal(3, outcome.Events);
        var id = Assert.Single(outcome.ActionIds);

        var stored = store.IngestedEvents();
        Assert.Equal(["parliament_vote_withdraw", "announce_intent_to_withdraw", "entry_into_force"], stored.Select(e => e.Action));
        Assert.Equal([id, null, null], stored.Select(e => e.ActionId));
        Assert.Equal(["LTU|apmbc|parliament_vote_withdraw", "LTU||announce_intent_to_withdraw", "|apmbc|entry_into_force"], stored.Select(e => e.ClusterKey));
        Assert.All(stored, e => Assert.Equal(article.Text[e.Start..e.End], e.Evidence));
        Assert.All(stored, e => Assert.Equal(Extractor, e.Extractor));
        Assert.Equal(stored[0].Id, store.EventOf(id));

        var a = Assert.Single(store.IngestedArticles());
        Assert.Equal(("https://news.example.org/1", "Example News", "Vote 1", "2025-06-01", "en"), (a.Url, a.Outlet, a.Title, a.Published, a.Language));
        Assert.Equal("""{"file":"0001.txt"}""", a.Metadata);
        Assert.Equal(article.Text, store.ArticleText(a.ContentHash));

        var reported = store.Find(id)!;
        Assert.Equal(ReviewState.Reported, reported.ReviewState);
        Assert.Equal((ActionKind.ParliamentVoteWithdraw, "LTU", "2025-05-02", new LocalDate(2025, 6, 1)), (reported.Action.Kind, reported.Action.State, reported.Action.Date.ToString(), reported.Action.Known));
        Assert.Equal(new Votes(61, 3, null, null), reported.Action.Votes);
        var source = Assert.Single(reported.Action.Sources);
        Assert.Equal((SourceKind.News, "https://news.example.org/1", "Vote 1"), (source.Kind, source.Url, source.Title));

        // The news source keeps the outlet, the quote and its offsets, and the article it quotes.
        using var c = store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT outlet, quote, quote_start, quote_end, article_id FROM sources WHERE key = '{source.Key}'";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(("Example News", stored[0].Evidence, (long)stored[0].Start, (long)stored[0].End, a.Id),
            (r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)), Convert.ToInt64(r.GetValue(3)), Convert.ToInt64(r.GetValue(4))));
    }

    /// <summary>An article of <paramref name="count"/> sentences, each a vote of a state on another day: one event each, every
    /// other one without a treaty (an event only), so that actions and events interleave.</summary>
    private static (NewsArticle Article, List<NewsEvent> Events) ManyEvents(int count, int n)
    {
        var sentences = Enumerable.Range(0, count).Select(i => $"Vote {i} of report {n}: the parliament voted on {i % 28 + 1} May 2025 to leave the convention.").ToList();
        var text = string.Join(" ", sentences);
        var events = new List<NewsEvent>();
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var start = text.IndexOf(sentences[i], at, StringComparison.Ordinal);
            at = start + sentences[i].Length;
            events.Add(new NewsEvent
            {
                State = i % 3 == 0 ? "EST" : "LTU", Treaty = i % 2 == 0 ? "apmbc" : "", Action = "parliament_vote_withdraw", Kind = ActionKind.ParliamentVoteWithdraw,
                Date = PartialDate.OfDay(new LocalDate(2025, 5, i % 28 + 1)), Votes = new Votes(i, 1, null, null),
                Evidence = sentences[i], Start = start, End = at, Extractor = Extractor,
            });
        }

        return (new NewsArticle { Text = text, Title = $"Many votes {n}", Published = new LocalDate(2025, 6, 1), Metadata = [new("file", $"many{n}.txt")] }, events);
    }

    [Fact]
    public void AnArticleWithManyEvents_LinksEachReportedActionToItsOwnEvent()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        // More events than one multi-row INSERT takes (64), after another article, so that ids do not start at 1.
        store.IngestArticle(Article(1).Article, Article(1).Events, "ingest test");
        var (article, events) = ManyEvents(150, 1);

        var outcome = store.IngestArticle(article, events, "ingest test");

        Assert.Equal(150, outcome.Events);
        Assert.Equal(75, outcome.ActionIds.Count);
        var stored = store.IngestedEvents().Where(e => e.ArticleHash == outcome.ContentHash).ToList();
        Assert.Equal(events.Select(e => e.Evidence), stored.Select(e => e.Evidence));
        Assert.Equal(outcome.ActionIds, stored.Where(e => e.ActionId is not null).Select(e => e.ActionId));
        var reported = store.ReportedActions().ToDictionary(a => a.Action.Id, StringComparer.Ordinal);
        foreach (var e in stored.Where(e => e.ActionId is not null))
        {
            // The action's own event: same state, day and votes as the sentence it came from.
            Assert.Equal(e.Id, store.EventOf(e.ActionId!));
            var a = reported[e.ActionId!].Action;
            Assert.Equal((e.State, e.Date), (a.State, a.Date.ToString()));
            Assert.Equal(a.Votes!.For, int.Parse(e.Evidence.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void ADryRunInMemory_GivesTheOutcomesTheLedgerGives_AndWritesNothing()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var articles = Enumerable.Range(1, 6).Select(n => Article(n, n % 2 == 0 ? "EST" : "LTU", "x")).Append(ManyEvents(90, 7)).Append(Article(3, "XXX", "Nowhere")).ToList();
        var counts = Counts(store);
        using var dry = new InMemoryNewsIngest(store.StateCodes(), Clock, "ingest test", store.ArticleHashes());

        var dryOutcomes = articles.Concat(articles.Take(2)).Select(x => dry.Add(x.Article, x.Events)).ToList();

        Assert.Equal(counts, Counts(store));
        using var session = store.OpenNewsIngest("ingest test");
        var outcomes = articles.Concat(articles.Take(2)).Select(x => session.Add(x.Article, x.Events)).ToList();
        Assert.Equal(outcomes.Select(o => (o.ContentHash, o.AlreadyOnRecord, o.Events, string.Join(",", o.ActionIds))),
            dryOutcomes.Select(o => (o.ContentHash, o.AlreadyOnRecord, o.Events, string.Join(",", o.ActionIds))));
        Assert.Equal(2, outcomes.Count(o => o.AlreadyOnRecord));
        Assert.Empty(Assert.Single(outcomes, o => o.ContentHash == NewsArticle.HashOf(articles[^1].Article.Text) && !o.AlreadyOnRecord).ActionIds);
        // What is on record is known to a new dry run.
        using var again = new InMemoryNewsIngest(store.StateCodes(), Clock, "ingest test", store.ArticleHashes());
        Assert.All(articles, x => Assert.True(again.Add(x.Article, x.Events).AlreadyOnRecord));
        Assert.Throws<LedgerException>(() => again.Add(articles[0].Article, [articles[0].Events[0] with { End = 100_000 }]));
    }

    [Fact]
    public void TheSameArticleIngestedTwice_AddsNothingTheSecondTime()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var (article, events) = Article(2);
        store.IngestArticle(article, events, "ingest test");
        var counts = Counts(store);

        // Same text from another URL: the content hash is the identity.
        var again = store.IngestArticle(article with { Url = "https://mirror.example.org/2" }, events, "ingest test");

        Assert.True(again.AlreadyOnRecord);
        Assert.Equal(0, again.Events);
        Assert.Empty(again.ActionIds);
        Assert.Equal(counts, Counts(store));
        Assert.True(store.HasArticle(again.ContentHash));
        Assert.Contains(again.ContentHash, store.ArticleHashes());
    }

    [Fact]
    public void ReportedActionsFromTheNews_NeverChangeTheStatus_AndWaitForReview()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var before = store.LoadCatalog();
        var statusBefore = before.Book("apmbc", new LocalDate(2026, 6, 1)).StatusOf("LTU", new LocalDate(2026, 6, 1));
        var text = "Lithuania deposited its instrument of withdrawal from the Ottawa Convention with the United Nations on 27 June 2025.";
        var article = new NewsArticle { Text = text, Title = "Withdrawal", Published = new LocalDate(2025, 6, 28) };
        NewsEvent deposit = new()
        {
            State = "LTU", Treaty = "apmbc", Action = "deposit_withdrawal", Kind = ActionKind.DepositWithdrawal, Date = PartialDate.OfDay(new LocalDate(2025, 6, 27)),
            Evidence = text, Start = 0, End = text.Length, Extractor = Extractor,
        };

        var outcome = store.IngestArticle(article, [deposit], "ingest test");

        var after = store.LoadCatalog();
        Assert.Equal(before.ActionsOf("apmbc").Count, after.ActionsOf("apmbc").Count);
        Assert.DoesNotContain(after.ActionsOf("apmbc"), a => a.Kind == ActionKind.DepositWithdrawal);
        Assert.Equal(statusBefore.Status, after.Book("apmbc", new LocalDate(2026, 6, 1)).StatusOf("LTU", new LocalDate(2026, 6, 1)).Status);
        var pending = Assert.Single(store.ReportedActions());
        Assert.Equal(outcome.ActionIds.Single(), pending.Action.Id);
        Assert.Equal(ReviewState.Reported, pending.ReviewState);
    }

    [Fact]
    public void OneSentenceAboutSeveralStatesOrTreaties_GivesOneEventAndOneActionEach()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var text = "The parliaments of Estonia, Latvia and Lithuania voted on 16 April 2025 to leave the mine ban and cluster munitions conventions.";
        var article = new NewsArticle { Text = text, Published = new LocalDate(2025, 4, 17) };
        var events = new[] { "EST", "LVA", "LTU" }.SelectMany(s => new[] { "apmbc", "ccm" }.Select(t => new NewsEvent
        {
            State = s, Treaty = t, Action = "parliament_vote_withdraw", Kind = ActionKind.ParliamentVoteWithdraw, Date = PartialDate.OfDay(new LocalDate(2025, 4, 16)),
            Evidence = text, Start = 0, End = text.Length, Extractor = Extractor,
        })).ToList();

        var outcome = store.IngestArticle(article, events, "ingest test");

        Assert.Equal(6, outcome.Events);
        Assert.Equal(6, outcome.ActionIds.Distinct().Count());
        Assert.Equal(6, store.ReportedActions().Count);
        // One quote, one source for the six.
        Assert.Single(store.ReportedActions().SelectMany(a => a.Action.Sources).DistinctBy(s => s.Key));
    }

    [Fact]
    public void AnEventThatCannotBeAnAction_IsStoredAsAnEventOnly()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var text = "Lithuania ratified the convention in 2003. Atlantis voted on 2 May 2025 to leave it. Lithuania's minister spoke of leaving.";
        var article = new NewsArticle { Text = text, Published = new LocalDate(2025, 6, 1) };
        NewsEvent Event(string state, string action, ActionKind kind, PartialDate? date, string sentence)
        {
            var start = text.IndexOf(sentence, StringComparison.Ordinal);
            return new() { State = state, Treaty = "apmbc", Action = action, Kind = kind, Date = date, Evidence = sentence, Start = start, End = start + sentence.Length, Extractor = Extractor };
        }

        var outcome = store.IngestArticle(article,
        [
            Event("LTU", "ratify", ActionKind.Ratify, PartialDate.OfYear(2003), "Lithuania ratified the convention in 2003."), // a depositary act needs a day
            Event("ATL", "parliament_vote_withdraw", ActionKind.ParliamentVoteWithdraw, PartialDate.OfDay(new LocalDate(2025, 5, 2)), "Atlantis voted on 2 May 2025 to leave it."), // not a state on record
            Event("LTU", "announce_intent_to_withdraw", ActionKind.AnnounceIntentToWithdraw, null, "Lithuania's minister spoke of leaving."), // no date
        ], "ingest test");

        Assert.Equal(3, outcome.Events);
        Assert.Empty(outcome.ActionIds);
        Assert.Equal(3, store.IngestedEvents().Count);
        Assert.Empty(store.ReportedActions());
    }

    [Fact]
    public void AnEventWhoseOffsetsFallOutsideTheText_IsRefused_AndNothingOfItsArticleIsWritten()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var (article, events) = Article(3);
        var counts = Counts(store);
        events.Add(events[0] with { State = "EST", Start = 0, End = article.Text.Length + 1 });

        Assert.Throws<LedgerException>(() => store.IngestArticle(article, events, "ingest test"));

        Assert.Equal(counts, Counts(store));
    }

    [Fact]
    public void AFailureHalfWayThroughAnArticle_RollsBackTheWholeArticle()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var (article, events) = Article(4);
        var counts = Counts(store);
        // A state code the database's CHECK refuses: found only when the event row is written, after the article row.
        var bad = events.Append(events[0] with { State = "ltu" }).ToList();

        Assert.ThrowsAny<System.Data.Common.DbException>(() => store.IngestArticle(article, bad, "ingest test"));

        Assert.Equal(counts, Counts(store));
        Assert.False(store.HasArticle(NewsArticle.HashOf(article.Text)));
        // The same article, well formed, then goes in whole.
        Assert.Equal(3, store.IngestArticle(article, events, "ingest test").Events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void TwoWritersIngestingTheSameArticlesAtOnce_StoreEachArticleOnce_AndLoseNoEvent(int groupSize)
    {
        if (NewSeededLedger() is not (_, { } spec)) return;
        var articles = Enumerable.Range(100, 40).Select(n => Article(n)).ToList();
        var a = Open(spec);
        var b = Open(spec);
        var rng = new Random(4242);
        var orderB = articles.OrderBy(_ => rng.Next()).ToList();

        // In groups, each writer's group holds articles the other is storing at the same moment: a group meets an
        // article the other committed after the group's check (PostgreSQL: the COPY fails on the content hash), and
        // must still store the rest of its group, each article once.
        var outcomes = new List<IngestOutcome>[2];
        Parallel.Invoke(
            () => outcomes[0] = Ingest(a, articles, groupSize),
            () => outcomes[1] = Ingest(b, orderB, groupSize));

        var all = outcomes.SelectMany(o => o).ToList();
        Assert.Equal(2 * articles.Count, all.Count);
        Assert.Equal(articles.Count, all.Count(o => !o.AlreadyOnRecord));
        Assert.Equal(articles.Count, all.Count(o => o.AlreadyOnRecord));
        Assert.Equal(articles.Count, a.IngestedArticles().Count);
        var events = a.IngestedEvents();
        Assert.Equal(articles.Sum(x => x.Events.Count), events.Count);
        Assert.Equal(articles.Count, events.Count(e => e.ActionId is not null));
        Assert.Equal(articles.Count, a.ReportedActions().Select(r => r.Action.Id).Distinct().Count());
        return;

        static List<IngestOutcome> Ingest(LedgerStore store, List<(NewsArticle Article, List<NewsEvent> Events)> list, int size)
        {
            using var session = store.OpenNewsIngest("writer");
            return list.Chunk(size)
                .SelectMany(g => session.AddGroup(g.Select(x => new NewsArticleWithEvents(x.Article, x.Events)).ToList()))
                .ToList();
        }
    }

    [Fact]
    public void AGroupOfArticles_IsStoredAsEachArticleAlone_WithTheSameOutcomes()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var articles = Enumerable.Range(200, 12).Select(n => Article(n, n % 2 == 0 ? "EST" : "LTU", "x")).Append(ManyEvents(290, 5)).ToList();
        if (NewSeededLedger() is not ({ } alone, _)) return;
        using var one = alone.OpenNewsIngest("ingest test");
        var single = articles.Select(x => one.Add(x.Article, x.Events)).ToList();

        using var session = store.OpenNewsIngest("ingest test");
        var grouped = session.AddGroup(articles.Select(x => new NewsArticleWithEvents(x.Article, x.Events)).ToList());

        Assert.Equal(single.Select(o => (o.ContentHash, o.AlreadyOnRecord, o.Events, string.Join(",", o.ActionIds))),
            grouped.Select(o => (o.ContentHash, o.AlreadyOnRecord, o.Events, string.Join(",", o.ActionIds))));
        Assert.Equal(Counts(alone), Counts(store));
        Assert.Equal(alone.IngestedEvents().Select(e => (e.Action, e.ClusterKey, e.Evidence, e.ActionId)), store.IngestedEvents().Select(e => (e.Action, e.ClusterKey, e.Evidence, e.ActionId)));
        // Each reported action names its own event, as when stored alone.
        Assert.All(store.IngestedEvents().Where(e => e.ActionId is not null), e => Assert.Equal(e.Id, store.EventOf(e.ActionId!)));
        Assert.All(grouped, o => Assert.NotNull(o.ArticleId));
        Assert.Equal(grouped.Select(o => o.ArticleId).Distinct().Count(), grouped.Count);
    }

    [Fact]
    public void TextsOfEveryLengthAndScript_AreStoredAsGiven()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        // Letters outside ASCII (2, 3 and 4 bytes in UTF-8) and texts longer than the writer's first buffer: each text
        // comes back as it was given, from a group and alone.
        string[] extras =
        [
            "Lietuvos Seimas balsavo: Šiauliai, žemėlapis.",
            "Україна зупинила дію. 日本語. 🌍",
            string.Concat(Enumerable.Repeat("Šis tekstas yra ilgas. ", 900)),
            string.Concat(Enumerable.Repeat("x", 5000)) + "é",
        ];
        var articles = extras.Select((extra, i) =>
        {
            var (article, events) = Article(700 + i);
            return new NewsArticleWithEvents(article with { Text = article.Text + "\n" + extra, Title = extra[..Math.Min(extra.Length, 40)] }, events);
        }).ToList();

        using (var session = store.OpenNewsIngest("ingest test"))
        {
            session.AddGroup(articles.Take(3).ToList());
            session.Add(articles[3].Article, articles[3].Events);
        }

        foreach (var a in articles) Assert.Equal(a.Article.Text, store.ArticleText(NewsArticle.HashOf(a.Article.Text)));
        Assert.Equal(articles.Select(a => a.Article.Title).Order(StringComparer.Ordinal), store.IngestedArticles().Select(a => a.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AGroupWithAnArticleOnRecord_StoresTheOthers_AndSkipsThatOne()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var articles = Enumerable.Range(300, 6).Select(n => Article(n)).ToList();
        store.IngestArticle(articles[2].Article, articles[2].Events, "another writer");
        var counts = Counts(store);

        using var session = store.OpenNewsIngest("ingest test");
        var outcomes = session.AddGroup(articles.Select(x => new NewsArticleWithEvents(x.Article, x.Events)).ToList());

        Assert.Equal([false, false, true, false, false, false], outcomes.Select(o => o.AlreadyOnRecord));
        Assert.Equal(6, store.IngestedArticles().Count);
        Assert.Equal(counts.Events + 5 * 3, store.IngestedEvents().Count);
    }

    [Fact]
    public void AGroupWithARefusedArticle_StoresNothingOfTheGroup()
    {
        if (NewSeededLedger() is not ({ } store, _)) return;
        var articles = Enumerable.Range(400, 5).Select(n => Article(n)).ToList();
        var counts = Counts(store);
        // The fourth is refused by the database's CHECK, after the first three were written in the same transaction.
        var (article, events) = articles[3];
        articles[3] = (article, events.Append(events[0] with { State = "ltu" }).ToList());

        using var session = store.OpenNewsIngest("ingest test");
        Assert.ThrowsAny<System.Data.Common.DbException>(() => session.AddGroup(articles.Select(x => new NewsArticleWithEvents(x.Article, x.Events)).ToList()));
        Assert.Equal(counts, Counts(store));
        // Refused before anything is written: offsets outside the text.
        articles[3] = (article, [events[0] with { End = 100_000 }]);
        Assert.Throws<LedgerException>(() => session.AddGroup(articles.Select(x => new NewsArticleWithEvents(x.Article, x.Events)).ToList()));
        Assert.Equal(counts, Counts(store));

        // The same articles, one by one: those before the refused one go in.
        Assert.False(session.Add(articles[0].Article, articles[0].Events).AlreadyOnRecord);
        Assert.Single(store.IngestedArticles());
    }

    [Fact]
    public void EventsStoredUnderSchemaVersion2_AreKeptByTheUpgradeToVersion3_AndTheNewIdentityHolds()
    {
        var spec = NewDatabase();
        if (spec is null) return;
        var store = Open(spec);
        store.Migrate(2);
        using (var c = store.OpenConnection())
        {
            foreach (var sql in new[]
                     {
                         "INSERT INTO articles (content_hash, cleaned_text, recorded_at, recorded_by) VALUES ('h1', 'Estonia and Latvia voted.', '2026-01-01T00:00:00.000000Z', 'v2')",
                         "INSERT INTO extracted_events (article_id, state, treaty_id, action, evidence, evidence_start, evidence_end, extractor, recorded_at, recorded_by) " +
                         "VALUES ((SELECT id FROM articles), 'EST', 'apmbc', 'parliament_vote_withdraw', 'Estonia and Latvia voted.', 0, 25, 'x/1', '2026-01-01T00:00:00.000000Z', 'v2')",
                     })
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }

        Assert.Equal(Enumerable.Range(3, LedgerStore.LatestSchemaVersion - 2), store.Migrate());

        var kept = Assert.Single(store.IngestedEvents());
        Assert.Equal(("h1", "EST", "apmbc", 0, 25), (kept.ArticleHash, kept.State, kept.Treaty, kept.Start, kept.End));
        // The second state of the same sentence now fits; the same state twice still does not.
        using var c3 = store.OpenConnection();
        using var other = c3.CreateCommand();
        other.CommandText = "INSERT INTO extracted_events (article_id, state, treaty_id, action, evidence, evidence_start, evidence_end, extractor, recorded_at, recorded_by) " +
                            "VALUES ((SELECT id FROM articles), @s, 'apmbc', 'parliament_vote_withdraw', 'Estonia and Latvia voted.', 0, 25, 'x/1', '2026-01-01T00:00:00.000000Z', 'v3')";
        var p = other.CreateParameter();
        p.ParameterName = "@s";
        p.Value = "LVA";
        other.Parameters.Add(p);
        other.ExecuteNonQuery();
        p.Value = "EST";
        Assert.ThrowsAny<System.Data.Common.DbException>(() => other.ExecuteNonQuery());
        Assert.Equal(2, store.IngestedEvents().Count);
    }

    private static (int Articles, int Events, int Reported, long Sources) Counts(LedgerStore store) =>
        (store.IngestedArticles().Count, store.IngestedEvents().Count, store.ReportedActions().Count, store.Count("sources"));
}

public sealed class SqliteNewsIngestTests : NewsIngestTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("treatywatch-ingest-").FullName;
    private int _n;

    protected override string? NewDatabase() => $"sqlite:{Path.Combine(_folder, $"ledger-{Interlocked.Increment(ref _n)}.db")}";

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>On PostgreSQL (TREATYWATCH_TEST_PG), a schema per database; under CI=true a missing server fails.</summary>
public sealed class PostgresNewsIngestTests : NewsIngestTests
{
    private readonly ThrowawayPostgres _postgres = new();

    protected override string? NewDatabase() => _postgres.NewDatabase("ingest_test");

    public override void Dispose()
    {
        base.Dispose();
        _postgres.Dispose();
    }
}
