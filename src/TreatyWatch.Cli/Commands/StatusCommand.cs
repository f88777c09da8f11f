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
        // Sources are numbered in the order the reasons cite them, then the latest domestic step's.
        var sources = new List<Source>();
        int Cite(Source src)
        {
            var idx = sources.FindIndex(x => x.Key == src.Key);
            if (idx >= 0) return idx + 1;
            sources.Add(src);
            return sources.Count;
        }

        string Refs(IEnumerable<int> refs) => refs.Distinct().ToList() is { Count: > 0 } list ? " [dim][[" + string.Join(", ", list) + "]][/]" : "";
        var reasonRefs = a.Reasons.Select(r => r.Sources.Select(Cite).ToList()).ToList();
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Status[/]", $"[bold {colour}]{Markup.Escape(TreatyStatuses.Describe(a.Status))}[/]" + (TreatyStatuses.IsBound(a.Status) ? " — bound" : " — not bound"));
        if (a.InForceSince is { } since && TreatyStatuses.IsBound(a.Status)) grid.AddRow("In force for it since", IsoDate.Long(since));
        if (a.WithdrawalEffective is { } we)
            grid.AddRow(a.Status == TreatyStatus.Withdrawn ? "Withdrawal took effect" : "Withdrawal takes effect", IsoDate.Long(we));
        if (a.LatestDomesticStep is { } step)
            grid.AddRow("Latest domestic step", Markup.Escape($"{ActionKinds.Describe(step.Kind)}, {Human(step.Date)}{(step.Votes is { } v ? $" ({v})" : "")}") + Refs(step.Sources.Select(Cite)));
        if (a.AsKnownOn is { } k) grid.AddRow("As known on", IsoDate.Long(k));
        if (!a.ParticipantsComplete) grid.AddRow("[grey]Record[/]", "[grey]participant list incomplete for this treaty[/]");
        console.Write(grid);
        console.WriteLine();
        console.MarkupLine("[bold]Why[/]");
        // Numbered lists as two columns, so that a long reason or source wraps under its own text, not under its number.
        var why = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(1).PadRight(1)).AddColumn();
        for (var i = 0; i < a.Reasons.Count; i++)
        {
            var r = a.Reasons[i];
            var article = r.Article is null ? "" : $"[dim]{Markup.Escape(r.Article)}[/] ";
            why.AddRow($"{i + 1,2}.", $"{article}{Markup.Escape(r.Text)}{Refs(reasonRefs[i])}");
        }

        console.Write(why);

        if (sources.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Sources[/]");
            var list = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(1).PadRight(1)).AddColumn();
            for (var i = 0; i < sources.Count; i++)
            {
                var s = sources[i];
                var parts = new List<string> { $"[dim]{s.Kind.ToString().ToLowerInvariant()}[/]" };
                if (s.Title != s.Url) parts.Add(Markup.Escape(s.Title));
                if (s.Outlet is not null && !s.Title.Contains(s.Outlet, StringComparison.OrdinalIgnoreCase)) parts.Add($"({Markup.Escape(s.Outlet)})");
                if (s.Url is not null) parts.Add($"[link]{Markup.Escape(s.Url)}[/]");
                // A news source's own words for the act, as the reviewer who confirmed it read them.
                var quote = s.Quote is { } q ? $"\n[italic]“{Markup.Escape(q.Trim())}”[/]" : "";
                list.AddRow($"[[{i + 1}]]", string.Join(' ', parts) + quote);
            }

            console.Write(list);
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
