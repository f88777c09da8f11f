using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ledger.Export;

/// <summary>
/// Writes treaties' actions and sources in the project's own formats. CSV is exactly the bundled data's
/// <c>actions/&lt;id&gt;.csv</c> and <c>sources/*.csv</c> (docs/data-format.md), so an export is also valid bundled data; JSON is
/// one document <c>{treaties:[{id, actions:[...]}], sources:[...]}</c> with every field of an action. Pure: text out.
/// Writing is deterministic (<see cref="ProjectData.Canonical"/>): export → import → export gives the same bytes.
/// </summary>
public static class ProjectExport
{
    /// <summary>The header of <c>actions/&lt;id&gt;.csv</c>.</summary>
    public const string ActionsHeader = "state,action,date,known,detail,source,note";

    /// <summary>The header of <c>sources/*.csv</c>.</summary>
    public const string SourcesHeader = "key,kind,title,url,published";

    /// <summary>
    /// <c>actions/&lt;id&gt;.csv</c> for each treaty and <c>sources/&lt;id&gt;.csv</c> with the sources a treaty is the first (by id) to
    /// cite; sources no action cites go to <c>sources/uncited.csv</c>. Notes and titles are trimmed (the loader trims every
    /// field). Throws <see cref="ArgumentException"/> for data the CSV
    /// format cannot carry (a ';' inside a source key or a detail value): export those as JSON.
    /// </summary>
    public static IReadOnlyList<DataFile> ToCsv(ProjectData data)
    {
        var canonical = data.Canonical();
        var files = new List<DataFile>();
        var firstCitedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in canonical.Treaties)
        {
            files.Add(new DataFile($"actions/{t.Id}.csv", ActionsCsv(t.Id, t.Actions)));
            foreach (var s in t.Actions.SelectMany(a => a.Sources).Where(s => s.Kind != SourceKind.Web))
                firstCitedBy.TryAdd(s.Key, t.Id);
        }

