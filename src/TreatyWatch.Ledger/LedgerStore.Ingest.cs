using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ledger;

/// <summary>
/// A news article as the ledger keeps it. Its identity is the SHA-256 of <see cref="Text"/> (the cleaned text):
/// the same text ingested twice, from any file or URL, is one article.
/// </summary>
public sealed record NewsArticle
{
    /// <summary>The cleaned text: the evidence offsets of its events point into it.</summary>
    public required string Text { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public LocalDate? Published { get; init; }
    /// <summary>ISO 639-1 code, when known.</summary>
    public string? Language { get; init; }
    /// <summary>Anything else worth keeping (the file name, the byline): stored as a JSON object of strings.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>The article's identity: lower-case hex SHA-256 of the UTF-8 cleaned text.</summary>
    public static string HashOf(string cleanedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cleanedText)));
}

/// <summary>
/// One step an article reports, as the extractor gave it. <see cref="Action"/> is the extractor's name for it
/// (<c>parliament_vote_withdraw</c>); <see cref="Kind"/> is the engine's kind the report is recorded as, or null when
/// the step has no action of its own. The evidence is <c>Text[Start..End)</c> of the article.
/// </summary>
public sealed record NewsEvent
{
    /// <summary>ISO3, or null for a treaty-wide event.</summary>
    public string? State { get; init; }
    public string? Treaty { get; init; }
    public required string Action { get; init; }
    public ActionKind? Kind { get; init; }
    /// <summary>The date at the precision written; null when the text states none.</summary>
    public PartialDate? Date { get; init; }
    public Votes? Votes { get; init; }
    public required string Evidence { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>Which extractor, and which version of it: <c>treatywatch-rules/0.1.0</c>.</summary>
    public required string Extractor { get; init; }

    /// <summary>What reports of the same step share across articles: <c>state|treaty|action</c>.</summary>
    public string ClusterKey => $"{State}|{Treaty}|{Action}";
}

/// <summary>What ingesting one article did.</summary>
/// <param name="AlreadyOnRecord">The article (same content hash) was in the ledger: nothing was written.</param>
/// <param name="Events">Events stored (0 when already on record).</param>
/// <param name="ActionIds">The reported actions added, one per event that names a state, a treaty, a kind and a date.</param>
public sealed record IngestOutcome(string ContentHash, bool AlreadyOnRecord, long? ArticleId, int Events, IReadOnlyList<string> ActionIds);

/// <summary>An ingested article, as stored.</summary>
public sealed record StoredArticle(long Id, string ContentHash, string? Url, string? Outlet, string? Title, string? Published, string? Language, string Metadata, Instant RecordedAt);

/// <summary>An extracted event, as stored, with the reported action it produced (null when none).</summary>
public sealed record StoredEvent(
    long Id, string ArticleHash, string? State, string? Treaty, string Action, string? Date, string Evidence, int Start, int End, string? ClusterKey, string Extractor, string? ActionId);

public sealed partial class LedgerStore
{
    /// <summary>
    /// Appends one article, its extracted events, and for each event that can be one a <see cref="ReviewState.Reported"/>
    /// action citing a news source (the article's outlet, URL and date, the evidence as the quote with its offsets), in
    /// one transaction. Reported actions never drive a status. An article already on record (same content hash) adds nothing.
    /// </summary>
    public IngestOutcome IngestArticle(NewsArticle article, IReadOnlyList<NewsEvent> events, string who)
    {
        using var session = OpenNewsIngest(who);
        return session.Add(article, events);
    }

