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
            var rows = TreatyRow.All(catalog, ctx.Today);
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => TreatiesJson.Write(w, rows));
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
