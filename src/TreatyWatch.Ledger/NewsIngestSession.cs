using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ledger;

/// <summary>
/// Where ingested articles go: the ledger (<see cref="NewsIngestSession"/>) or nowhere but memory
/// (<see cref="InMemoryNewsIngest"/>, a dry run). Both build the same rows and give the same outcome for the same input.
/// </summary>
public interface INewsIngestSink : IDisposable
{
    /// <summary>One article with its events: all of it or nothing of it; nothing when its content hash is on record.</summary>
    IngestOutcome Add(NewsArticle article, IReadOnlyList<NewsEvent> events);

    /// <summary>
    /// Several articles in one commit (group commit), each as <see cref="Add"/> would store it, outcomes in the same
    /// order. All of the group or nothing of it: when one article is refused, nothing of the group is stored and the
    /// error is thrown (store the articles one by one to find which).
    /// </summary>
    IReadOnlyList<IngestOutcome> AddGroup(IReadOnlyList<NewsArticleWithEvents> group);
}

/// <summary>An article and the events extracted from it, as given to <see cref="INewsIngestSink.AddGroup"/>.</summary>
public sealed record NewsArticleWithEvents(NewsArticle Article, IReadOnlyList<NewsEvent> Events);

/// <summary>A parameter with its type, so that a NULL is typed too (PostgreSQL will not put a text NULL in an integer column).</summary>
internal readonly record struct NewsParam(string Name, object? Value, DbType Type);

/// <summary>The rows of one event: the event, and when it is a reported action its source (null when the sentence's source
/// is already among the article's rows), the action and the link from the action to the source.</summary>
internal sealed record NewsEventRows(NewsParam[] Event, NewsParam[]? Source, NewsParam[]? Action, NewsParam[]? Link);

/// <summary>Every row one article gives, in the order they are written; <see cref="Stored"/> events and the action ids.</summary>
internal sealed record NewsArticleRows(string Hash, NewsParam[] Article, List<NewsEventRows> Events, List<string> ActionIds)
{
    public int Stored => Events.Count;
}

/// <summary>
/// What an article becomes in the ledger, whichever the database (or none): the one place that decides which events are
/// stored, which become reported actions, their ids, sources and links.
/// </summary>
internal static class NewsRows
{
    /// <summary>Refuses events whose evidence offsets fall outside the text, before anything is written.</summary>
    public static string Validate(NewsArticle article, IReadOnlyList<NewsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(events);
        var hash = NewsArticle.HashOf(article.Text);
        foreach (var e in events)
        {
            if (e.Start < 0 || e.End < e.Start || e.End > article.Text.Length)
                throw new LedgerException($"article {hash[..12]}: event {e.ClusterKey} has evidence offsets [{e.Start}, {e.End}) outside the text ({article.Text.Length} characters)");
        }

        return hash;
    }

