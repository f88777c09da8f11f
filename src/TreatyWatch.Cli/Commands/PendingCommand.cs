using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch pending [--treaty T]</c>: entries into force and withdrawals still to come, with dates.</summary>
public static class PendingCommand
{
    public static Command Create(CliContext ctx)
    {
        var treatyOpt = new Option<string?>("--treaty", "-t") { Description = "Only this treaty" };
        var asOf = new Option<string?>("--on") { Description = "Count as pending from this day (default today)" };
        var cmd = new Command("pending", "Entries into force and withdrawals still to come, and withdrawals held back by armed conflict") { treatyOpt, asOf };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var catalog = ctx.Catalog(data);
            var lookup = ctx.Lookup(data);
            var today = CliApp.ParseDate(p.GetValue(asOf), "--on") ?? ctx.Today;
            var treaties = p.GetValue(treatyOpt) is { } tt ? [lookup.Treaty(tt)] : catalog.Treaties.ToList();
            var rows = PendingChange.After(catalog, treaties, today);
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => PendingJson.Write(w, rows));
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "date", "treaty", "state", "event");
                    foreach (var r in rows) CsvOut.Row(ctx.Out, r.Date is { } d ? IsoDate.Format(d) : "", r.Treaty, r.State, r.Event);
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]Pending[/] after {IsoDate.Long(today)}") { Justification = Justify.Left });
                    var table = Tables.New("date", "treaty", "state", "event");
                    foreach (var r in rows) table.AddRow(r.Date is { } d ? IsoDate.Format(d) : "—", r.Treaty, $"{Tables.E(catalog.States[r.State].Name)} [dim]{r.State}[/]", Tables.E(r.Event));
                    if (rows.Count == 0) ctx.Console.MarkupLine("Nothing pending on record.");
                    else ctx.Console.Write(table);
                    break;
            }

            return 0;
        });
        return cmd;
    }
}
