using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TreatyWatch.Cli.Output;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Cli.Commands;

/// <summary><c>treatywatch status &lt;state&gt; &lt;treaty&gt; [--on D] [--as-known-on D]</c>.</summary>
public static class StatusCommand
{
    public static readonly Option<string?> On = new("--on") { Description = "The day the status holds on (YYYY-MM-DD; default today)" };
    public static readonly Option<string?> AsKnownOn = new("--as-known-on") { Description = "Use only what the record knew by this day (YYYY-MM-DD)" };

    public static Command Create(CliContext ctx)
    {
        var state = new Argument<string>("state") { Description = "State: ISO code, name or alias (\"LTU\", \"Lithuania\")" };
        var treaty = new Argument<string>("treaty") { Description = "Treaty: id, name or alias (\"apmbc\", \"Ottawa Treaty\")" };
        var cmd = new Command("status", "Is a state bound by a treaty on a date, since when, why, and what is pending") { state, treaty, On, AsKnownOn };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var catalog = ctx.Catalog(data);
            var lookup = ctx.Lookup(data);
            var s = lookup.State(p.GetValue(state)!);
            var t = lookup.Treaty(p.GetValue(treaty)!);
            var on = CliApp.ParseDate(p.GetValue(On), "--on") ?? ctx.Today;
            var known = CliApp.ParseDate(p.GetValue(AsKnownOn), "--as-known-on");
            ctx.Mark("state and treaty found");
            catalog.ActionsOf(t.Id);
            ctx.Mark("treaty's actions read");
            var answer = catalog.Book(t.Id, known).StatusOf(s.Iso3, on);
            ctx.Mark("answered");
            switch (p.GetValue(CliApp.Format))
            {
                case OutputFormat.Json:
                    using (var stream = new MemoryStream())
                    {
                        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                            StatusJson.Write(w, answer, catalog);
                        ctx.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    }

                    break;
                case OutputFormat.Csv:
                    CsvOut.Row(ctx.Out, "state", "treaty", "on", "status", "inForceSince", "withdrawalEffective", "latestDomesticStep", "latestDomesticStepDate");
                    CsvOut.Row(ctx.Out, answer.State, answer.Treaty, IsoDate.Format(answer.On), TreatyStatuses.Name(answer.Status),
                        answer.InForceSince is { } i ? IsoDate.Format(i) : "", answer.WithdrawalEffective is { } we ? IsoDate.Format(we) : "",
                        answer.LatestDomesticStep is { } ds ? ActionKinds.Name(ds.Kind) : "", answer.LatestDomesticStep?.Date.ToString() ?? "");
                    break;
                default:
                    Render(ctx.Console, answer, catalog);
                    if (ctx.DbSpec is not null) ReportedNews.Render(ctx.Console, ctx.Ledger(data).ReportedActions(known), s.Iso3, t.Id);
                    break;
            }

            return 0;
        });
        return cmd;
    }

    public static void Render(IAnsiConsole console, StatusAnswer a, Catalog catalog)
    {
        var book = catalog.Book(a.Treaty, a.AsKnownOn);
        var stateName = catalog.States.TryGetValue(a.State, out var st) ? st.Name : a.State;
        console.Write(new Rule($"[bold]{Markup.Escape(stateName)}[/] · {Markup.Escape(book.Treaty.ShortName)} · {IsoDate.Long(a.On)}") { Justification = Justify.Left });
        var colour = a.Status switch
        {
            TreatyStatus.Party => "green",
            TreatyStatus.WithdrawalPending or TreatyStatus.WithdrawalSuspended => "yellow",
            TreatyStatus.Withdrawn => "red",
            TreatyStatus.Unknown => "grey",
            _ => "blue",
        };
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Status[/]", $"[bold {colour}]{Markup.Escape(TreatyStatuses.Describe(a.Status))}[/]" + (TreatyStatuses.IsBound(a.Status) ? " — bound" : " — not bound"));
        if (a.InForceSince is { } since && TreatyStatuses.IsBound(a.Status)) grid.AddRow("In force for it since", IsoDate.Long(since));
        if (a.WithdrawalEffective is { } we)
            grid.AddRow(a.Status == TreatyStatus.Withdrawn ? "Withdrawal took effect" : "Withdrawal takes effect", IsoDate.Long(we));
        if (a.LatestDomesticStep is { } step)
            grid.AddRow("Latest domestic step", Markup.Escape($"{ActionKinds.Describe(step.Kind)}, {Human(step.Date)}{(step.Votes is { } v ? $" ({v})" : "")}"));
        if (a.AsKnownOn is { } k) grid.AddRow("As known on", IsoDate.Long(k));
        if (!a.ParticipantsComplete) grid.AddRow("[grey]Record[/]", "[grey]participant list incomplete for this treaty[/]");
        console.Write(grid);
        console.WriteLine();
        console.MarkupLine("[bold]Why[/]");
        var sources = new List<Source>();
        var n = 0;
        foreach (var r in a.Reasons)
        {
            n++;
            var refs = new List<int>();
            foreach (var src in r.Sources)
            {
                var idx = sources.FindIndex(x => x.Key == src.Key);
                if (idx < 0)
                {
                    sources.Add(src);
                    idx = sources.Count - 1;
                }

                refs.Add(idx + 1);
            }

            var article = r.Article is null ? "" : $"[dim]{Markup.Escape(r.Article)}[/] ";
            var cite = refs.Count == 0 ? "" : " [dim][[" + string.Join(", ", refs.Distinct()) + "]][/]";
            console.MarkupLine($" {n,2}. {article}{Markup.Escape(r.Text)}{cite}");
        }

        if (sources.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Sources[/]");
            for (var i = 0; i < sources.Count; i++)
            {
                var s = sources[i];
                var url = s.Url is null ? "" : $" [link]{Markup.Escape(s.Url)}[/]";
                var title = s.Title == s.Url ? "" : Markup.Escape(s.Title);
                var outlet = s.Outlet is null || s.Title.Contains(s.Outlet, StringComparison.OrdinalIgnoreCase) ? "" : $" ({Markup.Escape(s.Outlet)})";
                console.MarkupLine($" [[{i + 1}]] [dim]{s.Kind.ToString().ToLowerInvariant()}[/] {title}{outlet}{url}");
                // A news source's own words for the act, as the reviewer who confirmed it read them.
                if (s.Quote is { } quote)
                    console.Write(new Padder(new Markup($"[italic]“{Markup.Escape(quote.Trim())}”[/]"), new Padding(6, 0, 0, 0)) { Expand = false });
            }
        }

        foreach (var p in book.Problems.Where(p => p.Contains(stateName, StringComparison.Ordinal)))
            console.MarkupLine($"[yellow]check:[/] {Markup.Escape(p)}");
    }

    public static string Human(PartialDate d) => d.Precision switch
    {
        DatePrecision.Day => IsoDate.Long(d.FirstDay),
        DatePrecision.Month => d.FirstDay.ToString("MMMM uuuu", System.Globalization.CultureInfo.InvariantCulture),
        _ => d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
