using System.Text.Json;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>One page of the article-extraction benchmark: its HTML and its true article body.</summary>
public sealed record BenchmarkPage(string Id, string? Url, string Html, string TrueBody);

/// <summary>
/// The article-extraction benchmark as laid out on disk: html/&lt;id&gt;.html.gz, ground-truth.json
/// (<c>{"&lt;id&gt;": {"articleBody": ..., "url": ...}}</c>) and output/&lt;extractor&gt;.json with other
/// extractors' bodies (<c>{"output": {"&lt;id&gt;": {"articleBody": ...}}}</c>).
/// </summary>
public sealed class ExtractionBenchmark
{
    private ExtractionBenchmark(IReadOnlyList<BenchmarkPage> pages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> references)
    {
        Pages = pages;
        ReferenceOutputs = references;
    }

    public IReadOnlyList<BenchmarkPage> Pages { get; }

    /// <summary>Reference extractors' bodies by extractor name (the output file's name) and page id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReferenceOutputs { get; }

    public static ExtractionBenchmark Load(string directory)
    {
        var truthPath = Path.Combine(directory, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"No ground-truth.json in {directory}", truthPath);
        }
        using var truth = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var pages = new List<BenchmarkPage>();
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var html = ArticleReader.ReadText(Path.Combine(directory, "html", entry.Name + ".html.gz"));
            var url = entry.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            pages.Add(new BenchmarkPage(entry.Name, url, html, BodyOf(entry.Value)));
        }

        var references = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var outputDir = Path.Combine(directory, "output");
        if (Directory.Exists(outputDir))
        {
            foreach (var file in Directory.EnumerateFiles(outputDir, "*.json"))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = doc.RootElement.TryGetProperty("output", out var o) ? o : doc.RootElement;
                references[Path.GetFileNameWithoutExtension(file)] = root.EnumerateObject().ToDictionary(e => e.Name, e => BodyOf(e.Value));
            }
        }
        return new ExtractionBenchmark(pages, references);
    }

    private static string BodyOf(JsonElement page) =>
        page.ValueKind == JsonValueKind.Object && page.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? "" : "";
}
