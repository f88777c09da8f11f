using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Web.Rendering;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages;

/// <summary><c>/search?q=</c>: one clear match opens its page; several are listed; none gets suggestions.</summary>
public sealed class SearchModel(LedgerData data) : SitePage
{
    public string Query { get; private set; } = "";
    public SearchResult Result { get; private set; } = new(null, [], []);

    public IActionResult OnGet(string? q)
    {
        Query = (q ?? "").Trim();
        if (Query.Length == 0) return Page();
        var snap = data.Current;
        Result = SiteSearch.Find(snap.Catalog, snap.Lookup, Query);
        if (Result.Exact is { } hit) return Redirect(hit.Url);
        return Page();
    }
}
