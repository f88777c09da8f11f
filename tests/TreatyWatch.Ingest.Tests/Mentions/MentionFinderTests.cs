using TreatyWatch.Ingest.Mentions;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Mentions;

public class MentionFinderTests
{
    private static (MentionKind Kind, string Text, string Ids)[] Find(string text)
    {
        var tokens = new TokenizedText(text);
        return [.. MentionFinder.Find(TestGazetteer.Instance, tokens).Select(m => (m.Kind, text[m.Start..m.End], string.Join(';', m.Ids)))];
    }

    [Fact]
    public void NamesDemonymsCapitalsAndParliaments() => Assert.Equal(
        [
            (MentionKind.Demonym, "Lithuanian", "LTU"),
            (MentionKind.Parliament, "Seimas", "LTU"),
            (MentionKind.Capital, "Riga", "LVA"),
            (MentionKind.State, "Poland", "POL"),
            (MentionKind.Parliament, "Verkhovna Rada", "UKR"),
        ],
        Find("The Lithuanian Seimas and Riga agreed; Poland’s envoy watched the Verkhovna Rada."));

    [Fact]
    public void Group_GivesItsMembers() =>
        Assert.Equal([(MentionKind.Group, "Baltic states", "EST;LVA;LTU")], Find("Poland joined the Baltic states."[14..]));

    [Fact]
    public void LargeGroup_IsNotAListOfActors() => Assert.Empty(Find("NATO allies said so."));

    [Fact]
    public void CapitalInADateline_IsNotAnActor() =>
        Assert.Equal([(MentionKind.Demonym, "Estonian", "EST")], Find("VILNIUS (Reuters) - The Estonian parliament voted."));

    [Fact]
    public void DemonymInACompoundAdjective_IsNotAnActor() => Assert.Empty(Find("stocks of Russian-made mines"));

    [Fact]
    public void Acronym_MustMatchItsCase()
    {
        Assert.Equal([(MentionKind.State, "US", "USA")], Find("the US left"));
        Assert.Empty(Find("let us leave"));
    }

    [Theory]
    [InlineData("a treaty banning cluster bombs", "ccm")]
    [InlineData("the cluster munitions convention", "ccm")]
    [InlineData("the anti-personnel mine ban treaty", "apmbc")]
    [InlineData("an international convention banning the use of anti-personnel mines", "apmbc")]
    [InlineData("the landmine treaty", "apmbc")]
    [InlineData("the Convention on the Prohibition of Cluster Munitions", "ccm")]
    [InlineData("the International Criminal Court", "rome-statute")]
    [InlineData("the European treaty on preventing and combating violence against women", "istanbul-convention")]
    public void DescriptiveTreatyNames(string text, string id) =>
        Assert.Contains(Find(text), m => m.Kind == MentionKind.Treaty && m.Ids == id);

    [Fact]
    public void TwoTopicsOnOneTreatyNoun_NameTwoTreaties()
    {
        var ids = Find("both the anti-personnel mines and cluster munitions conventions").Where(m => m.Kind == MentionKind.Treaty).Select(m => m.Ids);
        Assert.Equal(["apmbc", "ccm"], ids.Order());
    }

    [Fact]
    public void GenericAlias_NamesNothing() =>
        Assert.DoesNotContain(Find("the mine ban treaty"), m => m.Ids == "tpnw");

    [Fact]
    public void DefiniteTreatyNoun_RefersBack_AndANamedUnknownOneDoesNot()
    {
        Assert.Contains(Find("They left the convention."), m => m.Kind == MentionKind.TreatyAnaphor);
        Assert.Contains(Find("They cited the Vienna Convention."), m => m.Kind == MentionKind.UnknownTreaty);
        Assert.DoesNotContain(Find("the convention on the rights of the child"), m => m.Kind == MentionKind.TreatyAnaphor);
    }
}
