using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Rules;
using Xunit;

namespace TreatyWatch.Engine.Tests.Rules;

public class DateExpressionTests
{
    [Theory]
    // APMBC Art. 20(3), observed practice: the same calendar day six months later.
    [InlineData("2025-06-27", "2025-12-27")]
    [InlineData("2025-07-10", "2026-01-10")]
    [InlineData("2025-08-20", "2026-02-20")]
    [InlineData("2024-09-06", "2025-03-06")]
    // Days that do not exist in the target month become its last day.
    [InlineData("2025-08-31", "2026-02-28")]
    [InlineData("2023-08-31", "2024-02-29")]
    [InlineData("2025-03-31", "2025-09-30")]
    public void SixMonthsAfter_SameDayOrMonthEnd(string receipt, string effective) =>
        Assert.Equal(IsoDate.Parse(effective), new DateExpression.MonthsAfter(6).Apply(IsoDate.Parse(receipt)));

    [Theory]
    // APMBC Art. 17: first day of the sixth month after (Ukraine; Tonga; the 40th instrument).
    [InlineData("2005-12-27", "2006-06-01")]
    [InlineData("2025-06-25", "2025-12-01")]
    [InlineData("1998-09-16", "1999-03-01")]
    [InlineData("2000-03-01", "2000-09-01")]
    [InlineData("2018-08-31", "2019-02-01")]
    public void FirstDayOfSixthMonthAfter(string deposit, string inForce) =>
        Assert.Equal(IsoDate.Parse(inForce), new DateExpression.FirstDayOfNthMonthAfter(6).Apply(IsoDate.Parse(deposit)));

    [Theory]
    // Rome Statute Art. 126: first day of the month after the 60th day following deposit.
    [InlineData("2002-04-11", "2002-07-01")]
    [InlineData("2023-11-14", "2024-02-01")]
    [InlineData("2024-10-25", "2025-01-01")]
    public void FirstDayOfMonthAfterSixtyDays(string deposit, string inForce) =>
        Assert.Equal(IsoDate.Parse(inForce), new DateExpression.FirstDayOfMonthAfterDays(60).Apply(IsoDate.Parse(deposit)));

    [Fact]
    // Istanbul Convention Art. 80: Türkiye's notification of 22 March 2021 took effect on 1 July 2021.
    public void FirstDayOfMonthAfterThreeMonths_Turkiye() =>
        Assert.Equal(new LocalDate(2021, 7, 1), new DateExpression.FirstDayOfMonthAfterMonths(3).Apply(new LocalDate(2021, 3, 22)));

    [Fact]
    public void YearsAfter_LeapDay_BecomesTwentyEighthFebruary() =>
        Assert.Equal(new LocalDate(2025, 2, 28), new DateExpression.YearsAfter(1).Apply(new LocalDate(2024, 2, 29)));

    private static readonly LocalDate Epoch = new(1900, 1, 1);

    private static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(0, 200 * 366).Select(d => Epoch.PlusDays(d)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property MonthsAfter_LandsInTheRightMonth_OnTheSameDayOrItsLastDay() =>
        Prop.ForAll(Dates(), Gen.Choose(1, 36).ToArbitrary(), (d, n) =>
        {
            var r = new DateExpression.MonthsAfter(n).Apply(d);
            var monthsApart = (r.Year - d.Year) * 12 + r.Month - d.Month;
            var lastDay = CalendarSystem.Iso.GetDaysInMonth(r.Year, r.Month);
            return monthsApart == n && (r.Day == d.Day || (d.Day > lastDay && r.Day == lastDay));
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property FirstDayOfNthMonthAfter_IsAlwaysDayOne_AndLaterThanTheAnchor() =>
        Prop.ForAll(Dates(), Gen.Choose(1, 24).ToArbitrary(), (d, n) =>
        {
            var r = new DateExpression.FirstDayOfNthMonthAfter(n).Apply(d);
            return r.Day == 1 && r > d && (r.Year - d.Year) * 12 + r.Month - d.Month == n;
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property FirstDayOfMonthAfterDays_IsDayOne_AndAfterAnchorPlusDays() =>
        Prop.ForAll(Dates(), Gen.Choose(1, 400).ToArbitrary(), (d, n) =>
        {
            var r = new DateExpression.FirstDayOfMonthAfterDays(n).Apply(d);
            var threshold = d.PlusDays(n);
            return r.Day == 1 && r > threshold && r.PlusMonths(-1) <= threshold;
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property DaysAfter_IsExactlyNDaysLater() =>
        Prop.ForAll(Dates(), Gen.Choose(0, 1000).ToArbitrary(), (d, n) =>
            Period.Between(d, new DateExpression.DaysAfter(n).Apply(d), PeriodUnits.Days).Days == n);
}
