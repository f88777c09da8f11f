using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages;

/// <summary>What the home page and <c>/treaties/{treaty}</c> share: one treaty's map, counts and participants on a day.</summary>
public abstract class TreatyPageModel(LedgerData data, TreatyViews views) : SitePage
{
    public TreatyDay Day { get; private set; } = null!;
    public MapShapes Shapes => views.Shapes;
    public NodaTime.LocalDate Today => data.Today;

    protected IActionResult Show(string treaty, string? on) => Answer(() =>
    {
        var snap = data.Current;
        var t = snap.Lookup.Treaty(treaty);
        var day = PageServices.ParseOn(on, data);
        Day = views.Day(snap, t, day);
        return Page();
    });
}
