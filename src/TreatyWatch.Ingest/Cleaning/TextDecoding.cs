using System.Buffers;
using System.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Turns fetched bytes into text. The encoding comes from, in order: a byte-order mark, the HTTP
/// Content-Type charset, a &lt;meta charset&gt; or http-equiv Content-Type in the first 2 KB; else UTF-8.
/// Bytes invalid in the chosen encoding become U+FFFD: decoding never throws.
/// </summary>
public static class TextDecoding
{
    private const int PrescanBytes = 2048;

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        var encoding = FromLabel(CharsetOf(contentType)) ?? FromLabel(PrescanMeta(bytes)) ?? Utf8;
        return encoding.GetString(bytes);
    }

    /// <summary>The control characters <see cref="Printable"/> replaces: U+0000–U+001F but tab, line feed and carriage return.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>
    /// The text with every control character but tab, line feed and carriage return (a NUL a broken export left, a form
    /// feed, an escape) replaced by a space: the text keeps its length, so offsets into it still point where they did,
    /// and every ledger can store it (PostgreSQL's text type refuses NUL). A text without any is returned as it is.
    /// </summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Controls) < 0) return text;
        return string.Create(text.Length, text, static (chars, source) =>
        {
            source.AsSpan().CopyTo(chars);
            var rest = chars;
            int i;
            while ((i = rest.IndexOfAny(Controls)) >= 0)
            {
                rest[i] = ' ';
                rest = rest[(i + 1)..];
            }
        });
    }

    /// <summary>UTF-8 that replaces invalid bytes with U+FFFD instead of throwing.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The charset parameter of a Content-Type value ("text/html; charset=iso-8859-1").</summary>
    internal static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }
        var i = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return null;
        }
        var rest = contentType.AsSpan(i + "charset".Length).TrimStart();
        if (rest.Length == 0 || rest[0] != '=')
        {
            return null;
        }
        rest = rest[1..].Trim().Trim("\"'");
        var end = rest.IndexOfAny(";, \"'");
        return (end < 0 ? rest : rest[..end]).ToString();
    }

    /// <summary>
    /// The charset a page declares in its head. The first bytes are read as Latin-1 (every byte maps to
    /// one character, and charset declarations are ASCII) and parsed as HTML.
    /// </summary>
    private static string? PrescanMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var first = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (first < 0)
        {
            return null;
        }
        return MetaPrescan.TryFind(head, first, out var charset) ? charset : PrescanMetaByParsing(head);
    }

    /// <summary>The same answer as <see cref="PrescanMeta"/>, always by parsing the head with AngleSharp (tests compare the two).</summary>
    internal static string? PrescanMetaByParsing(string head)
    {
        if (head.IndexOf("charset", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }
        using var document = ArticleCleaner.Parser.ParseDocument(head);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var charset = meta.GetAttribute("charset");
            if (!string.IsNullOrWhiteSpace(charset))
            {
                return charset.Trim();
            }
            if (string.Equals(meta.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase))
            {
                var declared = CharsetOf(meta.GetAttribute("content"));
                if (declared is not null)
                {
                    return declared;
                }
            }
        }
        return null;
    }

    private static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        label = label.Trim().ToLowerInvariant();
        // The WHATWG Encoding Standard reads these labels as windows-1252, as browsers do.
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" or "cp1252")
        {
            label = "windows-1252";
        }
        // A page that says UTF-16 in an ASCII-readable meta tag cannot be UTF-16.
        if (label.StartsWith("utf-16", StringComparison.Ordinal) || label == "utf8")
        {
            label = "utf-8";
        }
        if (label == "utf-8")
        {
            return Utf8;
        }
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
                ?? Encoding.GetEncoding(label, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
