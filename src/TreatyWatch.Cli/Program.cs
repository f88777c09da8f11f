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

// The command line does blocking I/O only. A PostgreSQL connection's socket, once Npgsql has written a batch
// asynchronously on it, is non-blocking for good, and then every blocking read waits on the runtime's socket
// event thread, which by default hands each event to the thread pool: a worker wakes for every round trip and
// spins for more work, about 4 % of the CPU of an ingest into PostgreSQL (docs/benchmarks.md). Handled on the event
// thread itself, the event only wakes the reader. Read once, when the socket engine starts: set before any socket.
// Not for the web app (src/TreatyWatch.Web), whose callbacks run on the pool by design.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

// The composition root: the only place that reads the clock.
var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
var context = new CliContext(() => AnsiConsole.Console, Console.Out, Console.Error, today, SystemClock.Instance);
return CliApp.Run(args, context);
