using System.Text.Json;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Answers.Json;

/// <summary>Which states' status under a treaty changed between two days (<c>treatywatch diff</c>, <c>GET /api/treaties/{treaty}/diff</c>).</summary>
public sealed record Diff(TreatyStatusBook Book, LocalDate From, LocalDate To, int BoundBefore, int BoundAfter, IReadOnlyList<Diff.Change> Changes)
{
    /// <summary>One state's change: <see cref="Kind"/> is joined, left or changed.</summary>
    public sealed record Change(string State, TreatyStatus Before, TreatyStatus After, string Kind);

    /// <summary>Throws a <see cref="UserInputException"/> naming <paramref name="toName"/> when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static Diff Between(Catalog catalog, TreatyStatusBook book, LocalDate from, LocalDate to, string fromName = "--from", string toName = "--to")
    {
        if (to < from) throw new UserInputException($"{toName} {IsoDate.Format(to)} is before {fromName} {IsoDate.Format(from)}");
        var changes = book.Timelines
            .Select(tl => (tl.State, Before: book.StatusCode(tl.State, from), After: book.StatusCode(tl.State, to)))
            .Where(x => x.Before != x.After)
            .Select(x => new Change(x.State, x.Before, x.After, Describe(x.Before, x.After)))
            .OrderBy(x => x.Kind, StringComparer.Ordinal).ThenBy(x => catalog.States[x.State].Name, StringComparer.Ordinal)
            .ToList();
        return new Diff(book, from, to,
            book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, from))),
            book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, to))),
            changes);
    }

    private static string Describe(TreatyStatus before, TreatyStatus after) =>
        (TreatyStatuses.IsBound(before), TreatyStatuses.IsBound(after)) switch
        {
            (false, true) => "joined",
            (true, false) => "left",
            _ => "changed",
        };
}

/// <summary>The JSON contract of a <see cref="Diff"/>.</summary>
public static class DiffJson
{
    public static void Write(Utf8JsonWriter w, Diff d)
    {
        w.WriteStartObject();
        w.WriteString("treaty", d.Book.Treaty.Id);
        w.WriteString("from", IsoDate.Format(d.From));
        w.WriteString("to", IsoDate.Format(d.To));
        w.WriteNumber("boundBefore", d.BoundBefore);
        w.WriteNumber("boundAfter", d.BoundAfter);
        w.WriteStartArray("changes");
        foreach (var c in d.Changes)
        {
            w.WriteStartObject();
            w.WriteString("state", c.State);
            w.WriteString("before", TreatyStatuses.Name(c.Before));
            w.WriteString("after", TreatyStatuses.Name(c.After));
            w.WriteString("change", c.Kind);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