    /// <summary>
    /// The rows of one article. <paramref name="knownState"/> says whether a state is on the ledger's list: an event
    /// becomes a reported action only with a known state, a treaty, a kind and a date (a depositary act's to the day).
    /// The article's id is a parameter named <c>article</c> (null here: the writer binds the id it gets for the article in its place).
    /// </summary>
    public static NewsArticleRows Plan(NewsArticle article, IReadOnlyList<NewsEvent> events, string hash, string who, Instant now, Func<string, bool> knownState)
    {
        var at = LedgerText.Instant(now);
        var baseKnown = article.Published ?? now.InUtc().Date;
        var key16 = hash[..16];
        var rows = new List<NewsEventRows>(events.Count);
        var identities = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var actionIds = new List<string>();
        foreach (var e in events)
        {
            var state = string.IsNullOrEmpty(e.State) ? null : e.State;
            var treaty = string.IsNullOrEmpty(e.Treaty) ? null : e.Treaty;
            // The extractor gives one event per state, treaty, step and span; a repeat would break the unique identity.
            if (!identities.Add($"{state}\u001f{treaty}\u001f{e.Action}\u001f{e.Start}\u001f{e.End}")) continue;

            NewsParam[] eventRow =
            [
                Article(null), T("state", state), T("treaty", treaty), T("action", e.Action), T("date", e.Date?.ToString()),
                N("vf", e.Votes?.For), N("va", e.Votes?.Against), N("vab", e.Votes?.Abstain), N("vr", e.Votes?.Required),
                T("evidence", e.Evidence), N("start", e.Start), N("end", e.End), T("cluster", e.ClusterKey), T("extractor", e.Extractor), T("at", at), T("who", who),
            ];

            if (!ActionOf(e, state, treaty, knownState, out var kind, out var date))
            {
                rows.Add(new NewsEventRows(eventRow, null, null, null));
                continue;
            }

            var sourceKey = $"news:{key16}:{e.Start}-{e.End}";
            NewsParam[]? sourceRow = null;
            if (sources.Add(sourceKey))
            {
                sourceRow =
                [
                    T("key", sourceKey), T("title", article.Title ?? article.Url ?? FileOf(article) ?? $"news article {hash[..12]}"), T("url", article.Url),
                    T("published", LedgerText.Day(article.Published)), T("outlet", article.Outlet), T("quote", e.Evidence),
                    N("qs", e.Start), N("qe", e.End), Article(null), T("at", at), T("who", who),
                ];
            }

            var id = $"{treaty}:news-{key16}-{actionIds.Count + 1}";
            actionIds.Add(id);
            var known = baseKnown < date.FirstDay ? date.FirstDay : baseKnown;
            // Certainty of one news source: reported (TreatyAction.Certainty).
            NewsParam[] actionRow =
            [
                T("id", id), T("treaty", treaty), T("state", state), T("action", ActionKinds.Name(kind)), T("date", date.ToString()), T("known", LedgerText.Day(known)),
                N("vf", e.Votes?.For), N("va", e.Votes?.Against), N("vab", e.Votes?.Abstain), N("vr", e.Votes?.Required),
                T("origin", $"treatywatch ingest: {article.Url ?? FileOf(article) ?? hash[..12]}"), T("at", at), T("who", who),
            ];
            rows.Add(new NewsEventRows(eventRow, sourceRow, actionRow, [T("action", id), T("key", sourceKey)]));
        }

        NewsParam[] articleRow =
        [
            T("hash", hash), T("url", article.Url), T("outlet", article.Outlet), T("title", article.Title), T("published", LedgerText.Day(article.Published)),
            T("language", article.Language), T("text", article.Text), T("metadata", MetadataJson(article.Metadata)), T("at", at), T("who", who),
        ];
        return new NewsArticleRows(hash, articleRow, rows, actionIds);
    }

    /// <summary>
    /// Whether an event becomes a reported action: it needs a state on the ledger's list, a treaty, a kind and a date
    /// (a depositary act's to the day, as for every action). Otherwise it is kept as an event only.
    /// </summary>
    private static bool ActionOf(NewsEvent e, string? state, string? treaty, Func<string, bool> knownState, out ActionKind kind, out PartialDate date)
    {
        kind = default;
        date = default;
        if (state is null || treaty is null || e.Kind is not { } k || e.Date is not { } d) return false;
        if (ActionKinds.Family(k) == ActionFamily.Depositary && d.Precision != DatePrecision.Day) return false;
        if (!knownState(state)) return false;
        kind = k;
        date = d;
        return true;
    }

    /// <summary>The place of the article's id in a row (null): each writer binds the id the article gets in its place.</summary>
    public static NewsParam Article(long? id) => new("article", id, DbType.Int64);

    public static NewsParam T(string name, string? value) => new(name, value, DbType.String);

    public static NewsParam N(string name, int? value) => new(name, value, DbType.Int32);

    private static string? FileOf(NewsArticle a) => a.Metadata.FirstOrDefault(kv => kv.Key == "file").Value;

