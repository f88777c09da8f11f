using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TreatyWatch.Answers;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ingest.Across;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Security;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages;

/// <summary>
/// <c>/review</c> (reviewers and admins; anonymous visitors go to /signin): the reported actions waiting for review,
/// grouped by event as <c>treatywatch review</c> groups them (<see cref="ReviewClusters"/>), each with its evidence, its
/// source, the event's certainty and disagreements, and forms to confirm, reject, merge or edit it (POST, anti-forgery
/// token, rate limited); then the past decisions and the latest writes. A decision is appended to the ledger with the
/// user's name and the catalog is reloaded, so that a confirmed act drives the status at once.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[EnableRateLimiting(RateLimits.Write)]
public sealed class ReviewModel(LedgerData data) : PageModel
{
    /// <summary>One waiting report with what the page shows of it.</summary>
    public sealed record Report(LedgerAction Action, StoredEvent? Event, StoredArticle? Article);

    /// <summary>Reports of one event (one report when no other outlet told of it).</summary>
    public sealed record Group(EventCluster? Cluster, string Certainty, IReadOnlyList<Report> Reports)
    {
        /// <summary>Standing records the event may duplicate (<see cref="StandingRecords"/>): merge its reports into one.</summary>
        public IReadOnlyList<Engine.Actions.TreatyAction> OnRecord { get; init; } = [];
    }

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public IReadOnlyList<ReviewRecord> Past { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string? done, string? decision)
    {
        if (done is not null && decision is not null) Message = $"{decision}: {done} recorded";
        Load();
    }

    public IActionResult OnPost(string? id, string? decision, string? reason, string? into, string? date, bool sameEvent = false)
    {
        ReviewDecision d;
        PartialDate? day = null;
        try
        {
            if (string.IsNullOrWhiteSpace(id)) throw new UserInputException("which report? (id is missing)");
            d = WriteEndpoints.ParseDecision(decision);
            if (d == ReviewDecision.Edit)
            {
                if (string.IsNullOrWhiteSpace(date)) throw new UserInputException("edit needs the act's date (YYYY, YYYY-MM or YYYY-MM-DD)");
                day = PartialDate.TryParse(date.Trim(), out var p, out var e) ? p : throw new UserInputException($"date {e}");
            }

            if (d == ReviewDecision.Merge && string.IsNullOrWhiteSpace(into)) throw new UserInputException("merge needs the id of the record the report duplicates");
        }
        catch (UserInputException e)
        {
            return Failed(StatusCodes.Status400BadRequest, e.Message);
        }

        var who = User.FindFirstValue(ClaimTypes.Name)!;
        var why = string.IsNullOrWhiteSpace(reason) ? DefaultReason(d) : reason.Trim();
        try
        {
            data.Use(store => EventReview.Decide(store, id!, d, why, who, data.Today, day, string.IsNullOrWhiteSpace(into) ? null : into.Trim(), sameEvent));
        }
        catch (UserInputException e)
        {
            return Failed(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (Exception e) when (e is LedgerException or ArgumentException)
        {
            return Failed(StatusCodes.Status409Conflict, e.Message);
        }

        data.Reload();
        return LocalRedirect($"/review?done={Uri.EscapeDataString(id!)}&decision={d.ToString().ToLowerInvariant()}");
    }

    private static string DefaultReason(ReviewDecision d) => d switch
    {
        ReviewDecision.Confirm => "confirmed on the review page (no reason given)",
        ReviewDecision.Reject => "rejected on the review page (no reason given)",
        ReviewDecision.Merge => "merged on the review page (no reason given)",
        _ => "date edited on the review page (no reason given)",
    };

    private PageResult Failed(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        Load();
        return Page();
    }

    private void Load()
    {
        var (pending, past, events, articles, recent) = data.Use(store =>
            (store.ReportedActions(), store.PastReviews(), store.IngestedEvents(), store.IngestedArticles(), store.AuditTrail(20)));
        var byAction = events.Where(e => e.ActionId is not null).GroupBy(e => e.ActionId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byHash = articles.ToDictionary(a => a.ContentHash, StringComparer.Ordinal);
        var clusters = new ReviewClusters(pending);

        // As the command line orders them: each event where its first report is, its reports together.
        var groups = new List<Group>();
        var placed = new Dictionary<EventCluster, List<Report>>(ReferenceEqualityComparer.Instance);
        foreach (var r in pending)
        {
            var ev = byAction.GetValueOrDefault(r.Action.Id);
            var report = new Report(r, ev, ev is null ? null : byHash.GetValueOrDefault(ev.ArticleHash));
            var cluster = clusters.Of(r.Action.Id);
            if (cluster is not null && placed.TryGetValue(cluster, out var list))
            {
                list.Add(report);
                continue;
            }

            var reports = new List<Report> { report };
            if (cluster is not null) placed[cluster] = reports;
            groups.Add(new Group(cluster, clusters.Describe(r.Action.Id), reports));
        }

        var catalog = data.Current.Catalog;
        Groups = groups.Select(g => g with { OnRecord = g.Reports.SelectMany(r => StandingRecords.Matching(catalog, r.Action.Action)).DistinctBy(a => a.Id).ToList() }).ToList();
        Past = past.Reverse().Take(50).ToList();
        Recent = recent;
    }
}
