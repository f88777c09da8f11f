using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreatyWatch.Ingest.Cleaning;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch eval-clean &lt;dir&gt; [--min-f1 F]</c>: scores the article cleaner on the article-extraction benchmark
/// (pages, true bodies and reference outputs in one folder), the way the benchmark scores extractors.
/// </summary>
public static class EvalCleanCommand
{
    public static Command Create(CliContext ctx)
    {
        var dir = new Argument<string>("dir") { Description = "Benchmark folder: html/*.html.gz, ground-truth.json, output/*.json" };
        var min = new Option<double?>("--min-f1") { Description = "Exit 1 when the cleaner's F1 is below this" };
        var cmd = new Command("eval-clean", "Score article cleaning (F1, precision, recall, accuracy) on the article-extraction benchmark, beside reference extractors") { dir, min };
        cmd.SetAction(p =>
        {
            var folder = p.GetValue(dir)!;
            if (!Directory.Exists(folder)) throw new UserInputException($"benchmark folder '{folder}' does not exist");
            var report = CleaningEvaluation.Run(folder);
            var own = report.Extractors.First(e => e.Name == CleaningEvaluation.OwnName);
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    Json.Write(ctx.Out, w =>
                    {
                        w.WriteStartObject();
                        w.WriteNumber("pages", report.PageCount);
                        w.WriteNumber("warmMilliseconds", report.WarmCleaningTime.TotalMilliseconds);
                        w.WriteStartArray("extractors");
                        foreach (var e in report.Extractors)
                        {
                            w.WriteStartObject();
                            w.WriteString("name", e.Name);
                            w.WriteNumber("f1", Math.Round(e.F1, 4));
                            w.WriteNumber("precision", Math.Round(e.Precision, 4));
                            w.WriteNumber("recall", Math.Round(e.Recall, 4));
                            w.WriteNumber("accuracy", Math.Round(e.Accuracy, 4));
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                    break;
                default:
                    var table = Tables.New("extractor", "F1", "precision", "recall", "accuracy");
                    foreach (var e in report.Extractors)
                        table.AddRow(e.Name, F(e.F1), F(e.Precision), F(e.Recall), F(e.Accuracy));
                    ctx.Console.Write(table);
                    ctx.Console.MarkupLine($"{report.PageCount} pages; cleaning {report.ColdCleaningTime.TotalMilliseconds:F0} ms first pass, {report.WarmCleaningTime.TotalMilliseconds:F0} ms second pass (one thread)");
                    break;
            }

            if (p.GetValue(min) is { } floor && own.F1 < floor)
            {
                ctx.Err.WriteLine($"cleaning F1 {own.F1:F4} is below --min-f1 {floor:F4}");
                return 1;
            }

            return 0;
        });
        return cmd;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
