using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch treaties</c>: the treaties carried, their entry into force and parties today.</summary>
public static class TreatiesCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("treaties", "The treaties carried, with entry into force (derived), parties today and coverage");
        cmd.SetAction(p =>
        {
            var catalog = ctx.Catalog(p.GetValue(CliApp.Data));
            var rows = catalog.Treaties.Select(t =>
            {
                var book = catalog.Book(t.Id);
                var bound = book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, ctx.Today)));
                return (t, book, bound);
            }).ToList();
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w =>
                    {
                        w.WriteStartArray();
                        foreach (var (t, book, bound) in rows)
                        {
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

                        w.WriteEndArray();
                    });
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "id", "shortName", "entryIntoForce", "ended", "boundToday", "participantsComplete");
                    foreach (var (t, book, bound) in rows)
                        CsvOut.Row(ctx.Out, t.Id, t.ShortName, book.EntryIntoForce is { } e ? IsoDate.Format(e) : "", book.End is { } en ? IsoDate.Format(en) : "", bound.ToString(System.Globalization.CultureInfo.InvariantCulture), t.ParticipantsComplete ? "true" : "false");
                    break;
                default:
                    var table = Tables.New("id", "treaty", "in force", "bound today", "record");
                    foreach (var (t, book, bound) in rows)
                        table.AddRow(t.Id, Tables.E(t.ShortName),
                            book.EntryIntoForce is { } e ? IsoDate.Format(e) + (book.End is { } en ? $" – {IsoDate.Format(en)}" : "") : "[dim]not in force[/]",
                            bound.ToString(System.Globalization.CultureInfo.InvariantCulture), t.ParticipantsComplete ? "complete" : "[yellow]incomplete[/]");
                    ctx.Console.Write(table);
                    break;
            }

            return 0;
        });
        return cmd;
    }
}
