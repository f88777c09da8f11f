using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using TreatyWatch.Answers;
using TreatyWatch.Answers.Json;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Treaties;
using TreatyWatch.Web.Api;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Feeds;

/// <summary>
/// Feeds to follow a treaty or a state: Atom feeds of what is on record (acts and domestic steps, by the day the
/// record knew them) and of reported news (marked "Reported", never law), and an iCalendar feed of effective dates
/// to come (entries into force, withdrawals taking effect).
/// </summary>
public static class FeedEndpoints
{
    /// <summary>The most entries an Atom feed carries (the newest).</summary>
    public const int MaxEntries = 200;

    public static void MapFeeds(this WebApplication app)
    {
        var feeds = app.MapGroup("").WithTags("feeds");

        feeds.MapGet("/treaties/{treaty}/feed.atom", (string treaty, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var t = snap.Lookup.Treaty(treaty);
                var feed = Atom(http, data, $"TreatyWatch: {t.ShortName}", $"Acts on record and reported news about the {t.ShortName} ({t.Title})",
                    $"urn:treatywatch:treaty:{t.Id}", a => a.TreatyId == t.Id, [t]);
                return feed;
            })
            .WithName("TreatyFeed")
            .WithSummary("Atom feed of a treaty: acts on record and reported news")
            .WithDescription("treaty: id, name or alias. Entries on record are dated by the day the record knew them; reported news (not yet reviewed) is titled \"Reported:\" and in the category reported.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/states/{state}/feed.atom", (string state, HttpContext http, LedgerData data) =>
            {
                var snap = data.Current;
                var s = snap.Lookup.State(state);
                return Atom(http, data, $"TreatyWatch: {s.Name}", $"Acts on record and reported news about {s.Name} under the treaties carried",
                    $"urn:treatywatch:state:{s.Iso3}", a => a.State == s.Iso3, snap.Catalog.Treaties);
            })
            .WithName("StateFeed")
            .WithSummary("Atom feed of a state: its acts on record and reported news under every treaty carried")
            .WithDescription("state: ISO code, name or alias. Entries as in the treaty feed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        feeds.MapGet("/calendar.ics", (string? treaty, string? state, string? from, LedgerData data) =>
            {
                var snap = data.Current;
                IEnumerable<TreatyDefinition> which = string.IsNullOrEmpty(treaty) ? snap.Catalog.Treaties : [snap.Lookup.Treaty(treaty)];
                var iso = string.IsNullOrEmpty(state) ? null : snap.Lookup.State(state).Iso3;
                var day = ApiEndpoints.Date(from, "from") ?? data.Today;
                var rows = PendingChange.After(snap.Catalog, which, day.PlusDays(-1)).Where(r => r.Date is not null && (iso is null || r.State == iso)).ToList();
                var calendar = new Calendar { ProductId = "-//TreatyWatch//Effective dates//EN" };
                calendar.AddProperty("X-WR-CALNAME", "TreatyWatch: effective dates");
                var stamp = new CalDateTime(snap.LoadedAt.ToDateTimeUtc());
                foreach (var r in rows)
                {
                    var d = r.Date!.Value;
                    var name = snap.Catalog.States.TryGetValue(r.State, out var st) ? st.Name : r.State;
                    var treatyName = snap.Catalog.Treaty(r.Treaty)?.ShortName ?? r.Treaty;
                    calendar.Events.Add(new CalendarEvent
                    {
                        Uid = $"{r.Treaty}-{r.State}-{IsoDate.Format(d)}-{Engine.Status.TreatyStatuses.Name(r.Status)}@treatywatch",
                        Summary = $"{name}: {treatyName} — {r.Event}",
                        Description = $"{treatyName} ({r.Treaty}), {name} ({r.State}): {r.Event} on {IsoDate.Long(d)}, as computed from the treaty's rules and the acts on record.",
                        Start = new CalDateTime(d.Year, d.Month, d.Day),
                        DtStamp = stamp,
                    });
                }

                var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
                return Results.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
            })
            .WithName("Calendar")
            .WithSummary("iCalendar feed of effective dates to come: entries into force and withdrawals taking effect")
            .WithDescription("treaty, state (optional): only these (by code, name or alias); from: YYYY-MM-DD, list dates from this day on (default today). All-day events.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Atom(HttpContext http, LedgerData data, string title, string subtitle, string id, Func<TreatyAction, bool> about, IEnumerable<TreatyDefinition> treaties)
    {
        var snap = data.Current;
        var catalog = snap.Catalog;
        var items = new List<SyndicationItem>();
        var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
        foreach (var t in treaties)
        {
            foreach (var a in catalog.ActionsOf(t.Id).Where(about))
            {
                var item = Item(a, t, catalog, "on record", new DateTimeOffset(a.Known.ToDateTimeUnspecified(), TimeSpan.Zero));
                item.Categories.Add(new SyndicationCategory("on-record"));
                items.Add(item);
            }
        }

        if (data.Store is not null)
        {
            var names = treaties.ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var r in data.Use(store => store.ReportedActions()))
            {
                if (!about(r.Action) || !names.TryGetValue(r.Action.TreatyId, out var t)) continue;
                var item = Item(r.Action, t, catalog, "reported", r.RecordedAt.ToDateTimeOffset());
                item.Title = new TextSyndicationContent("Reported: " + item.Title.Text);
                item.Categories.Add(new SyndicationCategory("reported"));
                items.Add(item);
            }
        }

        items = items.OrderByDescending(i => i.LastUpdatedTime).ThenBy(i => i.Id, StringComparer.Ordinal).Take(MaxEntries).ToList();
        var feed = new SyndicationFeed(title, subtitle, new Uri(self), id, items.Count > 0 ? items[0].LastUpdatedTime : snap.LoadedAt.ToDateTimeOffset(), items);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(self), "application/atom+xml"));
        feed.Generator = "TreatyWatch";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(xml);
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Item(TreatyAction a, TreatyDefinition t, Engine.Data.Catalog catalog, string standing, DateTimeOffset updated)
    {
        var state = catalog.States.TryGetValue(a.State, out var s) ? s.Name : a.State;
        var text = new StringBuilder();
        text.Append($"{state} ({a.State}), {t.ShortName}: {ActionKinds.Describe(a.Kind)} on {a.Date}. ");
        text.Append(standing == "reported"
            ? "Reported in the news and not yet reviewed: this is what a source says, not the legal record. "
            : $"On record ({a.Certainty.ToString().ToLowerInvariant()}). ");
        if (a.Votes is { } v) text.Append($"Votes: {v}. ");
        if (a.Note is { } n) text.Append(n).Append(' ');
        if (a.Sources.Count > 0) text.Append("Sources: ").Append(string.Join("; ", a.Sources.Select(x => x.Url is null ? x.Title : $"{x.Title} <{x.Url}>"))).Append('.');
        var item = new SyndicationItem($"{state}: {ActionKinds.Describe(a.Kind)} ({t.ShortName}, {a.Date})", text.ToString().Trim(), null,
            $"urn:treatywatch:action:{a.Id}", updated);
        foreach (var src in a.Sources)
        {
            if (src.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri)) item.Links.Add(new SyndicationLink(uri, "related", src.Title, null, 0));
        }

        return item;
    }

}
