using AngleSharp.Html.Parser;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Reduces a fetched page — HTML or a plain-text copy — to its article: title, byline, date and body
/// text. Pure: text in, record out; reading files and decoding bytes is <see cref="ArticleReader"/>'s
/// and <see cref="TextDecoding"/>'s job.
/// </summary>
public static class ArticleCleaner
{
    // A parser per thread: AngleSharp's parser carries a browsing context and is not documented as thread-safe.
    [ThreadStatic]
    private static HtmlParser? _parser;

    internal static HtmlParser Parser => _parser ??= new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
    });

    /// <summary>Cleans <paramref name="content"/>; <paramref name="source"/> (a file name or URL) tells HTML from text by its extension.</summary>
    public static CleanedArticle Clean(string content, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return IsHtml(content, source) ? CleanHtml(content) : PlainTextCleaner.Clean(content);
    }

    /// <summary>Cleans an HTML page, whatever its name: metadata from the head and markup, body text from the article's container.</summary>
    public static CleanedArticle CleanHtml(string html) => CleanHtml(html, null);

    /// <summary>
    /// <see cref="CleanHtml(string)"/>, calling <paramref name="lap"/> after each stage (1 parse, 2 metadata,
    /// 3 body text, 4 language), for the throughput benchmark's breakdown.
    /// </summary>
    internal static CleanedArticle CleanHtmlInStages(string html, Action<int> lap) => CleanHtml(html, lap);

    private static CleanedArticle CleanHtml(string html, Action<int>? lap)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);
        lap?.Invoke(1);
        var meta = HtmlMetadata.Read(document);
        var hint = JsonLdBodyHint.Create(meta.JsonLdBody);
        lap?.Invoke(2);
        var body = document.Body ?? document.DocumentElement;
        var text = body is null ? "" : MainContentExtractor.Extract(body, hint, meta.TitleVariants);
        if (hint is { TokenCount: >= 80 } && WordTokens.Split(text).Count < 0.3 * hint.TokenCount)
        {
            // The page shows little of what its JSON-LD says the article is (a script-rendered body):
            // the articleBody is then the better text.
            text = TextOfJsonLdBody(meta.JsonLdBody!, meta.TitleVariants);
        }
        lap?.Invoke(3);
        var language = meta.Language ?? LanguageGuess.Detect(text);
        lap?.Invoke(4);
        return new CleanedArticle(meta.Title, meta.Byline, meta.Published, meta.PublishedRaw, text, language, []);
    }

    private static string TextOfJsonLdBody(string articleBody, IReadOnlyList<string> titles)
    {
        if (articleBody.Contains('<', StringComparison.Ordinal))
        {
            using var fragment = Parser.ParseDocument(articleBody);
            return fragment.Body is null ? "" : MainContentExtractor.Extract(fragment.Body, null, titles);
        }
        var paragraphs = articleBody.Split('\n')
            .Select(HtmlMetadata.Collapse)
            .Where(p => !string.IsNullOrEmpty(p));
        return string.Join("\n\n", paragraphs);
    }

    internal static bool IsHtml(string content, string? source)
    {
        if (source is not null)
        {
            var path = source;
            var query = path.IndexOfAny(['?', '#']);
            if (query >= 0)
            {
                path = path[..query];
            }
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^3];
            }
            if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        var span = content.AsSpan().TrimStart("\uFEFF \t\r\n");
        return span.Length > 0 && span[0] == '<';
    }
}
