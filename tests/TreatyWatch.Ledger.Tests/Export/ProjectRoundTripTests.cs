using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;
using TreatyWatch.Ledger.Export;
using TreatyWatch.Ledger.Import;
using TreatyWatch.Ledger.Tests.Import;

namespace TreatyWatch.Ledger.Tests.Export;

/// <summary>The project's own format: bundled data → export → import → export is byte-identical, and the statuses agree.</summary>
public sealed class ProjectRoundTripTests
{
    private static Catalog Catalog => ImportPaths.Catalog;

    /// <summary>Every field of an action, sources by content.</summary>
    internal static object Fields(TreatyAction a) => (
        a.Id, a.TreatyId, a.State, a.Kind, a.Date, a.Known,
        string.Join(" | ", a.Sources.Select(s => $"{s.Key}/{s.Kind}/{s.Title}/{s.Url}/{s.Published}/{s.CnNumber}/{s.Outlet}/{s.Quote}/{s.QuoteStart}/{s.QuoteEnd}")),
        a.Votes, a.Effective, a.Supersedes, a.By, a.ObjectsTo, a.Note, a.Origin);

    [Fact]
    public void The_csv_export_of_the_bundled_actions_is_the_bundled_files_byte_for_byte()
    {
        var exported = ProjectExport.ToCsv(ProjectData.FromCatalog(Catalog)).Where(f => f.Path.StartsWith("actions/", StringComparison.Ordinal)).ToList();
        var bundled = ImportPaths.Files.Where(f => f.Path.StartsWith("actions/", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(bundled.Select(f => f.Path), exported.Select(f => f.Path));
        Assert.All(bundled.Zip(exported), p => Assert.Equal(p.First.Text, p.Second.Text));
    }

    [Fact]
    public void Csv_export_import_export_is_byte_identical_and_keeps_every_field()
    {
        var data = ProjectData.FromCatalog(Catalog);
        var first = ProjectExport.ToCsv(data);
        var imported = ProjectImport.FromCsv(first, Catalog.States);
        var second = ProjectExport.ToCsv(imported);

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), p => Assert.Equal(p.First.Text, p.Second.Text));
        Assert.Equal(Catalog.Actions.Count, imported.Treaties.Count);
        foreach (var t in imported.Treaties)
            Assert.Equal(Catalog.ActionsOf(t.Id).Select(Fields), t.Actions.Select(Fields));
    }

    [Fact]
    public void Json_export_import_export_is_byte_identical_and_keeps_every_field()
    {
        var data = ProjectData.FromCatalog(Catalog);
        var first = ProjectExport.ToJson(data);
        var imported = ProjectImport.FromJson("export.json", first, Catalog.States);
        var second = ProjectExport.ToJson(imported);

        Assert.Equal(first, second);
        foreach (var t in imported.Treaties)
            Assert.Equal(Catalog.ActionsOf(t.Id).Select(Fields), t.Actions.Select(Fields));
        Assert.Equal(data.Canonical().Sources, imported.Sources);
    }

    [Fact]
    public void Csv_and_json_carry_the_same_actions()
    {
        var data = ProjectData.FromCatalog(Catalog, ["apmbc", "ccm", "ctbt"]);
        var fromCsv = ProjectImport.FromCsv(ProjectExport.ToCsv(data), Catalog.States);
        var fromJson = ProjectImport.FromJson("export.json", ProjectExport.ToJson(data), Catalog.States);
        Assert.Equal(["apmbc", "ccm", "ctbt"], fromCsv.Treaties.Select(t => t.Id));
        Assert.Equal(fromCsv.Treaties.SelectMany(t => t.Actions).Select(Fields), fromJson.Treaties.SelectMany(t => t.Actions).Select(Fields));
        Assert.Equal(ProjectExport.ToJson(fromCsv), ProjectExport.ToJson(fromJson));
    }

    public static TheoryData<string> Flagships => ["apmbc", "ccm"];

