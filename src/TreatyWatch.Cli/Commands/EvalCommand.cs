using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreatyWatch.Ingest.Evaluation;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch eval --gold &lt;gold.jsonl&gt; &lt;articles dir&gt;</c>: precision, recall and F1 of extraction per action and
/// overall, and date accuracy on matched events. An event matches when state, treaty and action agree and the dates
/// agree to the precision of the less precise one (an empty date agrees only with an empty date).
/// </summary>
public static class EvalCommand
{
    /// <summary>
    /// As <see cref="ExtractionEvaluation.Run(string, string, Gazetteer)"/>, but each article is extracted with its publication date
    /// from the gold file's metadata. Only 'published' is read from the gold before extraction; the events are scored after.
    /// </summary>
    private static EvaluationReport RunWithPublished(string goldPath, string articlesDir, Gazetteer g)
    {
        var extractor = new Ingest.Events.EventExtractor(g);
        var pairs = new List<(GoldArticle, Ingest.Events.ArticleExtraction)>();
        foreach (var article in GoldReader.Read(goldPath))
        {
            NodaTime.LocalDate? published = Engine.Dates.IsoDate.TryParse(article.Published, out var d, out _) ? d : null;
            pairs.Add((article, extractor.Extract(File.ReadAllText(Path.Combine(articlesDir, article.File)), article.File, published)));
        }

        return ExtractionEvaluation.Score(pairs);
    }

    public static Command Create(CliContext ctx)
    {
        var gold = new Option<string>("--gold") { Description = "Gold annotations (gold.jsonl)", Required = true };
        var dir = new Argument<string>("articles") { Description = "Folder with the annotated articles" };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit 1 when overall F1 is below this" };
        var minDate = new Option<double?>("--min-date-accuracy") { Description = "Exit 1 when date accuracy on matched events is below this" };
        var details = new Option<bool>("--details") { Description = "List every missed and extra event" };
        var metadata = new Option<bool>("--with-published")
        {
            Description = "Give the extractor each article's publication date from the gold file's page metadata ('published'), as a crawler has it " +
                "from the page or feed; without it the extractor has only the text and must find the date line itself",
        };
        var cmd = new Command("eval", "Score event extraction against gold annotations (precision, recall, F1 per action; date accuracy)") { gold, dir, minF1, minDate, details, metadata };
        cmd.SetAction(p =>
        {
            var goldPath = p.GetValue(gold)!;
            var articles = p.GetValue(dir)!;
            if (!File.Exists(goldPath)) throw new UserInputException($"--gold '{goldPath}' does not exist");
            if (!Directory.Exists(articles)) throw new UserInputException($"articles folder '{articles}' does not exist");
            var g = GazetteerLoader.Load(BundledData.Locate(p.GetValue(CliApp.Data)));
            var report = p.GetValue(metadata) ? RunWithPublished(goldPath, articles, g) : ExtractionEvaluation.Run(goldPath, articles, g);
            if (p.GetValue(CliApp.Format) == OutputFormat.Json)
            {
                Json.Write(ctx.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("precision", Math.Round(report.Overall.Precision, 4));
                    w.WriteNumber("recall", Math.Round(report.Overall.Recall, 4));
                    w.WriteNumber("f1", Math.Round(report.Overall.F1, 4));
                    w.WriteNumber("dateAccuracy", Math.Round(report.DateAccuracy, 4));
                    w.WriteStartObject("perAction");
                    foreach (var (action, s) in report.PerAction)
                    {
                        w.WriteStartObject(action);
                        w.WriteNumber("tp", s.TruePositives);
                        w.WriteNumber("fp", s.FalsePositives);
                        w.WriteNumber("fn", s.FalseNegatives);
                        w.WriteNumber("f1", Math.Round(s.F1, 4));
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }
            else
            {
                ctx.Out.Write(report.Render(p.GetValue(details)));
            }

            var ok = true;
            if (p.GetValue(minF1) is { } f && report.Overall.F1 < f)
            {
                ctx.Err.WriteLine($"extraction F1 {report.Overall.F1.ToString("F3", CultureInfo.InvariantCulture)} is below --min-f1 {f.ToString("F3", CultureInfo.InvariantCulture)}");
                ok = false;
            }

            if (p.GetValue(minDate) is { } d && report.DateAccuracy < d)
            {
                ctx.Err.WriteLine($"date accuracy {report.DateAccuracy.ToString("F3", CultureInfo.InvariantCulture)} is below --min-date-accuracy {d.ToString("F3", CultureInfo.InvariantCulture)}");
                ok = false;
            }

            return ok ? 0 : 1;
        });
        return cmd;
    }
}
