namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// A quick reading of the charset a page declares, for the common head only: a doctype, then
/// <c>html</c>, <c>head</c>, <c>meta</c>, <c>link</c> and <c>base</c> tags (and end tags) with plain
/// attributes, up to the tag where "charset" first appears, which must be a <c>meta</c> tag that
/// declares it. Anything else (a comment, a script, a title, a character reference, a cut-off tag) and
/// the caller parses the head with AngleSharp, as before. Where it answers, the answer is the one
/// AngleSharp's DOM gives: no earlier tag can declare a charset (the word appears in none), and these
/// tags leave a <c>meta</c> in the document with the attributes as written.
/// </summary>
internal static class MetaPrescan
{
    /// <summary>
    /// True when the head is simple enough to read here; <paramref name="charset"/> is then the declared
    /// charset. <paramref name="firstCharset"/> is the first index of "charset" (any case) in <paramref name="head"/>.
    /// </summary>
    public static bool TryFind(string head, int firstCharset, out string? charset)
    {
        charset = null;
        var i = 0;
        while (i < head.Length)
        {
            var lt = head.IndexOf('<', i);
            if (lt < 0 || lt > firstCharset)
            {
                return false; // "charset" in text, not in a tag
            }
            var tagStart = lt;
            if (At(head, lt + 1, "!doctype"))
            {
                var gt = head.IndexOf('>', lt);
                if (gt < 0 || gt > firstCharset)
                {
                    return false;
                }
                i = gt + 1;
                continue;
            }
            var p = lt + 1;
            var closing = p < head.Length && head[p] == '/';
            if (closing)
            {
                p++;
            }
            var nameStart = p;
            while (p < head.Length && char.IsAsciiLetter(head[p]))
            {
                p++;
            }
            if (p == nameStart || p >= head.Length || !(IsSpace(head[p]) || head[p] is '>' or '/'))
            {
                return false;
            }
            var name = head.AsSpan(nameStart, p - nameStart);
            var isMeta = !closing && name.Equals("meta", StringComparison.OrdinalIgnoreCase);
            if (!closing && !isMeta && !name.Equals("html", StringComparison.OrdinalIgnoreCase) && !name.Equals("head", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("link", StringComparison.OrdinalIgnoreCase) && !name.Equals("base", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            string? charsetAttr = null, httpEquiv = null, content = null;
            if (!ReadAttributes(head, ref p, ref charsetAttr, ref httpEquiv, ref content))
            {
                return false;
            }
            // p is just after the tag's '>'
            if (tagStart < firstCharset && p > firstCharset)
            {
                // the tag holding the first "charset": it has to settle the question
                if (!isMeta)
                {
                    return false;
                }
                if (!string.IsNullOrWhiteSpace(charsetAttr))
                {
                    charset = charsetAttr.Trim();
                    return true;
                }
                if (string.Equals(httpEquiv, "content-type", StringComparison.OrdinalIgnoreCase) && TextDecoding.CharsetOf(content) is { } declared)
                {
                    charset = declared;
                    return true;
                }
                return false;
            }
            i = p;
        }
        return false;
    }

    /// <summary>Reads attributes up to and past the tag's '>'; false on anything the HTML tokenizer would read otherwise than plainly.</summary>
    private static bool ReadAttributes(string s, ref int p, ref string? charset, ref string? httpEquiv, ref string? content)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            while (p < s.Length && (IsSpace(s[p]) || s[p] == '/'))
            {
                p++;
            }
            if (p >= s.Length)
            {
                return false; // cut off
            }
            if (s[p] == '>')
            {
                p++;
                return true;
            }
            var nameStart = p;
            while (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || s[p] is '-' or '_' or ':' or '.'))
            {
                p++;
            }
            if (p == nameStart || p >= s.Length || !(IsSpace(s[p]) || s[p] is '=' or '>' or '/'))
            {
                return false;
            }
            var name = s[nameStart..p];
            if (!seen.Add(name))
            {
                return false; // a repeated attribute: the tokenizer keeps the first, leave that to it
            }
            var q = p;
            while (q < s.Length && IsSpace(s[q]))
            {
                q++;
            }
            string value = "";
            if (q < s.Length && s[q] == '=')
            {
                q++;
                while (q < s.Length && IsSpace(s[q]))
                {
                    q++;
                }
                if (q >= s.Length)
                {
                    return false;
                }
                if (s[q] is '"' or '\'')
                {
                    var end = s.IndexOf(s[q], q + 1);
                    if (end < 0)
                    {
                        return false;
                    }
                    value = s[(q + 1)..end];
                    p = end + 1;
                    if (p < s.Length && !(IsSpace(s[p]) || s[p] is '>' or '/'))
                    {
                        return false;
                    }
                }
                else
                {
                    var start = q;
                    while (q < s.Length && !IsSpace(s[q]) && s[q] != '>')
                    {
                        if (s[q] is '"' or '\'' or '<' or '=' or '`')
                        {
                            return false;
                        }
                        q++;
                    }
                    value = s[start..q];
                    p = q;
                }
                // character references, NULs and carriage returns are rewritten by the tokenizer
                if (value.AsSpan().IndexOfAny('&', '\0', '\r') >= 0)
                {
                    return false;
                }
            }
            else
            {
                p = q; // an attribute without a value
            }
            if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = value;
            }
            else if (name.Equals("http-equiv", StringComparison.OrdinalIgnoreCase))
            {
                httpEquiv = value;
            }
            else if (name.Equals("content", StringComparison.OrdinalIgnoreCase))
            {
                content = value;
            }
        }
    }

    private static bool At(string s, int i, string word) =>
        i + word.Length <= s.Length && s.AsSpan(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    // The HTML tokenizer's whitespace: tab, line feed, form feed, carriage return, space.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
