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
            if (d2 < d1) throw new UserInputException($"--to {IsoDate.Format(d2)} is before --from {IsoDate.Format(d1)}");
            var book = catalog.Book(t.Id);
            var changes = book.Timelines
                .Select(tl => (tl.State, Before: book.StatusCode(tl.State, d1), After: book.StatusCode(tl.State, d2)))
                .Where(x => x.Before != x.After)
                .Select(x => (x.State, x.Before, x.After, Change: Describe(x.Before, x.After)))
                .OrderBy(x => x.Change, StringComparer.Ordinal).ThenBy(x => catalog.States[x.State].Name, StringComparer.Ordinal)
                .ToList();
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("treaty", t.Id);
                        w.WriteString("from", IsoDate.Format(d1));
                        w.WriteString("to", IsoDate.Format(d2));
                        w.WriteNumber("boundBefore", book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, d1))));
                        w.WriteNumber("boundAfter", book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, d2))));
                        w.WriteStartArray("changes");
                        foreach (var c in changes)
                        {
                            w.WriteStartObject();
                            w.WriteString("state", c.State);
                            w.WriteString("before", TreatyStatuses.Name(c.Before));
                            w.WriteString("after", TreatyStatuses.Name(c.After));
                            w.WriteString("change", c.Change);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "state", "before", "after", "change");
                    foreach (var c in changes) CsvOut.Row(ctx.Out, c.State, TreatyStatuses.Name(c.Before), TreatyStatuses.Name(c.After), c.Change);
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]{Tables.E(t.ShortName)}[/]: {IsoDate.Long(d1)} → {IsoDate.Long(d2)}") { Justification = Justify.Left });
                    var table = Tables.New("change", "state", "before", "after");
                    foreach (var c in changes)
                        table.AddRow(Tables.E(c.Change), $"{Tables.E(catalog.States[c.State].Name)} [dim]{c.State}[/]", Tables.E(TreatyStatuses.Describe(c.Before)), Tables.E(TreatyStatuses.Describe(c.After)));
                    ctx.Console.Write(table);
                    ctx.Console.MarkupLine($"Bound: {book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, d1)))} → {book.Timelines.Count(tl => TreatyStatuses.IsBound(book.StatusCode(tl.State, d2)))}");
                    break;
            }

            return 0;
        });
        return cmd;
    }

    private static string Describe(TreatyStatus before, TreatyStatus after) =>
        (TreatyStatuses.IsBound(before), TreatyStatuses.IsBound(after)) switch
        {
            (false, true) => "joined",
            (true, false) => "left",
            _ => "changed",
        };
}
