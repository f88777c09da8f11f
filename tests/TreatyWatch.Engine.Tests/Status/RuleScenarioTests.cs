using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;
using Xunit;

namespace TreatyWatch.Engine.Tests.Status;

/// <summary>Each rule of the vocabulary on small made-up records, so every branch of the engine is exercised.</summary>
public class RuleScenarioTests
{
    private const string ThreeStateTreaty = """
        id: demo
        title: Demonstration Convention
        participants: complete
        entry-into-force [Art. 10(1)]: first day of the 6th month after the month of the 3rd instrument
        entry-into-force-for-state [Art. 10(2)]: first day of the 6th month after deposit, for instruments after the 3rd
        signature [Art. 9]: until entry into force
        withdrawal [Art. 12(2)]: 6 months after receipt
        armed-conflict [Art. 12(2)]: not before the end of the armed conflict
        """;

    private static readonly Dictionary<string, State> States = new[] { "AAA", "BBB", "CCC", "DDD", "EEE", "NEW" }
        .ToDictionary(c => c, c => new State { Iso3 = c, Name = "State " + c, From = c == "NEW" ? new LocalDate(2006, 6, 3) : null });

    private static int _line;

    private static TreatyAction A(string state, ActionKind kind, string date, string? known = null, LocalDate? effective = null, string? id = null, string? supersedes = null) => new()
    {
        Id = id ?? $"a{++_line}",
        TreatyId = "demo",
        State = state,
        Kind = kind,
        Date = PartialDate.Parse(date),
        Known = known is null ? PartialDate.Parse(date).LastDay : IsoDate.Parse(known),
        Effective = effective,
        Supersedes = supersedes,
        Sources = [new Source("test", SourceKind.Depositary, "test record", null, null)],
        Origin = "test",
    };

    private static readonly TreatyAction[] Founders =
    [
        A("AAA", ActionKind.Ratify, "2000-01-10"),
        A("BBB", ActionKind.Ratify, "2000-02-10"),
        A("CCC", ActionKind.Accede, "2000-03-15"),
    ];

    private static TreatyStatusBook Book(IEnumerable<TreatyAction> extra, string definition = ThreeStateTreaty, IEnumerable<ArmedConflictPeriod>? conflicts = null, LocalDate? asKnownOn = null) =>
        StatusEngine.Build(TreatyDefinitionParser.Parse("demo.treaty", definition), Founders.Concat(extra), States, conflicts ?? [], asKnownOn);

    private static TreatyStatus S(TreatyStatusBook b, string state, string on) => b.StatusCode(state, IsoDate.Parse(on));

    [Fact]
    public void EntryIntoForce_FirstThreeOnTreatyDate_LaterStateOnItsOwnDate()
    {
        var b = Book([A("DDD", ActionKind.Ratify, "2000-04-02")]);
        Assert.Equal(new LocalDate(2000, 9, 1), b.EntryIntoForce);
        Assert.Equal(TreatyStatus.Contracting, S(b, "AAA", "2000-08-31"));
        Assert.Equal(TreatyStatus.Party, S(b, "AAA", "2000-09-01"));
        Assert.Equal(TreatyStatus.Contracting, S(b, "DDD", "2000-09-30"));
        Assert.Equal(TreatyStatus.Party, S(b, "DDD", "2000-10-01"));
    }

    [Fact]
    public void NotEnoughInstruments_NotInForce_StatesStayContracting()
    {
        var def = ThreeStateTreaty.Replace("3rd", "5th", StringComparison.Ordinal);
        var b = Book([], def);
        Assert.Null(b.EntryIntoForce);
        Assert.Contains("3 of 5 instruments", b.EntryIntoForceReason!.Text, StringComparison.Ordinal);
        Assert.Equal(TreatyStatus.Contracting, S(b, "AAA", "2030-01-01"));
    }

    [Fact]
    public void WithdrawalEffective_ArmedConflictAtSixMonths_HeldBackUntilConflictEnds()
    {
        var conflict = new ArmedConflictPeriod("BBB", new LocalDate(2021, 1, 1), new LocalDate(2022, 5, 9), "test war", [], null);
        var b = Book([A("BBB", ActionKind.DepositWithdrawal, "2021-03-01")], conflicts: [conflict]);
        Assert.Equal(TreatyStatus.WithdrawalPending, S(b, "BBB", "2021-08-31"));
        Assert.Equal(TreatyStatus.WithdrawalSuspended, S(b, "BBB", "2021-09-01"));
        Assert.Equal(TreatyStatus.WithdrawalSuspended, S(b, "BBB", "2022-05-08"));
        Assert.Equal(TreatyStatus.Withdrawn, S(b, "BBB", "2022-05-09"));
        var reason = b.StatusOf("BBB", new LocalDate(2022, 1, 1)).Reasons.Single(r => r.Text.Contains("armed conflict", StringComparison.Ordinal));
        Assert.Equal("Art. 12(2)", reason.Article);
    }