        foreach (var group in canonical.Sources.GroupBy(s => firstCitedBy.GetValueOrDefault(s.Key) ?? "uncited"))
            files.Add(new DataFile($"sources/{group.Key}.csv", SourcesCsv(group)));
        return files;
    }

    /// <summary>
    /// One treaty's actions file. An action's id is written (<c>id=</c> in detail) only when it differs from the id the loader
    /// gives a row without one (<c>&lt;treaty&gt;:&lt;line&gt;</c>); <c>known</c> only when it differs from the act's date.
    /// </summary>
    public static string ActionsCsv(string treatyId, IEnumerable<TreatyAction> actions)
    {
        var sb = new StringBuilder();
        sb.Append(ActionsHeader).Append('\n');
        var line = 2;
        foreach (var a in actions)
        {
            if (a.TreatyId != treatyId) throw new ArgumentException($"action '{a.Id}' belongs to '{a.TreatyId}', not to '{treatyId}'", nameof(actions));
            var fields = new[]
            {
                a.State,
                ActionKinds.Name(a.Kind),
                a.Date.ToString(),
                a.Known == a.Date.LastDay ? "" : IsoDate.Format(a.Known),
                Detail(a, string.Create(CultureInfo.InvariantCulture, $"{treatyId}:{line}")),
                string.Join(';', a.Sources.Select(s => SourceRef(a, s))),
                a.Note?.Trim() ?? "",
            };
            var record = Record(fields);
            sb.Append(record).Append('\n');
            line += 1 + record.Count(c => c == '\n');
        }

        return sb.ToString();
    }

    /// <summary>The columns a sources file adds when one of its sources has such a detail (a news source's outlet and quote, a
    /// depositary notification's C.N. number).</summary>
    public const string SourceDetailColumns = "cn_number,outlet,quote,quote_start,quote_end";

    /// <summary>
    /// A sources file: <see cref="SourcesHeader"/>, and <see cref="SourceDetailColumns"/> after it when any of the
    /// file's sources has one of those details (so the bundled files, which have none, export as they are).
    /// </summary>
    public static string SourcesCsv(IEnumerable<Source> sources)
    {
        var list = sources.Where(s => s.Kind != SourceKind.Web).ToList();
        var details = list.Any(HasDetail);
        var sb = new StringBuilder();
        sb.Append(SourcesHeader);
        if (details) sb.Append(',').Append(SourceDetailColumns);
        sb.Append('\n');
        foreach (var s in list)
        {
            string[] fields = details
                ? [s.Key, KindName(s.Kind), s.Title.Trim(), s.Url ?? "", s.Published?.ToString() ?? "", s.CnNumber ?? "", s.Outlet ?? "", s.Quote ?? "", Number(s.QuoteStart), Number(s.QuoteEnd)]
                : [s.Key, KindName(s.Kind), s.Title.Trim(), s.Url ?? "", s.Published?.ToString() ?? ""];
            sb.Append(Record(fields)).Append('\n');
        }

        return sb.ToString();
    }

    private static bool HasDetail(Source s) => s.CnNumber is not null || s.Outlet is not null || s.Quote is not null || s.QuoteStart is not null || s.QuoteEnd is not null;

    private static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The JSON document: every field of every action (the treaty id is the enclosing treaty's), and the sources.</summary>
    public static string ToJson(ProjectData data)
    {
        var canonical = data.Canonical();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("treaties");
            foreach (var t in canonical.Treaties)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteStartArray("actions");
                foreach (var a in t.Actions)
                {
                    if (a.TreatyId != t.Id) throw new ArgumentException($"action '{a.Id}' belongs to '{a.TreatyId}', not to '{t.Id}'", nameof(data));
                    WriteAction(w, a);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("sources");
            foreach (var s in canonical.Sources)
            {
                w.WriteStartObject();
                w.WriteString("key", s.Key);
                w.WriteString("kind", KindName(s.Kind));
                w.WriteString("title", s.Title);
                OptionalString(w, "url", s.Url);
                OptionalString(w, "published", s.Published?.ToString());
                OptionalString(w, "cnNumber", s.CnNumber);
                OptionalString(w, "outlet", s.Outlet);
                OptionalString(w, "quote", s.Quote);
                OptionalNumber(w, "quoteStart", s.QuoteStart);
                OptionalNumber(w, "quoteEnd", s.QuoteEnd);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteAction(Utf8JsonWriter w, TreatyAction a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("state", a.State);
        w.WriteString("action", ActionKinds.Name(a.Kind));
        w.WriteString("date", a.Date.ToString());
        w.WriteString("known", IsoDate.Format(a.Known));
        w.WriteStartArray("sources");
        foreach (var s in a.Sources) w.WriteStringValue(s.Kind == SourceKind.Web ? s.Url ?? s.Key : s.Key);
        w.WriteEndArray();
        if (a.Votes is { } v)
        {
            w.WriteStartObject("votes");
            OptionalNumber(w, "for", v.For);
            OptionalNumber(w, "against", v.Against);
            OptionalNumber(w, "abstain", v.Abstain);
            OptionalNumber(w, "required", v.Required);
            w.WriteEndObject();
        }
        else w.WriteNull("votes");

        OptionalString(w, "effective", a.Effective is { } e ? IsoDate.Format(e) : null);
        OptionalString(w, "supersedes", a.Supersedes);
        OptionalString(w, "by", a.By);
        OptionalString(w, "objectsTo", a.ObjectsTo);
        OptionalString(w, "note", a.Note);
        OptionalString(w, "origin", a.Origin);
        w.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } n) w.WriteNumber(name, n);
        else w.WriteNull(name);
    }

    /// <summary>The name of a source kind in files: <c>depositary</c>, <c>official</c>, <c>monitor</c>, <c>news</c>, <c>dataset</c>.</summary>
    public static string KindName(SourceKind kind) => kind.ToString().ToLowerInvariant();

    private static string SourceRef(TreatyAction a, Source s)
    {
        var r = s.Kind == SourceKind.Web ? s.Url ?? s.Key : s.Key;
        if (r.Contains(';', StringComparison.Ordinal))
            throw new ArgumentException($"action '{a.Id}': source '{r}' contains ';', which the CSV format uses between sources; export as JSON");
        return r;
    }

    private static string Detail(TreatyAction a, string defaultId)
    {
        var pairs = new List<string>();
        void Add(string key, string? value)
        {
            if (value is null) return;
            if (value.Contains(';', StringComparison.Ordinal) || value != value.Trim())
                throw new ArgumentException($"action '{a.Id}': {key} '{value}' has a ';' or spaces at its ends, which the CSV detail field cannot carry; export as JSON");
            pairs.Add($"{key}={value}");
        }

        Add("id", a.Id == defaultId ? null : a.Id);
        Add("supersedes", a.Supersedes);
        if (a.Votes is { } v)
        {
            if (v.For is not null || v.Against is not null || v.Abstain is not null)
            {
                static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";
                Add("votes", v.Abstain is null ? $"{N(v.For)}-{N(v.Against)}" : $"{N(v.For)}-{N(v.Against)}-{N(v.Abstain)}");
            }

            Add("threshold", v.Required?.ToString(CultureInfo.InvariantCulture));
        }

        Add("effective", a.Effective is { } e ? IsoDate.Format(e) : null);
        Add("by", a.By);
        Add("objects-to", a.ObjectsTo);
        return string.Join(';', pairs);
    }

    /// <summary>An RFC 4180 record: a field is quoted when it holds a comma, a quote or a line break.</summary>
    internal static string Record(IReadOnlyList<string> fields)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0) sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(f);
        }

        return sb.ToString();
    }
}
