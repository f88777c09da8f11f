using System.CommandLine;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch report &lt;state&gt; &lt;treaty&gt; &lt;action&gt; &lt;date&gt; --source &lt;url&gt; [--note ...]</c>: records a reported
/// action (news, not law) for review. It drives no status until <c>treatywatch review confirm</c>. The ingest
/// pipeline records its events through the same store call (<see cref="LedgerStore.RecordAction"/>).
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var state = new Argument<string>("state") { Description = "State: ISO code, name or alias" };
        var treaty = new Argument<string>("treaty") { Description = "Treaty: id, name or alias" };
        var action = new Argument<string>("action") { Description = "Action kind (withdraw, ratify, parliament_vote_withdraw, ...)" };
        var date = new Argument<string>("date") { Description = "When it happened: YYYY, YYYY-MM or YYYY-MM-DD (a depositary act needs the day)" };
        var source = new Option<string[]>("--source") { Description = "Where it was reported: a URL or a source key on record (repeatable)", Required = true };
        var note = new Option<string?>("--note") { Description = "A note (the evidence, in words)" };
        var known = new Option<string?>("--known") { Description = "When it was reported (YYYY-MM-DD; default today)" };
        var by = new Option<string?>("--by") { Description = "Who records it (default: treatywatch report)" };
        var cmd = new Command("report", "Record a reported action for review (it changes no status until confirmed)") { state, treaty, action, date, source, note, known, by };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var ledger = ctx.Ledger(data);
            var catalog = ctx.Catalog(data);
            var lookup = ctx.Lookup(data);
            var s = lookup.State(p.GetValue(state)!);
            var t = lookup.Treaty(p.GetValue(treaty)!);
            if (!ActionKinds.TryParse(p.GetValue(action)!, out var kind))
                throw new UserInputException($"'{p.GetValue(action)}' is not an action kind: one of {string.Join(", ", ActionKinds.AllNames.Order(StringComparer.Ordinal))}");
            var when = CliApp.ParsePartial(p.GetValue(date)!, "date");
            var knownOn = CliApp.ParseDate(p.GetValue(known), "--known") ?? ctx.Today;
            var sources = p.GetValue(source)!.Select(x => catalog.Sources.TryGetValue(x, out var src) ? src : new Source(x, SourceKind.Web, x, x, null)).ToList();
            var recorded = ledger.RecordAction(new TreatyAction
            {
                Id = "",
                TreatyId = t.Id,
                State = s.Iso3,
                Kind = kind,
                Date = when,
                Known = knownOn,
                Sources = sources,
                Note = p.GetValue(note),
                Origin = "treatywatch report",
            }, ReviewState.Reported, p.GetValue(by) ?? "treatywatch report");
            ctx.Out.WriteLine($"{recorded.Action.Id}: reported {s.Iso3} {ActionKinds.Name(kind)} {when} ({t.Id}); waiting for review");
            return 0;
        });
        return cmd;
    }
}
