using System.Globalization;
using System.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>Word tokens, shared by the benchmark scorer and the JSON-LD body hint.</summary>
internal static class WordTokens
{
    /// <summary>
    /// Runs of word characters, as Python's <c>\w+</c> finds them: letters (Lu, Ll, Lt, Lm, Lo),
    /// numbers (Nd, Nl, No) and the underscore. Unlike .NET's <c>\w</c>, combining marks split words.
    /// </summary>
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var word = status == System.Buffers.OperationStatus.Done && IsWordRune(rune);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += Math.Max(consumed, 1);
        }
        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }
        return tokens;
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
