using TreatyWatch.Engine.Dates;
using System.Text.RegularExpressions;
using NodaTime;

namespace TreatyWatch.Ingest.Events;

public enum RelativeDay
{
    None,
    Today,
    Yesterday,
    LastNight,
    DaysAgo,
    Weekday,
    LastWeek,
    ThisMonth,
    LastMonth,
    NextMonth,
    ThisYear,
    LastYear,
    NextYear,
    /// <summary>"last July": the latest July before the publication month.</summary>
    LastNamedMonth,
    /// <summary>"in July of that year": the month in the year last named.</summary>
    MonthOfThatYear,
    /// <summary>"this week", "earlier this week": the month of the publication week, when it lies in one month.</summary>
    ThisWeek,
    /// <summary>"next week": the month of the next week, when it lies in one month.</summary>
    NextWeek,
    /// <summary>"two weeks ago": the month around that day, when the days around it lie in one month.</summary>
    WeeksAgo,
    /// <summary>"three months ago": that month.</summary>
    MonthsAgo,
    /// <summary>"two years ago": that year.</summary>
    YearsAgo,
}

/// <summary>Words before a date that say it is not the date of the step ("by 2005", "since 2012").</summary>
public enum DateQualifier { None, By, Since, Before, After, Until, From }

/// <summary>
/// A date expression found in the text, before resolution: what it states (0 for a part not stated)
/// and how it relates to the publication date.
/// </summary>
public readonly record struct DateExpression(
    int Start, int End, int Year, int Month, int Day, RelativeDay Relative, int Amount, IsoDayOfWeek Weekday,
    DateQualifier Qualifier)
{
    public bool IsAbsolute => Relative == RelativeDay.None && Year > 0;
    public bool HasFullDate => Year > 0 && Month > 0 && Day > 0;
}

/// <summary>
/// Finds date expressions in English and French news text: "December 4, 1997", "27 December 2005",
/// "le 1er mars 1999", "on March 18", "in mid-April", "in March 2025", "last July", "on Tuesday",
/// "last night", "last month", "in July of that year"; and resolves them against the publication
/// date, keeping the precision written.
/// </summary>
public static partial class DateFinder
{
    private const string MonthNames =
        "january|february|march|april|may|june|july|august|september|october|november|december|" +
        "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|" +
        "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

