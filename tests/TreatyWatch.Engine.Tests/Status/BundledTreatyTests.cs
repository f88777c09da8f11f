using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using Xunit;

namespace TreatyWatch.Engine.Tests.Status;

/// <summary>
/// Expected statuses for the other bundled treaties, each from a source named in data/sources (the dates the
/// sources state; the engine computes them from the instruments and the rules).
/// </summary>
public class BundledTreatyTests
{
    [Theory]
    [InlineData("rome-statute", "BDI", "2017-10-26", "withdrawal_pending")]
    [InlineData("rome-statute", "BDI", "2017-10-27", "withdrawn")]
    [InlineData("rome-statute", "PHL", "2019-03-17", "withdrawn")]
    [InlineData("rome-statute", "HUN", "2026-03-01", "withdrawal_pending")]
    [InlineData("rome-statute", "HUN", "2026-06-02", "withdrawn")]
    [InlineData("rome-statute", "ZAF", "2017-06-01", "party")]
    [InlineData("rome-statute", "GMB", "2017-06-01", "party")]
    [InlineData("rome-statute", "USA", "2010-01-01", "signatory")]
    [InlineData("rome-statute", "ARM", "2024-01-31", "contracting")]
    [InlineData("rome-statute", "ARM", "2024-02-01", "party")]
    [InlineData("rome-statute", "UKR", "2025-01-01", "party")]
    [InlineData("kyoto-protocol", "CAN", "2012-12-14", "withdrawal_pending")]
    [InlineData("kyoto-protocol", "CAN", "2012-12-15", "withdrawn")]
    [InlineData("kyoto-protocol", "RUS", "2005-02-16", "party")]
    [InlineData("paris-agreement", "USA", "2016-11-04", "party")]
    [InlineData("paris-agreement", "USA", "2020-11-04", "withdrawn")]
    [InlineData("paris-agreement", "USA", "2021-02-19", "party")]
    [InlineData("paris-agreement", "USA", "2026-01-27", "withdrawn")]
    [InlineData("paris-agreement", "DZA", "2016-11-19", "party")]
    [InlineData("who-constitution", "USA", "2021-07-07", "party")]
    [InlineData("who-constitution", "USA", "2026-01-22", "withdrawn")]
    [InlineData("who-constitution", "ARG", "2026-04-01", "party")]
    [InlineData("istanbul-convention", "TUR", "2021-06-30", "withdrawal_pending")]
    [InlineData("istanbul-convention", "TUR", "2021-07-01", "withdrawn")]
    [InlineData("echr", "RUS", "2022-09-15", "withdrawal_pending")]
    [InlineData("echr", "RUS", "2022-09-16", "withdrawn")]
    [InlineData("inf", "USA", "2019-08-02", "withdrawn")]
    [InlineData("inf", "RUS", "2019-08-01", "party")]
    [InlineData("inf", "RUS", "2019-08-02", "none")]
    [InlineData("new-start", "RUS", "2023-03-01", "party")]
    [InlineData("new-start", "USA", "2026-02-04", "party")]
    [InlineData("new-start", "USA", "2026-02-05", "none")]
    [InlineData("open-skies", "USA", "2020-11-22", "withdrawn")]
    [InlineData("open-skies", "RUS", "2021-12-18", "withdrawn")]
    [InlineData("att", "CHN", "2020-10-03", "contracting")]
    [InlineData("att", "CHN", "2020-10-04", "party")]
    [InlineData("att", "USA", "2020-01-01", "signatory")]
    [InlineData("cwc", "PSE", "2018-06-16", "party")]
    [InlineData("ctbt", "RUS", "2024-01-01", "contracting")]
    [InlineData("tpnw", "AUT", "2021-01-22", "party")]
    [InlineData("npt", "PRK", "2003-04-09", "withdrawal_pending")]
    [InlineData("npt", "IND", "2020-01-01", "unknown")]
    public void Status_MatchesTheSources(string treaty, string state, string on, string expected) =>
        Assert.Equal(expected, TreatyStatuses.Name(RepoPaths.BundledCatalog.Book(treaty).StatusCode(state, IsoDate.Parse(on))));

    [Theory]
    [InlineData("att", "2014-12-24")]
    [InlineData("cwc", "1997-04-29")]
    [InlineData("rome-statute", "2002-07-01")]
    [InlineData("unfccc", "1994-03-21")]
    [InlineData("kyoto-protocol", "2005-02-16")]
    [InlineData("paris-agreement", "2016-11-04")]
    [InlineData("inf", "1988-06-01")]
    [InlineData("new-start", "2011-02-05")]
    [InlineData("open-skies", "2002-01-01")]
    [InlineData("istanbul-convention", "2014-08-01")]
    public void TreatyWideEntryIntoForce(string treaty, string expected) =>
        Assert.Equal(IsoDate.Parse(expected), RepoPaths.BundledCatalog.Book(treaty).EntryIntoForce);

    [Fact]
    public void Ctbt_IsNotInForce_AndTheReasonNamesTheMissingAnnexStates()
    {
        var book = RepoPaths.BundledCatalog.Book("ctbt");
        Assert.Null(book.EntryIntoForce);
        Assert.Contains("United States of America", book.EntryIntoForceReason!.Text, StringComparison.Ordinal);
        var russia = book.StatusOf("RUS", new LocalDate(2024, 1, 1));
        Assert.Contains(russia.Reasons, r => r.Kind == ReasonKind.NotProvidedFor && r.Text.Contains("de-ratification", StringComparison.Ordinal));
    }

    [Fact]
    public void Ukraine_HadItDepositedAWithdrawal_TheArmedConflictClauseWouldHoldItBack()
    {
        // A hypothetical on the real record: the bundled APMBC actions and armed-conflict periods, plus one notice.
        var catalog = RepoPaths.BundledCatalog;
        var notice = new TreatyAction
        {
            Id = "hypothetical", TreatyId = "apmbc", State = "UKR", Kind = ActionKind.DepositWithdrawal,
            Date = PartialDate.Parse("2025-07-18"), Known = new LocalDate(2025, 7, 18), Origin = "test",
        };
        var book = StatusEngine.Build(catalog.Treaty("apmbc")!, catalog.ActionsOf("apmbc").Append(notice), catalog.States, catalog.Conflicts);
        Assert.Equal(TreatyStatus.WithdrawalPending, book.StatusCode("UKR", new LocalDate(2026, 1, 17)));
        var held = book.StatusOf("UKR", new LocalDate(2026, 6, 1));
        Assert.Equal(TreatyStatus.WithdrawalSuspended, held.Status);
        Assert.True(TreatyStatuses.IsBound(held.Status));
        Assert.Contains(held.Reasons, r => r.Article == "Art. 20(3)" && r.Text.Contains("engaged in an armed conflict", StringComparison.Ordinal));
    }
}
