using NodaTime;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using Xunit;

namespace TreatyWatch.Engine.Tests.Status;

/// <summary><see cref="StateTimeline.Fill"/> and <see cref="TreatyStatusBook.Fill"/> agree with StatusCode, day by day.</summary>
public class FillTests
{
    [Theory]
    [InlineData("apmbc", "LTU", "1990-01-01", 15000)]
    [InlineData("apmbc", "POL", "1997-01-01", 11000)]
    [InlineData("apmbc", "UKR", "1945-01-01", 31411)]
    [InlineData("apmbc", "FIN", "2025-12-31", 40)]
    [InlineData("apmbc", "USA", "1945-01-01", 31411)]
    [InlineData("apmbc", "ZZZ", "2000-01-01", 10)]
    public void Fill_MatchesStatusCodeEveryDay(string treaty, string state, string from, int count)
    {
        var book = RepoPaths.BundledCatalog.Book(treaty);
        AssertSame(book, state, IsoDate.Parse(from), count);
    }

    [Fact]
    public void Fill_MatchesStatusCode_ForEveryTimelineOfEveryTreaty_Around2025()
    {
        var catalog = RepoPaths.BundledCatalog;
        foreach (var treaty in catalog.Treaties)
        {
            var book = catalog.Book(treaty.Id);
            foreach (var t in book.Timelines) AssertSame(book, t.State, new LocalDate(1940, 1, 1), 36000, step: 7);
        }
    }

    [Fact]
    public void Fill_RangeStartingAfterEverySegmentBoundary_UsesTheLastSegment()
    {
        var book = RepoPaths.BundledCatalog.Book("apmbc");
        var days = new byte[3];
        book.TimelineOf("LTU")!.Fill(new LocalDate(2100, 1, 1), days);
        Assert.All(days, d => Assert.Equal((byte)TreatyStatus.Withdrawn, d));
    }

    [Fact]
    public void Fill_EmptySpan_DoesNothing() =>
        RepoPaths.BundledCatalog.Book("apmbc").TimelineOf("LTU")!.Fill(new LocalDate(2000, 1, 1), Span<byte>.Empty);

    private static void AssertSame(TreatyStatusBook book, string state, LocalDate from, int count, int step = 1)
    {
        var days = new byte[count];
        book.Fill(state, from, days);
        for (var i = 0; i < count; i += step)
        {
            var day = from.PlusDays(i);
            Assert.True((byte)book.StatusCode(state, day) == days[i], $"{book.Treaty.Id} {state} {day}: Fill {(TreatyStatus)days[i]}, StatusCode {book.StatusCode(state, day)}");
        }
    }
}
