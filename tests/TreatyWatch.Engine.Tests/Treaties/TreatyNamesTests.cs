using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Treaties;
using Xunit;

namespace TreatyWatch.Engine.Tests.Treaties;

public class TreatyNamesTests
{
    public static TheoryData<string> BundledDefinitions() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "treaties"), "*.treaty").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BundledDefinitions))]
    public void Names_ReadFromTheNameLines_AreThoseOfTheParsedDefinition(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Data, "treaties", file));
        var parsed = TreatyNames.Of(TreatyDefinitionParser.Parse($"treaties/{file}", text));
        var read = TreatyDefinitionParser.Names(text);
        Assert.Equal((parsed.Id, parsed.Title, parsed.ShortName), (read.Id, read.Title, read.ShortName));
        Assert.Equal(parsed.Aliases, read.Aliases);
        Assert.Equal(parsed.AllNames(), read.AllNames());
    }

    [Fact]
    public void Names_WithoutShortName_TheTitle_AndCommentsKeysInAnyCaseAndArticlesAsTheParserReadsThem()
    {
        const string text = """
            # id: not-this
            ID: demo   # a comment
            Title [Art. 1]:  Demo Convention
            alias: Demo Treaty
            ALIAS:   The Demo  # another
            entry-into-force [Art. 1]: 90 days after the 50th instrument
            entry-into-force-for-state [Art. 2]: 90 days after deposit, for instruments after entry into force
            withdrawal [Art. 3]: 1 year after receipt
            """;
        var parsed = TreatyNames.Of(TreatyDefinitionParser.Parse("demo.treaty", text));
        var read = TreatyDefinitionParser.Names(text);
        Assert.Equal(["demo", "Demo Convention", "Demo Convention", "Demo Treaty", "The Demo"], read.AllNames());
        Assert.Equal(parsed.AllNames(), read.AllNames());
    }

    [Fact]
    public void Catalog_FindsATreatyById_InTheOrderOfItsList()
    {
        var catalog = RepoPaths.BundledCatalog;
        Assert.Equal(catalog.Treaties.Select(t => t.Id), catalog.TreatyNames.Select(n => n.Id));
        Assert.Same(catalog.Treaties.First(t => t.Id == "apmbc"), catalog.Treaty("apmbc"));
        Assert.Null(catalog.Treaty("no-such-treaty"));
    }
}
