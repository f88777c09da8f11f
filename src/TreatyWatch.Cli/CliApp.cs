using System.CommandLine;
using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli.Commands;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli;

/// <summary>What a command needs from the outside world: output, today's date, the clock for the ledger's writes, and the data.</summary>
public sealed class CliContext(IAnsiConsole console, TextWriter output, TextWriter error, LocalDate today, IClock? clock = null)
{
    private Catalog? _catalog;
    private Lookup? _lookup;
    private LedgerStore? _ledger;

    public IAnsiConsole Console { get; } = console;
    /// <summary>Plain output for JSON and CSV (never wrapped).</summary>
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public LocalDate Today { get; } = today;

    /// <summary>Gives the ledger's writes their recorded_at.</summary>
    public IClock Clock { get; } = clock ?? SystemClock.Instance;

    /// <summary>The ledger to answer from (<c>--db</c>, else TREATYWATCH_DB); null: the bundled files.</summary>
    public string? DbSpec { get; set; }

    /// <summary>The command's <c>--as-known-on</c>: a catalog from the ledger is loaded as known on that day.</summary>
    public LocalDate? AsKnownOn { get; set; }

    /// <summary>The data: from the ledger when one is given, else from the data folder.</summary>
    public Catalog Catalog(string? dataFolder)
    {
        if (_catalog is null)
        {
            _catalog = DbSpec is null ? BundledData.Load(BundledData.Locate(dataFolder)) : Ledger(dataFolder).LoadCatalog(AsKnownOn);
            _lookup = new Lookup(_catalog);
        }

        return _catalog;
    }

    /// <summary>Forgets the loaded catalog (after a write to the ledger).</summary>
    public void Reload()
    {
        _catalog = null;
        _lookup = null;
    }

    /// <summary>
    /// The ledger named by <see cref="DbSpec"/>, migrated, and seeded from the bundled data on first use (one
    /// transaction). A spec that is not a ledger is bad input (exit 2); a database that cannot be reached is a
    /// <see cref="LedgerUnavailableException"/> (exit 1).
    /// </summary>
    public LedgerStore Ledger(string? dataFolder)
    {
        if (_ledger is not null) return _ledger;
        var spec = DbSpec ?? throw new UserInputException("this command needs a ledger: pass --db <sqlite:path | PostgreSQL connection string> or set TREATYWATCH_DB");
        LedgerStore store;
        try
        {
            store = LedgerStore.Open(spec, Clock);
        }
        catch (LedgerException e)
        {
            throw new UserInputException($"--db {e.Message}");
        }

        try
        {
            store.Migrate();
            if (store.IsEmpty) store.SeedFromBundledData(BundledData.Files(BundledData.Locate(dataFolder)), "treatywatch (bundled data)");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            var where = store.Location;
            store.Dispose();
            throw new LedgerUnavailableException($"cannot use the ledger at {where}: {e.Message}", e);
        }

        return _ledger = store;
    }

    /// <summary>Closes the ledger, if one was opened.</summary>
    public void CloseLedger()
    {
        _ledger?.Dispose();
        _ledger = null;
    }

    public Lookup Lookup(string? dataFolder)
    {
        Catalog(dataFolder);
        return _lookup!;
    }
}

/// <summary>Output formats every command takes.</summary>
public enum OutputFormat { Table, Json, Csv, Jsonl }

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
        Description = "The ledger: sqlite:<path> or a PostgreSQL connection string (Host=...;Database=...); or TREATYWATCH_DB. Default: the bundled files",
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
        root.Add(EvalCleanCommand.Create(ctx));
        root.Add(ExtractCommand.Create(ctx));
        root.Add(EvalCommand.Create(ctx));
        root.Add(ImportCommand.Create(ctx));
        root.Add(ExportCommand.Create(ctx));
        root.Add(ReviewCommand.Create(ctx));
        root.Add(ReportCommand.Create(ctx));
        root.Add(IngestCommand.Create(ctx));
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
            var db = parse.GetValue(Db);
            if (db is null && parse.Errors.Count == 0)
            {
                var env = Environment.GetEnvironmentVariable("TREATYWATCH_DB");
                if (!string.IsNullOrWhiteSpace(env)) db = env;
            }

            ctx.DbSpec = string.IsNullOrWhiteSpace(db) ? null : db;
            if (db is not null && ctx.DbSpec is null) throw new UserInputException("--db is empty: write sqlite:<path> or a PostgreSQL connection string");
            var known = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--as-known-on");
            if (known is Option<string?> k && parse.Errors.Count == 0) ctx.AsKnownOn = ParseDate(parse.GetValue(k), "--as-known-on");
            return parse.Invoke(config);
        }
        catch (UserInputException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (LedgerUnavailableException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (LedgerException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (DataException e)
        {
            ctx.Err.WriteLine("error: the data does not load:");
            foreach (var d in e.Errors) ctx.Err.WriteLine($"  {d}");
            return 3;
        }
        finally
        {
            ctx.CloseLedger();
        }
    }

    /// <summary>Parses a partial date (<c>2025</c>, <c>2025-04</c>, <c>2025-04-16</c>), naming the input when it is wrong.</summary>
    public static PartialDate ParsePartial(string text, string what) =>
        PartialDate.TryParse(text, out var d, out var e) ? d : throw new UserInputException($"{what} {e}");

    /// <summary>Parses a date option, naming the option and the input when it is wrong.</summary>
    public static LocalDate? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        if (IsoDate.TryParse(text, out var d, out var e)) return d;
        throw new UserInputException($"{option} {e}");
    }
}
