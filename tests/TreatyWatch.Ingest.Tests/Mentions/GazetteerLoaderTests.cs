using TreatyWatch.Ingest.Mentions;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Mentions;

public class GazetteerLoaderTests
{
    [Fact]
    public void States_ReadWithQuotedFieldsAndLists()
    {
        const string csv = """
            iso3,name,aliases,demonyms,capitals,parliaments,from,until,predecessors,note
            LTU,Lithuania,Republic of Lithuania;Lietuva,Lithuanian;Lithuanians,Vilnius,Seimas,1990-03-11,,,
            DEU,Germany,"Federal Republic of Germany;Germany, Federal Republic of",German,Berlin,Bundestag,,,,"a note, with a comma"
            """;
        var states = GazetteerLoader.ReadStates(csv).ToList();
        Assert.Equal(2, states.Count);
        Assert.Equal(["Republic of Lithuania", "Lietuva"], states[0].Aliases);
        Assert.Equal(["Seimas"], states[0].Parliaments);
        Assert.Equal(["Federal Republic of Germany", "Germany, Federal Republic of"], states[1].Aliases);
    }

    [Fact]
    public void State_WithABadCode_IsRefusedWithFileAndLine()
    {
        var ex = Assert.Throws<FormatException>(() => GazetteerLoader.ReadStates("iso3,name\nLT,Lithuania\n", "states.csv").ToList());
        Assert.StartsWith("states.csv:2:", ex.Message);
    }

    [Fact]
    public void Groups_ReadMembers()
    {
        var g = Assert.Single(GazetteerLoader.ReadGroups("name,aliases,members,note\nBaltic states,the Baltics;Baltic nations,EST;LVA;LTU,\n"));
        Assert.Equal(["EST", "LVA", "LTU"], g.Members);
        Assert.Equal(["the Baltics", "Baltic nations"], g.Aliases);
    }

    [Fact]
    public void Treaty_NamesAreTitleShortAndAliases_RulesAreIgnored()
    {
        var t = GazetteerLoader.ReadTreaty("""
            id: ccm
            title: Convention on Cluster Munitions  # the title
            short: Convention on Cluster Munitions
            alias: Oslo Convention
            withdrawal [Art. 20]: 6 months after receipt
            """);
        Assert.Equal("ccm", t.Id);
        Assert.Equal(["Convention on Cluster Munitions", "Convention on Cluster Munitions", "Oslo Convention"], t.Names);
    }

    [Fact]
    public void Treaty_WithoutId_IsRefused() =>
        Assert.StartsWith("x.treaty:", Assert.Throws<FormatException>(() => GazetteerLoader.ReadTreaty("title: A\n", "x.treaty")).Message);

    [Fact]
    public void BundledData_Loads()
    {
        var g = GazetteerLoader.Load(SharedFolder.DataDirectory());
        Assert.True(g.States.Count > 150);
        Assert.Contains(g.Treaties, t => t.Id == "apmbc" && t.Names.Contains("Ottawa Convention") && t.Topics.Contains("landmines"));
    }
}
