using TreatyWatch.Engine.Actions;
using System.Text.RegularExpressions;

namespace TreatyWatch.Ingest.Events;

/// <summary>
/// Reads vote figures as printed, in digits or words: "107 MPs voted in favor", "Three abstained, and
/// no one voted against", "supported by 68 lawmakers and opposed by 14", "by a vote of 157–18",
/// "at least 85 MPs was required", "above a required minimum of 226". A chamber's size ("103 out of
/// 141", "81 members of the 101 parliament", "consists of one hundred lawmakers") is not a figure.
/// </summary>
public static partial class VoteParser
{
    private const string Units = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Words =
        @"(?:(?:(?:a|" + Units + @")[-\s]hundred)(?:(?:\s+and)?[-\s]+(?:(?:" + Tens + @")(?:[-\s](?:" + Units + @"))?|" + Teens + "|" + Units + @"))?" +
        @"|(?:" + Tens + @")(?:[-\s](?:" + Units + @"))?|" + Teens + "|" + Units + "|zero)";

    [GeneratedRegex(@"(?<![\p{L}\d,.])(?<n>\d{1,4}|" + Words + @")(?![\p{L}\d]|[.,]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:no\s+one|nobody|none|no\s+(?:mp|deputy|lawmaker|member|senator|legislator)s?|not\s+a\s+single\s+(?:mp|deputy|lawmaker|member))\s+(?:\w+\s+){0,2}?(?:voted\s+)?(?<k>against|abstained|opposed)|\b(?:with\s+)?no\s+(?<k>abstentions|votes\s+against|abstention)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Zero();

    [GeneratedRegex(@"^\s*(?:(?:mps|deputies|lawmakers|legislators|members|parliamentarians|senators|delegates|representatives|deputies?|votes?|députés|voix)\b[^.;:,]{0,60}?)?\b(?<k>voted\s+(?:in\s+favou?r|for|yes|to)|in\s+favou?r|votes?\s+for|for\b|supported|backed|approved|endorsed|voted\s+(?:against|no)|against|opposed|abstained|abstentions?|abstaining|pour|contre)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex(@"(?<k>supported|backed|approved|passed|adopted|endorsed|opposed|rejected)\s+by\s+(?:a\s+(?:majority|vote)\s+of\s+)?$|(?<k>minimum|threshold|majority)\s+of\s+(?:at\s+least\s+)?$|(?<k>at\s+least)\s+$|(?<k>needed|required|requires|requiring|need)\s+(?:at\s+least\s+)?$|(?<k>vote|votes|margin|tally)\s+of\s+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    [GeneratedRegex(@"^\s*[-–—]\s*(?<n2>\d{1,3})(?:\s*[-–—]\s*(?<n3>\d{1,3}))?(?!\d)|^\s+to\s+(?<n2>\d{1,3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Score();

    [GeneratedRegex(@"\b(?:required|needed|necessary|threshold)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequiredWord();

    /// <summary>The figures in <paramref name="text"/>[start, end), or null when there are none.</summary>
    public static Votes? Parse(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        int? pro = null, con = null, abst = null, req = null;
        var masked = new List<(int S, int E)>();

        foreach (Match z in Zero().Matches(text[..end], start))
        {
            string k = z.Groups["k"].Value.ToLowerInvariant();
            if (k.StartsWith("abst", StringComparison.Ordinal)) abst ??= 0; else con ??= 0;
            masked.Add((z.Index, z.Index + z.Length));
        }

        foreach (Match m in Number().Matches(text[..end], start))
        {
            int s = m.Index, e = m.Index + m.Length;
            if (masked.Any(x => s < x.E && e > x.S)) continue;
            int n = Value(m.Groups["n"].Value);
            if (n < 0 || n > 3000) continue;
            string before = text[Math.Max(start, s - 40)..s];
            if (IsChamberSize(before)) continue;

            var score = Score().Match(text, e, end - e);
            if (score.Success && VoteContext(before))
            {
                pro ??= n;
                con ??= int.Parse(score.Groups["n2"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (score.Groups["n3"].Success) abst ??= int.Parse(score.Groups["n3"].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            var b = Before().Match(before);
            if (b.Success)
            {
                string k = b.Groups["k"].Value.ToLowerInvariant();
                if (k is "opposed" or "rejected") { con ??= n; continue; }
                if (k is "minimum" or "threshold" or "needed" or "required" or "requires" or "requiring" or "need") { req ??= n; continue; }
                if (k.StartsWith("at", StringComparison.Ordinal))
                {
                    if (RequiredWord().IsMatch(text, e) && RequiredWord().Match(text, e).Index < end) { req ??= n; continue; }
                }
                else if (k is "majority") { continue; }
                else if (k is "vote" or "votes" or "margin" or "tally") { }
                else { pro ??= n; continue; }
            }

            var a = After().Match(text, e, Math.Min(end, e + 90) - e);
            if (!a.Success) continue;
            // a figure belongs to the nearest verb only if no other figure stands between them
            if (Number().IsMatch(text.AsSpan(e, a.Index - e)) && a.Groups["k"].Index - e > 12) { }
            string kind = a.Groups["k"].Value.ToLowerInvariant();
            if (kind.Contains("against") || kind.Contains("no") && kind.StartsWith("voted", StringComparison.Ordinal) || kind is "opposed" or "contre")
                con ??= n;
            else if (kind.StartsWith("abst", StringComparison.Ordinal))
                abst ??= n;
            else if (kind is "approved" or "supported" or "backed" or "endorsed" && !PersonUnit(text, e, a.Groups["k"].Index))
                continue;
            else
                pro ??= n;
        }
        _ = span;
        var t = new Votes(pro, con, abst, req);
        return t.IsEmpty() ? null : t;
    }

    // "68 lawmakers supported" is a figure; "2 hospitalized" or "1.5 billion euros approved" are not.
    private static bool PersonUnit(string text, int numberEnd, int verbIndex) =>
        Regex.IsMatch(text.AsSpan(numberEnd, verbIndex - numberEnd),
            @"\b(?:mps|deputies|lawmakers|legislators|members|parliamentarians|senators|delegates|representatives|votes)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool VoteContext(string before) =>
        Regex.IsMatch(before, @"\b(?:vote|votes|voted|margin|tally|majority|passed|approved|adopted)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool IsChamberSize(string before) =>
        Regex.IsMatch(before, @"(?:\bout\s+of|\bof\s+the|\bof\s+its|\bconsists\s+of|\bcomprises|\btotal\s+of)\s+$|\b(?:all|the)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The value of "107", "Ninety-nine", "one hundred and seven"; -1 if not a number.</summary>
    public static int Value(string s)
    {
        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        int total = 0, current = 0;
        foreach (var w in s.ToLowerInvariant().Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (w == "and") continue;
            if (w == "hundred") { current = (current == 0 ? 1 : current) * 100; continue; }
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
        }
        return total + current;
    }
}
