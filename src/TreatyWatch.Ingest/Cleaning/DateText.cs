using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>Publication dates as pages write them: ISO stamps and English month-name dates.</summary>
internal static partial class DateText
{
    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    [GeneratedRegex(@"\b(?:(?<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?<m1>" + Month + @")\.?\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d\d)|(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<m2>" + Month + @")\.?,?\s+(?<y2>(?:19|20)\d\d))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:" + Month + @")\b|\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStart();

    /// <summary>The first date written in <paramref name="text"/>, as written and as a calendar date.</summary>
    public static (string Raw, LocalDate? Date)? Find(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        if (m.Groups["iso"].Success)
        {
            return (m.Value, Parse(m.Value));
        }
        var (month, day, year) = m.Groups["m1"].Success
            ? (m.Groups["m1"].Value, m.Groups["d1"].Value, m.Groups["y1"].Value)
            : (m.Groups["m2"].Value, m.Groups["d2"].Value, m.Groups["y2"].Value);
        var monthNumber = Array.FindIndex(MonthPrefixes, p => month.StartsWith(p, StringComparison.OrdinalIgnoreCase)) + 1;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        LocalDate? date = monthNumber > 0 && d >= 1 && d <= CalendarSystem.Iso.GetDaysInMonth(y, monthNumber) ? new LocalDate(y, monthNumber, d) : null;
        return (m.Value, date);
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The text before the first month name or digit: "Tim Doe March 18, 2025" gives "Tim Doe ".</summary>
    public static string CutAtDate(string text)
    {
        var m = DateStart().Match(text);
        return m.Success ? text[..m.Index] : text;
    }

    private static readonly LocalDatePattern[] WrittenPatterns =
    [
        LocalDatePattern.Create("MMMM d, uuuu", CultureInfo.InvariantCulture),
        LocalDatePattern.Create("MMM d, uuuu", CultureInfo.InvariantCulture),
        LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture),
        LocalDatePattern.Create("d MMM uuuu", CultureInfo.InvariantCulture),
        LocalDatePattern.Create("uuuuMMdd", CultureInfo.InvariantCulture),
    ];

    /// <summary>
    /// The calendar date at the start of an ISO 8601 stamp ("2019-11-19T23:30:00-05:00" gives 19 November
    /// 2019, the publisher's local date, not the UTC one), or a written date ("November 19, 2019").
    /// </summary>
    public static LocalDate? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        raw = raw.Trim();
        if (raw.Length >= 10)
        {
            var iso = LocalDatePattern.Iso.Parse(raw[..10]);
            if (iso.Success)
            {
                return iso.Value;
            }
        }
        foreach (var pattern in WrittenPatterns)
        {
            var r = pattern.Parse(raw);
            if (r.Success)
            {
                return r.Value;
            }
        }
        return Find(raw)?.Date;
    }
}
