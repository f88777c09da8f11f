using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Inputs;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch extract &lt;paths...&gt; [--format table|json|jsonl]</c>: the treaty events each article reports, with the
/// evidence sentence and its character offsets (docs/extract-json.md).
/// </summary>
public static class ExtractCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files (.txt, .html, .htm, feeds .xml/.rss/.atom, any of them .gz) or folders (searched recursively); - for standard input", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per article per line (same as --format jsonl)" };
        var cmd = new Command("extract", "Extract the treaty events each news article reports, with evidence and offsets") { paths, jsonl };
        cmd.SetAction(p =>
        {
            var data = BundledData.Locate(p.GetValue(CliApp.Data));
            var extractor = new EventExtractor(GazetteerLoader.Load(data));
            var format = p.GetValue(CliApp.Format);
            var lines = p.GetValue(jsonl) || format == OutputFormat.Jsonl;
            var results = new List<ArticleExtraction>();
            try
            {
                // A page's date is its metadata's (JSON-LD, OpenGraph, <time>), a feed item's the feed's; a text file dates itself.
                foreach (var a in ArticleInputs.Read(p.GetValue(paths)!, Console.In))
                {
                    var x = extractor.Extract(a.Text, a.Name, a.Published);
                    // JSON lines stream: one line per article as it is read, nothing kept (a run over 100,000 pages
                    // holds one at a time). The other formats print once every input has been read.
                    if (lines) ctx.Out.WriteLine(ExtractionJson.Serialize(x));
                    else results.Add(x);
                }
            }
            catch (ArticleInputException e)
            {
                throw new UserInputException(e.Message);
            }

            if (lines) return 0;
            if (format == OutputFormat.Json)
            {
                ctx.Out.WriteLine("[");
                for (var i = 0; i < results.Count; i++) ctx.Out.WriteLine(ExtractionJson.Serialize(results[i], indented: true) + (i + 1 < results.Count ? "," : ""));
                ctx.Out.WriteLine("]");
            }
            else if (format == OutputFormat.Csv)
            {
                Output.CsvOut.Row(ctx.Out, "file", "published", "state", "treaty", "action", "date", "evidence", "start", "end");
                foreach (var r in results)
                foreach (var e in r.Events)
                    Output.CsvOut.Row(ctx.Out, r.File, r.Published?.ToString("uuuu-MM-dd", null) ?? "", e.State, e.Treaty, e.Action.Name(), e.Date?.ToString() ?? "", e.Evidence,
                        e.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), e.End.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                foreach (var r in results)
                {
                    ctx.Console.Write(new Rule($"[bold]{Tables.E(r.File)}[/] · published {(r.Published is { } d ? d.ToString("uuuu-MM-dd", null) : "unknown")} · {r.Events.Count} event(s)") { Justification = Justify.Left });
                    if (r.Events.Count == 0) continue;
                    var table = Tables.New("state", "treaty", "action", "date", "votes", "evidence");
                    foreach (var e in r.Events)
                        table.AddRow(e.State, e.Treaty, e.Action.Name(), e.Date?.ToString() ?? "", e.Votes?.ToString() ?? "", Tables.E(e.Evidence.Length > 120 ? e.Evidence[..117] + "..." : e.Evidence));
                    ctx.Console.Write(table);
                }
            }

            return 0;
        });
        return cmd;
    }
}
