using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Rules;
using TreatyWatch.Engine.Treaties;
using Xunit;

namespace TreatyWatch.Engine.Tests.Treaties;

public class TreatyDefinitionParserTests
{
    private const string Valid = """
        id: demo
        title: Demo
        entry-into-force [Art. 1]: 90 days after the 50th instrument
        entry-into-force-for-state [Art. 2]: 90 days after deposit, for instruments after entry into force
        withdrawal [Art. 3]: 1 year after receipt, or a later date named in the notification
        """;

    [Fact]
    public void Valid_ParsesEveryRule()
    {
        var t = TreatyDefinitionParser.Parse("demo.treaty", Valid);
        var eif = Assert.IsType<EntryIntoForceRule.AfterInstruments>(t.EntryIntoForce);
        Assert.Equal(50, eif.Count);
        Assert.Equal(new DateExpression.DaysAfter(90), eif.Expression);
        Assert.Equal(LaterStateCutoff.AfterEntryIntoForce, t.StateEntryIntoForce.Cutoff);
        Assert.True(t.Withdrawal.LaterDateAllowed);
        Assert.Equal("Art. 3", t.Withdrawal.Origin.Article);
        Assert.False(t.ParticipantsComplete);
    }

    [Theory]
    [InlineData("withdrawal [Art. 3]: 1 year after receipt, or a later date named in the notification", "withdrawal [Art. 3]: six months after receipt", 5, "is not a date expression")]
    [InlineData("withdrawal [Art. 3]: 1 year after receipt, or a later date named in the notification", "withdrawal [Art. 3]: 6 months after deposit", 5, "runs from the depositary's receipt")]
    [InlineData("entry-into-force [Art. 1]: 90 days after the 50th instrument", "entry-into-force [Art. 1]: 90 days after deposit", 3, "counts instruments")]
    [InlineData("entry-into-force-for-state [Art. 2]: 90 days after deposit, for instruments after entry into force", "entry-into-force-for-state [Art. 2]: 90 days after deposit, for instruments after the 40th", 4, "counts 50th")]
    [InlineData("title: Demo", "titel: Demo", 2, "unknown key 'titel'")]
    [InlineData("title: Demo", "title: Demo\nadopted: 2025-02-30", 3, "does not exist")]
    [InlineData("title: Demo", "title Demo", 2, "expected 'key: value'")]
    [InlineData("withdrawal [Art. 3]: 1 year after receipt, or a later date named in the notification", "withdrawal [Art. 3]: 0 months after receipt", 5, "makes no sense")]
    public void Malformed_RefusedWithFileLineAndReason(string replace, string with, int line, string reason)
    {
        var e = Assert.Throws<DataException>(() => TreatyDefinitionParser.Parse("demo.treaty", Valid.Replace(replace, with, StringComparison.Ordinal)));
        var error = e.Errors[0];
        Assert.Equal("demo.treaty", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"demo.treaty:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredRule_Refused()
    {
        var e = Assert.Throws<DataException>(() => TreatyDefinitionParser.Parse("x.treaty", "id: x\ntitle: X\n"));
        Assert.Contains(e.Errors, x => x.Reason.Contains("'entry-into-force' is missing", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Reason.Contains("'withdrawal' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void ArmedConflictClause_WithoutWithdrawal_MakesNoSense()
    {
        var text = Valid.Replace("withdrawal [Art. 3]: 1 year after receipt, or a later date named in the notification", "withdrawal: not provided\narmed-conflict [Art. 3]: not before the end of the armed conflict", StringComparison.Ordinal);
        var e = Assert.Throws<DataException>(() => TreatyDefinitionParser.Parse("x.treaty", text));
        Assert.Contains("makes no sense", e.Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BundledDefinitions_AllParse()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Data, "treaties"), "*.treaty");
        Assert.NotEmpty(files);
        foreach (var f in files) TreatyDefinitionParser.Parse(Path.GetFileName(f), File.ReadAllText(f));
    }
}
