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

    /// <summary>The ISO3 codes of the states on the ledger's list: an ingested event with another state stays an event only.</summary>
    public IReadOnlySet<string> StateCodes()
    {
        using var c = _db.Open();
        return Sql.Query(c, null, "SELECT DISTINCT iso3 FROM states", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The id of the event a reported action came from; null for an action entered otherwise.</summary>
    public long? EventOf(string actionId)
    {
        using var c = _db.Open();
        return Sql.Long(c, null, "SELECT event_id FROM actions WHERE id = @id", ("id", actionId));
    }
}

