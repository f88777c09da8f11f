using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages;

/// <summary>The home page: the flagship treaty (the Ottawa Convention) today, and the way to every other treaty.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(LedgerData data, TreatyViews views) : TreatyPageModel(data, views)
{
    public const string Flagship = "apmbc";

    public IReadOnlyList<Engine.Treaties.TreatyDefinition> Treaties { get; } = data.Current.Catalog.Treaties.OrderBy(t => t.ShortName, StringComparer.Ordinal).ToList();

    public IActionResult OnGet(string? on) => Show(Flagship, on);
}
