namespace TreatyWatch.Ingest.Mentions;

/// <summary>A word of the text: a run of letters or digits, as offsets into the text.</summary>
public readonly record struct Token(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// The text cut into words. Punctuation is not a token: what lies between two words is their
/// <see cref="Gap"/>, so "Lithuania’s" is "Lithuania", "s" with the gap "’".
/// </summary>
public sealed class TokenizedText
{
    public string Text { get; }
    public Token[] Tokens { get; }

    /// <summary>The text in lower case (same length): words are looked up once, with ordinal comparisons.</summary>
    public string Lower { get; }

    public TokenizedText(string text)
    {
        Text = text;
        Lower = text.ToLowerInvariant();
        // Two passes (count, then fill) so that the token array is allocated once, at its size.
        Tokens = new Token[Scan(text, null)];
        Scan(text, Tokens);
    }

    private static int Scan(string text, Token[]? into)
    {
        int n = 0, i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerMark(text, i))) i++;
            if (into is not null) into[n] = new Token(start, i);
            n++;
        }
        return n;
    }

    // Combining marks (Lithuanian, French diacritics written decomposed) stay inside the word.
    private static bool IsInnerMark(string text, int i) =>
        char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark;

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Span(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    /// <summary>Token <paramref name="i"/> in lower case.</summary>
    public ReadOnlySpan<char> LowerSpan(int i) => Lower.AsSpan(Tokens[i].Start, Tokens[i].Length);

    public string Word(int i) => Text.Substring(Tokens[i].Start, Tokens[i].Length);

    /// <summary>Whether token <paramref name="i"/> is <paramref name="word"/>, in any case (<paramref name="word"/> in lower case).</summary>
    public bool Is(int i, string word) =>
        i >= 0 && i < Tokens.Length && LowerSpan(i).SequenceEqual(word);

    /// <summary>Whether token <paramref name="i"/>, lower-cased, is in <paramref name="words"/> (lower-case words); no string is allocated.</summary>
    public bool IsAny(int i, HashSet<string> words) =>
        i >= 0 && i < Tokens.Length && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LowerSpan(i));

    /// <inheritdoc cref="IsAny(int, HashSet{string})"/>
    public bool IsAny(int i, System.Collections.Frozen.FrozenSet<string> words) =>
        i >= 0 && i < Tokens.Length && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LowerSpan(i));

    /// <summary>The characters between token <paramref name="i"/> and the next one.</summary>
    public ReadOnlySpan<char> Gap(int i) =>
        i + 1 < Tokens.Length
            ? Text.AsSpan(Tokens[i].End, Tokens[i + 1].Start - Tokens[i].End)
            : Text.AsSpan(Tokens[i].End);

    public bool IsCapitalized(int i) => char.IsUpper(Text[Tokens[i].Start]);

    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public int FirstAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Splits a name into its words the way the text is split.</summary>
    public static string[] Words(string phrase)
    {
        var t = new TokenizedText(phrase);
        var words = new string[t.Count];
        for (int i = 0; i < t.Count; i++) words[i] = t.Word(i);
        return words;
    }
}
