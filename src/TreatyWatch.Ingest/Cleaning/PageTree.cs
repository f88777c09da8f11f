using AngleSharp.Dom;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>An element or text run of a <see cref="PageTree"/>, with the counts the extractor scores on.</summary>
internal sealed class PageNode
{
    /// <summary>Shared by every node without children (text runs, empty elements); never added to.</summary>
    private static readonly List<PageNode> NoChildren = [];
    private List<PageNode>? _children;

    public PageNode(string tag, PageNode? parent)
    {
        Tag = tag;
        Parent = parent;
    }

    /// <summary>Lower-case element name, or "#text".</summary>
    public string Tag { get; }
    public PageNode? Parent { get; }
    public List<PageNode> Children => _children ?? NoChildren;
    public string? Text { get; set; }
    /// <summary>The element's class and id, lower-case, space separated.</summary>
    public string Hints { get; set; } = "";
    public string? Role { get; set; }
    public string? ItemProp { get; set; }
    public bool IsBlock { get; set; }
    public bool IsText => Text is not null;
    public bool InLink { get; set; }
    /// <summary>The nearest block element at or above this node.</summary>
    public PageNode? Block { get; set; }
    public int Depth { get; set; }

    // Subtree counts (non-whitespace characters), excluding dropped subtrees.
    public int Chars;
    public int LinkChars;
    public int Commas;
    /// <summary>Characters in paragraph-like blocks (≥ 80 characters, mostly unlinked) of the subtree.</summary>
    public int ProseChars;
    public int ProseBlocks;
    public int Headings;
    /// <summary>The subtree holds an element marked as the article (article, main, itemprop=articleBody, an article-body class).</summary>
    public bool HoldsArticleMarker;
    /// <summary>This element is marked as the article: article, main, itemprop=articleBody, role=main, an article-body class.</summary>
    public bool IsArticleMarker;

    // Inline text directly inside this block (not inside nested blocks).
    public int OwnChars;
    public int OwnLinkChars;
    public int OwnCommas;

    public double Score;
    public bool IsCandidate;
    public bool Dropped;
    /// <summary>Dropped, or inside a dropped element.</summary>
    public bool Excluded;
    /// <summary>Set when a JSON-LD articleBody quotes this block's text.</summary>
    public bool QuotedByJsonLd;

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
    public double OwnLinkDensity => OwnChars == 0 ? 0 : (double)OwnLinkChars / OwnChars;

    public void AddChild(PageNode child) => (_children ??= []).Add(child);

    public bool HasAncestor(PageNode node)
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            if (p == node)
            {
                return true;
            }
        }
        return false;
    }

    public override string ToString() => IsText ? $"#text({Text!.Length})" : $"<{Tag} {Hints}> {Chars}c";
}

/// <summary>
/// A compact copy of a page's body: the elements and text that can carry an article. Built in one
/// pass over the AngleSharp DOM so that every later step (pruning, scoring, writing) is linear and
/// never re-reads the TextContent of a subtree.
/// </summary>
internal sealed class PageTree
{
    private PageTree(PageNode root, List<PageNode> elements)
    {
        Root = root;
        Elements = elements;
    }

    public PageNode Root { get; }
    /// <summary>All element nodes in document order (pre-order).</summary>
    public List<PageNode> Elements { get; }

