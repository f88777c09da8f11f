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
            var rows = new List<(string Treaty, string State, string What, LocalDateText Date)>();
            foreach (var t in treaties)
            {
                var book = catalog.Book(t.Id);
                foreach (var tl in book.Timelines)
                {
                    var now = book.StatusCode(tl.State, today);
                    if (now == TreatyStatus.WithdrawalSuspended)
                        rows.Add((t.Id, tl.State, "withdrawal held back while the state is engaged in an armed conflict", new("")));
                    foreach (var (day, status) in tl.Transitions.Where(x => x.Day > today))
                    {
                        var what = status switch
                        {
                            TreatyStatus.Party => "enters into force for it",
                            TreatyStatus.Withdrawn => "withdrawal takes effect",
                            TreatyStatus.WithdrawalSuspended => "notice period ends; armed conflict holds the withdrawal back",
                            _ => null,
                        };
                        if (what is not null) rows.Add((t.Id, tl.State, what, new(IsoDate.Format(day))));
                    }
                }
            }

            rows = rows.OrderBy(r => r.Date.Text.Length == 0 ? "9999" : r.Date.Text, StringComparer.Ordinal).ThenBy(r => r.Treaty, StringComparer.Ordinal).ToList();
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w =>
                    {
                        w.WriteStartArray();
                        foreach (var r in rows)
                        {
                            w.WriteStartObject();
                            w.WriteString("treaty", r.Treaty);
                            w.WriteString("state", r.State);
                            w.WriteString("event", r.What);
                            if (r.Date.Text.Length == 0) w.WriteNull("date"); else w.WriteString("date", r.Date.Text);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    });
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "date", "treaty", "state", "event");
                    foreach (var r in rows) CsvOut.Row(ctx.Out, r.Date.Text, r.Treaty, r.State, r.What);
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]Pending[/] after {IsoDate.Long(today)}") { Justification = Justify.Left });
                    var table = Tables.New("date", "treaty", "state", "event");
                    foreach (var r in rows) table.AddRow(r.Date.Text.Length == 0 ? "—" : r.Date.Text, r.Treaty, $"{Tables.E(catalog.States[r.State].Name)} [dim]{r.State}[/]", Tables.E(r.What));
                    ctx.Console.Write(table);
                    if (rows.Count == 0) ctx.Console.MarkupLine("Nothing pending on record.");
                    break;
            }

            return 0;
        });
        return cmd;
    }

    private readonly record struct LocalDateText(string Text);
}
