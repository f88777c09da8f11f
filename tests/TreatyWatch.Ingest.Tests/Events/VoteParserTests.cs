using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Events;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Events;

public class VoteParserTests
{
    private static Votes? Parse(string s) => VoteParser.Parse(s, 0, s.Length);

    [Theory]
    [InlineData("Ninety-nine MPs voted in favour of the motion, one voted against, and three abstained.", 99, 1, 3, null)]
    [InlineData("107 MPs voted in favor of withdrawing. Three abstained, and no one voted against.", 107, 0, 3, null)]
    [InlineData("For it to pass, the support of at least 85 MPs was required.", null, null, null, 85)]
    [InlineData("the decision was supported by 68 lawmakers and opposed by 14", 68, 14, null, null)]
    [InlineData("The decision passed with 157 votes in favour and 18 against, with no abstentions and 24 members absent.", 157, 18, 0, null)]
    [InlineData("approved the withdrawal by a vote of 157–18 in a plenary session", 157, 18, null, null)]
    [InlineData("The motion was passed with 299 votes in favor, above a required minimum of 226.", 299, null, null, 226)]
    [InlineData("The motion was supported by 103 out of 141 deputies.", 103, null, null, null)]
    [InlineData("Eighty-one members of the 101 parliament supported the motion.", 81, null, null, null)]
    [InlineData("413 deputies voted in favor, 15 against and three abstained", 413, 15, 3, null)]
    [InlineData("one hundred and seven deputies voted for the bill", 107, null, null, null)]
    [InlineData("The bill passed 103-20 with 5 abstentions.", 103, 20, 5, null)]
    [InlineData("The parliament approved the exit bill on 20 May 2025 by 134 votes to 37, with 7 abstentions.", 134, 37, 7, null)]
    [InlineData("The vote was passed by 412 votes to zero, with no abstentions.", 412, 0, 0, null)]
    public void Figures(string sentence, int? pro, int? con, int? abstain, int? required) =>
        Assert.Equal(new Votes(pro, con, abstain, required), Parse(sentence));

    [Theory]
    [InlineData("The Latvian parliament consists of one hundred lawmakers.")]
    [InlineData("The parliament unanimously approved the withdrawal.")]
    [InlineData("The EU approved 1.5 billion euros in loans.")]
    [InlineData("Two dead, three hospitalized in an apartment fire.")]
    public void NoFigures(string sentence) => Assert.Null(Parse(sentence));

    [Theory]
    [InlineData("Ninety-nine", 99)]
    [InlineData("one hundred and seven", 107)]
    [InlineData("a hundred", 100)]
    [InlineData("twelve", 12)]
    [InlineData("226", 226)]
    [InlineData("lawmakers", -1)]
    public void NumberWords(string words, int value) => Assert.Equal(value, VoteParser.Value(words));
}