    [Fact]
    public void WithdrawalEffective_OngoingConflict_NeverTakesEffect()
    {
        var conflict = new ArmedConflictPeriod("BBB", new LocalDate(2021, 1, 1), null, "test war", [], null);
        var b = Book([A("BBB", ActionKind.DepositWithdrawal, "2021-03-01")], conflicts: [conflict]);
        Assert.Equal(TreatyStatus.WithdrawalSuspended, S(b, "BBB", "2040-01-01"));
        Assert.True(TreatyStatuses.IsBound(S(b, "BBB", "2040-01-01")));
    }

    [Fact]
    public void WithdrawalEffective_ConflictEndedBeforeTheSixMonths_NoDelay()
    {
        var conflict = new ArmedConflictPeriod("BBB", new LocalDate(2020, 1, 1), new LocalDate(2021, 4, 1), "test war", [], null);
        var b = Book([A("BBB", ActionKind.DepositWithdrawal, "2021-03-01")], conflicts: [conflict]);
        Assert.Equal(TreatyStatus.Withdrawn, S(b, "BBB", "2021-09-01"));
    }

    [Fact]
    public void RevokedWithdrawal_StateStaysParty()
    {
        var b = Book([A("AAA", ActionKind.DepositWithdrawal, "2016-10-27"), A("AAA", ActionKind.RevokeWithdrawal, "2017-03-07")]);
        Assert.Equal(TreatyStatus.WithdrawalPending, S(b, "AAA", "2017-01-01"));
        Assert.Equal(TreatyStatus.Party, S(b, "AAA", "2017-03-07"));
        Assert.Equal(TreatyStatus.Party, S(b, "AAA", "2030-01-01"));
    }

    [Fact]
    public void Rejoining_AfterWithdrawal_BoundAgainFromTheNewEntryIntoForce()
    {
        var b = Book([A("CCC", ActionKind.DepositWithdrawal, "2010-01-15"), A("CCC", ActionKind.Accede, "2012-05-20")]);
        Assert.Equal(TreatyStatus.Withdrawn, S(b, "CCC", "2011-01-01"));
        Assert.Equal(TreatyStatus.Contracting, S(b, "CCC", "2012-06-01"));
        Assert.Equal(TreatyStatus.Party, S(b, "CCC", "2012-11-01"));
        Assert.Equal(new LocalDate(2012, 11, 1), b.StatusOf("CCC", new LocalDate(2013, 1, 1)).InForceSince);
    }

    [Fact]
    public void WithdrawnSignature_BackToNone()
    {
        var b = Book([A("DDD", ActionKind.Sign, "2000-02-01"), A("DDD", ActionKind.WithdrawSignature, "2002-05-06")]);
        Assert.Equal(TreatyStatus.Signatory, S(b, "DDD", "2001-01-01"));
        Assert.Equal(TreatyStatus.None, S(b, "DDD", "2002-05-06"));
    }

