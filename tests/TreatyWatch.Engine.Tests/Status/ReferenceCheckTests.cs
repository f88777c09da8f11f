using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using Xunit;

namespace TreatyWatch.Engine.Tests.Status;

/// <summary>The engine reproduces every in_force_for_state date of ../shared/reference from consent dates and rules.</summary>
public class ReferenceCheckTests
{
    [Theory]
    [InlineData("apmbc")]
    [InlineData("ccm")]
    public void EveryInForceDate_InTheReference_IsReproduced(string treaty)
    {
        var shared = RepoPaths.Shared();
        if (shared is null) return; // outside CI without ../shared there is nothing to compare against
        var rows = Csv.Read("participants", File.ReadAllText(Path.Combine(shared, "reference", $"{treaty}-participants.csv")), "iso3", "in_force_for_state");
        var book = RepoPaths.BundledCatalog.Book(treaty);
        var checkedRows = 0;
        foreach (var r in rows.Where(r => r["in_force_for_state"].Length > 0))
        {
            var expected = IsoDate.Parse(r["in_force_for_state"]);
            Assert.True(TreatyStatuses.IsBound(book.StatusCode(r["iso3"], expected)), $"{r["iso3"]} should be bound on {r["in_force_for_state"]}");
            var a = book.StatusOf(r["iso3"], expected);
            Assert.Equal(expected, a.InForceSince);
            Assert.NotEqual(TreatyStatus.Party, book.StatusCode(r["iso3"], expected.PlusDays(-1)));
            checkedRows++;
        }

        Assert.True(checkedRows > 100, $"only {checkedRows} rows checked");
    }
}
