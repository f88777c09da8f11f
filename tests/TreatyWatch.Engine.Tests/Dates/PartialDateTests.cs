using NodaTime;
using TreatyWatch.Engine.Dates;
using Xunit;

namespace TreatyWatch.Engine.Tests.Dates;

public class PartialDateTests
{
    [Theory]
    [InlineData("2025", DatePrecision.Year, "2025-01-01", "2025-12-31")]
    [InlineData("2025-04", DatePrecision.Month, "2025-04-01", "2025-04-30")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2025-12-27", DatePrecision.Day, "2025-12-27", "2025-12-27")]
    public void Parse_KeepsPrecisionAndRange(string text, DatePrecision precision, string first, string last)
    {
        var d = PartialDate.Parse(text);
        Assert.Equal(precision, d.Precision);
        Assert.Equal(IsoDate.Parse(first), d.FirstDay);
        Assert.Equal(IsoDate.Parse(last), d.LastDay);
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("2025-02-30", "does not exist: February 2025 has 28 days")]
    [InlineData("2023-02-29", "does not exist: February 2023 has 28 days")]
    [InlineData("2025-13-01", "has no month 13")]
    [InlineData("25-01-01", "is not a date")]
    [InlineData("2025-1-5", "has no month 1")]
    [InlineData("yesterday", "is not a date")]
    public void Parse_ImpossibleOrMalformed_RefusedNamingTheInput(string text, string expected)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.Contains(text, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Parse_LeapDay_Accepted() => Assert.Equal(new LocalDate(2024, 2, 29), PartialDate.Parse("2024-02-29").FirstDay);

    [Theory]
    [InlineData("2025-04", "2025-04-16", true)]
    [InlineData("2025-04", "2025-05-01", false)]
    [InlineData("2025", "2025-12-31", true)]
    [InlineData("2025-03-19", "2025-03-20", false)]
    public void AgreesWith_ComparesAtTheCoarserPrecision(string a, string b, bool agree) =>
        Assert.Equal(agree, PartialDate.Parse(a).AgreesWith(PartialDate.Parse(b)));

    [Fact]
    public void IsoDate_RefusesPartialDates()
    {
        Assert.False(IsoDate.TryParse("2025-06", out _, out var e));
        Assert.Contains("not a full date", e);
    }
}

public class NameKeyTests
{
    [Theory]
    [InlineData("Côte d'Ivoire", "cote d ivoire")]
    [InlineData("Cote d'Ivoire", "cote d ivoire")]
    [InlineData("TÜRKIYE", "turkiye")]
    [InlineData("The Gambia", "gambia")]
    [InlineData("São Tomé and Príncipe", "sao tome and principe")]
    [InlineData("Curaçao", "curacao")]
    public void Key_FoldsCaseAccentsPunctuationAndThe(string name, string key) =>
        Assert.Equal(key, TreatyWatch.Engine.Text.NameKey.Key(name));
}
