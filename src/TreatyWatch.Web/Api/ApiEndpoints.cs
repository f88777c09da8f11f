using System.Globalization;
using NodaTime;
using TreatyWatch.Answers;
using TreatyWatch.Answers.Json;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Api;

/// <summary>
/// The JSON API under /api: the same questions and the same JSON as the command line's <c>--format json</c>
/// (docs/cli-json.md, docs/api.md); tables also as CSV (<c>?format=csv</c> or <c>Accept: text/csv</c>).
/// A state is named by ISO code, name or alias, a treaty by id, name or alias, everywhere.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The longest query string accepted (bytes, with the '?'); longer is 414.</summary>
    public const int MaxQueryString = 2048;

    private const string StateDoc = "state: ISO code, name or alias (LTU, Lithuania)";
    private const string TreatyDoc = "treaty: id, name or alias (apmbc, Ottawa Convention)";
    private const string CsvDoc = "format: json (default) or csv; Accept: text/csv also gives CSV.";

    public static void MapApi(this WebApplication app)
    {
        app.Use(RefuseHugeQueries);
        var api = app.MapGroup("/api").WithTags("answers");

        api.MapGet("/status/{state}/{treaty}", (string state, string treaty, string? on, string? asKnownOn, LedgerData data, StatusCache cache) =>
                cache.Answer(data, state, treaty, Date(on, "on") ?? data.Today, Date(asKnownOn, "asKnownOn")))
            .WithName("Status")
            .WithSummary("Is a state bound by a treaty on a date, since when, why, and what is pending")
            .WithDescription($"{StateDoc}; {TreatyDoc}; on: YYYY-MM-DD (default today, UTC); asKnownOn: YYYY-MM-DD (only what the record knew by then).")
            .Answers();

        var treaties = api.MapGroup("/treaties");
        treaties.MapGet("/", (string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var rows = TreatyRow.All(snap.Catalog, data.Today);
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["id", "shortName", "entryIntoForce", "ended", "boundToday", "participantsComplete"],
                        rows.Select(r => new[] { r.Treaty.Id, r.Treaty.ShortName, Day(r.Book.EntryIntoForce), Day(r.Book.End), Num(r.Bound), r.Treaty.ParticipantsComplete ? "true" : "false" }))
                    : (IResult)new JsonAnswer(w => TreatiesJson.Write(w, rows));
            })
            .WithName("Treaties")
            .WithSummary("The treaties carried")
            .WithDescription($"Each with its entry into force (derived from its rules), end if any, states bound today and whether its participant list is complete. {CsvDoc}")
            .Answers(csv: true, notFound: false);

        treaties.MapGet("/{treaty}", (string treaty, string? format, LedgerData data) =>
            {
                Formats.JsonOnly(format);
                var snap = data.Current;
                var row = TreatyRow.Of(snap.Catalog, snap.Lookup.Treaty(treaty), data.Today);
                return new JsonAnswer(w => TreatiesJson.Write(w, row));
            })
            .WithName("Treaty")
            .WithSummary("One treaty")
            .WithDescription($"{TreatyDoc}. The same object as in GET /api/treaties.")
            .Answers();

        treaties.MapGet("/{treaty}/parties", (string treaty, string? on, string? asKnownOn, string? all, string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var t = snap.Lookup.Treaty(treaty);
                var day = Date(on, "on") ?? data.Today;
                var book = snap.Catalog.Book(t.Id, Date(asKnownOn, "asKnownOn"));
                var answers = PartiesJson.Answers(snap.Catalog, book, day, Flag(all, "all"));
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["state", "name", "status", "inForceSince", "withdrawalEffective"],
                        answers.Select(a => new[] { a.State, snap.Catalog.States.TryGetValue(a.State, out var st) ? st.Name : a.State, TreatyStatuses.Name(a.Status), Day(a.InForceSince), Day(a.WithdrawalEffective) }))
                    : (IResult)new JsonAnswer(w => PartiesJson.WriteWithCounts(w, book, day, answers, snap.Catalog));
            })
            .WithName("Parties")
            .WithSummary("Parties, signatories and leavers of a treaty on a date, with counts by status")
            .WithDescription($"{TreatyDoc}; on: YYYY-MM-DD (default today); asKnownOn: YYYY-MM-DD; all: true to list states whose status is none too. JSON: the treaty, counts by status, the number bound and `parties`, each a status answer as GET /api/status gives. {CsvDoc}")
            .Answers(csv: true);

        treaties.MapGet("/{treaty}/diff", (string treaty, string? from, string? to, string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var t = snap.Lookup.Treaty(treaty);
                var d1 = Date(from, "from") ?? throw new UserInputException("from: required (YYYY-MM-DD)");
                var d2 = Date(to, "to") ?? throw new UserInputException("to: required (YYYY-MM-DD)");
                var diff = Diff.Between(snap.Catalog, snap.Catalog.Book(t.Id), d1, d2, "from", "to");
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["state", "before", "after", "change"], diff.Changes.Select(c => new[] { c.State, TreatyStatuses.Name(c.Before), TreatyStatuses.Name(c.After), c.Kind }))
                    : (IResult)new JsonAnswer(w => DiffJson.Write(w, diff));
            })
            .WithName("Diff")
            .WithSummary("Which states' status under a treaty changed between two dates (joined, left, changed)")
            .WithDescription($"{TreatyDoc}; from, to: YYYY-MM-DD, both required, to not before from. {CsvDoc}")
            .Answers(csv: true);

        var states = api.MapGroup("/states");
        states.MapGet("/", (string? q, string? format, HttpContext http, LedgerData data) =>
            {
                if (q is { Length: > Search.MaxQueryLength }) throw new UserInputException($"q: the query is {q.Length} characters; at most {Search.MaxQueryLength}");
                var list = StatesJson.Matching(data.Current.Catalog, string.IsNullOrWhiteSpace(q) ? null : q);
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["iso3", "name", "aliases", "from", "until"], list.Select(s => new[] { s.Iso3, s.Name, string.Join(';', s.Aliases), Day(s.From), Day(s.Until) }))
                    : (IResult)new JsonAnswer(w => StatesJson.Write(w, list));
            })
            .WithName("States")
            .WithSummary("States (current and historical) with codes, names and aliases")
            .WithDescription($"q: only states whose code, name or alias contains this (at most 200 characters). {CsvDoc}")
            .Answers(csv: true, notFound: false);

        states.MapGet("/{state}", (string state, string? format, LedgerData data) =>
            {
                Formats.JsonOnly(format);
                var s = data.Current.Lookup.State(state);
                return new JsonAnswer(w => StatesJson.Write(w, s));
            })
            .WithName("State")
            .WithSummary("One state")
            .WithDescription($"{StateDoc}. The same object as in GET /api/states.")
            .Answers();

        states.MapGet("/{state}/timeline", (string state, string? treaty, string? asKnownOn, string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var s = snap.Lookup.State(state);
                IEnumerable<TreatyDefinition> which = string.IsNullOrEmpty(treaty) ? snap.Catalog.Treaties : [snap.Lookup.Treaty(treaty)];
                var entries = TimelineEntry.Of(snap.Catalog, s.Iso3, which, Date(asKnownOn, "asKnownOn"));
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["date", "treaty", "event", "computed", "detail", "sources"], entries.Select(e => new[] { e.Date.ToString(), e.Treaty, e.Event, e.Computed ? "true" : "false", e.Detail, e.Sources }))
                    : (IResult)new JsonAnswer(w => TimelineJson.Write(w, entries));
            })
            .WithName("Timeline")
            .WithSummary("A state's steps under treaties: depositary acts, domestic steps, entries into force, withdrawals taking effect")
            .WithDescription($"{StateDoc}; treaty (optional): only this treaty ({TreatyDoc}); asKnownOn: YYYY-MM-DD. Computed effects are marked computed: true. {CsvDoc}")
            .Answers(csv: true);

        api.MapGet("/pending", (string? treaty, string? state, string? on, string? to, string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                IEnumerable<TreatyDefinition> which = string.IsNullOrEmpty(treaty) ? snap.Catalog.Treaties : [snap.Lookup.Treaty(treaty)];
                var iso = string.IsNullOrEmpty(state) ? null : snap.Lookup.State(state).Iso3;
                var day = Date(on, "on") ?? data.Today;
                var until = Date(to, "to");
                if (until < day) throw new UserInputException($"to {IsoDate.Format(until.Value)} is before on {IsoDate.Format(day)}");
                var rows = PendingChange.After(snap.Catalog, which, day).Where(r => (iso is null || r.State == iso) && (until is null || r.Date is null || r.Date <= until)).ToList();
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["date", "treaty", "state", "event"], rows.Select(r => new[] { Day(r.Date), r.Treaty, r.State, r.Event }))
                    : (IResult)new JsonAnswer(w => PendingJson.Write(w, rows));
            })
            .WithName("Pending")
            .WithSummary("Entries into force and withdrawals still to come, and withdrawals held back by armed conflict")
            .WithDescription($"treaty, state (optional): only these; on: count as pending after this day (default today); to: only changes on or before this day. date is null for a withdrawal held back by armed conflict. {CsvDoc}")
            .Answers(csv: true);

        api.MapGet("/articles", (string? format, HttpContext http, LedgerData data) =>
            {
                var articles = data.Use(store => store.IngestedArticles());
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["id", "contentHash", "published", "outlet", "title", "url", "recordedAt"],
                        articles.Select(a => new[] { Num(a.Id), a.ContentHash, a.Published, a.Outlet, a.Title, a.Url, NodaTime.Text.InstantPattern.ExtendedIso.Format(a.RecordedAt) }))
                    : (IResult)new JsonAnswer(w =>
                    {
                        w.WriteStartArray();
                        foreach (var a in articles) ArticlesJson.Article(w, a);
                        w.WriteEndArray();
                    });
            })
            .WithName("Articles")
            .WithSummary("Ingested news articles, in the order recorded (without their text)")
            .WithDescription($"What the news reported is never law: its events are reported actions until reviewed. {CsvDoc}")
            .Answers(csv: true, notFound: false);

        api.MapGet("/articles/{id}", (string id, string? format, LedgerData data) =>
            {
                Formats.JsonOnly(format);
                if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    throw new UserInputException($"id: '{Clip(id)}' is not an article id (a number)");
                var (article, events, text) = data.Use(store =>
                {
                    var a = store.IngestedArticles().FirstOrDefault(x => x.Id == n) ?? throw new UserInputException($"unknown article {n}");
                    return (a, store.IngestedEvents().Where(e => e.ArticleHash == a.ContentHash).ToList(), store.ArticleText(a.ContentHash));
                });
                return new JsonAnswer(w => ArticlesJson.Article(w, article, events, text));
            })
            .WithName("Article")
            .WithSummary("One ingested article with its cleaned text and the events extracted from it")
            .WithDescription("id: the article's number (from GET /api/articles). Each event's evidence is text[start..end).")
            .Answers();

        api.MapGet("/events", (string? state, string? treaty, string? format, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var iso = string.IsNullOrEmpty(state) ? null : snap.Lookup.State(state).Iso3;
                var tid = string.IsNullOrEmpty(treaty) ? null : snap.Lookup.Treaty(treaty).Id;
                var (events, articles) = data.Use(store => (store.IngestedEvents(), store.IngestedArticles().ToDictionary(a => a.ContentHash, StringComparer.Ordinal)));
                var list = events.Where(e => (iso is null || e.State == iso) && (tid is null || e.Treaty == tid)).ToList();
                return Formats.WantsCsv(http, format)
                    ? new CsvAnswer(["id", "state", "treaty", "action", "date", "evidence", "actionId", "articleId", "url"],
                        list.Select(e => new[] { Num(e.Id), e.State, e.Treaty, e.Action, e.Date, e.Evidence, e.ActionId, articles.TryGetValue(e.ArticleHash, out var a) ? Num(a.Id) : "", articles.TryGetValue(e.ArticleHash, out var a2) ? a2.Url : "" }))
                    : (IResult)new JsonAnswer(w =>
                    {
                        w.WriteStartArray();
                        foreach (var e in list) ArticlesJson.Event(w, e, articles.GetValueOrDefault(e.ArticleHash));
                        w.WriteEndArray();
                    });
            })
            .WithName("Events")
            .WithSummary("Events extracted from ingested news, each with its source article (reported, never law)")
            .WithDescription($"state, treaty (optional): only these. {CsvDoc}")
            .Answers(csv: true);

        api.MapGet("/search", (string? q, string? limit, LedgerData data) =>
            {
                if (string.IsNullOrWhiteSpace(q)) throw new UserInputException("q: required (a code, name or alias to look for)");
                var max = 20;
                if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 200))
                    throw new UserInputException($"limit: '{Clip(limit)}' is not a number from 1 to 200");
                var result = Search.Find(data.Current.Catalog, q, max);
                return new JsonAnswer(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("query", result.Query);
                    w.WriteStartArray("states");
                    foreach (var h in result.States)
                    {
                        w.WriteStartObject();
                        w.WriteString("iso3", h.Item.Iso3);
                        w.WriteString("name", h.Item.Name);
                        w.WriteString("matched", h.Matched);
                        w.WriteNumber("rank", h.Rank);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("treaties");
                    foreach (var h in result.Treaties)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", h.Item.Id);
                        w.WriteString("shortName", h.Item.ShortName);
                        w.WriteString("matched", h.Matched);
                        w.WriteNumber("rank", h.Rank);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            })
            .WithName("Search")
            .WithSummary("States and treaties matching a code, name or alias, best first")
            .WithDescription("q: what to look for (1 to 200 characters; case, accents and punctuation do not matter); limit: at most this many of each (1–200, default 20). rank: 0 code, 1 exact name or alias, 2 name starts with it, 3 a word starts with it, 4 contains it, 5 near miss (a typo).")
            .Answers(notFound: false);
    }

    /// <summary>Declares the answers of an endpoint: 200 JSON (and CSV), 400 problem, 404 problem when something named is unknown.</summary>
    private static RouteHandlerBuilder Answers(this RouteHandlerBuilder b, bool csv = false, bool notFound = true)
    {
        b.Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: csv ? ["text/csv"] : [])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status414UriTooLong);
        if (notFound) b.ProducesProblem(StatusCodes.Status404NotFound);
        return b;
    }

    /// <summary>A query string longer than <see cref="MaxQueryString"/> is refused (414) before routing does any work.</summary>
    private static Task RefuseHugeQueries(HttpContext http, RequestDelegate next)
    {
        var qs = http.Request.QueryString;
        if (!qs.HasValue || qs.Value!.Length <= MaxQueryString) return next(http);
        http.Response.StatusCode = StatusCodes.Status414UriTooLong;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status414UriTooLong,
                Title = "URI Too Long",
                Detail = $"query: the query string is {qs.Value.Length} characters; at most {MaxQueryString}",
                Instance = http.Request.Path,
            },
        }).AsTask();
    }

    /// <summary>Parses a date parameter, naming it when it is wrong.</summary>
    public static LocalDate? Date(string? text, string parameter)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > 32) throw new UserInputException($"{parameter}: '{text[..32]}…' is not a date (YYYY-MM-DD)");
        return IsoDate.TryParse(text, out var d, out var e) ? d : throw new UserInputException($"{parameter} {e}");
    }

    private static bool Flag(string? text, string parameter) => text?.ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new UserInputException($"{parameter}: '{Clip(text)}' is not true or false"),
    };

    private static string Clip(string s) => s.Length > 32 ? s[..32] + "…" : s;

    private static string Day(LocalDate? d) => d is { } x ? IsoDate.Format(x) : "";

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
