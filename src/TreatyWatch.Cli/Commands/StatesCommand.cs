using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch states [search]</c>: states with codes and names.</summary>
public static class StatesCommand
{
    public static Command Create(CliContext ctx)
    {
        var search = new Argument<string?>("search") { Description = "Only states whose code, name or alias contains this", Arity = System.CommandLine.ArgumentArity.ZeroOrOne };
        var cmd = new Command("states", "States (current and historical) with their codes, names and aliases") { search };
        cmd.SetAction(p =>
        {
            var catalog = ctx.Catalog(p.GetValue(CliApp.Data));
            var states = StatesJson.Matching(catalog, p.GetValue(search));
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w => StatesJson.Write(w, states));
                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "iso3", "name", "aliases", "from", "until");
                    foreach (var st in states) CsvOut.Row(ctx.Out, st.Iso3, st.Name, string.Join(';', st.Aliases), st.From is { } f ? IsoDate.Format(f) : "", st.Until is { } u ? IsoDate.Format(u) : "");
                    break;
                default:
                    var table = Tables.New("code", "name", "also known as");
                    foreach (var st in states) table.AddRow(st.Iso3, Tables.E(st.Name), Tables.E(string.Join(", ", st.Aliases.Take(4))));
                    ctx.Console.Write(table);
                    break;
            }

            return 0;
        });
        return cmd;
    }
}
