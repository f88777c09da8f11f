using Microsoft.AspNetCore.Mvc;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages.Articles;

/// <summary>A run of an article's text: plain, or the evidence of one or more extracted events (highlighted).</summary>
public sealed record TextRun(string Text, IReadOnlyList<long> Events);

/// <summary>
/// <c>/articles/{id}</c>: an ingested article's cleaned text with each extracted event marked on its evidence sentence,
/// and the list of its events. The text and title are untrusted: Razor encodes them, nothing here is raw HTML.
/// </summary>
public sealed class ShowModel(LedgerData data) : SitePage
{
    public StoredArticle Article { get; private set; } = null!;
    public IReadOnlyList<StoredEvent> Events { get; private set; } = [];
    public IReadOnlyList<TextRun> Runs { get; private set; } = [];
    public IReadOnlySet<long> Unplaced { get; private set; } = new HashSet<long>();

    public IActionResult OnGet(long id)
    {
        if (data.Store is null) return Fail(StatusCodes.Status404NotFound, "No ledger", "Articles live in the ledger, and the app was started without one (--db none).");
        var (article, text, events) = data.Use(s =>
        {
            var a = s.IngestedArticles().FirstOrDefault(x => x.Id == id);
            return a is null ? (null, null, []) : (a, s.ArticleText(a.ContentHash), s.IngestedEvents().Where(e => e.ArticleHash == a.ContentHash).ToList());
        });
        if (article is null) return Fail(StatusCodes.Status404NotFound, "Not found", $"unknown article '{id}': see the list of articles");
        Article = article;
        Events = events;
        (Runs, Unplaced) = Split(text ?? "", events);
        return Page();
    }

    /// <summary>Cuts the text at the events' evidence spans (merging spans that overlap), so each can be marked.</summary>
    internal static (IReadOnlyList<TextRun>, IReadOnlySet<long>) Split(string text, IReadOnlyList<StoredEvent> events)
    {
        var spans = new List<(int Start, int End, long Id)>();
        var unplaced = new HashSet<long>();
        foreach (var e in events)
        {
            var (start, end) = (e.Start, e.End);
            var fits = start >= 0 && end <= text.Length && start < end && string.Equals(text[start..end], e.Evidence, StringComparison.Ordinal);
            if (!fits && e.Evidence.Length > 0)
            {
                start = text.IndexOf(e.Evidence, StringComparison.Ordinal);
                end = start + e.Evidence.Length;
                fits = start >= 0;
            }

            if (fits) spans.Add((start, end, e.Id));
            else unplaced.Add(e.Id);
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var runs = new List<TextRun>();
        var cursor = 0;
        var i = 0;
        while (i < spans.Count)
        {
            var start = spans[i].Start;
            var end = spans[i].End;
            var ids = new List<long> { spans[i].Id };
            i++;
            while (i < spans.Count && spans[i].Start < end)
            {
                end = Math.Max(end, spans[i].End);
                ids.Add(spans[i].Id);
                i++;
            }

            if (start > cursor) runs.Add(new TextRun(text[cursor..start], []));
            runs.Add(new TextRun(text[start..end], ids));
            cursor = end;
        }

        if (cursor < text.Length) runs.Add(new TextRun(text[cursor..], []));
        return (runs, unplaced);
    }
}
