using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages.Treaties;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class ShowModel(LedgerData data, TreatyViews views) : TreatyPageModel(data, views)
{
    public IActionResult OnGet(string treaty, string? on) => Show(treaty, on);
}
