using BenchmarkDotNet.Attributes;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Benchmarks;

/// <summary>
/// Event extraction on ~5 KB articles: the development corpus texts in ../shared/corpus, joined end to end
/// until each article is 5 KB (the texts themselves are excerpts of about 2 KB). One operation is one article.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private EventExtractor _extractor = null!;
    private Gazetteer _gazetteer = null!;
    private string[] _articles = [];
    private TokenizedText[] _tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        _gazetteer = GazetteerLoader.Load(BundledData.Folder);
        _extractor = new EventExtractor(_gazetteer);
        string corpus = Path.Combine(Path.GetDirectoryName(BundledData.Root)!, "shared", "corpus");
        var texts = Directory.EnumerateFiles(corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var articles = new List<string>();
        for (int i = 0; i < texts.Count; i++)
        {
            var sb = new System.Text.StringBuilder();
            for (int k = i; sb.Length < 5000; k = (k + 1) % texts.Count) sb.Append(texts[k]).Append("\n\n");
            articles.Add(sb.ToString());
        }
        _articles = [.. articles];
        _tokens = [.. _articles.Select(a => new TokenizedText(a))];
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Extract5KbArticle()
    {
        int events = 0;
        for (int i = 0; i < 40; i++) events += _extractor.Extract(_articles[i % _articles.Length], "a.txt").Events.Count;
        return events;
    }

    // the stages, each on the same articles, to see where the time goes

    [Benchmark(OperationsPerInvoke = 40)]
    public int Tokens()
    {
        int n = 0;
        for (int i = 0; i < 40; i++) n += new TokenizedText(_articles[i % _articles.Length]).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Sentences()
    {
        int n = 0;
        for (int i = 0; i < 40; i++) n += SentenceSplitter.Split(_articles[i % _articles.Length]).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Mentions()
    {
        int n = 0;
        for (int i = 0; i < 40; i++) n += MentionFinder.Find(_gazetteer, _tokens[i % _tokens.Length]).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Cues()
    {
        int n = 0;
        for (int i = 0; i < 40; i++) n += CueLexicon.Find(_tokens[i % _tokens.Length]).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 40)]
    public int Dates()
    {
        int n = 0;
        for (int i = 0; i < 40; i++) n += DateFinder.Find(_tokens[i % _tokens.Length]).Count;
        return n;
    }
}
