using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;
using TreatyWatch.Answers;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger;
using TreatyWatch.Ledger.Export;
using TreatyWatch.Ledger.Import;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Security;

/// <summary>A review decision sent to <c>POST /api/review/{id}</c>.</summary>
/// <param name="Decision">confirm, reject, edit (needs <paramref name="Date"/>) or merge (needs <paramref name="Into"/>).</param>
/// <param name="Reason">Why: kept with the decision.</param>
/// <param name="Date">For edit: the act's date (YYYY, YYYY-MM or YYYY-MM-DD).</param>
/// <param name="Into">For merge: the record the report duplicates.</param>
/// <param name="SameEvent">Also decide the other outlets' waiting reports of the same event (as <c>treatywatch review
/// --same-event</c>): merged into the confirmed record, rejected, or merged into the same record; refused (400) when
/// they disagree.</param>
public sealed record ReviewRequest(string? Decision, string? Reason, string? Date = null, string? Into = null, bool SameEvent = false);

/// <summary>One file of a project CSV import: its path (<c>actions/apmbc.csv</c>, <c>sources/x.csv</c>) and text.</summary>
public sealed record ImportFile(string? Path, string? Text);

/// <summary>
/// What <c>POST /api/import</c> takes: <c>untc</c> (one UN Treaty Collection table: <paramref name="Name"/> as its file
/// name, e.g. <c>26-5.csv</c>, and <paramref name="Text"/>; <paramref name="Treaty"/> to say which treaty), <c>json</c>
/// (the project's JSON in <paramref name="Text"/>) or <c>csv</c> (the project's CSV files in <paramref name="Files"/>).
/// </summary>
public sealed record ImportRequest(string? Format, string? Name = null, string? Text = null, string? Treaty = null, IReadOnlyList<ImportFile>? Files = null);

/// <summary>
/// The API's writes: <c>POST /api/review/{id}</c> (reviewer), <c>POST /api/import</c> (admin), and the audit trail
/// <c>GET /api/audit</c> (reviewer). Each write is recorded in the ledger with the user's name, then the catalog is
/// reloaded so that a confirmed act drives the status at once. JSON in and out; problem details on bad input; 401
/// without a user, 403 without the role; rate limited (<see cref="RateLimits.Write"/>).
/// </summary>
public static class WriteEndpoints
{
    private const long MaxImportBytes = 16 * 1024 * 1024;

    public static void MapWriteApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("writes");

