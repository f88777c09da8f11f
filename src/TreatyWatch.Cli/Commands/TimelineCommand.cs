using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch timeline &lt;state&gt; [--treaty T]</c>: legal acts, domestic steps and computed effects in order.</summary>
public static class TimelineCommand
{
    public static Command Create(CliContext ctx)
    {
        var state = new Argument<string>("state") { Description = "State: ISO code, name or alias" };
        var treatyOpt = new Option<string?>("--treaty", "-t") { Description = "Only this treaty" };
        var known = new Option<string?>("--as-known-on") { Description = "Use only what the record knew by this day" };
        var cmd = new Command("timeline", "A state's steps under treaties: domestic steps, depositary acts, entries into force, withdrawals taking effect") { state, treatyOpt, known };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var catalog = ctx.Catalog(data);
            var lookup = ctx.Lookup(data);
            var s = lookup.State(p.GetValue(state)!);
            var asKnown = CliApp.ParseDate(p.GetValue(known), "--as-known-on");
            var treaties = p.GetValue(treatyOpt) is { } tt ? [lookup.Treaty(tt)] : catalog.Treaties.ToList();
            var entries = TimelineEntry.Of(catalog, s.Iso3, treaties, asKnown);
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => TimelineJson.Write(w, entries));
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "date", "treaty", "event", "computed", "detail", "sources");
                    foreach (var e in entries) CsvOut.Row(ctx.Out, e.Date.ToString(), e.Treaty, e.Event, e.Computed ? "true" : "false", e.Detail, e.Sources);
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]{Tables.E(s.Name)}[/] — timeline") { Justification = Justify.Left });
                    var table = Tables.New("date", "treaty", "event", "detail");
                    foreach (var e in entries)
                        table.AddRow(e.Date.ToString(), e.Treaty, e.Computed ? $"[italic]{Tables.E(e.Event)}[/]" : Tables.E(e.Event), Tables.E(e.Detail.Length > 140 ? e.Detail[..137] + "..." : e.Detail));
                    ctx.Console.Write(table);
                    // Reported news (ingested, waiting for review) after the record: steps the news tells of, never law.
                    if (ctx.DbSpec is not null)
                    {
                        var reported = ctx.Ledger(data).ReportedActions(asKnown);
                        foreach (var t in treaties) ReportedNews.Render(ctx.Console, reported, s.Iso3, t.Id);
                    }

                    break;
            }

            return 0;
        });
        return cmd;
    }
}