    private const string Day = @"(?<d>[0-3]?\d)(?:st|nd|rd|th|er)?";
    private const string Month = @"(?<m>" + MonthNames + @")\.?";
    private const string Year = @"(?<y>1[89]\d\d|20\d\d)(?![\d])";
    private const string Weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
    // A word before a date that says it bounds the step rather than dates it: read backwards from the date.
    [GeneratedRegex(@"(?<![\p{L}])(?<q>by|since|before|after|until|till|from|starting|as\s+of|depuis|avant|après|jusqu'en|jusqu'au)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of|beginning\s+of|start\s+of)[-\s]*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex QualifierBeforeRx();

    private static readonly Regex QualifierBefore = QualifierBeforeRx();

    // The alternatives, most specific first. Each word that can start a date is tried only against
    // the alternatives it can start: "March" against the month forms, "2005" against the numeric ones.
    private const string Iso = @"(?<iso>(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d))(?!\d)";
    private const string Numeric = @"(?<num>(?<n1>[0-3]?\d)[/.](?<n2>[0-3]?\d)[/.](?<ny>(?:19|20)\d\d))(?!\d)";
    private const string DayForms =
        @"(?:(?<wd>" + Weekdays + @"),?\s+(?:the\s+)?)?(?:" +
            @"(?<mdy>" + Month + @"\s+" + Day + @"(?:,\s*|\s+)" + Year + @")" +
            @"|(?<dmy>" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+" + Year + @")" +
            @"|(?<md>" + Month + @"\s+" + Day + @")(?![\d:])" +
            @"|(?<dm>" + Day + @"\s+(?:of\s+)?" + Month + @")(?![\p{L}])" +
        @")";
    private const string MonthYear = @"(?<my>(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of)[-\s]*)?" + Month + @",?\s+(?:of\s+)?" + Year + @")";
    private const string LastMonthName = @"(?<lastm>(?:last|this|next)\s+" + Month + @")(?![\p{L}])";
    private const string MonthOfThatYear = @"(?<mthat>" + Month + @"\s+(?:of\s+)?that\s+year)";
    private const string SameYear = @"(?<samey>(?<=\b(?:the|that)\s+)same\s+year|(?:later\s+)?that\s+year)";
    private const string BareMonth = @"(?<mo>(?<=\b(?:in|during|of|since|from|until|by|early|mid|late|mid-|en|début|fin)[-\s]+)" + Month + @")(?![\p{L}\d])";
    private const string Relative =
        @"(?<rel>today|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|aujourd'hui|hier" +
        @"|(?:earlier\s+|later\s+)?(?:this|last|next)\s+(?:week|month|year)|le\s+mois\s+dernier|l'année\s+dernière" +
        @"|(?<ago>\d+|one|two|three|four|five|six|seven|a)\s+(?<unit>day|week|month|year)s?\s+ago)(?![\p{L}])";
    private const string WeekdayAlone = @"(?<wday>(?:(?:last|this|next|late|early)\s+(?:on\s+)?)?(?:" + Weekdays + @"))(?![\p{L}])";
    private const string BareYear = @"(?<yr>(?:the\s+)?(?:early|mid|late|end\s+of)?[-\s]*" + Year + @")(?!s\b|'s\b|\s*[-–]\s*(?:19|20)\d\d)";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\G(?:" + Iso + "|" + Numeric + "|" + DayForms + "|" + Relative + "|" + BareYear + ")", Options)]
    private static partial Regex DigitLedRx();

    [GeneratedRegex(@"\G(?:" + DayForms + "|" + MonthYear + "|" + MonthOfThatYear + "|" + BareMonth + ")", Options)]
    private static partial Regex MonthLedRx();

    [GeneratedRegex(@"\G(?:" + DayForms + "|" + WeekdayAlone + ")", Options)]
    private static partial Regex WeekdayLedRx();

    [GeneratedRegex(@"\G(?:" + MonthYear + "|" + WeekdayAlone + "|" + BareYear + ")", Options)]
    private static partial Regex QualifierLedRx();

    [GeneratedRegex(@"\G(?:" + LastMonthName + "|" + Relative + "|" + WeekdayAlone + ")", Options)]
    private static partial Regex LastThisNextLedRx();

    [GeneratedRegex(@"\G(?:" + Relative + "|" + SameYear + ")", Options)]
    private static partial Regex RelativeLedRx();

    private static readonly Regex DigitLed = DigitLedRx();
    private static readonly Regex MonthLed = MonthLedRx();
    private static readonly Regex WeekdayLed = WeekdayLedRx();
    private static readonly Regex QualifierLed = QualifierLedRx();
    private static readonly Regex LastThisNextLed = LastThisNextLedRx();
    private static readonly Regex RelativeLed = RelativeLedRx();

    private static readonly Mentions.LeadIndex<Regex> Leads = BuildLeads();

    private static Mentions.LeadIndex<Regex> BuildLeads()
    {
        var index = new Mentions.LeadIndex<Regex>();
        foreach (var w in MonthNames.Split('|')) index.Add(w, MonthLed);
        foreach (var w in Weekdays.Split('|')) index.Add(w, WeekdayLed);
        foreach (var w in "early mid late end beginning".Split(' ')) index.Add(w, QualifierLed);
        foreach (var w in "last this next".Split(' ')) index.Add(w, LastThisNextLed);
        foreach (var w in "today yesterday tonight earlier later aujourd hier le l same that one two three four five six seven a".Split(' '))
            index.Add(w, RelativeLed);
        return index.Freeze();
    }

    public static List<DateExpression> Find(string text) => Find(new Mentions.TokenizedText(text));

    public static List<DateExpression> Find(Mentions.TokenizedText tokens)
    {
        string text = tokens.Text;
        var list = new List<DateExpression>();
        var candidates = new List<Regex>(2);
        int coveredUntil = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            int start = tokens.Tokens[i].Start;
            if (start < coveredUntil) continue;
            candidates.Clear();
            if (char.IsDigit(text[start])) candidates.Add(DigitLed);
            else Leads.Collect(tokens.LowerSpan(i), candidates);
            // English month names are capitalised: "may" and "march" in lower case are verbs
            if (candidates.Count == 1 && candidates[0] == MonthLed && char.IsLower(text[start]) && !IsFrench(tokens.Word(i))) continue;
            foreach (var rx in candidates)
            {
                var m = rx.Match(text, start);
                if (!m.Success || m.Length == 0) continue;
                coveredUntil = m.Index + m.Length;
                if (Parse(text, m) is { } e) list.Add(e);
                break;
            }
        }
        return list;
    }