    [Fact]
    public void SignatureAfterEntryIntoForce_IsReportedAsAProblem()
    {
        var b = Book([A("DDD", ActionKind.Sign, "2001-02-01")]);
        Assert.Contains(b.Problems, p => p.Contains("signature closed on 2000-09-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Succession_BoundFromTheDateTheStateCameIntoBeing()
    {
        var b = Book([A("NEW", ActionKind.Succeed, "2006-10-23")]);
        Assert.Equal(TreatyStatus.Party, S(b, "NEW", "2006-06-03"));
        Assert.Equal(TreatyStatus.None, S(b, "NEW", "2006-06-02"));
    }

    [Fact]
    public void Unsigning_And_Deratification_AreExplained_NotTreatedAsWithdrawal()
    {
        var b = Book([A("DDD", ActionKind.Sign, "2000-02-01"), A("DDD", ActionKind.Unsign, "2002-05-06"), A("BBB", ActionKind.Deratify, "2023-11-02")]);
        Assert.Equal(TreatyStatus.Signatory, S(b, "DDD", "2003-01-01"));
        Assert.Contains(b.StatusOf("DDD", new LocalDate(2003, 1, 1)).Reasons, r => r.Kind == ReasonKind.NotProvidedFor && r.Text.Contains("does not intend to become a party", StringComparison.Ordinal));
        Assert.Equal(TreatyStatus.Party, S(b, "BBB", "2024-01-01"));
        Assert.Contains(b.StatusOf("BBB", new LocalDate(2024, 1, 1)).Reasons, r => r.Text.Contains("not as a withdrawal", StringComparison.Ordinal));
    }

    [Fact]
    public void LaterDateNamedInTheNotification_IsUsed_WhenTheTreatyAllowsIt()
    {
        var def = ThreeStateTreaty.Replace("withdrawal [Art. 12(2)]: 6 months after receipt", "withdrawal [Art. 12(2)]: 1 year after receipt, or a later date named in the notification", StringComparison.Ordinal);
        var b = Book([A("AAA", ActionKind.DepositWithdrawal, "2020-03-01", effective: new LocalDate(2021, 12, 31))], def);
        Assert.Equal(TreatyStatus.WithdrawalPending, S(b, "AAA", "2021-06-01"));
        Assert.Equal(TreatyStatus.Withdrawn, S(b, "AAA", "2021-12-31"));
    }

    [Fact]
    public void NoticeOnlyAfterYears_EarlyNoticeHasNoEffect()
    {
        var def = ThreeStateTreaty.Replace("withdrawal [Art. 12(2)]: 6 months after receipt", "withdrawal [Art. 28]: 1 year after receipt, notice only after 3 years from entry into force for the state", StringComparison.Ordinal);
        var early = Book([A("AAA", ActionKind.DepositWithdrawal, "2002-01-01")], def);
        Assert.Equal(TreatyStatus.Party, S(early, "AAA", "2005-01-01"));
        Assert.NotEmpty(early.Problems);
        var onTime = Book([A("AAA", ActionKind.DepositWithdrawal, "2003-09-01")], def);
        Assert.Equal(TreatyStatus.Withdrawn, S(onTime, "AAA", "2004-09-01"));
    }

    [Fact]
    public void Duration_TreatyExpires_AndExtensionMovesTheEnd()
    {
        var def = ThreeStateTreaty + "\nduration [Art. 14]: 10 years after entry into force\n";
        var plain = Book([], def);
        Assert.Equal(new LocalDate(2010, 9, 1), plain.End);
        Assert.Equal(TreatyStatus.None, S(plain, "AAA", "2010-09-01"));
        var extended = Book([A("AAA", ActionKind.Extend, "2010-08-01", effective: new LocalDate(2015, 9, 1))], def);
        Assert.Equal(TreatyStatus.Party, S(extended, "AAA", "2012-01-01"));
        Assert.Equal(TreatyStatus.None, S(extended, "AAA", "2015-09-01"));
    }

    [Fact]
    public void Bilateral_OnePartyWithdraws_TreatyTerminatesForBoth()
    {
        const string def = """
            id: demo
            title: Bilateral Demo
            kind: bilateral
            participants: complete
            entry-into-force [Art. XVII]: on the 2nd instrument
            withdrawal [Art. XV(2)]: 6 months after receipt
            termination [Art. XV]: when a party's withdrawal takes effect
            """;
        var actions = new[] { A("AAA", ActionKind.Ratify, "1988-06-01"), A("BBB", ActionKind.Ratify, "1988-06-01"), A("AAA", ActionKind.DepositWithdrawal, "2019-02-02") };
        var b = StatusEngine.Build(TreatyDefinitionParser.Parse("demo.treaty", def), actions, States, []);
        Assert.Equal(new LocalDate(1988, 6, 1), b.EntryIntoForce);
        Assert.Equal(TreatyStatus.Withdrawn, S(b, "AAA", "2019-08-02"));
        Assert.Equal(TreatyStatus.None, S(b, "BBB", "2019-08-02"));
        Assert.Equal(TreatyStatus.Party, S(b, "BBB", "2019-08-01"));
    }

    [Fact]
    public void IncompleteParticipantList_AbsentStateIsUnknown_NotNone()
    {
        var b = Book([], ThreeStateTreaty.Replace("participants: complete", "participants: incomplete", StringComparison.Ordinal));
        var a = b.StatusOf("EEE", new LocalDate(2020, 1, 1));
        Assert.Equal(TreatyStatus.Unknown, a.Status);
        Assert.Contains("incomplete", a.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AsKnownOn_SeesOnlyWhatWasKnown_AndCorrectionsSupersede()
    {
        var first = A("AAA", ActionKind.DepositWithdrawal, "2020-03-01", known: "2020-03-02", id: "w1");
        var fix = A("AAA", ActionKind.DepositWithdrawal, "2020-03-05", known: "2020-04-01", id: "w2", supersedes: "w1");
        var before = Book([first, fix], asKnownOn: new LocalDate(2020, 3, 10));
        Assert.Equal(new LocalDate(2020, 9, 1), before.StatusOf("AAA", new LocalDate(2020, 5, 1)).WithdrawalEffective);
        var after = Book([first, fix]);
        Assert.Equal(new LocalDate(2020, 9, 5), after.StatusOf("AAA", new LocalDate(2020, 5, 1)).WithdrawalEffective);
        var ignorant = Book([first, fix], asKnownOn: new LocalDate(2020, 3, 1));
        Assert.Equal(TreatyStatus.Party, ignorant.StatusCode("AAA", new LocalDate(2021, 1, 1)));
    }

    [Fact]
    public void WithdrawalNotProvided_NoticeIsExplained_StateStaysBound()
    {
        var def = ThreeStateTreaty.Replace("withdrawal [Art. 12(2)]: 6 months after receipt", "withdrawal: not provided", StringComparison.Ordinal)
            .Replace("armed-conflict [Art. 12(2)]: not before the end of the armed conflict", "", StringComparison.Ordinal);
        var b = Book([A("AAA", ActionKind.DepositWithdrawal, "2020-03-01")], def);
        Assert.Equal(TreatyStatus.Party, S(b, "AAA", "2022-01-01"));
        Assert.Contains(b.StatusOf("AAA", new LocalDate(2022, 1, 1)).Reasons, r => r.Text.Contains("provides no withdrawal", StringComparison.Ordinal));
    }
}
