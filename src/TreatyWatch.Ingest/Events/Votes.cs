using System.Text.RegularExpressions;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Events;

/// <summary>
/// Reads vote figures as printed, in digits or words: "107 MPs voted in favor", "Three abstained, and
/// no one voted against", "supported by 68 lawmakers and opposed by 14", "by a vote of 157–18",
/// "at least 85 MPs was required", "above a required minimum of 226". A chamber's size ("103 out of
/// 141", "81 members of the 101 parliament", "consists of one hundred lawmakers") is not a figure.
/// </summary>
public static partial class VoteParser
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    };

    // "no one voted against", "none voted against", "with no abstentions", "no deputy abstained"
    [GeneratedRegex(@"\b(?:no\s+one|nobody|none|no\s+(?:mp|deputy|lawmaker|member|senator|legislator)s?|not\s+a\s+single\s+(?:mp|deputy|lawmaker|member))\s+(?:\w+\s+){0,2}?(?:voted\s+)?(?<k>against|abstained|opposed)|\b(?:with\s+)?no\s+(?<k>abstentions|votes\s+against|abstention)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Zero();

    // what follows a figure: "MPs voted in favour", "against", "abstained", "votes in favor"
    [GeneratedRegex(@"\G\s*(?:(?:mps|deputies|lawmakers|legislators|members|parliamentarians|senators|delegates|representatives|deputies?|votes?|députés|voix)\b[^.;:,]{0,60}?)?\b(?<k>voted\s+(?:in\s+favou?r|for|yes|to)|in\s+favou?r|votes?\s+for|for\b|supported|backed|approved|endorsed|voted\s+(?:against|no)|against|opposed|abstained|abstentions?|abstaining|pour|contre)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    // what precedes a figure (read on the text just before it)
    [GeneratedRegex(@"(?<k>supported|backed|approved|passed|adopted|endorsed|opposed|rejected)\s+by\s+(?:a\s+(?:majority|vote)\s+of\s+)?$|(?<k>minimum|threshold|majority)\s+of\s+(?:at\s+least\s+)?$|(?<k>at\s+least)\s+$|(?<k>needed|required|requires|requiring|need)\s+(?:at\s+least\s+)?$|(?<k>vote|votes|margin|tally)\s+of\s+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    // "157–18", "157-18-3", "103 to 20"
    [GeneratedRegex(@"\G\s*[-–—]\s*(?<n2>\d{1,3})(?:\s*[-–—]\s*(?<n3>\d{1,3}))?(?!\d)|\G\s+(?:votes?\s+)?to\s+(?<n2>\d{1,3}(?!\d)|zero|none|nil)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Score();

    [GeneratedRegex(@"\b(?:required|needed|necessary|threshold)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequiredWord();

    [GeneratedRegex(@"\b(?:mps|deputies|lawmakers|legislators|members|parliamentarians|senators|delegates|representatives|votes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonUnit();

    [GeneratedRegex(@"\b(?:vote|votes|voted|margin|tally|majority|passed|approved|adopted)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VoteContext();

    [GeneratedRegex(@"(?:\bout\s+of|\bof\s+the|\bof\s+its|\bconsists\s+of|\bcomprises|\btotal\s+of)\s+$|\b(?:all|the)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChamberSize();

    /// <summary>The figures in <paramref name="text"/>[start, end), or null when there are none.</summary>
    public static Votes? Parse(string text, int start, int end)
    {
        var tokens = new TokenizedText(text);
        return Parse(tokens, tokens.FirstAtOrAfter(start), tokens.FirstAtOrAfter(end), end);
    }

    /// <summary>The figures in tokens [first, last) of an already split text, ending at offset <paramref name="end"/>.</summary>
    internal static Votes? Parse(TokenizedText tokens, int first, int last, int end)
    {
        string text = tokens.Text;
        int? pro = null, con = null, abst = null, req = null;
        int start = first < tokens.Count ? tokens.Tokens[first].Start : end;
        if (start >= end) return null;

        // a cheap look first: most sentences hold no figure at all
        bool any = false;
        for (int i = first; i < last && !any; i++)
            any = char.IsDigit(text[tokens.Tokens[i].Start]) || tokens.IsAny(i, NumberWords) || tokens.Is(i, "no") || tokens.Is(i, "none") || tokens.Is(i, "nobody");
        if (!any) return null;

        var masked = new List<(int S, int E)>();
        for (var z = Zero().Match(text, start, end - start); z.Success; z = z.NextMatch())
        {
            string k = z.Groups["k"].Value;
            if (k.StartsWith("abst", StringComparison.OrdinalIgnoreCase)) abst ??= 0; else con ??= 0;
            masked.Add((z.Index, z.Index + z.Length));
        }

        for (int i = first; i < last; i++)
        {
            int n, s = tokens.Tokens[i].Start, e;
            if (char.IsDigit(text[s]))
            {
                if (!int.TryParse(tokens.Span(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)) continue;
                // not part of a larger number or a decimal: "1,500", "1.5 billion"
                var gapBefore = i > 0 ? tokens.Gap(i - 1) : default;
                var gapAfter = tokens.Gap(i);
                if (gapBefore.Length == 1 && gapBefore[0] is ',' or '.' && i > 0 && char.IsDigit(text[tokens.Tokens[i - 1].Start])) continue;
                if (gapAfter.Length == 1 && gapAfter[0] is ',' or '.' && i + 1 < tokens.Count && char.IsDigit(text[tokens.Tokens[i + 1].Start])) continue;
                e = tokens.Tokens[i].End;
                // a year or the day of a date is not a figure: "in 2025", "on 20 May", "May 20"
                if (n is >= 1900 and <= 2100 || IsMonth(tokens, i + 1) || IsMonth(tokens, i - 1)) continue;
            }
            else if (tokens.IsAny(i, NumberWords))
            {
                // "Ninety-nine", "one hundred and seven", "a hundred"
                int j = i;
                while (j + 1 < last && (tokens.IsAny(j + 1, NumberWords) || tokens.Is(j + 1, "and") && tokens.IsAny(j + 2, NumberWords))
                       && tokens.Gap(j).Length <= 2 && !tokens.Gap(j).Contains(',')) j++;
                int from = i > first && tokens.Is(i - 1, "a") && tokens.Is(i, "hundred") ? i - 1 : i;
                e = tokens.Tokens[j].End;
                s = tokens.Tokens[from].Start;
                n = Value(text[s..e]);
                i = j;
                if (n < 0) continue;
            }
            else continue;
            if (n > 3000) continue;
            if (masked.Any(x => s < x.E && e > x.S)) continue;

            int lookBack = Math.Max(start, s - 40);
            if (ChamberSize().IsMatch(text.AsSpan(lookBack, s - lookBack))) continue;

            var score = Score().Match(text, e, end - e);
            if (score.Success && score.Index == e
                && (score.ValueSpan.Contains("vote", StringComparison.OrdinalIgnoreCase) || VoteContext().IsMatch(text.AsSpan(lookBack, s - lookBack))))
            {
                pro ??= n;
                con ??= char.IsDigit(score.Groups["n2"].Value[0]) ? int.Parse(score.Groups["n2"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (score.Groups["n3"].Success) abst ??= int.Parse(score.Groups["n3"].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            var b = Before().Match(text, lookBack, s - lookBack);
            if (b.Success)
            {
                string k = b.Groups["k"].Value.ToLowerInvariant();
                if (k is "opposed" or "rejected") { con ??= n; continue; }
                if (k is "minimum" or "threshold" or "needed" or "required" or "requires" or "requiring" or "need") { req ??= n; continue; }
                if (k.StartsWith("at", StringComparison.Ordinal))
                {
                    var rw = RequiredWord().Match(text, e, end - e);
                    if (rw.Success) { req ??= n; continue; }
                }
                else if (k == "majority") continue;
                else if (k is not ("vote" or "votes" or "margin" or "tally")) { pro ??= n; continue; }
            }

            var a = After().Match(text, e, Math.Min(end, e + 90) - e);
            if (!a.Success || a.Index != e) continue;
            string kind = a.Groups["k"].Value.ToLowerInvariant();
            if (kind.Contains("against") || kind.StartsWith("voted", StringComparison.Ordinal) && kind.EndsWith("no", StringComparison.Ordinal)
                || kind is "opposed" or "contre")
                con ??= n;
            else if (kind.StartsWith("abst", StringComparison.Ordinal))
                abst ??= n;
            else if (kind is "approved" or "supported" or "backed" or "endorsed"
                     && !PersonUnit().IsMatch(text.AsSpan(e, a.Groups["k"].Index - e)))
                continue; // "1.5 billion euros approved": not a vote
            else
                pro ??= n;
        }
        var t = new Votes(pro, con, abst, req);
        return t.IsEmpty() ? null : t;
    }

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static bool IsMonth(TokenizedText tokens, int i) => i >= 0 && i < tokens.Count && tokens.IsAny(i, Months);

    /// <summary>The value of "107", "Ninety-nine", "one hundred and seven"; -1 if not a number.</summary>
    public static int Value(string s)
    {
        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        int current = 0;
        bool any = false;
        foreach (var w in s.ToLowerInvariant().Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (w == "and") continue;
            if (w == "hundred") { current = (current == 0 ? 1 : current) * 100; any = true; continue; }
            int v = w switch
            {
                "zero" => 0, "a" => 1, "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
                "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12, "thirteen" => 13,
                "fourteen" => 14, "fifteen" => 15, "sixteen" => 16, "seventeen" => 17, "eighteen" => 18,
                "nineteen" => 19, "twenty" => 20, "thirty" => 30, "forty" => 40, "fifty" => 50, "sixty" => 60,
                "seventy" => 70, "eighty" => 80, "ninety" => 90,
                _ => -1,
            };
            if (v < 0) return -1;
            current += v;
            any = true;
        }
        return any ? current : -1;
    }
}
