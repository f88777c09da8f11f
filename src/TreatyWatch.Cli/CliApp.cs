using System.CommandLine;
using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli.Commands;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Cli;

/// <summary>What a command needs from the outside world: output, today's date, and the data.</summary>
public sealed class CliContext(IAnsiConsole console, TextWriter output, TextWriter error, LocalDate today)
{
    private Catalog? _catalog;
    private Lookup? _lookup;

    public IAnsiConsole Console { get; } = console;
    /// <summary>Plain output for JSON and CSV (never wrapped).</summary>
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public LocalDate Today { get; } = today;

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

    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("TreatyWatch: is a state bound by a treaty on a date, since when, why, and what is pending.");
        root.Add(Format);
        root.Add(Data);
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