    /// <summary>Elements whose content never is article text.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "source", "track", "img", "picture", "input", "select", "textarea", "button",
        "option", "optgroup", "datalist", "map", "area", "head", "meta", "link", "base", "dialog", "wbr",
        "frame", "frameset", "applet", "param", "title", "label",
    };

    internal static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "caption", "ul", "html", "legend",
    };

    public static PageTree Build(IElement source)
    {
        var root = new PageNode(source.LocalName, null) { IsBlock = true };
        root.Block = root;
        var elements = new List<PageNode> { root };
        var stack = new Stack<(INode Source, PageNode Parent)>();
        PushChildren(stack, source, root);
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            if (node is IText text)
            {
                var data = text.Data;
                if (data.Length == 0)
                {
                    continue;
                }
                var t = new PageNode("#text", parent) { Text = data, InLink = parent.InLink, Block = parent.Block, Depth = parent.Depth + 1 };
                parent.AddChild(t);
                continue;
            }
            if (node is not IElement element)
            {
                continue;
            }
            var tag = element.LocalName;
            if (Skipped.Contains(tag) || IsHidden(element))
            {
                continue;
            }
            var n = new PageNode(tag, parent)
            {
                Hints = HintsOf(element),
                Role = element.GetAttribute("role"),
                ItemProp = element.GetAttribute("itemprop"),
                IsBlock = BlockTags.Contains(tag),
                InLink = parent.InLink || tag == "a",
                Depth = parent.Depth + 1,
            };
            n.Block = n.IsBlock ? n : parent.Block;
            n.IsArticleMarker = tag is "article" or "main" || n.ItemProp is "articleBody" || n.Role is "main"
                || (n.Hints.Length > 0 && Boilerplate.BodyHint().IsMatch(n.Hints));
            parent.AddChild(n);
            elements.Add(n);
            PushChildren(stack, element, n);
        }
        var tree = new PageTree(root, elements);
        tree.Recount();
        return tree;
    }

    private static void PushChildren(Stack<(INode, PageNode)> stack, INode source, PageNode target)
    {
        var children = source.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], target));
        }
    }

    private static string HintsOf(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(cls))
        {
            return string.IsNullOrEmpty(id) ? "" : id.ToLowerInvariant();
        }
        return string.IsNullOrEmpty(id) ? cls.ToLowerInvariant() : (cls + " " + id).ToLowerInvariant();
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Recomputes every count bottom-up, leaving dropped subtrees out. Linear in the tree size.</summary>
    public void Recount()
    {
        foreach (var e in Elements)
        {
            e.Chars = e.LinkChars = e.Commas = e.ProseChars = e.ProseBlocks = e.Headings = 0;
            e.OwnChars = e.OwnLinkChars = e.OwnCommas = 0;
            e.HoldsArticleMarker = false;
            e.Excluded = e.Dropped || (e.Parent?.Excluded ?? false);
        }
        // Text first: own counts of the nearest block.
        foreach (var e in Elements)
        {
            if (e.Excluded)
            {
                continue;
            }
            foreach (var c in e.Children)
            {
                if (!c.IsText)
                {
                    continue;
                }
                var (chars, commas) = CountText(c.Text!);
                c.Chars = chars;
                c.Commas = commas;
                c.LinkChars = c.InLink ? chars : 0;
                var b = c.Block!;
                b.OwnChars += chars;
                b.OwnCommas += commas;
                if (c.InLink)
                {
                    b.OwnLinkChars += chars;
                }
            }
        }
        // Then subtree sums, children before parents.
        for (var i = Elements.Count - 1; i >= 0; i--)
        {
            var e = Elements[i];
            if (e.Excluded)
            {
                continue;
            }
            foreach (var c in e.Children)
            {
                if (c.IsText)
                {
                    e.Chars += c.Chars;
                    e.LinkChars += c.LinkChars;
                    e.Commas += c.Commas;
                }
                else if (!c.Dropped)
                {
                    e.Chars += c.Chars;
                    e.LinkChars += c.LinkChars;
                    e.Commas += c.Commas;
                    e.ProseChars += c.ProseChars;
                    e.ProseBlocks += c.ProseBlocks;
                    e.Headings += c.Headings;
                    e.HoldsArticleMarker |= c.HoldsArticleMarker;
                }
            }
            if (e.IsBlock && e.OwnChars >= 80 && e.OwnLinkDensity < 0.5 && e.Tag is not ("li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "td" or "th"))
            {
                e.ProseChars += e.OwnChars;
                e.ProseBlocks++;
            }
            e.HoldsArticleMarker |= e.IsArticleMarker;
            if (e.Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                e.Headings++;
            }
        }
    }

    private static (int Chars, int Commas) CountText(string text)
    {
        int chars = 0, commas = 0;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }
            chars++;
            if (ch is ',' or '，' or '、' or '،')
            {
                commas++;
            }
        }
        return (chars, commas);
    }
}
