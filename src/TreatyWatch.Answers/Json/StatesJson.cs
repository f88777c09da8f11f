using System.Text.Json;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.States;

namespace TreatyWatch.Answers.Json;

/// <summary>The JSON contract of states (<c>treatywatch states</c>, <c>GET /api/states</c>).</summary>
public static class StatesJson
{
    /// <summary>States whose code, name or alias contains <paramref name="search"/> (folded as names are), by name.</summary>
    public static List<State> Matching(Catalog catalog, string? search)
    {
        var q = search is { } s ? Lookup.Key(s) : null;
        return catalog.States.Values
            .Where(st => q is null || new[] { st.Iso3, st.Name }.Concat(st.Aliases).Any(n => Lookup.Key(n).Contains(q, StringComparison.Ordinal)))
            .OrderBy(st => st.Name, StringComparer.Ordinal).ToList();
    }

    public static void Write(Utf8JsonWriter w, IEnumerable<State> states)
    {
        w.WriteStartArray();
        foreach (var st in states) Write(w, st);
        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, State st)
    {
        w.WriteStartObject();
        w.WriteString("iso3", st.Iso3);
        w.WriteString("name", st.Name);
        w.WriteStartArray("aliases");
        foreach (var a in st.Aliases) w.WriteStringValue(a);
        w.WriteEndArray();
        StatusJson.Date(w, "from", st.From);
        StatusJson.Date(w, "until", st.Until);
        w.WriteEndObject();
    }
}
