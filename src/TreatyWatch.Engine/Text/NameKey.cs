using System.Globalization;
using System.Text;

namespace TreatyWatch.Engine.Text;

/// <summary>The key names are matched by: states, treaties and UN table participants, in any case and with or without accents.</summary>
public static class NameKey
{
    /// <summary>
    /// Folds case, accents and punctuation, and a leading "the". Accents are folded by a table of Latin letters, because
    /// under InvariantGlobalization (this build's setting) <see cref="string.Normalize()"/> leaves "Côte" as it is.
    /// </summary>
    public static string Key(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c >= 128 && Folds.TryGetValue(c, out var plain))
            {
                sb.Append(plain);
                continue;
            }

            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }

        var k = sb.ToString().Trim();
        return k.StartsWith("the ", StringComparison.Ordinal) ? k[4..] : k;
    }

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    private static Dictionary<char, string> BuildFolds()
    {
        var map = new Dictionary<char, string>();
        foreach (var (letters, plain) in new[]
        {
            ("àáâãäåāăąǎȁȃạảấầẩẫậắằẳẵặ", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęěȅȇẹẻẽếềểễệ", "e"), ("ĝğġģ", "g"),
            ("ĥħ", "h"), ("ìíîïĩīĭįıǐȉȋịỉ", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
            ("òóôõöøōŏőơǒȍȏọỏốồổỗộớờởỡợ", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"),
            ("ùúûüũūŭůűųưǔȕȗụủứừửữự", "u"), ("ŵ", "w"), ("ýÿŷỳỹỵỷ", "y"), ("źżž", "z"),
            ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("þ", "th"), ("ð", "d"),
        })
        {
            foreach (var c in letters)
            {
                map[c] = plain;
                var upper = char.ToUpperInvariant(c);
                if (upper != c) map.TryAdd(upper, plain);
            }
        }

        map['İ'] = "i";
        return map;
    }

}
