using System.CommandLine;
using TreatyWatch.Ledger.Export;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch export --format csv|json --out &lt;path&gt; [--treaty T]</c>: the official and confirmed actions and their
/// sources in the project's own formats (CSV: a folder with <c>actions/</c> and <c>sources/</c>; JSON: one file), which
/// <c>treatywatch import</c> reads back. From the ledger with <c>--db</c>, else from the bundled files.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write: a folder for csv, a file for json", Required = true };
        var treaty = new Option<string[]>("--treaty") { Description = "Only this treaty (id, name or alias; repeatable). Default: every treaty with actions", AllowMultipleArgumentsPerToken = false };
        var cmd = new Command("export", "Export actions and sources as the project's CSV or JSON (--format csv|json)") { output, treaty };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var format = p.GetValue(CliApp.Format);
            var target = p.GetValue(output)!;
            if (format == OutputFormat.Table)
            {
                // --format was not given: the file name decides.
                format = target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Csv;
            }

            var catalog = ctx.Catalog(data);
            var ids = p.GetValue(treaty) is { Length: > 0 } names ? names.Select(n => ctx.Lookup(data).Treaty(n).Id).ToList() : null;
            var project = ProjectData.FromCatalog(catalog, ids);
            try
            {
                if (format == OutputFormat.Json)
                {
                    var dir = Path.GetDirectoryName(Path.GetFullPath(target));
                    if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                    File.WriteAllText(target, ProjectExport.ToJson(project));
                }
                else
                {
                    foreach (var f in ProjectExport.ToCsv(project))
                    {
                        var path = Path.Combine(target, f.Path);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        File.WriteAllText(path, f.Text);
                    }
                }
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message);
            }

            ctx.Out.WriteLine($"exported {project.Treaties.Sum(t => t.Actions.Count)} action(s) of {project.Treaties.Count} treaty(ies) and {project.Sources.Count} source(s) to {target} ({format.ToString().ToLowerInvariant()})");
            return 0;
        });
        return cmd;
    }
}
