using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ledger;
using TreatyWatch.Ledger.Export;
using TreatyWatch.Ledger.Import;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch import &lt;file or folder&gt; --db ...</c>: UN Treaty Collection tables (a folder with <c>index.csv</c> and
/// <c>treaties/*.csv</c>, or one table) and the project's own CSV folder or JSON file. Each file is one transaction: a
/// file with an error stores nothing and is reported with file and line; the others are stored. Importing the same
/// thing twice adds nothing. Exit 1 when any file failed.
/// </summary>
public static class ImportCommand
{
    private const string Who = "treatywatch import";

    public static Command Create(CliContext ctx)
    {
        var path = new Argument<string>("path") { Description = "A UNTC folder (index.csv + treaties/*.csv), one UNTC table (.csv), a project CSV folder (actions/, sources/) or a project JSON file" };
        var cmd = new Command("import", "Import UN Treaty Collection tables or the project's CSV/JSON into the ledger (each file in one transaction)") { path };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var target = p.GetValue(path)!;
            var ledger = ctx.Ledger(data);
            var catalog = ctx.Catalog(data);
            var results = new List<FileResult>();
            if (Directory.Exists(target))
            {
                if (File.Exists(Path.Combine(target, "index.csv")) && Directory.Exists(Path.Combine(target, "treaties"))) results.AddRange(UntcFolder(ledger, catalog, target));
                else if (Directory.Exists(Path.Combine(target, "actions"))) results.AddRange(ProjectCsv(ledger, catalog, target));
                else throw new UserInputException($"'{target}' is neither a UN Treaty Collection folder (index.csv and treaties/) nor a project CSV folder (actions/ and sources/)");
            }
            else if (File.Exists(target))
            {
                if (target.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) results.Add(ProjectJson(ledger, catalog, target));
                else if (target.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) results.Add(UntcTable(ledger, catalog, target));
                else throw new UserInputException($"'{target}': import reads a UN Treaty Collection table (.csv), a project JSON file (.json) or a folder");
            }
            else throw new UserInputException($"'{target}' does not exist");

            var failed = results.Where(r => r.Errors.Count > 0).ToList();
            foreach (var f in failed)
            {
                foreach (var e in f.Errors) ctx.Err.WriteLine($"error: {e}");
                ctx.Err.WriteLine($"error: {f.File}: nothing stored");
            }

            var added = results.Sum(r => r.Added);
            var known = results.Sum(r => r.AlreadyOnRecord);
            var sourced = results.Sum(r => r.SourcesAdded);
            ctx.Out.WriteLine($"{results.Count} file(s) read, {results.Count - failed.Count} imported, {failed.Count} failed; {added} action(s) added, {known} already on record" +
                              (sourced > 0 ? $" ({sourced} of them from another source: this file's source added to them)" : "") + $" ({ledger.Location})");
            return failed.Count > 0 ? 1 : 0;
        });
        return cmd;
    }

    private sealed record FileResult(string File, int Added, int AlreadyOnRecord, IReadOnlyList<DataError> Errors, int SourcesAdded = 0);

    private static List<FileResult> UntcFolder(LedgerStore ledger, Catalog catalog, string folder)
    {
        var indexPath = Path.Combine(folder, "index.csv");
        var tables = Directory.EnumerateFiles(Path.Combine(folder, "treaties"), "*.csv")
            .Select(f => new DataFile(f, File.ReadAllText(f))).ToList();
        UntcFolderResult result;
        try
        {
            result = UntcFolderImporter.Import(new UntcTableImporter(catalog), indexPath, File.ReadAllText(indexPath), tables);
        }
        catch (DataException e)
        {
            return [new FileResult(indexPath, 0, 0, e.Errors)];
        }

        var texts = tables.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal);
        return result.Tables.Select(t => Store(ledger, t, texts[t.File])).ToList();
    }

    private static FileResult UntcTable(LedgerStore ledger, Catalog catalog, string file)
    {
        var text = File.ReadAllText(file);
        // A table inside a UNTC folder (treaties/x.csv beside ../index.csv) takes its treaty from the index.
        UntcIndexEntry? entry = null;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var index = Path.Combine(dir, "..", "index.csv");
        if (Path.GetFileName(dir) == "treaties" && File.Exists(index))
        {
            try
            {
                UntcIndex.Parse(index, File.ReadAllText(index)).TryGetValue(Path.GetFileName(file), out entry);
            }
            catch (DataException e)
            {
                return new FileResult(index, 0, 0, e.Errors);
            }
        }

        return Store(ledger, new UntcTableImporter(catalog).Import(file, text, entry), text);
    }

    private static FileResult Store(LedgerStore ledger, UntcImportResult t, string text)
    {
        if (!t.Ok) return new FileResult(t.File, 0, 0, t.Errors);
        return Store(t.File, () => ledger.Import("untc", t.File, Hash(text), t.Actions, t.Source is null ? [] : [t.Source], Who));
    }

    private static List<FileResult> ProjectCsv(LedgerStore ledger, Catalog catalog, string folder)
    {
        var files = new[] { "actions", "sources" }
            .Where(d => Directory.Exists(Path.Combine(folder, d)))
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(folder, d), "*.csv"))
            .Select(f => new DataFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        ProjectData project;
        try
        {
            project = ProjectImport.FromCsv(files, catalog.States, catalog.Sources);
        }
        catch (DataException e)
        {
            return [new FileResult(folder, 0, 0, e.Errors.Select(x => x with { File = Path.Combine(folder, x.File) }).ToList())];
        }

        // One transaction per actions file; the sources no action cites go with the last.
        var results = new List<FileResult>();
        var treaties = project.Treaties.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < treaties.Count; i++)
        {
            var t = treaties[i];
            var path = Path.Combine(folder, "actions", t.Id + ".csv");
            var text = files.First(f => f.Path == $"actions/{t.Id}.csv").Text;
            IReadOnlyList<Source> extra = i == treaties.Count - 1 ? project.Sources : [];
            results.Add(Store(path, () => ledger.Import("csv", path, Hash(text), t.Actions, extra, Who)));
        }

        return results;
    }

    private static FileResult ProjectJson(LedgerStore ledger, Catalog catalog, string file)
    {
        var text = File.ReadAllText(file);
        ProjectData project;
        try
        {
            project = ProjectImport.FromJson(file, text, catalog.States, catalog.Sources);
        }
        catch (DataException e)
        {
            return new FileResult(file, 0, 0, e.Errors);
        }

        return Store(file, () => ledger.Import("json", file, Hash(text), project.Treaties.SelectMany(t => t.Actions).ToList(), project.Sources, Who));
    }

    private static FileResult Store(string file, Func<ImportOutcome> write)
    {
        try
        {
            var o = write();
            return new FileResult(file, o.Added, o.AlreadyOnRecord, [], o.SourcesAdded);
        }
        catch (LedgerException e)
        {
            return new FileResult(file, 0, 0, [new DataError(file, 0, e.Message)]);
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