    private static string MetadataJson(IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (k, v) in metadata) w.WriteString(k, v);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// A dry run of news ingest: builds every row an article would give (events, sources, reported actions, links, the
/// metadata), decides what is new exactly as the ledger does (by content hash, within the run and against the hashes
/// given), and keeps nothing but the hashes. Its outcomes are those a ledger holding <paramref name="knownHashes"/>
/// and the states <paramref name="states"/> would give, without an article id.
/// </summary>
public sealed class InMemoryNewsIngest(IEnumerable<string> states, IClock clock, string who, IEnumerable<string>? knownHashes = null) : INewsIngestSink
{
    private readonly HashSet<string> _states = states.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _hashes = (knownHashes ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rows built, as the database would have been given them (rows, not bytes): for tests and benchmarks.</summary>
    public long Rows { get; private set; }

    public IngestOutcome Add(NewsArticle article, IReadOnlyList<NewsEvent> events)
    {
        var hash = NewsRows.Validate(article, events);
        if (_hashes.Contains(hash)) return new IngestOutcome(hash, true, null, 0, []);
        var rows = NewsRows.Plan(article, events, hash, who, clock.GetCurrentInstant(), _states.Contains);
        _hashes.Add(hash);
        Rows += 1 + rows.Events.Sum(e => 1 + (e.Source is null ? 0 : 1) + (e.Action is null ? 0 : 2));
        return new IngestOutcome(hash, false, null, rows.Stored, rows.ActionIds);
    }

    public IReadOnlyList<IngestOutcome> AddGroup(IReadOnlyList<NewsArticleWithEvents> group)
    {
        // Refused before anything is kept, as the ledger refuses the whole group.
        foreach (var a in group) NewsRows.Validate(a.Article, a.Events);
        return group.Select(a => Add(a.Article, a.Events)).ToList();
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// Ingests articles over one connection (see <see cref="LedgerStore.OpenNewsIngest"/>). Not thread-safe: one writer
/// thread per session; several sessions or processes may write to one ledger at once.
/// </summary>
public sealed class NewsIngestSession : INewsIngestSink
{
    private const int Attempts = 5;

    /// <summary>Rows per multi-row INSERT on SQLite (16 parameters a row at most: far below SQLite's limit).</summary>
    private const int RowsPerInsert = 64;

    private readonly Dialect _db;
    private readonly DbConnection _c;
    private readonly IClock _clock;
    private readonly string _who;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, int Rows, int Parameters), SqliteStatement> _multi = [];
    private SqliteStatement? _articleInsert;
    private readonly HashSet<string> _states;

    internal NewsIngestSession(Dialect db, DbConnection c, IClock clock, string who)
    {
        _db = db;
        _c = c;
        _clock = clock;
        _who = who;
        _states = Sql.Query(c, null, "SELECT DISTINCT iso3 FROM states", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        if (db is SqliteDialect)
        {
            // WAL with synchronous=NORMAL: a commit no longer waits for the disk (the WAL is synced at checkpoints). Each
            // article stays atomic, and a killed process loses nothing committed; a power cut may lose the last
            // articles committed, which a re-run of the same ingest adds again. The connection's setting is put back on Dispose.
            _synchronous = Sql.Long(c, null, "PRAGMA synchronous");
            Sql.Execute(c, null, "PRAGMA synchronous=NORMAL");
            // A multi-row INSERT inside a transaction keeps a statement journal (to undo that statement alone): in memory,
            // not a temporary file written and read back for every article (about 7,000 writes and 3,000 reads a 3,000
            // article run).
            _tempStore = Sql.Long(c, null, "PRAGMA temp_store");
            Sql.Execute(c, null, "PRAGMA temp_store=MEMORY");
        }
    }

    private readonly long? _synchronous;
    private readonly long? _tempStore;

    /// <summary>
    /// Appends one article with its events and reported actions in one transaction; nothing when an article with the same
    /// content hash is on record (also when another writer stores it at the same moment: the unique content hash
    /// decides, and the loser rolls back). A transient failure (a busy SQLite file, a PostgreSQL deadlock) is retried.
    /// </summary>
    /// <exception cref="LedgerException">An event the ledger refuses (offsets outside the text, a date of the wrong
    /// shape); nothing of the article is written.</exception>
    public IngestOutcome Add(NewsArticle article, IReadOnlyList<NewsEvent> events)
    {
        var hash = NewsRows.Validate(article, events);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return _db is PostgresDialect
                    ? CopyGroupPostgres([new NewsArticleWithEvents(article, events)], [hash])[0]
                    : AddSqlite(article, events, hash);
            }
            catch (DbException e) when (attempt < Attempts && IsTransient(e))
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>
    /// SQLite: the article row first, under the write lock (BEGIN IMMEDIATE); when it is new, its events, sources, actions
    /// and links as one multi-row INSERT per table (the ids are known under the lock), then the commit.
    /// </summary>
    private IngestOutcome AddSqlite(NewsArticle article, IReadOnlyList<NewsEvent> events, string hash)
    {
        using var tx = _db.BeginWrite(_c);
        var outcome = WriteSqlite(tx, article, events, hash);
        if (outcome.AlreadyOnRecord) tx.Rollback();
        else tx.Commit();
        return outcome;
    }

    /// <summary>
    /// Several articles in one transaction and one commit (on SQLite each commit writes every page it changed to the
    /// write-ahead log, about 25 for an article alone: its text, the tables and their indexes; a group shares them; on
    /// PostgreSQL a group is one COPY a table, see <see cref="CopyGroupPostgres"/>). An article on record is skipped inside the group, as alone;
    /// an error rolls the whole group back.
    /// </summary>
    public IReadOnlyList<IngestOutcome> AddGroup(IReadOnlyList<NewsArticleWithEvents> group)
    {
        if (group.Count == 1) return [Add(group[0].Article, group[0].Events)];
        var hashes = group.Select(a => NewsRows.Validate(a.Article, a.Events)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_db is PostgresDialect) return CopyGroupPostgres(group, hashes);
                using var tx = _db.BeginWrite(_c);
                var outcomes = new List<IngestOutcome>(group.Count);
                for (var i = 0; i < group.Count; i++) outcomes.Add(WriteSqlite(tx, group[i].Article, group[i].Events, hashes[i]));
                tx.Commit();
                return outcomes;
            }
            catch (DbException e) when (attempt < Attempts && IsTransient(e))
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>
    /// SQLite, inside <paramref name="tx"/> (under the write lock): the article row, and when it is new its events,
    /// sources, actions and links. Writes nothing when the article is on record.
    /// </summary>
    private IngestOutcome WriteSqlite(DbTransaction tx, NewsArticle article, IReadOnlyList<NewsEvent> events, string hash)
    {
        // The state list: a state another writer added since the session began is looked up under the lock.
        var rows = NewsRows.Plan(article, events, hash, _who, _clock.GetCurrentInstant(), s => KnownState(tx, s));
        var insert = _articleInsert ??= new SqliteStatement((SqliteConnection)_c, ArticleInsert + " ON CONFLICT (content_hash) DO NOTHING RETURNING id", rows.Article.Select(x => x.Name).ToArray());
        for (var i = 0; i < rows.Article.Length; i++) insert.Bind(i, rows.Article[i].Value);
        if (insert.Run() is not { } articleId)
        {
            // Another writer has it (before us, or committed while we waited on its lock): nothing to add.
            return new IngestOutcome(hash, true, null, 0, []);
        }

        var eventRows = rows.Events.Select(e => e.Event).ToList();
        var sourceRows = rows.Events.Where(e => e.Source is not null).Select(e => e.Source!).ToList();
        // An action's event is the k-th last event inserted: events of one article get consecutive ids under the lock
        // (AUTOINCREMENT, rows of a multi-row INSERT inserted in order), so its id is max(id) - (events after it).
        var actionRows = new List<NewsParam[]>();
        var linkRows = new List<NewsParam[]>();
        for (var i = 0; i < rows.Events.Count; i++)
        {
            if (rows.Events[i].Action is not { } action) continue;
            actionRows.Add([.. action, new NewsParam("back", rows.Events.Count - 1 - i, DbType.Int32)]);
            linkRows.Add(rows.Events[i].Link!);
        }

        InsertRows("events", EventInsertHead, EventValues, eventRows, articleId);
        InsertRows("sources", SourceInsertHead, SourceValues, sourceRows, articleId);
        InsertRows("actions", ActionInsertHead, ActionValuesSqlite, actionRows, articleId);
        InsertRows("links", LinkInsertHead, LinkValues, linkRows, articleId);
        return new IngestOutcome(hash, false, articleId, rows.Stored, rows.ActionIds);
    }

    /// <summary>
    /// The rows as multi-row INSERTs of up to <see cref="RowsPerInsert"/> rows, each statement prepared once per table
    /// and row count and bound by position; a parameter named <c>article</c> is given <paramref name="articleId"/>.
    /// </summary>
    private void InsertRows(string table, string head, string values, List<NewsParam[]> rows, long articleId)
    {
        for (var from = 0; from < rows.Count; from += RowsPerInsert)
        {
            var n = Math.Min(RowsPerInsert, rows.Count - from);
            var count = 0;
            for (var r = 0; r < n; r++) count += rows[from + r].Length;
            // The statement and its parameter names (r<row>_<name>), made once per table, row count and shape.
            if (!_multi.TryGetValue((table, n, count), out var statement))
            {
                var sb = new StringBuilder(head).Append(" VALUES ");
                var names = new string[count];
                var k0 = 0;
                for (var r = 0; r < n; r++)
                {
                    var prefix = "r" + r.ToString(CultureInfo.InvariantCulture) + "_";
                    if (r > 0) sb.Append(", ");
                    sb.Append(values.Replace("@", "@" + prefix, StringComparison.Ordinal));
                    foreach (var x in rows[from + r]) names[k0++] = prefix + x.Name;
                }

                _multi[(table, n, count)] = statement = new SqliteStatement((SqliteConnection)_c, sb.ToString(), names);
            }

            var k = 0;
            for (var r = 0; r < n; r++)
            {
                foreach (var x in rows[from + r]) statement.Bind(k++, x.Name == "article" ? articleId : x.Value);
            }

            statement.Run();
        }
    }

    private bool KnownState(DbTransaction? tx, string state)
    {
        if (_states.Count == 0 || _states.Contains(state)) return true;
        if (Scalar(tx, "SELECT count(*) FROM states WHERE iso3 = @s", NewsRows.T("s", state)) is not > 0) return false;
        _states.Add(state);
        return true;
    }

    /// <summary>
    /// PostgreSQL, a group: one round trip reserves the new rows' ids from the tables' own sequences and finds the
    /// articles already on record; then one binary COPY per table (articles, events, sources, actions, links) and the
    /// commit. A row costs the server its constraints, indexes and foreign-key checks, but no statement of its own
    /// (a group of 20 articles is 5 COPYs, not 180 INSERTs: each INSERT starts an executor and prepares the table's
    /// CHECK expressions anew). An article on record, or twice in the group, is skipped, as <see cref="Add"/> skips it.
    /// </summary>
    private IReadOnlyList<IngestOutcome> CopyGroupPostgres(IReadOnlyList<NewsArticleWithEvents> group, IReadOnlyList<string> hashes)
    {
        while (true)
        {
            try
            {
                return TryCopyGroupPostgres(group, hashes);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "articles_content_hash_key")
            {
                // Another writer committed an article of the group after the group's check (the COPY waited for it,
                // then failed, and nothing of the group is stored): the next check finds that one on record and skips
                // it, so each round skips one more article, and the loop ends.
            }
        }
    }

    private IReadOnlyList<IngestOutcome> TryCopyGroupPostgres(IReadOnlyList<NewsArticleWithEvents> group, IReadOnlyList<string> hashes)
    {
        var c = (NpgsqlConnection)_c;
        var planned = new NewsArticleRows?[group.Count];
        var events = 0;
        for (var i = 0; i < group.Count; i++)
        {
            planned[i] = NewsRows.Plan(group[i].Article, group[i].Events, hashes[i], _who, _clock.GetCurrentInstant(), s => KnownState(null, s));
            events += planned[i]!.Events.Count;
        }

        using var tx = c.BeginTransaction();
        // One round trip: the hashes on record, and ids for every article and event of the group (those of an article
        // on record are left unused: a gap in the sequence, as a rolled-back insert leaves).
        var onRecord = new HashSet<string>(StringComparer.Ordinal);
        long[] articleIds, eventIds;
        // One statement, not a batch of three: Npgsql writes a batch from a thread-pool task (so that neither side can
        // block the other on full buffers), and waking the pool for every group cost more CPU than the statements.
        using (var cmd = new NpgsqlCommand(ReserveGroup, c, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = string.Join(',', hashes) });
            cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = group.Count });
            cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = events });
            var reservedArticles = new List<long>(group.Count);
            var reservedEvents = new List<long>(events);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                switch (r.GetInt32(0))
                {
                    case 0: onRecord.Add(r.GetString(1)); break;
                    case 1: reservedArticles.Add(r.GetInt64(2)); break;
                    default: reservedEvents.Add(r.GetInt64(2)); break;
                }
            }

