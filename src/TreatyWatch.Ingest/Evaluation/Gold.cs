using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using System.Text.Json;
using TreatyWatch.Ingest.Events;

namespace TreatyWatch.Ingest.Evaluation;

/// <summary>One hand-annotated event (see shared/corpus/README.md for the rules).</summary>
public sealed record GoldEvent(string State, string Treaty, string Action, PartialDate? Date, Votes? Votes, string Evidence);

/// <summary>One line of a gold.jsonl file.</summary>
public sealed record GoldArticle(string File, string Published, IReadOnlyList<GoldEvent> Events);

public static class GoldReader
{
    public static IReadOnlyList<GoldArticle> Read(string path) => Parse(File.ReadAllLines(path), path);

    public static IReadOnlyList<GoldArticle> Parse(IEnumerable<string> lines, string source = "gold.jsonl")
    {
        var list = new List<GoldArticle>();
        int n = 0;
        foreach (var line in lines)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var events = new List<GoldEvent>();
                foreach (var e in root.GetProperty("events").EnumerateArray())
                    events.Add(new GoldEvent(
                        e.GetProperty("state").GetString() ?? "",
                        e.GetProperty("treaty").GetString() ?? "",
                        e.GetProperty("action").GetString() ?? "",
                        ReportedDates.ParseOrEmpty(e.TryGetProperty("date", out var d) ? d.GetString() : null),
                        e.TryGetProperty("votes", out var v) ? ExtractionJson.ReadVotes(v) : null,
                        e.TryGetProperty("evidence", out var ev) ? ev.GetString() ?? "" : ""));
                list.Add(new GoldArticle(root.GetProperty("file").GetString() ?? "",
                    root.TryGetProperty("published", out var p) ? p.GetString() ?? "" : "", events));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{source}:{n}: {ex.Message}", ex);
            }
        }
        return list;
    }
}
