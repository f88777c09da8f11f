using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace TreatyWatch.Web.Api;

/// <summary>What the API needs registered: the OpenAPI document's description, the reference page's options, quiet logs.</summary>
public static class ApiSetup
{
    /// <summary>What each parameter means, wherever it appears.</summary>
    private static readonly Dictionary<string, string> ParameterDocs = new(StringComparer.Ordinal)
    {
        ["state"] = "State: ISO 3166-1 alpha-3 code, name or alias, any case, with or without accents (LTU, Lithuania, Lietuva)",
        ["treaty"] = "Treaty: id, name or alias (apmbc, Ottawa Convention, Mine Ban Treaty)",
        ["on"] = "Day (YYYY-MM-DD); default today (UTC)",
        ["asKnownOn"] = "Answer from what the record knew by this day (YYYY-MM-DD)",
        ["from"] = "First day (YYYY-MM-DD)",
        ["to"] = "Last day (YYYY-MM-DD), not before the first",
        ["format"] = "json (default) or csv where the answer is a table; Accept: text/csv also gives CSV",
        ["all"] = "true: also list states whose status is none on that day",
        ["q"] = "What to look for: a code, name or alias, or part of one (at most 200 characters)",
        ["limit"] = "At most this many states and this many treaties (1-200, default 20)",
        ["id"] = "The article's number, from GET /api/articles",
    };

    public static void AddApi(this WebApplicationBuilder builder)
    {
        // Two log lines per request at Information cost more than the answer itself: request logging only when asked for.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning);
        }

        builder.Services.AddSingleton<StatusCache>();

        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "TreatyWatch API";
            doc.Info.Version = "v1";
            doc.Servers?.Clear(); // the page's own address: the document is the same wherever the app runs
            doc.Info.Description = "Is a state bound by a multilateral treaty on a date, since when, why, and what is pending. " +
                "JSON as the command line's --format json (docs/cli-json.md); tables also as CSV (?format=csv or Accept: text/csv). " +
                "States by ISO code, name or alias; treaties by id, name or alias; dates YYYY-MM-DD. " +
                "Errors are problem details (RFC 9457) naming the bad parameter: 400 bad input, 404 unknown state, treaty or article, 414 query string over 2048 characters. See docs/api.md.";
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            foreach (var p in operation.Parameters ?? [])
            {
                if (p is Microsoft.OpenApi.OpenApiParameter parameter && parameter.Name is { } name && ParameterDocs.TryGetValue(name, out var doc))
                    parameter.Description ??= doc;
            }

            return Task.CompletedTask;
        }));

        // The reference page (Scalar) is served from the app itself; its default fonts would come from fonts.scalar.com.
        builder.Services.Configure<ScalarOptions>(o =>
        {
            o.Title = "TreatyWatch API reference";
            o.DefaultFonts = false;
            o.HideClientButton = true;
        });
    }
}
