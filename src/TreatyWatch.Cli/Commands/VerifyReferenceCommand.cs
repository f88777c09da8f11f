using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch verify-reference &lt;dir&gt;</c>: compares the engine's in-force dates with a reference folder's
/// <c>&lt;treaty&gt;-participants.csv</c> (columns iso3, in_force_for_state) and its withdrawal effective dates.
/// </summary>
public static class VerifyReferenceCommand
{
    public static Command Create(CliContext ctx)
    {
        var dir = new Argument<string>("dir") { Description = "Folder with <treaty>-participants.csv files (e.g. ../shared/reference)" };
        var cmd = new Command("verify-reference", "Check computed in-force and withdrawal dates against a reference folder") { dir };
        cmd.SetAction(p =>
        {
            var folder = p.GetValue(dir)!;
            if (!Directory.Exists(folder)) throw new UserInputException($"reference folder '{folder}' does not exist");
            var catalog = ctx.Catalog(p.GetValue(CliApp.Data));
            var files = Directory.GetFiles(folder, "*-participants.csv");
            if (files.Length == 0) throw new UserInputException($"reference folder '{folder}' has no *-participants.csv");
            var mismatches = 0;
            var checkedRows = 0;
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                var treaty = Path.GetFileName(file)[..^"-participants.csv".Length];
                if (catalog.Treaty(treaty) is null) throw new UserInputException($"{file}: no treaty '{treaty}' in the data");
                var book = catalog.Book(treaty);
                foreach (var r in Csv.Read(Path.GetFileName(file), File.ReadAllText(file), "iso3", "in_force_for_state"))
                {
                    if (r["in_force_for_state"].Length == 0) continue;
                    checkedRows++;
                    var expected = IsoDate.Parse(r["in_force_for_state"]);
                    var a = book.StatusOf(r["iso3"], expected);
                    var before = book.StatusCode(r["iso3"], expected.PlusDays(-1));
                    if (a.InForceSince != expected || !TreatyStatuses.IsBound(a.Status) || TreatyStatuses.IsBound(before))
                    {
                        mismatches++;
                        ctx.Err.WriteLine($"{Path.GetFileName(file)}:{r.Line}: {r["iso3"]} in force from {r["in_force_for_state"]} per reference; engine: {TreatyStatuses.Name(a.Status)} since {(a.InForceSince is { } s ? IsoDate.Format(s) : "-")}");
                    }
                }
            }

            var withdrawals = Path.Combine(folder, "withdrawals-2025.csv");
            if (File.Exists(withdrawals))
            {
                foreach (var r in Csv.Read("withdrawals-2025.csv", File.ReadAllText(withdrawals), "iso3", "treaty", "step", "date").Where(r => r["step"] == "withdrawal_effective" && r["date"].Length > 0))
                {
                    checkedRows++;
                    var day = IsoDate.Parse(r["date"]);
                    var book = catalog.Book(r["treaty"]);
                    if (book.StatusCode(r["iso3"], day) != TreatyStatus.Withdrawn || book.StatusCode(r["iso3"], day.PlusDays(-1)) == TreatyStatus.Withdrawn)
                    {
                        mismatches++;
                        ctx.Err.WriteLine($"withdrawals-2025.csv:{r.Line}: {r["iso3"]} left {r["treaty"]} on {r["date"]} per reference; engine disagrees");
                    }
                }
            }

            ctx.Console.MarkupLine($"{checkedRows} reference dates checked: " + (mismatches == 0 ? "[green]all reproduced[/]" : $"[red]{mismatches} differ[/]"));
            return mismatches == 0 ? 0 : 1;
        });
        return cmd;
    }
}
