using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli;

// A query allocates 3-4 MB and exits: with no garbage collection on the way (the collector compacts what survives into
// fresh memory, and fresh memory is page faults) it answers about 3 ms sooner (docs/benchmarks.md). Past 16 MB, as in a
// long ingest or import, the runtime leaves this mode by itself and collects as usual.
try
{
    GC.TryStartNoGCRegion(16 * 1024 * 1024);
}
catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
{
    // Only a speed-up: a runtime that cannot give the region runs as usual.
}

// The composition root: the only place that reads the clock.
var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
var context = new CliContext(() => AnsiConsole.Console, Console.Out, Console.Error, today, SystemClock.Instance);
return CliApp.Run(args, context);
