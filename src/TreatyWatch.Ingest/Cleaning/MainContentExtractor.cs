using System.Text;
using AngleSharp.Dom;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Finds the article body of a page: drops page furniture, scores text-dense blocks
/// (Readability's scheme: text length, commas, link density, class/id words), takes the best
/// container with the siblings that belong to it, and writes its text block by block, leaving out
/// link lists and furniture lines inside it.
/// </summary>
internal static class MainContentExtractor
{
    /// <summary>The article text under <paramref name="body"/>; paragraphs equal to one of <paramref name="titles"/> are left out.</summary>
    public static string Extract(IElement body, JsonLdBodyHint? hint, IReadOnlyList<string> titles)
    {
        var tree = PageTree.Build(body);
        DropFurniture(tree);
        tree.Recount();
        hint?.Mark(tree);
        var container = ChooseContainer(tree);
        if (container.Count == 0)
        {
            return "";
        }
        return Serialize(container, titles);
    }

    private static void DropFurniture(PageTree tree)
    {
        var prose = tree.Root.ProseChars;
        var chars = tree.Root.Chars;
        foreach (var e in tree.Elements)
        {
            if (e.Parent is null || (e.Parent.Excluded))
            {
                e.Excluded = e.Parent?.Excluded ?? false;
                continue;
            }
            e.Dropped = IsFurniture(e, prose, chars);
            e.Excluded = e.Dropped;
        }
    }