    [Theory]
    [MemberData(nameof(Flagships))]
    public void Statuses_from_reimported_actions_equal_the_originals(string treatyId)
    {
        var treaty = Catalog.Treaty(treatyId)!;
        var data = ProjectData.FromCatalog(Catalog, [treatyId]);
        var viaCsv = ProjectImport.FromCsv(ProjectExport.ToCsv(data), Catalog.States).Treaties.Single().Actions;
        var viaJson = ProjectImport.FromJson("export.json", ProjectExport.ToJson(data), Catalog.States).Treaties.Single().Actions;

        LocalDate[] days = [new(1998, 1, 1), new(1999, 3, 1), new(2003, 6, 1), new(2010, 8, 1), new(2015, 1, 1), new(2025, 6, 27), new(2025, 12, 27), new(2026, 1, 1), new(2026, 6, 2), new(2030, 1, 1)];
        foreach (LocalDate? asKnownOn in new LocalDate?[] { null, new LocalDate(2025, 6, 1), new LocalDate(2025, 12, 1) })
        {
            var original = StatusEngine.Build(treaty, Catalog.ActionsOf(treatyId), Catalog.States, Catalog.Conflicts, asKnownOn);
            var fromCsv = StatusEngine.Build(treaty, viaCsv, Catalog.States, Catalog.Conflicts, asKnownOn);
            var fromJson = StatusEngine.Build(treaty, viaJson, Catalog.States, Catalog.Conflicts, asKnownOn);
            Assert.Equal(original.EntryIntoForce, fromCsv.EntryIntoForce);
            Assert.Equal(original.Problems, fromJson.Problems);
            var compared = 0;
            foreach (var state in Catalog.States.Keys)
            {
                foreach (var day in days)
                {
                    var expected = original.StatusCode(state, day);
                    Assert.Equal(expected, fromCsv.StatusCode(state, day));
                    Assert.Equal(expected, fromJson.StatusCode(state, day));
                    var o = original.StatusOf(state, day);
                    var c = fromCsv.StatusOf(state, day);
                    Assert.Equal((o.InForceSince, o.WithdrawalEffective), (c.InForceSince, c.WithdrawalEffective));
                    compared++;
                }
            }

            Assert.Equal(Catalog.States.Count * days.Length, compared);
        }

        // The record does change status over time: the comparison is not between two empty books.
        var book = StatusEngine.Build(treaty, viaCsv, Catalog.States, Catalog.Conflicts);
        Assert.Contains(Catalog.States.Keys, s => book.StatusCode(s, new LocalDate(2026, 1, 1)) == TreatyStatus.Party);
    }

    [Fact]
    public void A_csv_export_is_valid_bundled_data()
    {
        var export = ProjectExport.ToCsv(ProjectData.FromCatalog(Catalog));
        var files = ImportPaths.Files
            .Where(f => !f.Path.StartsWith("actions/", StringComparison.Ordinal) && !f.Path.StartsWith("sources/", StringComparison.Ordinal))
            .Concat(export)
            .ToList();
        var reloaded = CatalogParser.Parse(files);
        foreach (var id in Catalog.Actions.Keys)
            Assert.Equal(Catalog.ActionsOf(id).Select(Fields), reloaded.ActionsOf(id).Select(Fields));
    }

    [Fact]
    public void Imported_untc_actions_round_trip_with_their_ids()
    {
        var importer = new UntcTableImporter(Catalog);
        var table = importer.Import("26-6.csv", "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a)\"\nAlbania,3 Dec 2008,16 Jun 2009\nAustria,3 Dec 2008,2 Apr 2009\nAfghanistan,,8 Sep 2011 a\n");
        Assert.True(table.Ok, string.Join("\n", table.Errors));
        var data = ProjectData.FromActions(table.Actions);

        var csv = ProjectExport.ToCsv(data);
        Assert.Equal(["actions/ccm.csv", "sources/ccm.csv"], csv.Select(f => f.Path));
        Assert.Contains("ALB,sign,2008-12-03,,id=ccm:untc-2015-xxvi-6:2.1,untc-2015-xxvi-6,", csv[0].Text, StringComparison.Ordinal);
        Assert.Equal("key,kind,title,url,published\nuntc-2015-xxvi-6,depositary,\"UN Treaty Collection, status of XXVI-6 (2015 table)\",,\n", csv[1].Text);
        var back = ProjectImport.FromCsv(csv, Catalog.States);
        Assert.Equal(table.Actions.Select(a => a with { Origin = null }).Select(Fields), back.Treaties.Single().Actions.Select(a => a with { Origin = null }).Select(Fields));

        var json = ProjectExport.ToJson(data);
        var jback = ProjectImport.FromJson("x.json", json, Catalog.States);
        Assert.Equal(table.Actions.Select(Fields), jback.Treaties.Single().Actions.Select(Fields));
        Assert.Equal(json, ProjectExport.ToJson(jback));
    }
}
