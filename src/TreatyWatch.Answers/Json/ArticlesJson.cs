using System.Text.Json;
using TreatyWatch.Ledger;

namespace TreatyWatch.Answers.Json;

/// <summary>
/// The JSON of ingested news articles and the events extracted from them (<c>GET /api/articles</c>, <c>GET /api/events</c>):
/// what the news reported, with its source, never law.
/// </summary>
public static class ArticlesJson
{
    public static void Article(Utf8JsonWriter w, StoredArticle a, IReadOnlyList<StoredEvent>? events = null, string? text = null)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("contentHash", a.ContentHash);
        Text(w, "url", a.Url);
        Text(w, "outlet", a.Outlet);
        Text(w, "title", a.Title);
        Text(w, "published", a.Published);
        Text(w, "language", a.Language);
        w.WriteString("recordedAt", NodaTime.Text.InstantPattern.ExtendedIso.Format(a.RecordedAt));
        if (events is not null)
        {
            w.WriteStartArray("events");
            foreach (var e in events) Event(w, e, null);
            w.WriteEndArray();
        }

        if (text is not null) w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>An extracted event; with <paramref name="article"/>, the article it comes from (its source).</summary>
    public static void Event(Utf8JsonWriter w, StoredEvent e, StoredArticle? article)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("reviewState", "reported");
        Text(w, "state", e.State);
        Text(w, "treaty", e.Treaty);
        w.WriteString("action", e.Action);
        Text(w, "date", e.Date);
        w.WriteString("evidence", e.Evidence);
        w.WriteNumber("start", e.Start);
        w.WriteNumber("end", e.End);
        Text(w, "clusterKey", e.ClusterKey);
        w.WriteString("extractor", e.Extractor);
        Text(w, "actionId", e.ActionId);
        w.WriteString("articleHash", e.ArticleHash);
        if (article is not null)
        {
            w.WriteStartObject("source");
            w.WriteNumber("articleId", article.Id);
            Text(w, "url", article.Url);
            Text(w, "outlet", article.Outlet);
            Text(w, "title", article.Title);
            Text(w, "published", article.Published);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
