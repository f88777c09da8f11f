using NodaTime;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

public class DateFinderTests
{
    /// <summary>The one date expression in <paramref name="text"/>, resolved against <paramref name="published"/>.</summary>
    private static string ResolveOnly(string text, string? published, bool future = false)
    {
        var e = Assert.Single(DateFinder.Find(text));
        LocalDate? p = published is null ? null : LocalDate.FromDateTime(DateTime.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        return ReportedDates.Format(DateFinder.Resolve(e, p, 0, future));
    }

    [Theory]
    [InlineData("signed on December 4, 1997 in Ottawa", null, "1997-12-04")]
    [InlineData("ratified it on 27 December 2005", null, "2005-12-27")]
    [InlineData("Published March 06, 2025 | 11:20 AM", null, "2025-03-06")]
    [InlineData("Friday, 11 Jul 2025", null, "2025-07-11")]
    [InlineData("03/18/2025", null, "2025-03-18")]
    [InlineData("18.03.2025", null, "2025-03-18")]
    [InlineData("2025-06-29T12:24:07", null, "2025-06-29")]
    [InlineData("In early March 2025, Lithuania", null, "2025-03")]
    [InlineData("in January 2026", null, "2026-01")]
    [InlineData("ratified the convention in 2005", null, "2005")]
    [InlineData("had admitted in early 2024", null, "2024")]
    public void AbsoluteDates_KeepTheirPrecision(string text, string? published, string expected) =>
        Assert.Equal(expected, ResolveOnly(text, published));

    [Theory]
    [InlineData("announced on March 18 their intention", "2025-03-18", "2025-03-18")]
    [InlineData("submitted on 27 June", "2025-06-29", "2025-06-27")]
    [InlineData("In mid-April, the Latvian parliament", "2025-05-05", "2025-04")]
    [InlineData("voted to leave the convention last July", "2025-03-06", "2024-07")]
    [InlineData("voted to leave the convention last July", "2025-08-06", "2025-07")]
    [InlineData("said on Tuesday", "2025-04-02", "2025-04-01")]
    [InlineData("said late on Thursday", "2025-07-11", "2025-07-10")]
    [InlineData("quit on Thursday", "2025-03-06", "2025-03-06")]
    [InlineData("approved the bill last night", "2025-06-26", "2025-06-25")]
    [InlineData("Last month, the president", "2025-07-15", "2025-06")]
    [InlineData("approved last week", "2024-07-11", "2024-07")]
    [InlineData("two days ago", "2025-07-15", "2025-07-13")]
    [InlineData("earlier this year", "2025-07-15", "2025")]
    public void RelativeDates_ResolveAgainstPublication(string text, string published, string expected) =>
        Assert.Equal(expected, ResolveOnly(text, published));

    [Fact]
    public void FutureDayWithoutYear_IsTheNextSuchDay() =>
        Assert.Equal("2026-02-20", ResolveOnly("will withdraw on February 20", "2026-01-16", future: true));

    [Fact]
    public void FutureWeekday_IsTheNextSuchDay() =>
        Assert.Equal("2025-04-08", ResolveOnly("will vote on Tuesday", "2025-04-02", future: true));

    [Fact]
    public void LastWeekAcrossTwoMonths_HasNoDate() =>
        Assert.Equal("", ResolveOnly("approved last week", "2025-07-09"));

    [Fact]
    public void RelativeDateWithoutPublication_HasNoDate() =>
        Assert.Equal("", ResolveOnly("voted on Wednesday", null));

    [Theory]
    [InlineData("est entrée en vigueur le 1er mars 1999", "1999-03-01")]
    [InlineData("Elle a été signée le 3 décembre 1997", "1997-12-03")]
    [InlineData("GENÈVE, 1er juillet 2025.", "2025-07-01")]
    [InlineData("en juillet 2025", "2025-07")]
    public void FrenchDates(string text, string expected) => Assert.Equal(expected, ResolveOnly(text, null));

    [Fact]
    public void FrenchWeekday_ResolvesLikeAnEnglishOne() =>
        Assert.Equal("2025-06-29", ResolveOnly("Dimanche, le parlementaire a déclaré", "2025-07-01"));

    [Theory]
    [InlineData("the treaty entered into force in the late 1990s")]
    [InlineData("Finland may withdraw")]
    [InlineData("a range of 500 to 5,500 kilometers")]
    public void NotDates(string text) => Assert.Empty(DateFinder.Find(text));

    [Theory]
    [InlineData("having joined by 2005", DateQualifier.By)]
    [InlineData("a member since 2012", DateQualifier.Since)]
    [InlineData("did not ratify it until 2012", DateQualifier.Until)]
    public void Qualifiers_AreKept(string text, DateQualifier q) => Assert.Equal(q, Assert.Single(DateFinder.Find(text)).Qualifier);

    [Fact]
    public void WeekdayWithDate_WithoutYear_TakesTheFirstYearThatFits()
    {
        // January 10 was a Saturday in 2026, not in 2025: with 2025 the latest year in the text, 2026 it is
        var e = Assert.Single(DateFinder.Find("On Saturday, January 10, Finland withdrew"));
        Assert.Equal("2026-01-10", ReportedDates.Format(DateFinder.Resolve(e, null, 2025, false)));
    }

    [Fact]
    public void MonthOfThatYear_TakesTheYearNamedBefore()
    {
        var e = Assert.Single(DateFinder.Find("In July of that year, the president signed"));
        Assert.Equal("2025-07", ReportedDates.Format(DateFinder.Resolve(e, new LocalDate(2026, 1, 16), 2025, false)));
    }

    [Theory]
    [InlineData("voted earlier this week", "2025-03-12", "2025-03")]
    [InlineData("voted earlier this week", "2025-04-02", "")]           // the week began in March
    [InlineData("will vote next week", "2025-03-12", "2025-03")]
    [InlineData("will vote next week", "2025-03-26", "")]               // March 31 to April 6
    [InlineData("voted a week ago", "2025-03-12", "2025-03")]
    [InlineData("voted two weeks ago", "2025-04-03", "2025-03")]
    [InlineData("voted a week ago", "2025-04-09", "")]                  // April 2, too near the month's edge
    [InlineData("voted three months ago", "2025-03-12", "2024-12")]
    [InlineData("signed it two years ago", "2025-03-12", "2023")]
    [InlineData("voted 3 days ago", "2025-03-12", "2025-03-09")]
    public void RelativeWeeksMonthsAndYearsAgo_KeepAHonestPrecision(string text, string published, string expected) =>
        Assert.Equal(expected, ResolveOnly(text, published));
}