    private static DateExpression? Parse(string text, Match m)
    {
        int start = m.Index, end = m.Index + m.Length;
        int lookBack = Math.Max(0, start - 32);
        var qm = QualifierBefore.Match(text, lookBack, start - lookBack);
        var q = qm.Success ? ParseQualifier(qm.Groups["q"].Value) : DateQualifier.None;
        var weekday = m.Groups["wd"].Success ? ParseWeekday(m.Groups["wd"].Value) : IsoDayOfWeek.None;

        if (m.Groups["iso"].Success)
            return Valid(new DateExpression(start, end, Int(m, "iy"), Int(m, "im"), Int(m, "id"), RelativeDay.None, 0, IsoDayOfWeek.None, q));
        if (m.Groups["num"].Success)
        {
            int a = Int(m, "n1"), b = Int(m, "n2"), y = Int(m, "ny");
            bool slash = text[m.Groups["n1"].Index + m.Groups["n1"].Length] == '/';
            // 03/18/2025 is American; 18/03/2025 and 18.03.2025 are not; 03/04/2025 is left alone.
            (int mo, int d) = slash ? (a > 12 ? (b, a) : b > 12 ? (a, b) : (0, 0)) : (b, a);
            if (mo == 0) return null;
            return Valid(new DateExpression(start, end, y, mo, d, RelativeDay.None, 0, IsoDayOfWeek.None, q));
        }
        if (m.Groups["mdy"].Success || m.Groups["dmy"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            return Valid(new DateExpression(start, end, Int(m, "y"), MonthNumber(m.Groups["m"].Value), Int(m, "d"), RelativeDay.None, 0, weekday, q));
        }
        if (m.Groups["md"].Success || m.Groups["dm"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            return Valid(new DateExpression(start, end, 0, MonthNumber(m.Groups["m"].Value), Int(m, "d"), RelativeDay.None, 0, weekday, q));
        }
        if (m.Groups["my"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            return new DateExpression(start, end, Int(m, "y"), MonthNumber(m.Groups["m"].Value), 0, RelativeDay.None, 0, IsoDayOfWeek.None, q);
        }
        if (m.Groups["lastm"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            var word = m.Groups["lastm"].Value;
            var rel = word.StartsWith("last", StringComparison.OrdinalIgnoreCase) ? RelativeDay.LastNamedMonth : RelativeDay.None;
            return new DateExpression(start, end, 0, MonthNumber(m.Groups["m"].Value), 0, rel, 0, IsoDayOfWeek.None, q);
        }
        if (m.Groups["mthat"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            return new DateExpression(start, end, 0, MonthNumber(m.Groups["m"].Value), 0, RelativeDay.MonthOfThatYear, 0, IsoDayOfWeek.None, q);
        }
        if (m.Groups["samey"].Success)
            return new DateExpression(start, end, 0, 0, 0, RelativeDay.MonthOfThatYear, 0, IsoDayOfWeek.None, q);
        if (m.Groups["mo"].Success)
        {
            if (!MonthWordIsDate(m)) return null;
            return new DateExpression(start, end, 0, MonthNumber(m.Groups["m"].Value), 0, RelativeDay.None, 0, IsoDayOfWeek.None, q);
        }
        if (m.Groups["rel"].Success)
        {
            string w = Squash(m.Groups["rel"].Value);
            var rel = w switch
            {
                "today" or "tonight" or "this morning" or "this afternoon" or "this evening" or "earlier today" or "aujourd'hui" => RelativeDay.Today,
                "yesterday" or "hier" => RelativeDay.Yesterday,
                "last night" => RelativeDay.LastNight,
                "last week" => RelativeDay.LastWeek,
                "this week" or "earlier this week" or "later this week" => RelativeDay.ThisWeek,
                "next week" => RelativeDay.NextWeek,
                "this month" or "earlier this month" or "later this month" => RelativeDay.ThisMonth,
                "last month" or "le mois dernier" => RelativeDay.LastMonth,
                "next month" => RelativeDay.NextMonth,
                "this year" or "earlier this year" or "later this year" => RelativeDay.ThisYear,
                "last year" or "l'année dernière" => RelativeDay.LastYear,
                "next year" => RelativeDay.NextYear,
                _ when m.Groups["ago"].Success => m.Groups["unit"].Value.ToLowerInvariant() switch
                {
                    "week" => RelativeDay.WeeksAgo,
                    "month" => RelativeDay.MonthsAgo,
                    "year" => RelativeDay.YearsAgo,
                    _ => RelativeDay.DaysAgo,
                },
                _ => RelativeDay.None,
            };
            if (rel == RelativeDay.None) return null;
            int amount = m.Groups["ago"].Success ? SmallNumber(m.Groups["ago"].Value) : 0;
            return new DateExpression(start, end, 0, 0, 0, rel, amount, IsoDayOfWeek.None, q);
        }
        if (m.Groups["wday"].Success)
        {
            string w = m.Groups["wday"].Value;
            var day = ParseWeekday(w.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
            int direction = w.StartsWith("next", StringComparison.OrdinalIgnoreCase) ? 1
                : w.StartsWith("last", StringComparison.OrdinalIgnoreCase) ? -1 : 0;
            return new DateExpression(start, end, 0, 0, 0, RelativeDay.Weekday, direction, day, q);
        }
        if (m.Groups["yr"].Success)
        {
            int y = Int(m, "y");
            return new DateExpression(m.Groups["y"].Index, m.Groups["y"].Index + 4, y, 0, 0, RelativeDay.None, 0, IsoDayOfWeek.None, q);
        }
        return null;
    }

    private static DateExpression? Valid(DateExpression e)
    {
        if (e.Month is < 1 or > 12 || e.Day is < 0 or > 31) return null;
        if (e.Year > 0 && e.Day > 0 && e.Day > CalendarSystem.Iso.GetDaysInMonth(e.Year, e.Month)) return null;
        return e;
    }

    // "May" is a month only with a capital; "mar", "sep" and the like only with a capital too.
    private static bool MonthWordIsDate(Match m)
    {
        var g = m.Groups["m"];
        if (!g.Success) return true;
        string v = g.Value;
        if (char.IsUpper(v[0])) return true;
        // French months are written in lower case; English ones are not.
        return v.Length > 3 && IsFrench(v) && !v.Equals("mars", StringComparison.Ordinal) || v is "mars" && FollowsDayNumber(m);
    }

    private static bool FollowsDayNumber(Match m) => m.Groups["d"].Success;

    private static bool IsFrench(string v) => v is "janvier" or "février" or "fevrier" or "mars" or "avril" or "mai" or "juin"
        or "juillet" or "août" or "aout" or "septembre" or "octobre" or "novembre" or "décembre" or "decembre";

    private static int Int(Match m, string g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Squash(string s) => string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateQualifier ParseQualifier(string q) => q.ToLowerInvariant() switch
    {
        "by" => DateQualifier.By,
        "since" or "depuis" => DateQualifier.Since,
        "before" or "avant" => DateQualifier.Before,
        "after" or "après" => DateQualifier.After,
        "until" or "till" or "jusqu'en" or "jusqu'au" => DateQualifier.Until,
        "from" or "starting" or "as of" => DateQualifier.From,
        _ => DateQualifier.None,
    };

    public static int MonthNumber(string name)
    {
        string n = name.ToLowerInvariant().TrimEnd('.');
        return n switch
        {
            "january" or "jan" or "janvier" => 1,
            "february" or "feb" or "février" or "fevrier" => 2,
            "march" or "mar" or "mars" => 3,
            "april" or "apr" or "avril" => 4,
            "may" or "mai" => 5,
            "june" or "jun" or "juin" => 6,
            "july" or "jul" or "juillet" => 7,
            "august" or "aug" or "août" or "aout" => 8,
            "september" or "sept" or "sep" or "septembre" => 9,
            "october" or "oct" or "octobre" => 10,
            "november" or "nov" or "novembre" => 11,
            "december" or "dec" or "décembre" or "decembre" => 12,
            _ => 0,
        };
    }

    private static IsoDayOfWeek ParseWeekday(string w) => w.ToLowerInvariant() switch
    {
        "monday" or "lundi" => IsoDayOfWeek.Monday,
        "tuesday" or "mardi" => IsoDayOfWeek.Tuesday,
        "wednesday" or "mercredi" => IsoDayOfWeek.Wednesday,
        "thursday" or "jeudi" => IsoDayOfWeek.Thursday,
        "friday" or "vendredi" => IsoDayOfWeek.Friday,
        "saturday" or "samedi" => IsoDayOfWeek.Saturday,
        "sunday" or "dimanche" => IsoDayOfWeek.Sunday,
        _ => IsoDayOfWeek.None,
    };

    private static int SmallNumber(string s) => s.ToLowerInvariant() switch
    {
        "a" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
        _ => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0,
    };

    /// <summary>
    /// The date an expression names, at the precision written, or null when it cannot be known:
    /// a relative expression without a publication date, a day without a year.
    /// </summary>
    /// <param name="e">The expression.</param>
    /// <param name="published">The publication date, when known.</param>
    /// <param name="yearInContext">The year the context gives: for "in July of that year" the year last named; for a
    /// day without a year in an undated text, the narrative's year; 0 for none.</param>
    /// <param name="future">Whether the clause speaks of the future ("will take effect on February 20").</param>
    public static PartialDate? Resolve(DateExpression e, LocalDate? published, int yearInContext, bool future)
    {
        switch (e.Relative)
        {
            case RelativeDay.None:
                if (e.Year > 0) return ReportedDates.Make(e.Year, e.Month, e.Day);
                if (e.Month == 0) return null;
                if (published is { } p)
                {
                    int y = p.Year;
                    // A date without a year is the nearest such date on the side the tense points to.
                    int cmp = e.Day > 0 ? new LocalDate(y, e.Month, Math.Min(e.Day, CalendarSystem.Iso.GetDaysInMonth(y, e.Month))).CompareTo(p)
                        : e.Month.CompareTo(p.Month);
                    if (!future && cmp > 0 && MonthsBetween(p, e.Month, y) > 1) y--;
                    if (future && cmp < 0 && MonthsBetween(p, e.Month, y) > 1) y++;
                    return Make(y, e.Month, e.Day);
                }
                if (e.Weekday != IsoDayOfWeek.None && yearInContext > 0)
                {
                    // "Saturday, January 10" with the text's latest year 2025: the first such year from then on.
                    for (int y = yearInContext; y <= yearInContext + 1; y++)
                        if (e.Day <= CalendarSystem.Iso.GetDaysInMonth(y, e.Month) && new LocalDate(y, e.Month, e.Day).DayOfWeek == e.Weekday)
                            return ReportedDates.Make(y, e.Month, e.Day);
                    return null;
                }
                // without a publication date, the year of the narrative if the caller knows one
                return yearInContext > 0 ? Make(yearInContext, e.Month, e.Day) : null;
            case RelativeDay.MonthOfThatYear:
                // "in July of that year", "in the same year"
                return yearInContext > 0 ? ReportedDates.Make(yearInContext, e.Month) : null;
        }
        if (published is not { } pub) return null;
        switch (e.Relative)
        {
            case RelativeDay.Today: return PartialDate.OfDay(pub);
            case RelativeDay.Yesterday or RelativeDay.LastNight: return PartialDate.OfDay(pub.PlusDays(-1));
            case RelativeDay.DaysAgo: return e.Amount > 0 ? PartialDate.OfDay(pub.PlusDays(-e.Amount)) : null;
            case RelativeDay.ThisMonth: return ReportedDates.Make(pub.Year, pub.Month);
            case RelativeDay.ThisWeek:
            {
                var monday = pub.PlusDays(-((int)pub.DayOfWeek - 1));
                return monday.Month == pub.Month ? ReportedDates.Make(pub.Year, pub.Month) : null;
            }
            case RelativeDay.NextWeek:
            {
                var monday = pub.PlusDays(8 - (int)pub.DayOfWeek);
                var sunday = monday.PlusDays(6);
                return monday.Month == sunday.Month ? ReportedDates.Make(monday.Year, monday.Month) : null;
            }
            case RelativeDay.WeeksAgo:
            {
                // "a week ago" is loose: its month, when the days around it lie in one month
                if (e.Amount <= 0) return null;
                var day = pub.PlusDays(-7 * e.Amount);
                return day.PlusDays(-3).Month == day.PlusDays(3).Month ? ReportedDates.Make(day.Year, day.Month) : null;
            }
            case RelativeDay.MonthsAgo:
            {
                if (e.Amount <= 0) return null;
                var d = pub.PlusMonths(-e.Amount);
                return ReportedDates.Make(d.Year, d.Month);
            }
            case RelativeDay.YearsAgo: return e.Amount > 0 ? ReportedDates.Make(pub.Year - e.Amount) : null;
            case RelativeDay.LastMonth: { var d = pub.PlusMonths(-1); return ReportedDates.Make(d.Year, d.Month); }
            case RelativeDay.NextMonth: { var d = pub.PlusMonths(1); return ReportedDates.Make(d.Year, d.Month); }
            case RelativeDay.ThisYear: return ReportedDates.Make(pub.Year);
            case RelativeDay.LastYear: return ReportedDates.Make(pub.Year - 1);
            case RelativeDay.NextYear: return ReportedDates.Make(pub.Year + 1);
            case RelativeDay.LastNamedMonth:
            {
                int y = e.Month < pub.Month ? pub.Year : pub.Year - 1;
                return ReportedDates.Make(y, e.Month);
            }
            case RelativeDay.LastWeek:
            {
                // the calendar week before the publication week; its month when the whole week lies in one
                var monday = pub.PlusDays(-((int)pub.DayOfWeek - 1) - 7);
                var sunday = monday.PlusDays(6);
                return monday.Month == sunday.Month ? ReportedDates.Make(monday.Year, monday.Month) : null;
            }
            case RelativeDay.Weekday:
            {
                int back = ((int)pub.DayOfWeek - (int)e.Weekday + 7) % 7;
                if (e.Amount < 0 && back == 0) back = 7;            // "last Friday" on a Friday
                if (future || e.Amount > 0)
                {
                    int ahead = ((int)e.Weekday - (int)pub.DayOfWeek + 7) % 7;
                    if (e.Amount > 0 && ahead == 0) ahead = 7;
                    return PartialDate.OfDay(pub.PlusDays(ahead));
                }
                return PartialDate.OfDay(pub.PlusDays(-back));
            }
        }
        return null;
    }

    private static int MonthsBetween(LocalDate p, int month, int year) =>
        Math.Abs((year * 12 + month) - (p.Year * 12 + p.Month));

    private static PartialDate? Make(int y, int m, int d) =>
        d > 0 && d > CalendarSystem.Iso.GetDaysInMonth(y, m) ? null : ReportedDates.Make(y, m, d);
}
