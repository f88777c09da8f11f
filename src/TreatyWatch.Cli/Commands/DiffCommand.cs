using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch diff &lt;treaty&gt; --from D1 --to D2</c>: who joined and who left.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var treaty = new Argument<string>("treaty") { Description = "Treaty: id, name or alias" };
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD)", Required = true };
        var to = new Option<string>("--to") { Description = "Second day (YYYY-MM-DD)", Required = true };
        var cmd = new Command("diff", "Which states' status changed between two dates (joined, left, pending)") { treaty, from, to };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var catalog = ctx.Catalog(data);
            var t = ctx.Lookup(data).Treaty(p.GetValue(treaty)!);
            var d1 = CliApp.ParseDate(p.GetValue(from), "--from")!.Value;
            var d2 = CliApp.ParseDate(p.GetValue(to), "--to")!.Value;
            var book = catalog.Book(t.Id);
            var diff = Diff.Between(catalog, book, d1, d2);
            var changes = diff.Changes;
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => DiffJson.Write(w, diff));
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "state", "before", "after", "change");
                    foreach (var c in changes) CsvOut.Row(ctx.Out, c.State, TreatyStatuses.Name(c.Before), TreatyStatuses.Name(c.After), c.Kind);
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]{Tables.E(t.ShortName)}[/]: {IsoDate.Long(d1)} → {IsoDate.Long(d2)}") { Justification = Justify.Left });
                    var table = Tables.New("change", "state", "before", "after");
                    foreach (var c in changes)
                        table.AddRow(Tables.E(c.Kind), $"{Tables.E(catalog.States[c.State].Name)} [dim]{c.State}[/]", Tables.E(TreatyStatuses.Describe(c.Before)), Tables.E(TreatyStatuses.Describe(c.After)));
                    ctx.Console.Write(table);
                    ctx.Console.MarkupLine($"Bound: {diff.BoundBefore} → {diff.BoundAfter}");
                    break;
            }

            return 0;
        });
        return cmd;
    }
}
