using NodaTime;
using Spectre.Console;
using TreatyWatch.Cli;

// The composition root: the only place that reads the clock.
var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
var context = new CliContext(() => AnsiConsole.Console, Console.Out, Console.Error, today, SystemClock.Instance);
return CliApp.Run(args, context);
