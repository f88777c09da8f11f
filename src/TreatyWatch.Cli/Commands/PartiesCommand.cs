using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch parties &lt;treaty&gt; [--on D]</c>: every state on record with its status, and counts by status.</summary>
public static class PartiesCommand
{
    public static Command Create(CliContext ctx)
    {
        var treaty = new Argument<string>("treaty") { Description = "Treaty: id, name or alias" };
        var on = new Option<string?>("--on") { Description = "Day (YYYY-MM-DD; default today)" };
        var known = new Option<string?>("--as-known-on") { Description = "Use only what the record knew by this day" };
        var all = new Option<bool>("--all") { Description = "Also list states whose status is none on that day" };
        var cmd = new Command("parties", "Parties, signatories and leavers of a treaty on a date, with counts by status") { treaty, on, known, all };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var catalog = ctx.Catalog(data);
            var t = ctx.Lookup(data).Treaty(p.GetValue(treaty)!);
            var day = CliApp.ParseDate(p.GetValue(on), "--on") ?? ctx.Today;
            var book = catalog.Book(t.Id, CliApp.ParseDate(p.GetValue(known), "--as-known-on"));
            var answers = PartiesJson.Answers(catalog, book, day, p.GetValue(all));
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => PartiesJson.Write(w, answers, catalog));
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "state", "name", "status", "inForceSince", "withdrawalEffective");
                    foreach (var a in answers)
                        CsvOut.Row(ctx.Out, a.State, catalog.States[a.State].Name, TreatyStatuses.Name(a.Status),
                            a.InForceSince is { } i ? IsoDate.Format(i) : "", a.WithdrawalEffective is { } w2 ? IsoDate.Format(w2) : "");
                    break;
                default:
                    ctx.Console.Write(new Rule($"[bold]{Tables.E(t.ShortName)}[/] on {IsoDate.Long(day)}") { Justification = Justify.Left });
                    if (book.EntryIntoForceReason is { } r) ctx.Console.MarkupLine($"[dim]{Tables.E(r.Article)}[/] {Tables.E(r.Text)}");
                    if (book.EndReason is { } er && book.End <= day) ctx.Console.MarkupLine($"[dim]{Tables.E(er.Article)}[/] {Tables.E(er.Text)}");
                    if (!t.ParticipantsComplete) ctx.Console.MarkupLine($"[yellow]The participant list is incomplete[/]{Tables.E(t.ParticipantsNote is { } n ? $": {n}" : "")}");
                    var counts = Tables.New("status", "states");
                    foreach (var g in answers.GroupBy(a => a.Status).OrderBy(g => g.Key))
                        counts.AddRow(Tables.E(TreatyStatuses.Describe(g.Key)), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    counts.AddRow("[bold]bound (party, incl. withdrawal pending)[/]", answers.Count(a => TreatyStatuses.IsBound(a.Status)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    ctx.Console.Write(counts);
                    var table = Tables.New("state", "status", "in force since", "withdrawal effective");
                    foreach (var a in answers)
                        table.AddRow($"{Tables.E(catalog.States[a.State].Name)} [dim]{a.State}[/]", Tables.E(TreatyStatuses.Describe(a.Status)),
                            a.InForceSince is { } i && TreatyStatuses.IsBound(a.Status) ? IsoDate.Format(i) : "", a.WithdrawalEffective is { } w3 ? IsoDate.Format(w3) : "");
                    ctx.Console.Write(table);
                    break;
            }

            return 0;
        });
        return cmd;
    }
}