    private static bool IsFurniture(PageNode e, int pageProse, int pageChars)
    {
        if (e.Tag is "body" or "html" or "main" || e.ItemProp is "articleBody" || e.Role is "main")
        {
            return false;
        }
        if (e.Tag is "figcaption")
        {
            return true;
        }
        var structural = e.Tag is "nav" or "footer" or "aside" or "header" or "menu" || Boilerplate.IsFurnitureRole(e.Role);
        var hinted = !structural && e.Hints.Length > 0 && Boilerplate.DropHint().IsMatch(e.Hints)
            && !Boilerplate.BodyHint().IsMatch(e.Hints) && !Boilerplate.EmbedHint().IsMatch(e.Hints);
        if (!structural && !hinted)
        {
            return false;
        }
        if (hinted && Boilerplate.CommentHint().IsMatch(e.Hints))
        {
            return true;
        }
        // A layout wrapper can carry such a word and still hold the article: keep anything that
        // holds the article's marker or a large share of the page's prose or text.
        var wrapper = (e.HoldsArticleMarker && e.Tag is not ("article" or "main") && e.ItemProp is not "articleBody")
            || (e.ProseChars >= 400 && e.ProseChars >= 0.4 * pageProse)
            || e.Chars >= 0.5 * pageChars;
        return !wrapper;
    }

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.Ordinal)
    {
        "p", "pre", "td", "li", "blockquote", "dd", "dt",
    };

    private static List<PageNode> ChooseContainer(PageTree tree)
    {
        var candidates = new List<PageNode>();
        foreach (var e in tree.Elements)
        {
            if (e.Excluded || !e.IsBlock || e.OwnChars < 25 || e.Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th")
            {
                continue;
            }
            var score = 1 + e.OwnCommas + Math.Min(e.OwnChars / 85.0, 3);
            if (e.QuotedByJsonLd)
            {
                score *= 3;
            }
            var target = ParagraphTags.Contains(e.Tag) ? e.Parent : e;
            for (var level = 0; target is not null && level < 5; level++, target = target.Parent)
            {
                if (!target.IsCandidate)
                {
                    InitCandidate(target);
                    candidates.Add(target);
                }
                target.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }
        if (candidates.Count == 0)
        {
            return tree.Root.Chars > 0 ? [tree.Root] : [];
        }
        foreach (var c in candidates)
        {
            c.Score *= 1 - c.LinkDensity;
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var top = candidates[0];

        // Several near-best candidates under one ancestor: the ancestor is the article.
        var alternatives = candidates.Skip(1).Take(4).Where(c => c.Score / top.Score >= 0.75).ToList();
        if (alternatives.Count >= 3)
        {
            var holding = new Dictionary<PageNode, int>();
            foreach (var a in alternatives)
            {
                for (var p = a.Parent; p is not null; p = p.Parent)
                {
                    holding[p] = holding.GetValueOrDefault(p) + 1;
                }
            }
            for (var p = top.Parent; p is not null && p.Tag != "body"; p = p.Parent)
            {
                if (holding.GetValueOrDefault(p) >= 3)
                {
                    top = p;
                    break;
                }
            }
        }
        // Climb while the parent scores as well as the candidate.
        var lastScore = top.Score;
        var threshold = lastScore / 3;
        for (var p = top.Parent; p is not null && p.Tag != "body"; p = p.Parent)
        {
            if (!p.IsCandidate)
            {
                continue;
            }
            if (p.Score < threshold)
            {
                break;
            }
            if (p.Score > lastScore)
            {
                top = p;
                break;
            }
            lastScore = p.Score;
        }
        while (top.Parent is { } parent && parent.Tag != "body" && ElementChildCount(parent) == 1)
        {
            top = parent;
        }
        // An article split into sections (between figures, ads or pull quotes) has several strong
        // candidates that are not nested in one another: take their common ancestor.
        var bestScore = candidates[0].Score;
        foreach (var c in candidates.Take(10))
        {
            if (c.Score < bestScore * 0.4)
            {
                break;
            }
            if (c == top || c.ProseChars < 300 || c.HasAncestor(top) || top.HasAncestor(c))
            {
                continue;
            }
            var common = CommonAncestor(top, c);
            if (common is not null && common.Tag != "body" && common.LinkDensity < 0.25)
            {
                top = common;
            }
        }
        if (!top.IsCandidate)
        {
            InitCandidate(top);
            top.Score *= 1 - top.LinkDensity;
        }

        var result = new List<PageNode>();
        if (top.Parent is null)
        {
            result.Add(top);
            return result;
        }
        var siblingThreshold = Math.Max(10, top.Score * 0.2);
        foreach (var s in top.Parent.Children)
        {
            if (s.IsText || s.Excluded)
            {
                continue;
            }
            if (s == top)
            {
                result.Add(s);
                continue;
            }
            var bonus = s.Hints.Length > 0 && s.Hints == top.Hints ? top.Score * 0.2 : 0;
            if (s.IsCandidate && s.Score + bonus >= siblingThreshold)
            {
                result.Add(s);
            }
            else if (s.Tag == "p" && s.Chars > 80 && s.LinkDensity < 0.25)
            {
                result.Add(s);
            }
        }
        return result;
    }

    private static PageNode? CommonAncestor(PageNode a, PageNode b)
    {
        while (a.Depth > b.Depth)
        {
            a = a.Parent!;
        }
        while (b.Depth > a.Depth)
        {
            b = b.Parent!;
        }
        while (a != b)
        {
            a = a.Parent!;
            b = b.Parent!;
        }
        return a;
    }

    private static int ElementChildCount(PageNode node)
    {
        var n = 0;
        foreach (var c in node.Children)
        {
            if (!c.IsText && !c.Excluded)
            {
                n++;
            }
        }
        return n;
    }

    private static void InitCandidate(PageNode node)
    {
        node.IsCandidate = true;
        node.Score = node.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        } + ClassWeight(node);
    }

    private static int ClassWeight(PageNode node)
    {
        if (node.Hints.Length == 0)
        {
            return 0;
        }
        var w = 0;
        if (Boilerplate.NegativeHint().IsMatch(node.Hints))
        {
            w -= 25;
        }
        if (Boilerplate.PositiveHint().IsMatch(node.Hints))
        {
            w += 25;
        }
        return w;
    }

    // ---- Writing the text out ----

    /// <summary>
    /// Writes paragraphs straight into one growing buffer; a paragraph judged furniture when it ends
    /// is cut off again, so nothing is allocated per paragraph.
    /// </summary>
    private sealed class Writer(IReadOnlyList<string> titles, int totalChars)
    {
        private char[] _buffer = new char[Math.Max(256, totalChars * 6 / 5)];
        private int _length;
        private int _keptChars;
        private bool _stopped;
        private int _paragraphStart;
        private int _linkChars;
        private int _chars;
        private bool _pendingSpace;

        private bool InParagraph => _length > _paragraphStart;

        public void Append(string text, bool inLink)
        {
            if (_stopped)
            {
                return;
            }
            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch))
                {
                    _pendingSpace = InParagraph;
                    continue;
                }
                if (_pendingSpace)
                {
                    Put(' ');
                    _pendingSpace = false;
                }
                Put(ch);
                _chars++;
                if (inLink)
                {
                    _linkChars++;
                }
            }
        }

        public void LineBreak()
        {
            if (InParagraph && _buffer[_length - 1] != '\n')
            {
                Put('\n');
            }
            _pendingSpace = false;
        }

        public void Flush()
        {
            _pendingSpace = false;
            while (InParagraph && _buffer[_length - 1] == '\n')
            {
                _length--;
            }
            if (InParagraph)
            {
                var p = _buffer.AsSpan(_paragraphStart, _length - _paragraphStart);
                if (Boilerplate.IsTailHeading(p) && _keptChars >= totalChars / 2)
                {
                    // "Related stories" after most of the article: the rest is other stories.
                    _stopped = true;
                    _length = _paragraphStart;
                }
                else if (IsFurnitureLine(p, _chars, _linkChars) || IsTitle(p))
                {
                    _length = _paragraphStart;
                }
                else
                {
                    _keptChars += _chars;
                    Put('\n');
                    Put('\n');
                }
            }
            _paragraphStart = _length;
            _chars = _linkChars = 0;
        }

        private void Put(char ch)
        {
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            _buffer[_length++] = ch;
        }

        private bool IsTitle(ReadOnlySpan<char> p)
        {
            foreach (var t in titles)
            {
                if (p.Equals(t, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsFurnitureLine(ReadOnlySpan<char> p, int chars, int linkChars)
        {
            if (chars > 0 && linkChars >= 0.8 * chars && chars < 250)
            {
                return true;
            }
            return Boilerplate.IsFurnitureLine(p);
        }

        public override string ToString()
        {
            Flush();
            // Every kept paragraph ends with the blank-line separator; the last one needs none.
            return new string(_buffer, 0, Math.Max(0, _length - 2));
        }
    }

    private static string Serialize(List<PageNode> nodes, IReadOnlyList<string> titles)
    {
        var w = new Writer(titles, nodes.Sum(n => n.Chars));
        foreach (var n in nodes)
        {
            Write(n, w);
            w.Flush();
        }
        return w.ToString();
    }

    /// <summary>Writes a subtree depth-first with an explicit stack: pages nest deeper than the call stack allows.</summary>
    private static void Write(PageNode root, Writer w)
    {
        var stack = new Stack<(PageNode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving)
            {
                w.Flush();
                continue;
            }
            if (node.IsText)
            {
                w.Append(node.Text!, node.InLink);
                continue;
            }
            if (node.Excluded || IsConditionalJunk(node))
            {
                continue;
            }
            if (node.Tag == "br")
            {
                w.LineBreak();
                continue;
            }
            if (node.IsBlock)
            {
                w.Flush();
                stack.Push((node, true));
            }
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], false));
            }
        }
    }

    /// <summary>Readability's conditional cleaning: containers inside the article that are mostly links or empty.</summary>
    private static bool IsConditionalJunk(PageNode node)
    {
        if (!(node.Tag is "div" or "section" or "table" or "ul" or "ol" or "form" or "aside" or "header" or "footer")
            || (node.Hints.Length > 0 && Boilerplate.EmbedHint().IsMatch(node.Hints)))
        {
            return false;
        }
        var weight = ClassWeight(node);
        if (weight < 0 && weight + (node.IsCandidate ? node.Score : 0) < 0)
        {
            // A class word like "media" or "meta" does not outweigh a real paragraph.
            return node.ProseChars < 0.5 * node.Chars;
        }
        if (node.Commas >= 10)
        {
            return false;
        }
        var isList = node.Tag is "ul" or "ol";
        var ld = node.LinkDensity;
        if (node.Chars < 25 && node.Headings == 0)
        {
            return node.Chars > 0 && ld > 0.5;
        }
        if (!isList && weight < 25 && ld > 0.2 && node.ProseBlocks == 0)
        {
            return true;
        }
        if (ld > 0.5 && node.ProseBlocks == 0)
        {
            return true;
        }
        return false;
    }
}
