using System.Text.Json;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Answers.Json;

/// <summary>
/// Every state on record for a treaty with its status on a day (<c>treatywatch parties</c>, <c>GET /api/treaties/{treaty}/parties</c>),
/// ordered by state name; states whose status is none are left out unless <c>all</c>.
/// </summary>
public static class PartiesJson
{
    public static List<StatusAnswer> Answers(Catalog catalog, TreatyStatusBook book, LocalDate day, bool all) =>
        book.Timelines.Select(tl => book.StatusOf(tl.State, day))
            .Where(a => all || a.Status != TreatyStatus.None)
            .OrderBy(a => catalog.States.TryGetValue(a.State, out var s) ? s.Name : a.State, StringComparer.Ordinal)
            .ToList();

    /// <summary>The CLI's contract: an array of status answers.</summary>
    public static void Write(Utf8JsonWriter w, IEnumerable<StatusAnswer> answers, Catalog catalog)
    {
        w.WriteStartArray();
        foreach (var a in answers) StatusJson.Write(w, a, catalog);
        w.WriteEndArray();
    }

    /// <summary>
    /// The API's answer: the treaty, the day, counts by status (and of states bound) and the parties, each a status answer.
    /// </summary>
    public static void WriteWithCounts(Utf8JsonWriter w, TreatyStatusBook book, LocalDate day, IReadOnlyList<StatusAnswer> answers, Catalog catalog)
    {
        w.WriteStartObject();
        w.WriteString("treaty", book.Treaty.Id);
        w.WriteString("treatyName", book.Treaty.ShortName);
        w.WriteString("on", Engine.Dates.IsoDate.Format(day));
        StatusJson.Date(w, "asKnownOn", book.AsKnownOn);
        StatusJson.Date(w, "treatyInForce", book.EntryIntoForce);
        w.WriteBoolean("participantsComplete", book.Treaty.ParticipantsComplete);
        w.WriteStartObject("counts");
        foreach (var g in answers.GroupBy(a => a.Status).OrderBy(g => g.Key)) w.WriteNumber(TreatyStatuses.Name(g.Key), g.Count());
        w.WriteEndObject();
        w.WriteNumber("bound", answers.Count(a => TreatyStatuses.IsBound(a.Status)));
        w.WritePropertyName("parties");
        Write(w, answers, catalog);
        w.WriteEndObject();
    }
}
