using System.Text.Json;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Answers.Json;

/// <summary>
/// Entries into force and withdrawals still to come after a day, and withdrawals held back by armed conflict
/// (<c>treatywatch pending</c>, <c>GET /api/pending</c>). <see cref="Date"/> is null for a withdrawal held back.
/// </summary>
public sealed record PendingChange(string Treaty, string State, string Event, LocalDate? Date, TreatyStatus Status)
{
    /// <summary>What is pending after <paramref name="today"/>, ordered by date (held-back withdrawals last), then treaty.</summary>
    public static List<PendingChange> After(Catalog catalog, IEnumerable<TreatyDefinition> treaties, LocalDate today)
    {
        var rows = new List<PendingChange>();
        foreach (var t in treaties)
        {
            var book = catalog.Book(t.Id);
            foreach (var tl in book.Timelines)
            {
                var now = book.StatusCode(tl.State, today);
                if (now == TreatyStatus.WithdrawalSuspended)
                    rows.Add(new(t.Id, tl.State, "withdrawal held back while the state is engaged in an armed conflict", null, now));
                foreach (var (day, status) in tl.Transitions.Where(x => x.Day > today))
                {
                    var what = status switch
                    {
                        TreatyStatus.Party => "enters into force for it",
                        TreatyStatus.Withdrawn => "withdrawal takes effect",
                        TreatyStatus.WithdrawalSuspended => "notice period ends; armed conflict holds the withdrawal back",
                        _ => null,
                    };
                    if (what is not null) rows.Add(new(t.Id, tl.State, what, day, status));
                }
            }
        }

        return rows.OrderBy(r => r.Date is { } d ? IsoDate.Format(d) : "9999", StringComparer.Ordinal).ThenBy(r => r.Treaty, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The JSON contract of pending changes: an array.</summary>
public static class PendingJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<PendingChange> rows)
    {
        w.WriteStartArray();
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("treaty", r.Treaty);
            w.WriteString("state", r.State);
            w.WriteString("event", r.Event);
            StatusJson.Date(w, "date", r.Date);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
