using System.CommandLine;
using Spectre.Console;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch check</c>: loads the data and lists everything that does not make sense under the rules.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("check", "Load the data, apply every treaty's rules, and report problems (exit 1 if any)");
        cmd.SetAction(p =>
        {
            var catalog = ctx.Catalog(p.GetValue(CliApp.Data));
            var problems = 0;
            foreach (var t in catalog.Treaties)
            {
                var book = catalog.Book(t.Id);
                foreach (var pr in book.Problems)
                {
                    ctx.Err.WriteLine($"{t.Id}: {pr}");
                    problems++;
                }
            }

            ctx.Console.MarkupLine($"{catalog.Treaties.Count} treaties, {catalog.States.Count} states, {catalog.Actions.Values.Sum(a => a.Count)} actions, {catalog.Sources.Count} sources: " +
                (problems == 0 ? "[green]no problems[/]" : $"[red]{problems} problem(s)[/]"));
            return problems == 0 ? 0 : 1;
        });
        return cmd;
    }
}
