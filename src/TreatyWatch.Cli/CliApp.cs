using System.CommandLine;
using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli.Commands;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli;

/// <summary>
/// What a command needs from the outside world: output, today's date, the clock for the ledger's writes, the
/// environment (TREATYWATCH_DB, TREATYWATCH_DATA, XDG_DATA_HOME, HOME: injectable, so tests never touch the real
/// home folder), and the data.
/// </summary>
public sealed class CliContext(Func<IAnsiConsole> console, TextWriter output, TextWriter error, LocalDate today, IClock? clock = null, Func<string, string?>? environment = null)
{
    public CliContext(IAnsiConsole console, TextWriter output, TextWriter error, LocalDate today, IClock? clock = null, Func<string, string?>? environment = null)
        : this(() => console, output, error, today, clock, environment)
    {
    }

    /// <summary>Who writes the bundled data into a ledger (seeding, and bringing it up to date).</summary>
    public const string BundledWho = LedgerSetup.BundledWho;

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;
    private Catalog? _catalog;
    private Lookup? _lookup;
    private LedgerStore? _ledger;

    private IAnsiConsole? _console;

    /// <summary>The console for tables, made on first use (JSON and CSV never make it: detecting the terminal costs a cold start time).</summary>
    public IAnsiConsole Console => _console ??= console();
    /// <summary>Plain output for JSON and CSV (never wrapped).</summary>
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public LocalDate Today { get; } = today;

