using System.Text.Json;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Answers.Json;

/// <summary>A treaty carried, with its book and the number of states bound on a day (<c>treatywatch treaties</c>, <c>GET /api/treaties</c>).</summary>
public sealed record TreatyRow(TreatyDefinition Treaty, TreatyStatusBook Book, int Bound)
{
    public static TreatyRow Of(Catalog catalog, TreatyDefinition t, LocalDate today)
    {
        var book = catalog.Book(t.Id);
        return new TreatyRow(t, book, book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, today))));
    }

    public static List<TreatyRow> All(Catalog catalog, LocalDate today) => catalog.Treaties.Select(t => Of(catalog, t, today)).ToList();
}

/// <summary>The JSON contract of the treaties carried.</summary>
public static class TreatiesJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<TreatyRow> rows)
    {
        w.WriteStartArray();
        foreach (var row in rows) Write(w, row);
        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, TreatyRow row)
    {
        var (t, book, bound) = row;
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("shortName", t.ShortName);
        w.WriteString("title", t.Title);
        w.WriteStartArray("aliases");
        foreach (var a in t.Aliases) w.WriteStringValue(a);
        w.WriteEndArray();
        if (t.Depositary is null) w.WriteNull("depositary"); else w.WriteString("depositary", t.Depositary);
        if (t.UntcReference is null) w.WriteNull("untc"); else w.WriteString("untc", t.UntcReference);
        StatusJson.Date(w, "entryIntoForce", book.EntryIntoForce);
        StatusJson.Date(w, "ended", book.End);
        w.WriteNumber("boundToday", bound);
        w.WriteBoolean("participantsComplete", t.ParticipantsComplete);
        w.WriteEndObject();
    }
}