    /// <summary>
    /// A writer of many articles over one connection with its statements prepared once: each <see cref="NewsIngestSession.Add"/>
    /// is still its own transaction (all of an article or nothing of it).
    /// </summary>
    public NewsIngestSession OpenNewsIngest(string who)
    {
        RequireWho(who);
        var c = _db.Open();
        try
        {
            RequireSchema(c, null);
            if (!_db.TableExists(c, null, "articles")) throw new LedgerException($"{_db.Describe} has no ingest tables (schema version 2): migrate it first");
            return new NewsIngestSession(_db, c, _clock, who);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>True when an article with this content hash is on record.</summary>
    public bool HasArticle(string contentHash)
    {
        using var c = _db.Open();
        return Sql.Long(c, null, "SELECT count(*) FROM articles WHERE content_hash = @h", ("h", contentHash)) > 0;
    }

    /// <summary>Every ingested article's content hash: to skip known articles before extracting them.</summary>
    public IReadOnlySet<string> ArticleHashes()
    {
        using var c = _db.Open();
        return Sql.Query(c, null, "SELECT content_hash FROM articles", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Ingested articles, in the order recorded (without their text).</summary>
    public IReadOnlyList<StoredArticle> IngestedArticles()
    {
        using var c = _db.Open();
        return Sql.Query(c, null, "SELECT id, content_hash, url, outlet, title, published, language, metadata, recorded_at FROM articles ORDER BY id",
            r => new StoredArticle(Sql.L(r, 0), Sql.S(r, 1), Sql.SN(r, 2), Sql.SN(r, 3), Sql.SN(r, 4), Sql.SN(r, 5), Sql.SN(r, 6), Sql.S(r, 7), LedgerText.ParseInstant(Sql.S(r, 8))));
    }

    /// <summary>The cleaned text of an ingested article; null when no article has this hash.</summary>
    public string? ArticleText(string contentHash)
    {
        using var c = _db.Open();
        return Sql.Text(c, null, "SELECT cleaned_text FROM articles WHERE content_hash = @h", ("h", contentHash));
    }

    /// <summary>Extracted events in the order recorded, each with the first action that came from it.</summary>
    public IReadOnlyList<StoredEvent> IngestedEvents()
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var list = Sql.Query(c, tx,
            """
            SELECT e.id, ar.content_hash, e.state, e.treaty_id, e.action, e.date, e.evidence, e.evidence_start, e.evidence_end, e.cluster_id, e.extractor,
                   (SELECT a.id FROM actions a WHERE a.event_id = e.id ORDER BY a.seq LIMIT 1)
            FROM extracted_events e JOIN articles ar ON ar.id = e.article_id
            ORDER BY e.id
            """,
            r => new StoredEvent(Sql.L(r, 0), Sql.S(r, 1), Sql.SN(r, 2), Sql.SN(r, 3), Sql.S(r, 4), Sql.SN(r, 5), Sql.S(r, 6), Sql.I(r, 7), Sql.I(r, 8), Sql.SN(r, 9), Sql.S(r, 10), Sql.SN(r, 11)));
        tx.Commit();
        return list;
    }

    /// <summary>The id of the event a reported action came from; null for an action entered otherwise.</summary>
    public long? EventOf(string actionId)
    {
        using var c = _db.Open();
        return Sql.Long(c, null, "SELECT event_id FROM actions WHERE id = @id", ("id", actionId));
    }
}

/// <summary>
/// Ingests articles over one connection (see <see cref="LedgerStore.OpenNewsIngest"/>). Not thread-safe: one writer
/// thread per session; several sessions or processes may write to one ledger at once.
/// </summary>
public sealed class NewsIngestSession : IDisposable
{
    private const int Attempts = 5;

    private readonly Dialect _db;
    private readonly DbConnection _c;
    private readonly IClock _clock;
    private readonly string _who;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
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
        }
    }

    private readonly long? _synchronous;

    /// <summary>
    /// Appends one article with its events and reported actions in one transaction; nothing when an article with the same
    /// content hash is on record (also when another writer stores it at the same moment: the unique content hash
    /// decides, and the loser rolls back). A transient failure (a busy SQLite file, a PostgreSQL deadlock) is retried.
    /// </summary>
    /// <exception cref="LedgerException">An event the ledger refuses (offsets outside the text, a date of the wrong
    /// shape); nothing of the article is written.</exception>
    public IngestOutcome Add(NewsArticle article, IReadOnlyList<NewsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(events);
        var hash = NewsArticle.HashOf(article.Text);
        foreach (var e in events)
        {
            if (e.Start < 0 || e.End < e.Start || e.End > article.Text.Length)
                throw new LedgerException($"article {hash[..12]}: event {e.ClusterKey} has evidence offsets [{e.Start}, {e.End}) outside the text ({article.Text.Length} characters)");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return AddOnce(article, events, hash);
            }
            catch (DbException e) when (attempt < Attempts && IsTransient(e))
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    private IngestOutcome AddOnce(NewsArticle article, IReadOnlyList<NewsEvent> events, string hash)
    {
        var now = _clock.GetCurrentInstant();
        var at = LedgerText.Instant(now);
        var baseKnown = article.Published ?? now.InUtc().Date;
        var key16 = hash[..16];

        var pg = _db is PostgresDialect;
        // SQLite: the article row first, under the write lock (BEGIN IMMEDIATE), then the rest. PostgreSQL: no explicit
        // transaction: the article row and everything else go as one batch, which the server runs as one implicit
        // transaction in one round trip (RunPostgres).
        using var tx = pg ? null : _db.BeginWrite(_c);
        long? articleId = null;
        if (!pg)
        {
            articleId = Scalar(tx!, ArticleInsert + " ON CONFLICT (content_hash) DO NOTHING RETURNING id", ArticleParameters(article, hash, at));
            if (articleId is null)
            {
                // Another writer has it (before us, or committed while we waited on its lock): nothing to add.
                tx!.Rollback();
                return new IngestOutcome(hash, true, null, 0, []);
            }
        }

        var batch = new List<(string Sql, P[] Parameters)>();
        var identities = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var actionIds = new List<string>();
        var stored = 0;
        foreach (var e in events)
        {
            var state = string.IsNullOrEmpty(e.State) ? null : e.State;
            var treaty = string.IsNullOrEmpty(e.Treaty) ? null : e.Treaty;
            // The extractor gives one event per state, treaty, step and span; a repeat would break the unique identity.
            if (!identities.Add($"{state}\u001f{treaty}\u001f{e.Action}\u001f{e.Start}\u001f{e.End}")) continue;
            stored++;

            batch.Add((pg ? EventInsertPostgres : EventInsert, [
                Article(articleId), T("state", state), T("treaty", treaty), T("action", e.Action), T("date", e.Date?.ToString()),
                N("vf", e.Votes?.For), N("va", e.Votes?.Against), N("vab", e.Votes?.Abstain), N("vr", e.Votes?.Required),
                T("evidence", e.Evidence), N("start", e.Start), N("end", e.End), T("cluster", e.ClusterKey), T("extractor", e.Extractor), T("at", at), T("who", _who),
            ]));

            if (!ActionOf(tx, e, state, treaty, out var kind, out var date)) continue;
            var sourceKey = $"news:{key16}:{e.Start}-{e.End}";
            if (sources.Add(sourceKey))
            {
                batch.Add((pg ? SourceInsertPostgres : SourceInsert, [
                    T("key", sourceKey), T("title", article.Title ?? article.Url ?? FileOf(article) ?? $"news article {hash[..12]}"), T("url", article.Url),
                    T("published", LedgerText.Day(article.Published)), T("outlet", article.Outlet), T("quote", e.Evidence),
                    N("qs", e.Start), N("qe", e.End), Article(articleId), T("at", at), T("who", _who),
                ]));
            }

            var id = $"{treaty}:news-{key16}-{actionIds.Count + 1}";
            actionIds.Add(id);
            var known = baseKnown < date.FirstDay ? date.FirstDay : baseKnown;
            // Certainty of one news source: reported (TreatyAction.Certainty).
            batch.Add((pg ? ActionInsertPostgres : ActionInsertSqlite, [
                T("id", id), T("treaty", treaty), T("state", state), T("action", ActionKinds.Name(kind)), T("date", date.ToString()), T("known", LedgerText.Day(known)),
                N("vf", e.Votes?.For), N("va", e.Votes?.Against), N("vab", e.Votes?.Abstain), N("vr", e.Votes?.Required),
                T("origin", $"treatywatch ingest: {article.Url ?? FileOf(article) ?? hash[..12]}"), T("at", at), T("who", _who),
            ]));
            batch.Add((LinkInsert, [T("action", id), T("key", sourceKey)]));
        }

        if (pg)
        {
            batch.Insert(0, (ArticleInsert + " RETURNING id", ArticleParameters(article, hash, at)));
            articleId = RunPostgres(batch);
            if (articleId is null) return new IngestOutcome(hash, true, null, 0, []);
            return new IngestOutcome(hash, false, articleId, stored, actionIds);
        }

        foreach (var (sql, ps) in batch) Prepared(tx!, sql, ps).ExecuteNonQuery();
        tx!.Commit();
        return new IngestOutcome(hash, false, articleId, stored, actionIds);
    }

    /// <summary>
    /// Whether an event becomes a reported action: it needs a state on the ledger's list, a treaty, a kind and a date
    /// (a depositary act's to the day, as for every action). Otherwise it is kept as an event only.
    /// </summary>
    private bool ActionOf(DbTransaction? tx, NewsEvent e, string? state, string? treaty, out ActionKind kind, out PartialDate date)
    {
        kind = default;
        date = default;
        if (state is null || treaty is null || e.Kind is not { } k || e.Date is not { } d) return false;
        if (ActionKinds.Family(k) == ActionFamily.Depositary && d.Precision != DatePrecision.Day) return false;
        if (_states.Count > 0 && !_states.Contains(state))
        {
            if (Scalar(tx, "SELECT count(*) FROM states WHERE iso3 = @s", T("s", state)) is not > 0) return false;
            _states.Add(state);
        }

        kind = k;
        date = d;
        return true;
    }

    private const string ArticleInsert =
        """
        INSERT INTO articles (content_hash, url, outlet, title, published, language, cleaned_text, metadata, recorded_at, recorded_by)
        VALUES (@hash, @url, @outlet, @title, @published, @language, @text, @metadata, @at, @who)
        """;

    private P[] ArticleParameters(NewsArticle article, string hash, string at) =>
    [
        T("hash", hash), T("url", article.Url), T("outlet", article.Outlet), T("title", article.Title), T("published", LedgerText.Day(article.Published)),
        T("language", article.Language), T("text", article.Text), T("metadata", MetadataJson(article.Metadata)), T("at", at), T("who", _who),
    ];

    private const string EventInsert =
        """
        INSERT INTO extracted_events (article_id, state, treaty_id, action, date, votes_for, votes_against, votes_abstain, votes_required,
                                      evidence, evidence_start, evidence_end, cluster_id, extractor, recorded_at, recorded_by)
        VALUES (@article, @state, @treaty, @action, @date, @vf, @va, @vab, @vr, @evidence, @start, @end, @cluster, @extractor, @at, @who)
        """;

    private const string SourceInsert =
        """
        INSERT INTO sources (key, kind, title, url, published, outlet, quote, quote_start, quote_end, article_id, recorded_at, recorded_by)
        VALUES (@key, 'news', @title, @url, @published, @outlet, @quote, @qs, @qe, @article, @at, @who)
        """;

    // The event just inserted: the action follows its event in the batch (a source insert, if any, comes before the event).
    // PostgreSQL: the article row is in the same batch, before these.
    private const string ArticleJustInserted = "currval(pg_get_serial_sequence('articles', 'id'))";

    private static readonly string EventInsertPostgres = EventInsert.Replace("@article", ArticleJustInserted, StringComparison.Ordinal);

    private static readonly string SourceInsertPostgres = SourceInsert.Replace("@article", ArticleJustInserted, StringComparison.Ordinal);

    /// <summary>The article's id as a parameter (SQLite); on PostgreSQL the statements name it themselves and this is dropped.</summary>
    private static P Article(long? id) => new("article", id, DbType.Int64);

    private const string ActionColumns =
        """
        INSERT INTO actions (id, treaty_id, state, action, date, known, votes_for, votes_against, votes_abstain, votes_required,
                             origin, review_state, certainty, recorded_at, recorded_by, event_id)
        VALUES (@id, @treaty, @state, @action, @date, @known, @vf, @va, @vab, @vr, @origin, 'reported', 'reported', @at, @who,
        """;

    private const string ActionInsertSqlite = ActionColumns + " (SELECT max(id) FROM extracted_events))";

    private const string ActionInsertPostgres = ActionColumns + " currval(pg_get_serial_sequence('extracted_events', 'id')))";

    private const string LinkInsert = "INSERT INTO action_sources (action_id, position, source_key) VALUES (@action, 0, @key)";

    /// <summary>
    /// PostgreSQL: the article row and all its other rows as one batch without an explicit transaction: one round trip,
    /// which the server runs as one implicit transaction (all of it or none of it). The article row has no ON CONFLICT:
    /// an article on record (or stored by another writer at the same moment: the unique content hash decides, the later
    /// insert waits for the first to commit) fails the first statement and the server rolls the whole batch back.
    /// Returns the new article's id, or null when it was on record.
    /// </summary>
    private long? RunPostgres(List<(string Sql, P[] Parameters)> statements)
    {
        using var batch = ((Npgsql.NpgsqlConnection)_c).CreateBatch();
        foreach (var (sql, ps) in statements)
        {
            var bc = batch.CreateBatchCommand();
            bc.CommandText = sql;
            foreach (var x in ps)
            {
                if (x.Name == "article") continue;
                var p = bc.CreateParameter();
                p.ParameterName = "@" + x.Name;
                p.DbType = x.Type;
                p.Value = x.Value ?? DBNull.Value;
                bc.Parameters.Add(p);
            }

            batch.BatchCommands.Add(bc);
        }

        try
        {
            using var reader = batch.ExecuteReader();
            long id = reader.Read() ? reader.GetInt64(0) : throw new LedgerException("the article insert returned no id");
            while (reader.NextResult())
            {
            }

            return id;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "articles")
        {
            return null;
        }
    }

    private long? Scalar(DbTransaction? tx, string sql, params P[] parameters)
    {
        var v = Prepared(tx, sql, parameters).ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
    }

    /// <summary>A command prepared once per session and SQL text; its parameters are set anew on each use.</summary>
    private DbCommand Prepared(DbTransaction? tx, string sql, P[] parameters)
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

    /// <summary>A parameter with its type, so that a NULL is typed too (PostgreSQL will not put a text NULL in an integer column).</summary>
    private readonly record struct P(string Name, object? Value, DbType Type);

    private static P T(string name, string? value) => new(name, value, DbType.String);

    private static P N(string name, int? value) => new(name, value, DbType.Int32);

    private static P L(string name, long value) => new(name, value, DbType.Int64);

    private static bool IsTransient(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

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

    public void Dispose()
    {
        foreach (var cmd in _prepared.Values) cmd.Dispose();
        if (_synchronous is { } level && _c.State == ConnectionState.Open)
            Sql.Execute(_c, null, $"PRAGMA synchronous={level.ToString(CultureInfo.InvariantCulture)}");
        _c.Dispose();
    }
}