    /// <summary>Gives the ledger's writes their recorded_at.</summary>
    public IClock Clock { get; } = clock ?? SystemClock.Instance;

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>
    /// With TREATYWATCH_TIMINGS=1, writes "timing: &lt;stage&gt; &lt;ms since this context was made&gt; (&lt;MB allocated&gt;,
    /// &lt;garbage collections&gt;)" to the error output (docs/benchmarks.md).
    /// </summary>
    public void Mark(string stage)
    {
        if (Env("TREATYWATCH_TIMINGS") != "1") return;
        Err.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"timing: {stage} {_clock.Elapsed.TotalMilliseconds:F1} ms ({GC.GetTotalAllocatedBytes() / 1e6:F1} MB allocated, {GC.CollectionCount(0)} GC, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused)"));
    }

    /// <summary>An environment variable (null or empty: not set).</summary>
    public string? Env(string name) => _environment(name) is { Length: > 0 } v ? v : null;

    /// <summary>The ledger given (<c>--db</c>, else TREATYWATCH_DB); null: <see cref="DefaultLedgerSpec"/>, unless <see cref="NoLedger"/>.</summary>
    public string? DbSpec { get; set; }

    /// <summary><c>--db none</c>: no ledger at all; queries answer from the data files.</summary>
    public bool NoLedger { get; set; }

    /// <summary>
    /// Queries answer from the data files, not the ledger: <c>--db none</c>, or <c>--data &lt;folder&gt;</c> given without
    /// <c>--db</c> or TREATYWATCH_DB.
    /// </summary>
    public bool AnswerFromFiles { get; set; }

    /// <summary>The command's <c>--as-known-on</c>: a catalog from the ledger is loaded as known on that day.</summary>
    public LocalDate? AsKnownOn { get; set; }

    /// <summary>The default ledger (see <see cref="LedgerSetup.DefaultSpec"/>).</summary>
    public string DefaultLedgerSpec() => LedgerSetup.DefaultSpec(Env);

    /// <summary>The data folder: <c>--data</c>, then TREATYWATCH_DATA, then the copy shipped beside the program.</summary>
    public string DataFolder(string? dataFolder) => BundledData.Locate(dataFolder, Env);

    /// <summary>The data: from the ledger unless <see cref="AnswerFromFiles"/>. A ledger's catalog reads each treaty's actions on first use.</summary>
    public Catalog Catalog(string? dataFolder)
    {
        if (_catalog is null)
        {
            _catalog = AnswerFromFiles || NoLedger
                ? BundledData.Load(DataFolder(dataFolder))
                : Ledger(dataFolder).LoadCatalog(AsKnownOn, lazyActions: true);
            Mark("catalog loaded");
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
    /// The ledger named by <see cref="DbSpec"/>, migrated, seeded from the bundled data on first use (one
    /// transaction), and brought up to date when the bundled data changed since (appended, see
    /// <see cref="LedgerStore.UpdateFromBundledData"/>). A spec that is not a ledger is bad input (exit 2); a database
    /// that cannot be reached is a <see cref="LedgerUnavailableException"/> (exit 1).
    /// </summary>
    public LedgerStore Ledger(string? dataFolder)
    {
        if (_ledger is not null) return _ledger;
        if (NoLedger) throw new UserInputException("this command needs a ledger, and --db none says not to use one: pass --db <sqlite:path | PostgreSQL connection string>, or leave --db out for the default ledger");
        return _ledger = LedgerSetup.Open(DbSpec ?? DefaultLedgerSpec(), DataFolder(dataFolder), Clock, Env, Err, Mark);
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
        Description = "Data folder (default: the bundled data; or TREATYWATCH_DATA). Without --db, queries answer from its files",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The ledger: sqlite:<path> or a PostgreSQL connection string (Host=...;Database=...), or none to answer from the data files; or TREATYWATCH_DB. Default: sqlite:<XDG_DATA_HOME or ~/.local/share>/treatywatch/ledger.db",
        Recursive = true,
    };

    /// <summary>The commands, in the order the help lists them.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("status", StatusCommand.Create),
        ("parties", PartiesCommand.Create),
        ("timeline", TimelineCommand.Create),
        ("diff", DiffCommand.Create),
        ("pending", PendingCommand.Create),
        ("treaties", TreatiesCommand.Create),
        ("states", StatesCommand.Create),
        ("check", CheckCommand.Create),
        ("verify-reference", VerifyReferenceCommand.Create),
        ("eval-clean", EvalCleanCommand.Create),
        ("extract", ExtractCommand.Create),
        ("eval", EvalCommand.Create),
        ("import", ImportCommand.Create),
        ("export", ExportCommand.Create),
        ("review", ReviewCommand.Create),
        ("report", ReportCommand.Create),
        ("ingest", IngestCommand.Create),
        ("users", UsersCommand.Create),
    ];

    /// <summary>The whole command tree.</summary>
    public static RootCommand Build(CliContext ctx) => Build(ctx, null);

    /// <summary>
    /// The command tree for a command line: when its first word names a command, only that command is built (the
    /// others cannot take part in parsing it, nor in its help or errors); otherwise all of them (the root's help,
    /// suggestions for a mistyped command).
    /// </summary>
    public static RootCommand Build(CliContext ctx, string[]? args)
    {
        var root = new RootCommand("TreatyWatch: is a state bound by a treaty on a date, since when, why, and what is pending.");
        root.Add(Format);
        root.Add(Data);
        root.Add(Db);
        var only = args is [var first, ..] && Array.Exists(Commands, c => c.Name == first) ? first : null;
        foreach (var (name, create) in Commands)
        {
            if (only is null || name == only)
            {
                var cmd = create(ctx);
                if (cmd.Name != name) throw new InvalidOperationException($"command '{cmd.Name}' is registered as '{name}'");
                root.Add(cmd);
            }
        }

        return root;
    }

    /// <summary>Runs a command line; returns the exit code (0 ok, 1 failure, 2 bad input, 3 bad data).</summary>
    public static int Run(string[] args, CliContext ctx)
    {
        var root = Build(ctx, args);
        var parse = root.Parse(args);
        ctx.Mark("parsed");
        var config = new InvocationConfiguration { Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false };
        try
        {
            var db = parse.GetValue(Db);
            var explicitDb = db is not null;
            if (db is null && parse.Errors.Count == 0 && ctx.Env("TREATYWATCH_DB") is { } env)
            {
                db = env;
                explicitDb = true;
            }

            if (db is not null && string.IsNullOrWhiteSpace(db)) throw new UserInputException("--db is empty: write sqlite:<path>, a PostgreSQL connection string, or none");
            ctx.NoLedger = db is not null && db.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);
            ctx.DbSpec = ctx.NoLedger ? null : db;
            ctx.AnswerFromFiles = ctx.NoLedger || (!explicitDb && parse.GetValue(Data) is not null);

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
