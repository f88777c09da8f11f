using NodaTime;
using TreatyWatch.Answers;
using TreatyWatch.Answers.Json;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Api;

/// <summary>The JSON API under /api: the same questions and the same JSON as the command line's <c>--format json</c>.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("answers");

        api.MapGet("/status/{state}/{treaty}", (string state, string treaty, string? on, string? asKnownOn, LedgerData data) =>
            {
                var snap = data.Current;
                var s = snap.Lookup.State(state);
                var t = snap.Lookup.Treaty(treaty);
                var day = Date(on, "on") ?? data.Today;
                var known = Date(asKnownOn, "asKnownOn");
                var answer = snap.Catalog.Book(t.Id, known).StatusOf(s.Iso3, day);
                return new JsonAnswer(w => StatusJson.Write(w, answer, snap.Catalog));
            })
            .WithName("Status")
            .WithSummary("Is a state bound by a treaty on a date, since when, why, and what is pending")
            .WithDescription("state: ISO code, name or alias (LTU, Lithuania); treaty: id, name or alias (apmbc, Ottawa Convention); on: YYYY-MM-DD (default today, UTC); asKnownOn: YYYY-MM-DD (only what the record knew by then).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Parses a date parameter, naming it when it is wrong.</summary>
    public static LocalDate? Date(string? text, string parameter)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > 32) throw new UserInputException($"{parameter}: '{text[..32]}…' is not a date (YYYY-MM-DD)");
        return IsoDate.TryParse(text, out var d, out var e) ? d : throw new UserInputException($"{parameter} {e}");
    }
}
