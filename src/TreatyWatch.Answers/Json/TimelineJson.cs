using System.Text.Json;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Answers.Json;

/// <summary>
/// One step in a state's timeline (<c>treatywatch timeline</c>, <c>GET /api/states/{state}/timeline</c>): a legal act or
/// domestic step on record, or an effect computed from the rules (<see cref="Computed"/>).
/// </summary>
public sealed record TimelineEntry(PartialDate Date, string Treaty, string Event, string Detail, string Sources, bool Computed)
{
    /// <summary>A state's steps under the treaties given, in date order (computed effects after the acts of the same day).</summary>
    public static List<TimelineEntry> Of(Catalog catalog, string iso3, IEnumerable<TreatyDefinition> treaties, NodaTime.LocalDate? asKnown)
    {
        var entries = new List<TimelineEntry>();
        foreach (var t in treaties)
        {
            var book = catalog.Book(t.Id, asKnown);
            foreach (var a in catalog.ActionsOf(t.Id).Where(a => a.State == iso3 && (asKnown is null || a.Known <= asKnown)))
            {
                if (ActionKinds.Family(a.Kind) == ActionFamily.Statement) continue;
                var detail = string.Join("; ", new[] { a.Votes?.ToString(), a.Effective is { } e ? $"names {IsoDate.Format(e)}" : null, a.Note }.Where(x => x is not null));
                entries.Add(new TimelineEntry(a.Date, t.Id, ActionKinds.Describe(a.Kind), detail, string.Join(" ", a.Sources.Select(x => x.Key)), false));
            }

            if (book.TimelineOf(iso3) is { } tl)
            {
                foreach (var (day, status) in tl.Transitions)
                {
                    var ev = status switch
                    {
                        TreatyStatus.Party => "treaty in force for it (computed)",
                        TreatyStatus.Withdrawn => "withdrawal takes effect (computed)",
                        TreatyStatus.WithdrawalSuspended => "withdrawal held back by armed conflict (computed)",
                        TreatyStatus.None when book.End == day => "treaty expired or terminated (computed)",
                        _ => null,
                    };
                    if (ev is not null) entries.Add(new TimelineEntry(PartialDate.OfDay(day), t.Id, ev, "", "", true));
                }
            }
        }

        return entries.OrderBy(e => e.Date.FirstDay).ThenBy(e => e.Computed).ToList();
    }
}

/// <summary>The JSON contract of a timeline: an array of entries.</summary>
public static class TimelineJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<TimelineEntry> entries)
    {
        w.WriteStartArray();
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("date", e.Date.ToString());
            w.WriteString("treaty", e.Treaty);
            w.WriteString("event", e.Event);
            w.WriteBoolean("computed", e.Computed);
            w.WriteString("detail", e.Detail);
            w.WriteString("sources", e.Sources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
