using System.Globalization;
using NodaTime;

namespace TreatyWatch.Engine.Dates;

/// <summary>How much of a date a source gives.</summary>
public enum DatePrecision
{
    /// <summary>Only the year ("in 2024").</summary>
    Year,
    /// <summary>Year and month ("in mid-April 2025").</summary>
    Month,
    /// <summary>A calendar day.</summary>
    Day,
}

/// <summary>
/// A date that may be known only to the month or the year, as news reports give them.
/// Written ISO-style: <c>2025</c>, <c>2025-04</c>, <c>2025-04-16</c>.
/// </summary>
/// <remarks>
/// Edge case: a partial date covers a range of days. <see cref="FirstDay"/> and <see cref="LastDay"/>
/// bound it; "happened by day D" is only certain when <see cref="LastDay"/> is on or before D.
/// </remarks>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month (1-12), or 0 when the precision is <see cref="DatePrecision.Year"/>.</summary>
    public int Month { get; }

    /// <summary>The day of the month, or 0 when the precision is coarser than a day.</summary>
    public int Day { get; }

    /// <summary>How precise the date is.</summary>
    public DatePrecision Precision { get; }

    /// <summary>A date known to the day.</summary>
    public static PartialDate OfDay(LocalDate date) => new(date.Year, date.Month, date.Day, DatePrecision.Day);

    /// <summary>A date known to the month.</summary>
    public static PartialDate OfMonth(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        return new(year, month, 0, DatePrecision.Month);
    }

    /// <summary>A date known to the year.</summary>
    public static PartialDate OfYear(int year) => new(year, 0, 0, DatePrecision.Year);

    /// <summary>The first day the date can mean.</summary>
    public LocalDate FirstDay => Precision switch
    {
        DatePrecision.Day => new LocalDate(Year, Month, Day),
        DatePrecision.Month => new LocalDate(Year, Month, 1),
        _ => new LocalDate(Year, 1, 1),
    };

    /// <summary>The last day the date can mean.</summary>
    public LocalDate LastDay => Precision switch
    {
        DatePrecision.Day => new LocalDate(Year, Month, Day),
        DatePrecision.Month => new LocalDate(Year, Month, 1).PlusMonths(1).PlusDays(-1),
        _ => new LocalDate(Year, 12, 31),
    };

    /// <summary>The exact day, or <c>null</c> when the date is not known to the day.</summary>
    public LocalDate? ExactDay => Precision == DatePrecision.Day ? FirstDay : null;

    /// <summary>True when the two dates can mean the same day, compared at the coarser precision of the two.</summary>
    public bool AgreesWith(PartialDate other)
    {
        var p = (DatePrecision)Math.Min((int)Precision, (int)other.Precision);
        return p switch
        {
            DatePrecision.Year => Year == other.Year,
            DatePrecision.Month => Year == other.Year && Month == other.Month,
            _ => Year == other.Year && Month == other.Month && Day == other.Day,
        };
    }

    /// <summary>Orders by first day, then the more precise first.</summary>
    public int CompareTo(PartialDate other)
    {
        var c = FirstDay.CompareTo(other.FirstDay);
        return c != 0 ? c : other.Precision.CompareTo(Precision);
    }

    /// <summary>ISO form at the date's precision.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => FirstDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; rejects impossible dates such as 2025-02-30.</summary>
    public static bool TryParse(string? text, out PartialDate value, out string? error)
    {
        value = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty date";
            return false;
        }

        var s = text.Trim();
        var parts = s.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1)
        {
            error = $"'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }

        if (parts.Length == 1)
        {
            value = OfYear(y);
            return true;
        }

        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
        {
            error = $"'{s}' has no month {parts[1]}";
            return false;
        }

        if (parts.Length == 2)
        {
            value = OfMonth(y, m);
            return true;
        }

        if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1)
        {
            error = $"'{s}' is not a date of the form YYYY-MM-DD";
            return false;
        }

        var days = CalendarSystem.Iso.GetDaysInMonth(y, m);
        if (d > days)
        {
            error = $"'{s}' does not exist: {new LocalDate(y, m, 1).ToString("MMMM uuuu", CultureInfo.InvariantCulture)} has {days} days";
            return false;
        }

        value = new PartialDate(y, m, d, DatePrecision.Day);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the input.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var v, out var e) ? v : throw new FormatException(e);
}

/// <summary>Day-precision date parsing with messages that name the input.</summary>
public static class IsoDate
{
    /// <summary>Parses <c>YYYY-MM-DD</c> strictly (a real calendar day).</summary>
    public static bool TryParse(string? text, out LocalDate date, out string? error)
    {
        date = default;
        if (!PartialDate.TryParse(text, out var p, out error)) return false;
        if (p.Precision != DatePrecision.Day)
        {
            error = $"'{text}' is not a full date: write YYYY-MM-DD";
            return false;
        }

        date = p.FirstDay;
        return true;
    }

    /// <summary>Parses <c>YYYY-MM-DD</c> or throws <see cref="FormatException"/> naming the input.</summary>
    public static LocalDate Parse(string text) => TryParse(text, out var d, out var e) ? d : throw new FormatException(e);

    /// <summary>ISO form.</summary>
    public static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Human form: 27 December 2025.</summary>
    public static string Long(LocalDate date) => date.ToString("d MMMM uuuu", CultureInfo.InvariantCulture);
}
