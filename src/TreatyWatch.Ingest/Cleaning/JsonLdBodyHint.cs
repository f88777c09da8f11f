using System.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// A JSON-LD articleBody used as a hint, not as the answer: blocks of the page that it quotes score
/// higher when the extractor looks for the article. Publishers truncate it (often to a few hundred
/// characters), leave it stale or fill it with markup, so the page's own text stays the source.
/// </summary>
internal sealed class JsonLdBodyHint
{
    private const int MinimumTokens = 40;
    private readonly HashSet<(string, string, string)> _shingles;

    private JsonLdBodyHint(HashSet<(string, string, string)> shingles, int tokenCount)
    {
        _shingles = shingles;
        TokenCount = tokenCount;
    }

    public int TokenCount { get; }

    public static JsonLdBodyHint? Create(string? articleBody)
    {
        if (string.IsNullOrWhiteSpace(articleBody))
        {
            return null;
        }
        var tokens = WordTokens.Split(articleBody);
        if (tokens.Count < MinimumTokens)
        {
            return null;
        }
        var shingles = new HashSet<(string, string, string)>();
        for (var i = 0; i + 3 <= tokens.Count; i++)
        {
            shingles.Add((tokens[i], tokens[i + 1], tokens[i + 2]));
        }
        return new JsonLdBodyHint(shingles, tokens.Count);
    }

    /// <summary>Marks the blocks whose own text is mostly (half its word triples or more) in the articleBody.</summary>
    public void Mark(PageTree tree)
    {
        var text = new StringBuilder();
        foreach (var e in tree.Elements)
        {
            if (e.Excluded || !e.IsBlock || e.OwnChars < 25)
            {
                continue;
            }
            text.Clear();
            AppendOwnText(e, text);
            var tokens = WordTokens.Split(text.ToString());
            if (tokens.Count < 3)
            {
                continue;
            }
            var hits = 0;
            for (var i = 0; i + 3 <= tokens.Count; i++)
            {
                if (_shingles.Contains((tokens[i], tokens[i + 1], tokens[i + 2])))
                {
                    hits++;
                }
            }
            e.QuotedByJsonLd = hits >= 0.5 * (tokens.Count - 2);
        }
    }

    /// <summary>The text inside <paramref name="block"/> that is not inside a nested block (iterative: inline markup can nest deep).</summary>
    private static void AppendOwnText(PageNode block, StringBuilder text)
    {
        var stack = new Stack<PageNode>();
        for (var i = block.Children.Count - 1; i >= 0; i--)
        {
            stack.Push(block.Children[i]);
        }
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsText)
            {
                text.Append(node.Text).Append(' ');
            }
            else if (!node.IsBlock && !node.Excluded)
            {
                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(node.Children[i]);
                }
            }
        }
    }
}
