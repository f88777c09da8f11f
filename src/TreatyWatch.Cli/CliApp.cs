using System.CommandLine;
using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli.Commands;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli;

/// <summary>What a command needs from the outside world: output, today's date, and the data.</summary>
public sealed class CliContext(IAnsiConsole console, TextWriter output, TextWriter error, LocalDate today, IClock? clock = null)
{
    private Catalog? _catalog;
    private Lookup? _lookup;

    public IAnsiConsole Console { get; } = console;
    /// <summary>Plain output for JSON and CSV (never wrapped).</summary>
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public LocalDate Today { get; } = today;
    /// <summary>The clock that stamps the ledger's writes; without one, the start of <see cref="Today"/> (UTC).</summary>
    public IClock Clock { get; } = clock ?? new FixedClock(today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());

    /// <summary>The ledger used when neither <c>--db</c> nor TREATYWATCH_DB names one.</summary>
    public static string DefaultDb =>
        $"sqlite:{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "treatywatch", "ledger.db")}";

    /// <summary>
    /// The catalog for commands that answer from the ledger: <c>--db</c>, else TREATYWATCH_DB, else <see cref="DefaultDb"/>,
    /// migrated and seeded from the bundled data on first use. A data folder given without a ledger (<c>--data</c> or
    /// TREATYWATCH_DATA, and neither <c>--db</c> nor TREATYWATCH_DB) means "answer from these files", as before the ledger.
    /// </summary>
    public Catalog LedgerCatalog(string? dataFolder, string? db)
    {
        var spec = db ?? Environment.GetEnvironmentVariable("TREATYWATCH_DB");
        if (string.IsNullOrWhiteSpace(spec) && !string.IsNullOrWhiteSpace(dataFolder ?? Environment.GetEnvironmentVariable("TREATYWATCH_DATA")))
            return Catalog(dataFolder);
        if (_catalog is not null) return _catalog;

        using var store = LedgerStore.Open(string.IsNullOrWhiteSpace(spec) ? DefaultDb : spec, Clock);
        store.Migrate();
        var files = BundledData.Files(BundledData.Locate(dataFolder));
        if (store.IsEmpty) store.SeedFromBundledData(files, "treatywatch (bundled data)");
        else if (store.SeededFrom is { } seeded && seeded != LedgerStore.ContentHash(files))
            Err.WriteLine($"warning: {store.Location} was seeded from another version of the bundled data; changes to the data files since are not in it (--data <folder> answers from the files)");
        _catalog = store.LoadCatalog();
        _lookup = new Lookup(_catalog);
        return _catalog;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    public Catalog Catalog(string? dataFolder)
    {
        if (_catalog is null)
        {
            _catalog = BundledData.Load(BundledData.Locate(dataFolder));
            _lookup = new Lookup(_catalog);
        }

        return _catalog;
    }

    public Lookup Lookup(string? dataFolder)
    {
        Catalog(dataFolder);
        return _lookup!;
    }
}

/// <summary>Output formats every command takes.</summary>
public enum OutputFormat { Table, Json, Csv }

/// <summary>The <c>treatywatch</c> command line.</summary>
public static class CliApp
{
    public static readonly Option<OutputFormat> Format = new("--format", "-f")
    {
        Description = "Output format: table, json or csv",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data folder (default: the bundled data; or TREATYWATCH_DATA)",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Ledger: sqlite:<path> or a PostgreSQL connection string (default: TREATYWATCH_DB, else sqlite: in the user's data folder; seeded from the bundled data on first use)",
        Recursive = true,
    };

    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("TreatyWatch: is a state bound by a treaty on a date, since when, why, and what is pending.");
        root.Add(Format);
        root.Add(Data);
        root.Add(Db);
        root.Add(StatusCommand.Create(ctx));
        root.Add(PartiesCommand.Create(ctx));
        root.Add(TimelineCommand.Create(ctx));
        root.Add(DiffCommand.Create(ctx));
        root.Add(PendingCommand.Create(ctx));
        root.Add(TreatiesCommand.Create(ctx));
        root.Add(StatesCommand.Create(ctx));
        root.Add(CheckCommand.Create(ctx));
        root.Add(VerifyReferenceCommand.Create(ctx));
        return root;
    }

    /// <summary>Runs a command line; returns the exit code (0 ok, 1 failure, 2 bad input, 3 bad data).</summary>
    public static int Run(string[] args, CliContext ctx)
    {
        var root = Build(ctx);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (UserInputException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (LedgerException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (System.Data.Common.DbException e)
        {
            ctx.Err.WriteLine($"error: the ledger cannot be used: {e.Message}");
            return 1;
        }
        catch (DataException e)
        {
            ctx.Err.WriteLine("error: the data does not load:");
            foreach (var d in e.Errors) ctx.Err.WriteLine($"  {d}");
            return 3;
        }
    }

    /// <summary>Parses a date option, naming the option and the input when it is wrong.</summary>
    public static LocalDate? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        if (IsoDate.TryParse(text, out var d, out var e)) return d;
        throw new UserInputException($"{option} {e}");
    }
}
