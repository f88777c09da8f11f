using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using NodaTime;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>What a page says about itself: JSON-LD, OpenGraph and other meta tags, &lt;time&gt;, &lt;html lang&gt;.</summary>
internal sealed record PageMetadata(
    string? Title,
    IReadOnlyList<string> TitleVariants,
    string? Byline,
    string? PublishedRaw,
    LocalDate? Published,
    string? Language,
    string? JsonLdBody);

internal static class HtmlMetadata
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Meta names and properties that carry a publication date, best first.</summary>
    private static readonly string[] DateMetaKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "datepublished",
        "og:published_time", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dcterms.created", "date", "og:updated_time", "article:modified_time", "datemodified",
    ];

    public static PageMetadata Read(IDocument document)
    {
        var scan = new Scan(document);
        var meta = scan.Meta;
        var ld = scan.Ld;

        var variants = new List<string>();
        void AddVariant(string? t)
        {
            t = Collapse(t);
            if (!string.IsNullOrEmpty(t) && !variants.Contains(t, StringComparer.OrdinalIgnoreCase))
            {
                variants.Add(t);
            }
        }
        AddVariant(meta.GetValueOrDefault("og:title"));
        AddVariant(ld.Headline);
        AddVariant(scan.H1?.TextContent);
        AddVariant(meta.GetValueOrDefault("twitter:title"));
        AddVariant(scan.Title?.TextContent);
        var title = variants.Count > 0 ? variants[0] : null;
        if (title is not null)
        {
            title = TrimSiteName(title, meta.GetValueOrDefault("og:site_name"));
            AddVariant(title);
        }

        string? dateRaw = ld.DatePublished;
        if (dateRaw is null)
        {
            foreach (var key in DateMetaKeys)
            {
                if (meta.TryGetValue(key, out var v))
                {
                    dateRaw = v;
                    break;
                }
            }
        }
        dateRaw ??= (scan.PreferredTime ?? scan.ArticleTime ?? scan.AnyTime)?.GetAttribute("datetime");
        dateRaw = Collapse(dateRaw);

        var byline = ld.Authors ?? NonUrl(meta.GetValueOrDefault("author")) ?? NonUrl(meta.GetValueOrDefault("article:author"))
            ?? NonUrl(meta.GetValueOrDefault("parsely-author")) ?? NonUrl(meta.GetValueOrDefault("sailthru.author")) ?? BylineElement(scan);

        var language = LanguageCode(document.DocumentElement?.GetAttribute("lang"))
            ?? LanguageCode(meta.GetValueOrDefault("content-language"))
            ?? LanguageCode(meta.GetValueOrDefault("og:locale"))
            ?? LanguageCode(ld.Language);

        return new PageMetadata(title, variants, CleanByline(byline), dateRaw, DateText.Parse(dateRaw), language, ld.ArticleBody);
    }

    private static string? BylineElement(Scan scan)
    {
        if (scan.ItempropAuthor is { } author)
        {
            var name = author.QuerySelector("[itemprop=name]")?.TextContent ?? author.GetAttribute("content") ?? author.TextContent;
            if (Collapse(name) is { Length: > 0 and < 120 } n)
            {
                return n;
            }
        }
        foreach (var e in (IElement?[])[scan.RelAuthor, scan.BylineClass, scan.AuthorClass])
        {
            if (e is not null && Collapse(e.TextContent) is { Length: > 0 and < 120 } t)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>
    /// Everything the metadata needs, gathered in one walk of the document (a selector query per
    /// item would walk it a dozen times).
    /// </summary>
    private sealed class Scan
    {
        public JsonLd Ld { get; } = new();
        public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
        public IElement? Title { get; private set; }
        public IElement? H1 { get; private set; }
        /// <summary>time[datetime] marked as the publication time (itemprop=datePublished or pubdate).</summary>
        public IElement? PreferredTime { get; private set; }
        /// <summary>The first time[datetime] inside an article or main element.</summary>
        public IElement? ArticleTime { get; private set; }
        public IElement? AnyTime { get; private set; }
        public IElement? ItempropAuthor { get; private set; }
        public IElement? RelAuthor { get; private set; }
        public IElement? BylineClass { get; private set; }
        public IElement? AuthorClass { get; private set; }

        public Scan(IDocument document)
        {
            if (document.DocumentElement is not { } root)
            {
                return;
            }
            var stack = new Stack<(IElement Element, bool InArticle)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (e, inArticle) = stack.Pop();
                switch (e.LocalName)
                {
                    case "script":
                        if (e.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                        {
                            Ld.Add(e.TextContent);
                        }
                        continue;
                    case "style" or "svg" or "template":
                        continue;
                    case "title" when Title is null && e.ParentElement?.LocalName == "head":
                        Title = e;
                        continue;
                    case "meta":
                        AddMeta(e);
                        continue;
                    case "h1":
                        H1 ??= e;
                        break;
                    case "time":
                        if (e.HasAttribute("datetime"))
                        {
                            if (e.HasAttribute("pubdate") || string.Equals(e.GetAttribute("itemprop"), "datePublished", StringComparison.Ordinal))
                            {
                                PreferredTime ??= e;
                            }
                            if (inArticle)
                            {
                                ArticleTime ??= e;
                            }
                            AnyTime ??= e;
                        }
                        break;
                    case "article" or "main":
                        inArticle = true;
                        break;
                }
                if (ItempropAuthor is null && string.Equals(e.GetAttribute("itemprop"), "author", StringComparison.Ordinal))
                {
                    ItempropAuthor = e;
                }
                if (RelAuthor is null && string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase))
                {
                    RelAuthor = e;
                }
                if ((BylineClass is null || AuthorClass is null) && e.GetAttribute("class") is { } cls)
                {
                    if (BylineClass is null && HasClass(cls, "byline"))
                    {
                        BylineClass = e;
                    }
                    if (AuthorClass is null && HasClass(cls, "author"))
                    {
                        AuthorClass = e;
                    }
                }
                // ChildNodes is a list; Children is a filtered view whose indexer walks from the start.
                var children = e.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child)
                    {
                        stack.Push((child, inArticle));
                    }
                }
            }
        }

        private void AddMeta(IElement m)
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                Meta.TryAdd(key.Trim(), content.Trim());
            }
        }

        private static bool HasClass(string classes, string name)
        {
            foreach (var range in classes.AsSpan().SplitAny(" \t\n\r\f"))
            {
                if (classes.AsSpan(range).Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static string? NonUrl(string? value) =>
        value is null || value.Contains("://", StringComparison.Ordinal) || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static string? CleanByline(string? byline)
    {
        byline = Collapse(byline);
        if (string.IsNullOrEmpty(byline))
        {
            return null;
        }
        if (byline.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            byline = byline[3..].TrimStart();
        }
        return byline.Length is > 0 and <= 200 ? byline : null;
    }

    private static string TrimSiteName(string title, string? siteName)
    {
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: ", " » " })
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0)
            {
                continue;
            }
            var tail = title[(i + sep.Length)..].Trim();
            if (siteName is not null && tail.Equals(siteName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return title[..i].Trim();
            }
        }
        return title;
    }

    internal static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }
        var span = tag.AsSpan().Trim();
        var end = span.IndexOfAny("-_ ,;");
        var primary = (end < 0 ? span : span[..end]).ToString().ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    internal static string? Collapse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>The first Article-like object across a page's JSON-LD blocks, read leniently.</summary>
    private sealed class JsonLd
    {
        private int _rank = int.MaxValue;
        public string? Headline { get; private set; }
        public string? DatePublished { get; private set; }
        public string? Authors { get; private set; }
        public string? ArticleBody { get; private set; }
        public string? Language { get; private set; }

        public void Add(string json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json, JsonOptions);
                Visit(doc.RootElement, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }

        private void Visit(JsonElement e, int depth)
        {
            if (depth > 8)
            {
                return;
            }
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Visit(item, depth + 1);
                }
                return;
            }
            if (e.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (e.TryGetProperty("@graph", out var graph))
            {
                Visit(graph, depth + 1);
            }
            var rank = TypeRank(e);
            if (rank < _rank)
            {
                var headline = Str(e, "headline") ?? Str(e, "name");
                var date = Str(e, "datePublished") ?? Str(e, "dateCreated");
                if (rank <= 1 || date is not null)
                {
                    _rank = rank;
                    Headline = rank <= 1 ? headline : Headline;
                    DatePublished = date ?? DatePublished;
                    Authors = AuthorNames(e) ?? Authors;
                    ArticleBody = Str(e, "articleBody") ?? ArticleBody;
                    Language = Str(e, "inLanguage") ?? Language;
                }
            }
            if (e.TryGetProperty("mainEntity", out var main))
            {
                Visit(main, depth + 1);
            }
        }

        /// <summary>0 for articles, 1 for postings and reports, 2 for web pages, else none.</summary>
        private static int TypeRank(JsonElement e)
        {
            if (!e.TryGetProperty("@type", out var type))
            {
                return int.MaxValue;
            }
            var best = int.MaxValue;
            foreach (var t in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : Enumerate(type))
            {
                if (t.ValueKind != JsonValueKind.String)
                {
                    continue;
                }
                var s = t.GetString() ?? "";
                var r = s.EndsWith("Article", StringComparison.Ordinal) ? 0
                    : s.EndsWith("Posting", StringComparison.Ordinal) || s is "Report" or "Review" ? 1
                    : s.EndsWith("WebPage", StringComparison.Ordinal) ? 2
                    : int.MaxValue;
                best = Math.Min(best, r);
            }
            return best;
        }

        private static IEnumerable<JsonElement> Enumerate(JsonElement e)
        {
            yield return e;
        }

        private static string? Str(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                return null;
            }
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
                JsonValueKind.Object => Str(v, "name") ?? Str(v, "@value"),
                _ => null,
            };
        }

        private static string? AuthorNames(JsonElement e)
        {
            if (!e.TryGetProperty("author", out var a))
            {
                return null;
            }
            var names = new List<string>();
            foreach (var item in a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerate(a))
            {
                var name = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Object => Str(item, "name"),
                    _ => null,
                };
                name = Collapse(name);
                if (!string.IsNullOrEmpty(name) && NonUrl(name) is not null && !names.Contains(name))
                {
                    names.Add(name);
                }
            }
            return names.Count > 0 ? string.Join(", ", names) : null;
        }
    }
}
