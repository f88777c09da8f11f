using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TreatyWatch.Ingest.Cleaning;

namespace TreatyWatch.Ingest.Inputs;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0) items and Atom entries, one at a time, with <see cref="XmlReader"/> (no
/// reflection, so it works under Native AOT). DTDs are ignored and nothing external is resolved.
/// </summary>
public static partial class FeedReader
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// The local name of the first element of <paramref name="content"/> ("rss", "feed", "html"), skipping an XML
    /// declaration, processing instructions, comments and a doctype; null when the content does not start with markup.
    /// </summary>
    public static string? RootElement(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        int i = 0;
        while (true)
        {
            while (i < content.Length && (char.IsWhiteSpace(content[i]) || content[i] == '\uFEFF')) i++;
            if (i >= content.Length || content[i] != '<') return null;
            string? close = content.AsSpan(i).StartsWith("<?") ? "?>"
                : content.AsSpan(i).StartsWith("<!--") ? "-->"
                : content.AsSpan(i).StartsWith("<!") ? ">"
                : null;
            if (close is null) break;
            int end = content.IndexOf(close, i + 2, StringComparison.Ordinal);
            if (end < 0) return null;
            i = end + close.Length;
        }
        int start = ++i;
        while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] is not '>' and not '/') i++;
        var name = content[start..i];
        int colon = name.IndexOf(':');
        return colon >= 0 ? name[(colon + 1)..] : name;
    }

    /// <summary>True when the content's root element is an RSS (<c>rss</c>, <c>rdf:RDF</c>) or Atom (<c>feed</c>) root.</summary>
    public static bool IsFeed(string content) => RootElement(content) is "rss" or "feed" or "RDF";

    /// <summary>
    /// The feed's items as articles, lazily, in document order. <paramref name="name"/> names them ("news.xml#1");
    /// <paramref name="path"/> is what an error names. A feed that is not well-formed XML throws
    /// <see cref="ArticleInputException"/> with the path and line when the parser reaches the fault (items before it
    /// have been given already); a document whose root is not a feed throws before any item.
    /// </summary>
    public static IEnumerable<InputArticle> Read(string content, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(new StringReader(content), settings);
        Guard(path, () =>
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("rss" or "feed" or "RDF"))
                throw new ArticleInputException($"{path}: not an RSS or Atom feed (its root element is <{reader.Name}>)");
            return true;
        });
        int index = 0;
        while (true)
        {
            var item = Guard(path, () => NextItem(reader));
            if (item is null) yield break;
            index++;
            yield return item.Name.NamespaceName == AtomNs ? FromAtom(item, $"{name}#{index}", path) : FromRss(item, $"{name}#{index}", path);
        }
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            var where = e.LineNumber > 0 ? $"{path}:{e.LineNumber}" : path;
            throw new ArticleInputException($"{where}: malformed feed: {e.Message}", e);
        }
    }

    /// <summary>The next item or entry element, or null at the end (the rest of the document is still checked).</summary>
    private static XElement? NextItem(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element
                && ((reader.LocalName == "item" && reader.NamespaceURI != AtomNs) || (reader.LocalName == "entry" && reader.NamespaceURI == AtomNs)))
                return (XElement)XNode.ReadFrom(reader);
            reader.Read();
        }
        return null;
    }

    private static InputArticle FromRss(XElement item, string name, string path)
    {
        string? title = Plain(Child(item, "title")?.Value);
        string? link = NonEmpty(Child(item, "link")?.Value);
        if (link is null && Child(item, "guid") is { } guid && (string?)guid.Attribute("isPermaLink") != "false")
            link = NonEmpty(guid.Value);
        var date = DateText.Parse(Child(item, "pubDate")?.Value) ?? DateText.Parse(item.Element(XName.Get("date", DcNs))?.Value);
        var html = NonEmpty(item.Element(XName.Get("encoded", ContentNs))?.Value) ?? NonEmpty(Child(item, "description")?.Value);
        return Make(name, path, title, link, date, html ?? "");
    }

    private static InputArticle FromAtom(XElement entry, string name, string path)
    {
        var titleElement = entry.Element(XName.Get("title", AtomNs));
        string? title = titleElement is null ? null : Plain(AtomText(titleElement));
        string? link = entry.Elements(XName.Get("link", AtomNs))
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => NonEmpty((string?)l.Attribute("href")))
            .FirstOrDefault(h => h is not null);
        var date = DateText.Parse(entry.Element(XName.Get("published", AtomNs))?.Value) ?? DateText.Parse(entry.Element(XName.Get("updated", AtomNs))?.Value);
        var body = entry.Element(XName.Get("content", AtomNs)) is { } c && NonEmpty(AtomHtml(c)) is { } content ? content
            : entry.Element(XName.Get("summary", AtomNs)) is { } s ? AtomHtml(s) : "";
        return Make(name, path, title, link, date, body);
    }

    private static InputArticle Make(string name, string path, string? title, string? link, NodaTime.LocalDate? date, string html)
    {
        var cleaned = ArticleCleaner.CleanHtml(html);
        return new InputArticle(name, cleaned.Text, InputKind.FeedItem, path, title ?? cleaned.Title, link, date ?? cleaned.Published);
    }

    /// <summary>An RSS child element, in no namespace or in RSS 1.0's.</summary>
    private static XElement? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.NamespaceName.Length == 0 || e.Name.NamespaceName == "http://purl.org/rss/1.0/"));

    /// <summary>An Atom text construct as HTML: type "html" is escaped markup, "xhtml" is inline markup, "text" (the default) is text.</summary>
    private static string AtomHtml(XElement e) => (string?)e.Attribute("type") switch
    {
        "html" or "text/html" => e.Value,
        "xhtml" or "application/xhtml+xml" => string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))),
        _ => TextAsHtml(e.Value),
    };

    private static string AtomText(XElement e) => (string?)e.Attribute("type") is "html" or "xhtml" ? StripTags(AtomHtml(e)) : e.Value;

    /// <summary>Plain text as HTML paragraphs: each blank-line-separated block is a paragraph.</summary>
    private static string TextAsHtml(string text)
    {
        var sb = new StringBuilder();
        foreach (var p in text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            sb.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>\n");
        return sb.ToString();
    }

    private static string StripTags(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private static string? Plain(string? text) => NonEmpty(text is null ? null : Spaces().Replace(StripTags(text), " "));

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