            articleIds = Ascending(reservedArticles, "articles", group.Count);
            eventIds = Ascending(reservedEvents, "extracted_events", events);
        }

        var ids = new long?[group.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < group.Count; i++)
        {
            // On record, or twice in the group: skipped, as Add skips it.
            if (onRecord.Contains(hashes[i]) || !seen.Add(hashes[i])) planned[i] = null;
            else ids[i] = articleIds[i];
        }

        // Each planned article's rows, with its id. Event k of the group (in this order) gets the k-th reserved id.
        var stored = Enumerable.Range(0, group.Count).Where(i => planned[i] is not null).Select(i => (Id: ids[i]!.Value, Rows: planned[i]!)).ToList();
        Copy(c, ArticleCopy, copy =>
        {
            foreach (var (id, rows) in stored)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                WriteRow(copy, rows.Article);
            }
        });
        Copy(c, EventCopy, copy =>
        {
            var k = 0;
            foreach (var (id, rows) in stored)
            {
                foreach (var e in rows.Events)
                {
                    copy.StartRow();
                    copy.Write(eventIds[k++], NpgsqlDbType.Bigint);
                    copy.Write(id, NpgsqlDbType.Bigint);
                    WriteRow(copy, e.Event.AsSpan(1)); // the rest of the row, after the article (its first parameter)
                }
            }
        });
        Copy(c, SourceCopy, copy =>
        {
            foreach (var (id, rows) in stored)
            {
                foreach (var e in rows.Events)
                {
                    if (e.Source is not { } source) continue;
                    copy.StartRow();
                    foreach (var x in source)
                    {
                        if (x.Name == "article") copy.Write(id, NpgsqlDbType.Bigint);
                        else Write(copy, x);
                    }

                    copy.Write("news", NpgsqlDbType.Text); // kind
                }
            }
        });
        Copy(c, ActionCopy, copy =>
        {
            var k = 0;
            foreach (var (_, rows) in stored)
            {
                foreach (var e in rows.Events)
                {
                    var eventId = eventIds[k++];
                    if (e.Action is not { } action) continue;
                    copy.StartRow();
                    WriteRow(copy, action);
                    copy.Write("reported", NpgsqlDbType.Text); // review state
                    copy.Write("reported", NpgsqlDbType.Text); // certainty
                    copy.Write(eventId, NpgsqlDbType.Bigint);
                }
            }
        });
        Copy(c, LinkCopy, copy =>
        {
            foreach (var (_, rows) in stored)
            {
                foreach (var e in rows.Events)
                {
                    if (e.Link is not { } link) continue;
                    copy.StartRow();
                    WriteRow(copy, link);
                    copy.Write(0, NpgsqlDbType.Integer); // position
                }
            }
        });

        tx.Commit();
        var outcomes = new List<IngestOutcome>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            outcomes.Add(planned[i] is { } rows
                ? new IngestOutcome(hashes[i], false, ids[i], rows.Stored, rows.ActionIds)
                : new IngestOutcome(hashes[i], true, null, 0, []));
        }

        return outcomes;
    }

    /// <summary>The group's hashes on record (kind 0), then new article ids (1) and new event ids (2).</summary>
    private const string ReserveGroup =
        """
        SELECT 0, content_hash, NULL::bigint FROM articles WHERE content_hash = ANY(string_to_array($1, ','))
        UNION ALL SELECT 1, NULL, nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $2)
        UNION ALL SELECT 2, NULL, nextval(pg_get_serial_sequence('extracted_events', 'id')) FROM generate_series(1, $3)
        """;

    private static long[] Ascending(List<long> ids, string table, int count)
    {
        if (ids.Count != count) throw new LedgerException($"{table}: {count} id(s) asked for, {ids.Count} given");
        ids.Sort();
        return [.. ids];
    }

    private static void Copy(NpgsqlConnection c, string sql, Action<NpgsqlBinaryImporter> rows)
    {
        using var copy = c.BeginBinaryImport(sql);
        rows(copy);
        copy.Complete();
    }

    private static void WriteRow(NpgsqlBinaryImporter copy, ReadOnlySpan<NewsParam> row)
    {
        foreach (var x in row) Write(copy, x);
    }

    private static void Write(NpgsqlBinaryImporter copy, NewsParam x)
    {
        switch (x.Value)
        {
            case null:
                copy.WriteNull();
                break;
            case string s:
                copy.Write(s, NpgsqlDbType.Text);
                break;
            case int n:
                copy.Write(n, NpgsqlDbType.Integer);
                break;
            case long n:
                copy.Write(n, NpgsqlDbType.Bigint);
                break;
            default:
                throw new LedgerException($"a value of type {x.Value.GetType().Name} for {x.Name} cannot be copied");
        }
    }

    // The columns in the order of the rows NewsRows.Plan makes (constants and ids added by the writer).
    private const string ArticleCopy =
        "COPY articles (id, content_hash, url, outlet, title, published, language, cleaned_text, metadata, recorded_at, recorded_by) FROM STDIN (FORMAT BINARY)";

    private const string EventCopy =
        """
        COPY extracted_events (id, article_id, state, treaty_id, action, date, votes_for, votes_against, votes_abstain, votes_required,
                               evidence, evidence_start, evidence_end, cluster_id, extractor, recorded_at, recorded_by) FROM STDIN (FORMAT BINARY)
        """;

    private const string SourceCopy =
        "COPY sources (key, title, url, published, outlet, quote, quote_start, quote_end, article_id, recorded_at, recorded_by, kind) FROM STDIN (FORMAT BINARY)";

    private const string ActionCopy =
        """
        COPY actions (id, treaty_id, state, action, date, known, votes_for, votes_against, votes_abstain, votes_required,
                      origin, recorded_at, recorded_by, review_state, certainty, event_id) FROM STDIN (FORMAT BINARY)
        """;

    private const string LinkCopy = "COPY action_sources (action_id, source_key, position) FROM STDIN (FORMAT BINARY)";

    private const string ArticleInsert =
        """
        INSERT INTO articles (content_hash, url, outlet, title, published, language, cleaned_text, metadata, recorded_at, recorded_by)
        VALUES (@hash, @url, @outlet, @title, @published, @language, @text, @metadata, @at, @who)
        """;

    private const string EventInsertHead =
        """
        INSERT INTO extracted_events (article_id, state, treaty_id, action, date, votes_for, votes_against, votes_abstain, votes_required,
                                      evidence, evidence_start, evidence_end, cluster_id, extractor, recorded_at, recorded_by)
        """;

    private const string EventValues = "(@article, @state, @treaty, @action, @date, @vf, @va, @vab, @vr, @evidence, @start, @end, @cluster, @extractor, @at, @who)";

    private const string SourceInsertHead =
        "INSERT INTO sources (key, kind, title, url, published, outlet, quote, quote_start, quote_end, article_id, recorded_at, recorded_by)";

    private const string SourceValues = "(@key, 'news', @title, @url, @published, @outlet, @quote, @qs, @qe, @article, @at, @who)";

    private const string ActionInsertHead =
        """
        INSERT INTO actions (id, treaty_id, state, action, date, known, votes_for, votes_against, votes_abstain, votes_required,
                             origin, review_state, certainty, recorded_at, recorded_by, event_id)
        """;

    private const string ActionValuesSqlite =
        "(@id, @treaty, @state, @action, @date, @known, @vf, @va, @vab, @vr, @origin, 'reported', 'reported', @at, @who, (SELECT max(id) FROM extracted_events) - @back)";

    private const string LinkInsertHead = "INSERT INTO action_sources (action_id, position, source_key)";

    private const string LinkValues = "(@action, 0, @key)";

    private long? Scalar(DbTransaction? tx, string sql, params NewsParam[] parameters)
    {
        var v = Prepared(tx, sql, parameters).ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
    }

    /// <summary>A command prepared once per session and SQL text; its parameters are set anew on each use.</summary>
    private DbCommand Prepared(DbTransaction? tx, string sql, NewsParam[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _c.CreateCommand();
            cmd.CommandText = sql;
            foreach (var x in parameters)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@" + x.Name;
                p.DbType = x.Type;
                cmd.Parameters.Add(p);
            }

            cmd.Transaction = tx;
            cmd.Prepare();
            _prepared[sql] = cmd;
        }

        cmd.Transaction = tx;
        for (var i = 0; i < parameters.Length; i++) cmd.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return cmd;
    }

    private static bool IsTransient(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    public void Dispose()
    {
        foreach (var cmd in _prepared.Values) cmd.Dispose();
        foreach (var statement in _multi.Values) statement.Dispose();
        _articleInsert?.Dispose();
        if (_synchronous is { } level && _c.State == ConnectionState.Open)
            Sql.Execute(_c, null, $"PRAGMA synchronous={level.ToString(CultureInfo.InvariantCulture)}");
        if (_tempStore is { } store && _c.State == ConnectionState.Open)
            Sql.Execute(_c, null, $"PRAGMA temp_store={store.ToString(CultureInfo.InvariantCulture)}");
        _c.Dispose();
    }
}