        api.MapPost("/review/{id}", (string id, ReviewRequest body, HttpContext http, LedgerData data) =>
            {
                var who = Who(http);
                var decision = ParseDecision(body.Decision);
                if (string.IsNullOrWhiteSpace(body.Reason)) throw new UserInputException("reason is required: say why");
                if (body.Reason.Length > 2000) throw new UserInputException("reason is longer than 2000 characters");
                PartialDate? date = null;
                if (decision == ReviewDecision.Edit)
                {
                    if (string.IsNullOrWhiteSpace(body.Date)) throw new UserInputException("date is required for edit (YYYY, YYYY-MM or YYYY-MM-DD)");
                    date = PartialDate.TryParse(body.Date, out var d, out var e) ? d : throw new UserInputException($"date {e}");
                }

                if (decision == ReviewDecision.Merge && string.IsNullOrWhiteSpace(body.Into)) throw new UserInputException("into is required for merge: the record the report duplicates");
                return Decide(data, id, decision, body.Reason, who, date, body.Into, body.SameEvent);
            })
            .RequireAuthorization(Policies.Reviewer)
            .RequireRateLimiting(RateLimits.Write)
            .WithName("Review")
            .WithSummary("Decide a reported action: confirm, reject, edit (date) or merge (into); recorded with the user's name")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/import", (ImportRequest body, HttpContext http, LedgerData data) => Import(body, Who(http), data))
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimits.Write)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithName("Import")
            .WithSummary("Import a UN Treaty Collection table or the project's CSV/JSON (as treatywatch import); recorded with the user's name")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/audit", (int? max, LedgerData data) =>
            {
                var entries = data.Use(store => store.AuditTrail(max ?? 100));
                return Results.Json(entries.Select(e => new { at = InstantPattern.ExtendedIso.Format(e.At), who = e.Who, kind = e.Kind, what = e.What }));
            })
            .RequireAuthorization(Policies.Reviewer)
            .WithName("Audit")
            .WithSummary("The latest writes: review decisions, imports, users added or disabled, tokens issued (who, when, what)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    /// <summary>Records a decision (one at a time with the ledger's other writes), then reloads the catalog.</summary>
    internal static IResult Decide(LedgerData data, string id, ReviewDecision decision, string reason, string who, PartialDate? date, string? into, bool sameEvent = false)
    {
        EventReviewOutcome outcome;
        try
        {
            outcome = data.Use(store => EventReview.Decide(store, id, decision, reason, who, data.Today, date, into, sameEvent));
        }
        catch (LedgerException e) when (e.Message.StartsWith("no action", StringComparison.Ordinal))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (LedgerException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message);
        }

        data.Reload();
        var result = outcome.Steps[0].Result;
        return Results.Json(new
        {
            id,
            decision = decision.ToString().ToLowerInvariant(),
            recordedAs = result.Action.Id,
            reviewState = result.ReviewState.ToString().ToLowerInvariant(),
            treaty = result.Action.TreatyId,
            state = result.Action.State,
            action = ActionKinds.Name(result.Action.Kind),
            date = result.Action.Date.ToString(),
            by = result.RecordedBy,
            at = InstantPattern.ExtendedIso.Format(result.RecordedAt),
            // The event's other reports: decided with it (sameEvent), or still waiting.
            alsoDecided = outcome.Steps.Skip(1).Select(s => new
            {
                id = s.ReportId, decision = s.Decision.ToString().ToLowerInvariant(), recordedAs = s.Result.Action.Id, into = s.Into,
            }),
            stillWaiting = outcome.StillWaiting,
        });
    }

    public static ReviewDecision ParseDecision(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "confirm" => ReviewDecision.Confirm,
        "reject" => ReviewDecision.Reject,
        "edit" => ReviewDecision.Edit,
        "merge" => ReviewDecision.Merge,
        null or "" => throw new UserInputException("decision is required: confirm, reject, edit or merge"),
        _ => throw new UserInputException($"decision '{Clip(text)}' is not one of confirm, reject, edit, merge"),
    };

    private static string Who(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("a write without a signed-in user");

    private static string Clip(string s) => s.Length > 32 ? s[..32] + "…" : s;

    private static IResult Import(ImportRequest body, string who, LedgerData data)
    {
        var catalog = data.Current.Catalog;
        var format = body.Format?.Trim().ToLowerInvariant();
        var results = new List<(string File, ImportOutcome? Outcome, IReadOnlyList<DataError> Errors)>();
        switch (format)
        {
            case "untc":
            {
                var name = Required(body.Name, "name (the table's file name, e.g. 26-5.csv)");
                var text = Required(body.Text, "text (the table)");
                var t = new UntcTableImporter(catalog).Import(name, text, null, string.IsNullOrWhiteSpace(body.Treaty) ? null : body.Treaty.Trim());
                results.Add(t.Ok
                    ? Store(name, data, store => store.Import("untc", name, Hash(text), t.Actions, t.Source is null ? [] : [t.Source], who))
                    : (name, null, t.Errors));
                break;
            }
            case "json":
            {
                var name = string.IsNullOrWhiteSpace(body.Name) ? "upload.json" : body.Name.Trim();
                var text = Required(body.Text, "text (the project's JSON)");
                try
                {
                    var project = ProjectImport.FromJson(name, text, catalog.States, catalog.Sources);
                    results.Add(Store(name, data, store => store.Import("json", name, Hash(text), project.Treaties.SelectMany(t => t.Actions).ToList(), project.Sources, who)));
                }
                catch (DataException e)
                {
                    results.Add((name, null, e.Errors));
                }

                break;
            }
            case "csv":
            {
                if (body.Files is not { Count: > 0 } files) throw new UserInputException("files is required for csv: [{\"path\": \"actions/<treaty>.csv\", \"text\": \"...\"}, ...]");
                var list = files.Select((f, i) => new DataFile(Required(f.Path, $"files[{i}].path").Replace('\\', '/'), Required(f.Text, $"files[{i}].text"))).ToList();
                try
                {
                    var project = ProjectImport.FromCsv(list, catalog.States, catalog.Sources);
                    var treaties = project.Treaties.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < treaties.Count; i++)
                    {
                        var t = treaties[i];
                        var path = $"actions/{t.Id}.csv";
                        var text = list.First(f => f.Path == path).Text;
                        IReadOnlyList<Source> extra = i == treaties.Count - 1 ? project.Sources : [];
                        results.Add(Store(path, data, store => store.Import("csv", path, Hash(text), t.Actions, extra, who)));
                    }
                }
                catch (DataException e)
                {
                    results.Add(("csv", null, e.Errors));
                }

                break;
            }
            default:
                throw new UserInputException(string.IsNullOrWhiteSpace(format) ? "format is required: untc, csv or json" : $"format '{Clip(format)}' is not one of untc, csv, json");
        }

        if (results.Any(r => r.Outcome is not null)) data.Reload();
        var failed = results.Where(r => r.Errors.Count > 0).ToList();
        if (failed.Count > 0 && failed.Count == results.Count)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"nothing stored: {failed.Sum(f => f.Errors.Count)} error(s)",
                extensions: new Dictionary<string, object?> { ["errors"] = failed.SelectMany(f => f.Errors).Take(100).Select(e => e.ToString()).ToList() });
        }

        return Results.Json(new
        {
            format,
            by = who,
            added = results.Sum(r => r.Outcome?.Added ?? 0),
            alreadyOnRecord = results.Sum(r => r.Outcome?.AlreadyOnRecord ?? 0),
            sourcesAdded = results.Sum(r => r.Outcome?.SourcesAdded ?? 0),
            files = results.Select(r => new
            {
                file = r.File, added = r.Outcome?.Added ?? 0, alreadyOnRecord = r.Outcome?.AlreadyOnRecord ?? 0, errors = r.Errors.Select(e => e.ToString()).ToList(),
            }),
        });
    }

    private static (string, ImportOutcome?, IReadOnlyList<DataError>) Store(string file, LedgerData data, Func<LedgerStore, ImportOutcome> write)
    {
        try
        {
            return (file, data.Use(write), []);
        }
        catch (LedgerException e)
        {
            return (file, null, [new DataError(file, 0, e.Message)]);
        }
    }

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new UserInputException($"{what} is required") : value;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
