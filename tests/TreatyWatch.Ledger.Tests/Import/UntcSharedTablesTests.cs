using System.Diagnostics;
using System.Globalization;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ledger.Import;

namespace TreatyWatch.Ledger.Tests.Import;

/// <summary>
/// All 324 tables of ../shared/untc-2015 against the bundled states: every participant name is a state or a listed
/// non-state. Returns early when ../shared is missing, except under CI=true, where that fails.
/// </summary>
public sealed class UntcSharedTablesTests
{
    private static (string Index, List<DataFile> Tables)? Read()
    {
        var folder = ImportPaths.Untc2015();
        if (folder is null) return null;
        var tables = Directory.EnumerateFiles(Path.Combine(folder, "treaties"), "*.csv")
            .Select(p => new DataFile("treaties/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
        return (File.ReadAllText(Path.Combine(folder, "index.csv")), tables);
    }

    [Fact]
    public void Every_table_imports_with_no_unknown_name()
    {
        if (Read() is not var (index, tables)) return;
        var catalog = ImportPaths.Catalog;

        var watch = Stopwatch.StartNew();
        var importer = new UntcTableImporter(catalog);
        var result = UntcFolderImporter.Import(importer, "index.csv", index, tables);
        watch.Stop();

        Assert.Equal(324, result.Tables.Count);
        Assert.Empty(result.Errors);
        var ok = result.Succeeded.ToList();
        var rows = ok.Sum(t => t.Report.Rows);
        var actions = ok.Sum(t => t.Actions.Count);
        var skipped = ok.Sum(t => t.Report.SkippedNonStates.Count);
        Assert.Equal(23757, rows);
        Assert.True(actions > 30000, $"{actions} actions");
        Assert.All(ok.SelectMany(t => t.Actions), a => Assert.True(catalog.States.ContainsKey(a.State), a.State));
        var nonStates = UntcParticipants.NonStates.Keys.Select(UntcParticipants.Key).ToHashSet();
        Assert.All(ok.SelectMany(t => t.Report.SkippedNonStates), s => Assert.Contains(UntcParticipants.Key(s.Name), nonStates));
        Assert.Equal(ok.SelectMany(t => t.Actions).Count(), ok.SelectMany(t => t.Actions).Select(a => a.Id).Distinct().Count());

        // Bundled treaties found by their untc: reference.
        var mapped = ok.Where(t => t.Treaty!.HasRules).ToDictionary(t => t.File, t => t.Treaty!.Id);
        Assert.Equal("apmbc", mapped["treaties/26-5.csv"]);
        Assert.Equal("ccm", mapped["treaties/26-6.csv"]);
        Assert.Equal("who-constitution", mapped["treaties/9-1.csv"]);

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Tables.Count} tables, {rows} rows, {actions} actions, {skipped} non-state participants skipped, " +
            $"{ok.Sum(t => t.Report.ProvisionalSkipped)} provisional dates skipped, {ok.Sum(t => t.Report.Approximate)} approximate kinds, " +
            $"{ok.Sum(t => t.Report.Ambiguous)} ambiguous; parsed in {watch.Elapsed.TotalMilliseconds:F0} ms (index, 324 tables, first run in this process)"));
        output?.WriteLine(string.Join(", ", ok.SelectMany(t => t.Actions).GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => $"{ActionKinds.Name(g.Key)} {g.Count()}")));
    }

    [Fact]
    public void The_mine_ban_table_gives_the_consent_dates_of_the_bundled_record()
    {
        if (Read() is not var (_, tables)) return;
        var catalog = ImportPaths.Catalog;
        var table = tables.Single(t => t.Path == "treaties/26-5.csv");
        var result = new UntcTableImporter(catalog).Import(table.Path, table.Text);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal("apmbc", result.Treaty!.Id);

        var imported = result.Actions.Where(a => ActionKinds.IsConsent(a.Kind)).ToList();
        Assert.True(imported.Count > 150, $"{imported.Count} instruments");
        var bundled = catalog.ActionsOf("apmbc").Where(a => ActionKinds.IsConsent(a.Kind)).ToLookup(a => a.State);
        Assert.All(imported, a =>
        {
            var record = bundled[a.State].Select(b => (b.Kind, b.Date)).ToList();
            Assert.Contains((a.Kind, a.Date), record);
        });

        // And the table lists every state whose bundled instrument is no later than the table's last act (2012: the
        // scrape of 26-5 predates Oman's accession of 2014).
        var last = result.Actions.Max(a => a.Date.FirstDay);
        var listed = result.Actions.Select(a => a.State).ToHashSet();
        var earlier = catalog.ActionsOf("apmbc").Where(a => ActionKinds.IsConsent(a.Kind) && a.Date.LastDay <= last).Select(a => a.State).Distinct().ToList();
        Assert.True(earlier.Count > 150);
        Assert.All(earlier, s => Assert.Contains(s, listed));

        var signatures = result.Actions.Where(a => a.Kind == ActionKind.Sign).ToList();
        var bundledSignatures = catalog.ActionsOf("apmbc").Where(a => a.Kind == ActionKind.Sign).Select(a => (a.State, a.Date)).ToHashSet();
        Assert.All(signatures, a => Assert.Contains((a.State, a.Date), bundledSignatures));
    }
}
