using System.Globalization;
using NodaTime;

namespace TreatyWatch.Engine.Rules;

/// <summary>
/// One of the date shapes that final clauses use, applied to an anchor date (a deposit, a receipt).
/// </summary>
/// <remarks>
/// Month arithmetic follows NodaTime's <see cref="LocalDate.PlusMonths"/>: a day that does not exist in the
/// target month becomes that month's last day ("six months after 31 August" is 28 or 29 February). Depositary
/// practice for days 29-31 is unconfirmed; see docs/rules.md.
/// </remarks>
public abstract record DateExpression
{
    /// <summary>The date the expression gives for an anchor.</summary>
    public abstract LocalDate Apply(LocalDate anchor);

    /// <summary>The expression in the vocabulary's words, for reasons.</summary>
    public abstract string Describe(string anchor);

    /// <summary>"on the date of deposit".</summary>
    public sealed record On : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor) => anchor;
        /// <inheritdoc />
        public override string Describe(string anchor) => $"on {anchor}";
    }

    /// <summary>"the Nth day following": anchor + N days.</summary>
    public sealed record DaysAfter(int Days) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor) => anchor.PlusDays(Days);
        /// <inheritdoc />
        public override string Describe(string anchor) => $"{Days} days after {anchor}";
    }

    /// <summary>"N months after": the same day N months later, or that month's last day.</summary>
    public sealed record MonthsAfter(int Months) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor) => anchor.PlusMonths(Months);
        /// <inheritdoc />
        public override string Describe(string anchor) => $"{Months} {Plural(Months, "month")} after {anchor}";
    }

    /// <summary>"N years after": the same day N years later (29 February becomes 28 February).</summary>
    public sealed record YearsAfter(int Years) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor) => anchor.PlusYears(Years);
        /// <inheritdoc />
        public override string Describe(string anchor) => $"{Years} {Plural(Years, "year")} after {anchor}";
    }

    /// <summary>"the first day of the Nth month after": day 1 of the anchor's month + N.</summary>
    public sealed record FirstDayOfNthMonthAfter(int Months) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor) => new LocalDate(anchor.Year, anchor.Month, 1).PlusMonths(Months);
        /// <inheritdoc />
        public override string Describe(string anchor) => $"first day of the {Ordinal(Months)} month after {anchor}";
    }

    /// <summary>"the first day of the month after the Nth day following": day 1 of the month after anchor + N days.</summary>
    public sealed record FirstDayOfMonthAfterDays(int Days) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor)
        {
            var d = anchor.PlusDays(Days);
            return new LocalDate(d.Year, d.Month, 1).PlusMonths(1);
        }

        /// <inheritdoc />
        public override string Describe(string anchor) => $"first day of the month after {Days} days after {anchor}";
    }

    /// <summary>"the first day of the month following the expiration of N months after": day 1 of the month after anchor + N months.</summary>
    public sealed record FirstDayOfMonthAfterMonths(int Months) : DateExpression
    {
        /// <inheritdoc />
        public override LocalDate Apply(LocalDate anchor)
        {
            var d = anchor.PlusMonths(Months);
            return new LocalDate(d.Year, d.Month, 1).PlusMonths(1);
        }

        /// <inheritdoc />
        public override string Describe(string anchor) => $"first day of the month after {Months} {Plural(Months, "month")} after {anchor}";
    }

    internal static string Plural(int n, string word) => n == 1 ? word : word + "s";

    /// <summary>1st, 2nd, 3rd, 40th.</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
