using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch review</c>: the reported actions waiting for review, with their sources (<c>--format json</c>: an array).
/// <c>review confirm|reject &lt;id&gt; --reason ...</c>, <c>review edit &lt;id&gt; --date D --reason ...</c> and
/// <c>review merge &lt;id&gt; --into &lt;id2&gt; --reason ...</c> append the decision to the ledger; nothing is updated.
/// </summary>
public static class ReviewCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("review", "List reported actions waiting for review; confirm, reject, edit or merge them (appended to the ledger)");
        cmd.SetAction(p =>
        {
            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            var pending = ledger.ReportedActions();
            if (p.GetValue(CliApp.Format) == OutputFormat.Json)
            {
                // Waiting for review first (review: null), then every past decision in the order made.
                var past = ledger.PastReviews();
                var events = new ReviewClusters(pending);
                var catalog = pending.Count > 0 ? ctx.Catalog(p.GetValue(CliApp.Data)) : null;
                Json.Write(ctx.Out, w =>
                {
                    w.WriteStartArray();
                    foreach (var r in pending) Write(w, r, null, events, catalog);
                    foreach (var r in past) Write(w, r.Report, r, null, null);
                    w.WriteEndArray();
                });
                return 0;
            }

            if (p.GetValue(CliApp.Format) == OutputFormat.Csv)
            {
                Output.CsvOut.Row(ctx.Out, "id", "treaty", "state", "action", "date", "known", "recordedBy", "note", "sources", "evidence");
                foreach (var r in pending)
                {
                    var a = r.Action;
                    Output.CsvOut.Row(ctx.Out, a.Id, a.TreatyId, a.State, ActionKinds.Name(a.Kind), a.Date.ToString(), IsoDate.Format(a.Known), r.RecordedBy, a.Note ?? "",
                        string.Join(' ', a.Sources.Select(s => s.Url ?? s.Key)), string.Join(" | ", a.Sources.Select(s => s.Quote).OfType<string>()));
                }

                return 0;
            }

            if (pending.Count == 0)
            {
                ctx.Console.MarkupLine("[dim]nothing waiting for review[/]");
                return 0;
            }

            WriteList(ctx, ctx.Catalog(p.GetValue(CliApp.Data)), pending);
            return 0;
        });

        cmd.Add(Decide(ctx, "confirm", "It happened as reported: from now on it drives the status", ReviewDecision.Confirm));
        cmd.Add(Decide(ctx, "reject", "It did not happen: the report is closed and never drives the status", ReviewDecision.Reject));
        cmd.Add(Decide(ctx, "edit", "It happened on another date (--date): a confirmed record with that date replaces the report", ReviewDecision.Edit));
        cmd.Add(Decide(ctx, "merge", "It duplicates another record (--into): the report is closed, naming that record", ReviewDecision.Merge));
        return cmd;
    }

    /// <summary>
    /// The reports waiting for review as a reader wants them at a terminal of any width: one heading per event (the
    /// reports of one event from several outlets together, with how certain it is), then each report with its id, when
    /// it was recorded, and its evidence: the source's own words and where they come from.
    /// </summary>
    private static void WriteList(CliContext ctx, Engine.Data.Catalog catalog, IReadOnlyList<LedgerAction> pending)
    {
        var clusters = new ReviewClusters(pending);
        var events = pending.GroupBy(r => (object?)clusters.Of(r.Action.Id) ?? r.Action.Id).Select(g => g.ToList()).ToList();
        var console = ctx.Console;
        console.Write(new Rule($"[bold]Waiting for review[/] · {Plural(pending.Count, "report")} of {Plural(events.Count, "event")}") { Justification = Justify.Left });
        foreach (var reports in events)
        {
            var a = reports[0].Action;
            var state = catalog.States.TryGetValue(a.State, out var st) ? $"{st.Name} ({a.State})" : a.State;
            var treaty = catalog.Treaty(a.TreatyId) is { } t ? $"{t.ShortName} ({a.TreatyId})" : a.TreatyId;
            console.WriteLine();
            console.MarkupLine($"[bold]{Tables.E(state)} · {Tables.E(treaty)}[/]");
            var certainty = clusters.Describe(a.Id);
            console.MarkupLine($"{Tables.E(ActionKinds.Describe(a.Kind))}, {Tables.E(DateWords(a.Date))} · [dim]{Tables.E(certainty.Length > 0 ? certainty : a.Certainty.ToString().ToLowerInvariant())}[/]");
            // Already a standing record? Then the reports are copies of it: merge them into it rather than confirm one.
            var onRecord = reports.SelectMany(r => StandingRecords.Matching(catalog, r.Action)).DistinctBy(x => x.Id).ToList();
            foreach (var rec in onRecord)
                Indented(console, 2, $"[green]on record[/] as [bold]{Tables.E(rec.Id)}[/] ({Tables.E(DateWords(rec.Date))}): treatywatch review merge {Tables.E(a.Id)} --into {Tables.E(rec.Id)}{(reports.Count > 1 ? " --same-event" : "")} --reason \"...\"");
            foreach (var r in reports)
            {
                var x = r.Action;
                var differs = x.Date != a.Date ? $" · reports {DateWords(x.Date)}" : "";
                Indented(console, 2, $"[bold]{Tables.E(x.Id)}[/][dim]{Tables.E(differs)} · known {IsoDate.Format(x.Known)} · by {Tables.E(r.RecordedBy)}[/]");
                if (!string.IsNullOrWhiteSpace(x.Note)) Indented(console, 4, $"note: {Tables.E(x.Note)}");
                foreach (var s in x.Sources)
                {
                    if (s.Quote is { } q) Indented(console, 4, $"[italic]“{Tables.E(q.Trim())}”[/]");
                    var about = new[] { s.Title, s.Outlet, s.Published?.ToString(), s.CnNumber, s.Url == s.Title ? null : s.Url }
                        .Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal);
                    Indented(console, 4, $"[dim]{s.Kind.ToString().ToLowerInvariant()}[/] {Tables.E(string.Join(" · ", about))}");
                }
            }
        }

        console.WriteLine();
        console.MarkupLine("[dim]Decide: treatywatch review confirm|reject <id> --reason \"...\"; edit <id> --date D; merge <id> --into <id2>; --same-event decides an event's other reports too[/]");
    }

    /// <summary>A line indented by <paramref name="columns"/>, its wrapped lines too.</summary>
    private static void Indented(IAnsiConsole console, int columns, string markup) => console.Write(new Padder(new Markup(markup), new Padding(columns, 0, 0, 0)) { Expand = false });

    private static string DateWords(PartialDate d) => d.Precision == DatePrecision.Day ? IsoDate.Long(d.FirstDay) : d.ToString();

    private static string Verb(ReviewDecision d) => d.ToString().ToLowerInvariant();

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static Command Decide(CliContext ctx, string name, string description, ReviewDecision decision)
    {
        var id = new Argument<string>("id") { Description = "The reported action's id (from treatywatch review)" };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the decision)", Required = true };
        var by = new Option<string?>("--by") { Description = "Who decides (default: the user name)" };
        var sameEvent = new Option<bool>("--same-event")
        {
            Description = decision switch
            {
                ReviewDecision.Confirm or ReviewDecision.Edit => "Also close the other outlets' reports of this event: merged into the new record, which cites their sources too",
                ReviewDecision.Reject => "Also reject the other outlets' reports of this event",
                _ => "Also merge the other outlets' reports of this event into the same record",
            },
        };
        var cmd = new Command(name, description) { id, reason, by, sameEvent };
        Option<string>? date = null, into = null;
        if (decision == ReviewDecision.Edit)
        {
            date = new Option<string>("--date") { Description = "The act's date (YYYY, YYYY-MM or YYYY-MM-DD)", Required = true };
            cmd.Add(date);
        }

        if (decision == ReviewDecision.Merge)
        {
            into = new Option<string>("--into") { Description = "The record this report duplicates", Required = true };
            cmd.Add(into);
        }

        cmd.SetAction(p =>
        {
            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            var why = p.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why)) throw new UserInputException("--reason is empty: say why");
            var who = p.GetValue(by) ?? (string.IsNullOrWhiteSpace(Environment.UserName) ? "treatywatch review" : Environment.UserName);
            var d = date is null ? (PartialDate?)null : CliApp.ParsePartial(p.GetValue(date)!, "--date");
            var reportId = p.GetValue(id)!;
            var mergeInto = into is null ? null : p.GetValue(into);
            // The other outlets' reports of the same event, still waiting: decided with this one (--same-event), or named.
            var outcome = EventReview.Decide(ledger, reportId, decision, why, who, ctx.Today, d, mergeInto, p.GetValue(sameEvent));
            foreach (var step in outcome.Steps)
            {
                ctx.Out.WriteLine($"{step.ReportId}: {Verb(step.Decision)} recorded as {step.Result.Action.Id} " +
                                  $"({step.Result.ReviewState.ToString().ToLowerInvariant()}, by {who}{(step.Into is null ? "" : $"; into {step.Into}")})");
            }

            var result = outcome.Steps[0].Result;
            var siblings = outcome.StillWaiting;
            if (siblings.Count > 0)
            {
                var target = into is not null ? p.GetValue(into) : result.Action.Id;
                ctx.Out.WriteLine($"{siblings.Count} other report(s) of the same event still wait for review: {string.Join(", ", siblings)}");
                if (decision is ReviewDecision.Reject)
                    ctx.Out.WriteLine($"  if they are wrong too: treatywatch review reject <id> --reason \"...\"");
                else
                    ctx.Out.WriteLine($"  if they report this same act: treatywatch review merge <id> --into {target} --reason \"...\"");
                ctx.Out.WriteLine($"  (or decide them with this one next time: --same-event)");
            }

            return 0;
        });
        return cmd;
    }

    private static void Write(System.Text.Json.Utf8JsonWriter w, LedgerAction r, ReviewRecord? review, ReviewClusters? events, Engine.Data.Catalog? catalog)
    {
        var a = r.Action;
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("treaty", a.TreatyId);
        w.WriteString("state", a.State);
        w.WriteString("action", ActionKinds.Name(a.Kind));
        w.WriteString("date", a.Date.ToString());
        w.WriteString("known", IsoDate.Format(a.Known));
        w.WriteString("reviewState", "reported");
        w.WriteString("status", review is null ? "waiting" : "reviewed");
        w.WriteString("recordedAt", NodaTime.Text.InstantPattern.ExtendedIso.Format(r.RecordedAt));
        w.WriteString("recordedBy", r.RecordedBy);
        if (a.Note is null) w.WriteNull("note"); else w.WriteString("note", a.Note);
        if (a.Supersedes is null) w.WriteNull("supersedes"); else w.WriteString("supersedes", a.Supersedes);
        w.WriteStartArray("sources");
        foreach (var s in a.Sources) StatusJson.Source(w, s);

        w.WriteEndArray();
        if (events?.Of(a.Id) is { } cluster)
        {
            // The same event as other waiting reports (news from several outlets): how certain, and the disagreements.
            w.WriteString("certainty", cluster.Certainty.ToString().ToLowerInvariant());
            w.WriteStartArray("sameEvent");
            foreach (var other in events.Others(a.Id)) w.WriteStringValue(other);
            w.WriteEndArray();
            w.WriteStartArray("conflicts");
            foreach (var k in cluster.Conflicts) w.WriteStringValue(k.Explanation);
            w.WriteEndArray();
        }

        if (catalog is not null)
        {
            // Standing records this report may duplicate (same treaty, state, step and a date that can be the same).
            w.WriteStartArray("onRecord");
            foreach (var rec in StandingRecords.Matching(catalog, a))
            {
                w.WriteStartObject();
                w.WriteString("id", rec.Id);
                w.WriteString("date", rec.Date.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (review is null) w.WriteNull("review");
        else
        {
            w.WriteStartObject("review");
            w.WriteString("decision", review.Decision.ToString().ToLowerInvariant());
            w.WriteString("reason", review.Reason);
            w.WriteString("by", review.ReviewedBy);
            w.WriteString("at", NodaTime.Text.InstantPattern.ExtendedIso.Format(review.ReviewedAt));
            w.WriteString("actionId", review.ActionId);
            if (review.MergedInto is null) w.WriteNull("mergedInto"); else w.WriteString("mergedInto", review.MergedInto);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
