using TreatyWatch.Ingest.Cleaning;

namespace TreatyWatch.Ingest.Inputs;

/// <summary>
/// Enumerates the articles of a run's inputs, lazily and one at a time: files, folders (searched recursively, in
/// ordinal order of their paths), and "-" for standard input. Rules (docs/extraction.md, "Inputs"):
/// <list type="bullet">
/// <item>.txt is kept as read, so that offsets point into the file (control characters other than tab and line ends,
/// such as a stray NUL, become spaces: the length and the offsets stay, and every ledger can store the text);</item>
/// <item>.html, .htm and .xhtml are cleaned by <see cref="ArticleCleaner"/> (offsets point into the cleaned text);</item>
/// <item>.xml, .rss and .atom are feeds: each RSS item or Atom entry is an article;</item>
/// <item>any of these gzip-compressed (.gz) is decompressed first and judged by the name before .gz;</item>
/// <item>other names (and standard input) are judged by content: a feed root element makes a feed, other markup is
/// HTML, anything else is text kept as read. An .html file whose root is a feed is read as a feed.</item>
/// </list>
/// A path that does not exist, a file that cannot be read or decompressed, a feed file that is not a feed or not
/// well-formed: <see cref="ArticleInputException"/> naming it, which ends the enumeration (the inputs after it are not
/// read), as the extract command always did for an unreadable file.
/// </summary>
public static class ArticleInputs
{
    /// <summary>The extensions a folder is searched for.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".gz"];

    private static readonly string[] FeedExtensions = [".xml", ".rss", ".atom"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml"];

    /// <summary>The articles of <paramref name="inputs"/>; "-" reads <paramref name="stdin"/> (required only when "-" is given).</summary>
    public static IEnumerable<InputArticle> Read(IEnumerable<string> inputs, TextReader? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                if (stdin is null) throw new ArticleInputException("'-' (standard input) was given but no standard input is available");
                foreach (var a in FromContent(stdin.ReadToEnd(), "stdin", "-")) yield return a;
                continue;
            }

            IEnumerable<string> files;
            if (Directory.Exists(input))
                files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal);
            else if (File.Exists(input))
                files = [input];
            else
                throw new ArticleInputException($"'{input}' is neither a file nor a folder");

            foreach (var f in files)
            foreach (var a in FromFile(f))
                yield return a;
        }
    }

    /// <summary>The article or feed items of one file.</summary>
    public static IEnumerable<InputArticle> FromFile(string path)
    {
        string content;
        try
        {
            content = ArticleReader.ReadText(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ArticleInputException($"{path}: cannot read: {e.Message}", e);
        }
        return FromContent(content, Path.GetFileName(path), path);
    }

    /// <summary>
    /// The article or feed items of content already read (a fetched page, a feed body). <paramref name="name"/>'s
    /// extension decides as for files, else the content does; <paramref name="path"/> (default: the name) is what an
    /// error names.
    /// </summary>
    public static IEnumerable<InputArticle> FromContent(string content, string name, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        path ??= name;
        // Control characters (a NUL, a form feed) become spaces before anything reads the text: same length, same offsets.
        content = TextDecoding.Printable(content);
        var bare = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        bool Has(string[] exts) => exts.Any(e => bare.EndsWith(e, StringComparison.OrdinalIgnoreCase));

        if (bare.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return [new InputArticle(name, content, InputKind.Text, path)];
        if (Has(FeedExtensions) || FeedReader.IsFeed(content)) return FeedReader.Read(content, name, path);
        if (Has(HtmlExtensions) || FeedReader.RootElement(content) is not null) return [Html(content, name, path)];
        return [new InputArticle(name, content, InputKind.Text, path)];
    }

    private static InputArticle Html(string content, string name, string path)
    {
        var cleaned = ArticleCleaner.CleanHtml(content);
        return new InputArticle(name, cleaned.Text, InputKind.Html, path, cleaned.Title, null, cleaned.Published);
    }
}
