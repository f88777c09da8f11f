using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TreatyWatch.Ingest.Events;

/// <summary>
/// The stable output format, one object per article:
/// <c>{"file", "published": "YYYY-MM-DD" or "", "events": [{"state", "treaty", "action", "date",
/// "votes"?, "evidence", "start", "end"}]}</c>. <c>votes</c> is left out when the text gives no figures
/// and holds only the figures given; <c>evidence</c> is the input text at [start, end).
/// </summary>
public static class ExtractionJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string Serialize(ArticleExtraction article, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, indented ? Indented : Compact)) Write(w, article);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, ArticleExtraction article)
    {
        w.WriteStartObject();
        w.WriteString("file", article.File);
        w.WriteString("published", article.Published is { } p ? PartialDate.OfDay(p).ToString() : "");
        w.WriteStartArray("events");
        foreach (var e in article.Events)
        {
            w.WriteStartObject();
            w.WriteString("state", e.State);
            w.WriteString("treaty", e.Treaty);
            w.WriteString("action", e.Action.Name());
            w.WriteString("date", e.Date?.ToString() ?? "");
            if (e.Votes is { } v && !v.IsEmpty())
            {
                w.WriteStartObject("votes");
                if (v.For is { } f) w.WriteNumber("for", f);
                if (v.Against is { } a) w.WriteNumber("against", a);
                if (v.Abstain is { } ab) w.WriteNumber("abstain", ab);
                if (v.Required is { } r) w.WriteNumber("required", r);
                w.WriteEndObject();
            }
            w.WriteString("evidence", e.Evidence);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads an article back; unknown keys are ignored.</summary>
    public static ArticleExtraction Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string file = root.GetProperty("file").GetString() ?? "";
        var published = ReportedDates.ParseOrEmpty(root.TryGetProperty("published", out var pe) ? pe.GetString() : null)?.ExactDay;
        var events = new List<ExtractedEvent>();
        foreach (var e in root.GetProperty("events").EnumerateArray())
        {
            if (!EventActions.TryParse(e.GetProperty("action").GetString() ?? "", out var action))
                throw new FormatException($"{file}: unknown action '{e.GetProperty("action").GetString()}'");
            events.Add(new ExtractedEvent(
                e.GetProperty("state").GetString() ?? "",
                e.GetProperty("treaty").GetString() ?? "",
                action,
                ReportedDates.ParseOrEmpty(e.TryGetProperty("date", out var d) ? d.GetString() : null),
                e.TryGetProperty("votes", out var v) ? ReadVotes(v) : null,
                e.TryGetProperty("evidence", out var ev) ? ev.GetString() ?? "" : "",
                e.TryGetProperty("start", out var s) ? s.GetInt32() : 0,
                e.TryGetProperty("end", out var en) ? en.GetInt32() : 0));
        }
        return new ArticleExtraction(file, published, events);
    }

    internal static Votes ReadVotes(JsonElement v)
    {
        int? Get(string k) => v.TryGetProperty(k, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetInt32() : null;
        return new Votes(Get("for"), Get("against"), Get("abstain"), Get("required"));
    }
}
