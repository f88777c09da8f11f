using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages.Treaties;

public sealed class ShowModel(LedgerData data, TreatyViews views) : TreatyPageModel(data, views)
{
    public IActionResult OnGet(string treaty, string? on) => Show(treaty, on);
}
