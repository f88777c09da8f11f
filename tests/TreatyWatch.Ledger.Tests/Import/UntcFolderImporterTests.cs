using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ledger.Import;

namespace TreatyWatch.Ledger.Tests.Import;

/// <summary>index.csv and a folder of tables: references, titles and urls from the index; a bad table fails alone.</summary>
public sealed class UntcFolderImporterTests
{
    private const string Index = """
        chapter_no,treaty_no,treaty_name,url,chapter_url,chapter_name
        26,5,"Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction. Oslo, 18 September 1997",http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26&lang=en,http://treaties.un.org/pages/Treaties.aspx?id=26&subid=A&lang=en,Disarmament
        11,1,"Convention on Road Traffic. Geneva, 19 September 1949",http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XI-A-1&chapter=11&lang=en,,Transport and Communications
        27,7.a,"Kyoto Protocol to the United Nations Framework Convention on Climate Change. Kyoto, 11 December 1997",,,
        4,9,"A treaty with a bad table. New York, 1 January 2000",http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&lang=en,,

        """;

    private static readonly UntcTableImporter Importer = new(TinyStates.All, [ImportPaths.Apmbc()]);

    [Fact]
    public void The_index_gives_references_titles_and_urls()
    {
        var index = UntcIndex.Parse("index.csv", Index);
        Assert.Equal(["11-1.csv", "26-5.csv", "27-7-a.csv", "4-9.csv"], index.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("XI-A-1", index["11-1.csv"].Reference);
        Assert.Equal("XXVII-7-a", index["27-7-a.csv"].Reference);
        Assert.Null(index["27-7-a.csv"].Url);
        Assert.StartsWith("Convention on the Prohibition of the Use", index["26-5.csv"].Title, StringComparison.Ordinal);
        Assert.Equal(2, index["26-5.csv"].Line);
        Assert.Equal("Disarmament", index["26-5.csv"].ChapterName);
    }

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(18, "XVIII")]
    [InlineData(26, "XXVI")]
    [InlineData(29, "XXIX")]
    [InlineData(40, "XL")]
    public void Chapters_are_roman(int n, string roman) => Assert.Equal(roman, UntcIndex.Roman(n));

    [Theory]
    [InlineData("26-5.csv", "XXVI-5")]
    [InlineData("treaties/27-7-a.csv", "XXVII-7-a")]
    [InlineData("3-2-12b.csv", "III-2-12b")]
    [InlineData("status.csv", null)]
    [InlineData("26-5.txt", null)]
    public void A_file_name_gives_a_reference(string name, string? reference) => Assert.Equal(reference, UntcIndex.ReferenceFromFileName(name));

    [Fact]
    public void A_bad_index_row_names_its_line()
    {
        var e = Assert.Throws<DataException>(() => UntcIndex.Parse("index.csv", "chapter_no,treaty_no,treaty_name,url\nXXVI,5,A treaty,\n26,5,Another,\n26,5,Again,\n"));
        Assert.Equal(["index.csv:2: chapter_no 'XXVI' is not a chapter number", "index.csv:4: chapter 26, treaty 5 is listed twice (first on line 3)"], e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void A_folder_imports_each_table_and_fails_a_bad_one_alone()
    {
        var tables = new[]
        {
            new DataFile("treaties/26-5.csv", "Participant,Signature,\"Ratification, Accession(a)\"\nAlbania,8 Sep 1998,29 Feb 2000\nAfghanistan,,11 Sep 2002 a\n"),
            new DataFile("treaties/11-1.csv", "Participant,Signature,\"Ratification, Accession(a), Succession(d)\"\nAustria,19 Sep 1949,2 Nov 1955\n"),
            new DataFile("treaties/4-9.csv", "Participant,Signature,Ratification\nFrance,1 Jan 2000,2 Feb 2001\nXyzland,,3 Mar 2002\n"),
            new DataFile("treaties/99-1.csv", "Participant,Signature\nFrance,1 Jan 2000\n"),
        };

        var result = UntcFolderImporter.Import(Importer, "index.csv", Index, tables);

        Assert.Equal(["treaties/11-1.csv", "treaties/26-5.csv", "treaties/4-9.csv", "treaties/99-1.csv"], result.Tables.Select(t => t.File));
        Assert.Equal(["treaties/11-1.csv", "treaties/26-5.csv"], result.Succeeded.Select(t => t.File));

        var apmbc = result.Tables[1];
        Assert.Equal("apmbc", apmbc.Treaty!.Id);
        Assert.Equal("http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26&lang=en", apmbc.Source!.Url);
        Assert.Equal(3, apmbc.Actions.Count);

        var road = result.Tables[0];
        Assert.Equal(new UntcTreatyRef("untc-xi-a-1", "XI-A-1", "Convention on Road Traffic. Geneva, 19 September 1949",
            "http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XI-A-1&chapter=11&lang=en", false), road.Treaty);
        Assert.Equal("UN Treaty Collection, status of XI-A-1 (2015 table)", road.Source!.Title);

        var bad = result.Tables[2];
        Assert.Empty(bad.Actions);
        Assert.Equal("treaties/4-9.csv:3: unknown participant 'Xyzland' at treaties/4-9.csv:3; add it to states.csv aliases (or, for an organisation or territory, to the non-state list)",
            Assert.Single(bad.Errors).ToString());

        var unindexed = result.Tables[3];
        Assert.Empty(unindexed.Actions);
        Assert.Equal("treaties/99-1.csv:1: the treaty of this table cannot be identified: 99-1.csv has no entry in index.csv, and no treaty id was given",
            Assert.Single(unindexed.Errors).ToString());

        Assert.Equal(5, result.Actions.Count());
        Assert.DoesNotContain(result.Actions, a => a.Origin!.StartsWith("treaties/4-9.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_treaty_id_can_be_given_for_a_table_the_index_does_not_list()
    {
        var tables = new[] { new DataFile("treaties/99-1.csv", "Participant,Signature\nFrance,1 Jan 2000\n") };
        var result = UntcFolderImporter.Import(Importer, "index.csv", Index, tables, new Dictionary<string, string> { ["99-1.csv"] = "my-treaty" });
        var t = Assert.Single(result.Tables);
        Assert.True(t.Ok);
        Assert.Equal("my-treaty", t.Treaty!.Id);
        Assert.Equal(ActionKind.Sign, Assert.Single(t.Actions).Kind);
    }
}
