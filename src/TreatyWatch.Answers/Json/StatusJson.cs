using System.Text.Json;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Answers.Json;

/// <summary>The stable JSON contract of a status answer (docs/cli-json.md).</summary>
public static class StatusJson
{
    public static void Write(Utf8JsonWriter w, StatusAnswer a, Catalog catalog)
    {
        var book = catalog.Book(a.Treaty, a.AsKnownOn);
        w.WriteStartObject();
        w.WriteString("state", a.State);
        w.WriteString("stateName", catalog.States.TryGetValue(a.State, out var s) ? s.Name : a.State);
        w.WriteString("treaty", a.Treaty);
        w.WriteString("treatyName", book.Treaty.ShortName);
        w.WriteString("on", IsoDate.Format(a.On));
        Date(w, "asKnownOn", a.AsKnownOn);
        w.WriteString("status", TreatyStatuses.Name(a.Status));
        w.WriteString("statusText", TreatyStatuses.Describe(a.Status));
        w.WriteBoolean("bound", TreatyStatuses.IsBound(a.Status));
        Date(w, "inForceSince", a.InForceSince);
        Date(w, "withdrawalEffective", a.WithdrawalEffective);
        Date(w, "treatyInForce", book.EntryIntoForce);
        w.WriteBoolean("participantsComplete", a.ParticipantsComplete);
        if (a.LatestDomesticStep is { } step)
        {
            w.WritePropertyName("latestDomesticStep");
            Action(w, step);
        }
        else w.WriteNull("latestDomesticStep");

        w.WriteStartArray("reasons");
        foreach (var r in a.Reasons) Reason(w, r);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Reason(Utf8JsonWriter w, Reason r)
    {
        w.WriteStartObject();
        w.WriteString("kind", r.Kind.ToString().ToLowerInvariant() switch { "notprovidedfor" => "not_provided_for", var k => k });
        if (r.Article is null) w.WriteNull("article"); else w.WriteString("article", r.Article);
        w.WriteString("text", r.Text);
        if (r.Action is { } act)
        {
            w.WriteString("action", ActionKinds.Name(act.Kind));
            w.WriteString("actionDate", act.Date.ToString());
            w.WriteString("certainty", act.Certainty.ToString().ToLowerInvariant());
        }

        w.WriteStartArray("sources");
        foreach (var src in r.Sources) Source(w, src);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Action(Utf8JsonWriter w, TreatyAction a)
    {
        w.WriteStartObject();
        w.WriteString("action", ActionKinds.Name(a.Kind));
        w.WriteString("text", ActionKinds.Describe(a.Kind));
        w.WriteString("date", a.Date.ToString());
        w.WriteString("certainty", a.Certainty.ToString().ToLowerInvariant());
        if (a.Votes is { } v)
        {
            w.WriteStartObject("votes");
            if (v.For is { } f) w.WriteNumber("for", f);
            if (v.Against is { } ag) w.WriteNumber("against", ag);
            if (v.Abstain is { } ab) w.WriteNumber("abstain", ab);
            if (v.Required is { } rq) w.WriteNumber("required", rq);
            w.WriteEndObject();
        }

        if (a.Note is not null) w.WriteString("note", a.Note);
        w.WriteStartArray("sources");
        foreach (var src in a.Sources) Source(w, src);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Source(Utf8JsonWriter w, Source s)
    {
        w.WriteStartObject();
        w.WriteString("key", s.Key);
        w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
        w.WriteString("title", s.Title);
        if (s.Url is null) w.WriteNull("url"); else w.WriteString("url", s.Url);
        // The details a source may have, only when it has them (a news source's outlet and quote, a notification's number).
        if (s.Outlet is not null) w.WriteString("outlet", s.Outlet);
        if (s.Published is { } published) w.WriteString("published", published.ToString());
        if (s.CnNumber is not null) w.WriteString("cnNumber", s.CnNumber);
        if (s.Quote is not null) w.WriteString("quote", s.Quote);
        if (s.QuoteStart is { } qs) w.WriteNumber("quoteStart", qs);
        if (s.QuoteEnd is { } qe) w.WriteNumber("quoteEnd", qe);
        w.WriteEndObject();
    }

    public static void Date(Utf8JsonWriter w, string name, LocalDate? d)
    {
        if (d is { } x) w.WriteString(name, IsoDate.Format(x));
        else w.WriteNull(name);
    }
}
