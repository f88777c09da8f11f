using Microsoft.AspNetCore.Mvc;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages.States;

/// <summary>A step in a state's timeline: an act on record (legal or domestic), or an effect the engine computed.</summary>
public sealed record TimelineEntry(PartialDate Date, TreatyDefinition Treaty, string Kind, string What, string? Detail, IReadOnlyList<Source> Sources, bool Computed, ActionFamily? Family);

/// <summary><c>/states/{state}?on=</c>: every treaty and the state's status under it, and its timeline of steps.</summary>
public sealed class ShowModel(LedgerData data) : SitePage
{
    public State State { get; private set; } = null!;
    public LocalDate On { get; private set; }
    public LocalDate Today => data.Today;
    public IReadOnlyList<(TreatyDefinition Treaty, StatusAnswer Answer)> Treaties { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<(TreatyDefinition? Treaty, TreatyAction Action)> Reported { get; private set; } = [];
    public bool HasLedger => data.Store is not null;

    public IActionResult OnGet(string state, string? on) => Answer(() =>
    {
        var snap = data.Current;
        var catalog = snap.Catalog;
        State = snap.Lookup.State(state);
        On = PageServices.ParseOn(on, data);
        var iso = State.Iso3;
        Treaties = catalog.Treaties
            .Select(t => (t, catalog.Book(t.Id).StatusOf(iso, On)))
            .OrderBy(x => x.Item2.Status is TreatyStatus.None or TreatyStatus.Unknown ? 1 : 0)
            .ThenBy(x => x.t.ShortName, StringComparer.Ordinal)
            .ToList();

        // The same steps as `treatywatch timeline`: acts on record (not a source's statement of a date), then the
        // effects the engine computes from them (entry into force, withdrawal taking effect).
        var entries = new List<TimelineEntry>();
        foreach (var t in catalog.Treaties)
        {
            var book = catalog.Book(t.Id);
            foreach (var a in catalog.ActionsOf(t.Id).Where(a => a.State == iso))
            {
                var family = ActionKinds.Family(a.Kind);
                if (family == ActionFamily.Statement) continue;
                var detail = string.Join("; ", new[] { a.Votes is { } v ? $"vote {v}" : null, a.Effective is { } e ? $"names {Words.Date(e)}" : null, a.Note }.Where(x => x is not null));
                entries.Add(new TimelineEntry(a.Date, t, ActionKinds.Name(a.Kind), ActionKinds.Describe(a.Kind), detail.Length == 0 ? null : detail, a.Sources, false, family));
            }

            if (book.TimelineOf(iso) is { } tl)
            {
                foreach (var (day, status) in tl.Transitions)
                {
                    var (kind, what) = status switch
                    {
                        TreatyStatus.Party => ("entry_into_force", "treaty in force for it"),
                        TreatyStatus.Withdrawn => ("withdrawal_effective", "withdrawal takes effect"),
                        TreatyStatus.WithdrawalSuspended => ("withdrawal_held_back", "withdrawal held back by armed conflict"),
                        TreatyStatus.None when book.End == day => ("treaty_ended", "treaty expired or terminated"),
                        _ => ("", ""),
                    };
                    if (kind.Length > 0) entries.Add(new TimelineEntry(PartialDate.OfDay(day), t, kind, what, "computed from the treaty's rules", [], true, null));
                }
            }
        }

        Timeline = entries.OrderBy(e => e.Date.FirstDay).ThenBy(e => e.Computed).ThenBy(e => e.Treaty.ShortName, StringComparer.Ordinal).ToList();
        if (data.Store is not null)
        {
            Reported = data.Use(s => s.ReportedActions())
                .Where(r => r.Action.State == iso)
                .Select(r => (catalog.Treaty(r.Action.TreatyId), r.Action))
                .OrderBy(r => r.Action.Date.FirstDay)
                .ToList();
        }

        return Page();
    });
}
