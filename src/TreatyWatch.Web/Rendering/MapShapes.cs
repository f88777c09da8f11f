using System.Text.Json;

namespace TreatyWatch.Web.Rendering;

/// <summary>
/// The world map's country shapes (data/map/world.svg-paths.json, made once by scripts/make-map.mjs): one SVG path per
/// ISO3 code, the viewBox, English names for shapes that are not states on record, and shapes with no code at all.
/// </summary>
public sealed class MapShapes
{
    public MapShapes(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = doc.RootElement;
        ViewBox = root.GetProperty("viewBox").GetString() ?? "0 0 960 470";
        Source = root.GetProperty("source").GetString() ?? "";
        Paths = root.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        Names = root.TryGetProperty("names", out var n) ? n.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal) : [];
        Unassigned = root.TryGetProperty("unassigned", out var u) ? u.EnumerateObject().Select(p => (p.Name, p.Value.GetString() ?? "")).ToList() : [];
        Dots = root.TryGetProperty("dots", out var d) ? d.EnumerateArray().Select(x => x.GetString() ?? "").ToHashSet(StringComparer.Ordinal) : [];
    }

    /// <summary>The shapes shipped beside the program.</summary>
    public static MapShapes Bundled() => new(Path.Combine(AppContext.BaseDirectory, "data", "map", "world.svg-paths.json"));

    public string ViewBox { get; }
    public string Source { get; }
    /// <summary>ISO3 → path data, in code order.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }
    /// <summary>Names of shapes that are not states on record (Greenland, Puerto Rico…).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }
    /// <summary>Shapes without any code (N. Cyprus, Somaliland): drawn, never coloured.</summary>
    public IReadOnlyList<(string Name, string Path)> Unassigned { get; }
    /// <summary>States drawn as a dot (too small for the map's scale), drawn last so they sit on top.</summary>
    public IReadOnlySet<string> Dots { get; }
}
