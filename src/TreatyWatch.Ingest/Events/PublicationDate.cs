using NodaTime;

namespace TreatyWatch.Ingest.Events;

/// <summary>
/// Finds the date an article was published from its own text: a date line in the header ("Published
/// March 06, 2025", "16 January 2026 16:08", "Friday, 11 Jul 2025"), or the dateline opening the
/// story ("Geneva 1 July 2025 -"). A site clock ("Today: April 12, 2025") is not the article's date.
/// A dateline without a year ("RIGA, April 16 (LETA)") gives a date only when the text names the
/// same day with its year elsewhere; otherwise the date is unknown, not guessed.
/// </summary>
public static class PublicationDateFinder
{
    /// <summary>How far into the first paragraph of running text a dateline may sit.</summary>
    private const int DatelineReach = 80;

    public static LocalDate? Find(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<DateExpression> dates)
    {
        int headerEnd = HeaderEnd(sentences);
        DateExpression? partial = null;
        foreach (var d in dates)
        {
            if (d.Start >= headerEnd) break;
            if (IsSiteClock(text, d.Start)) continue;
            if (d.HasFullDate && d.Relative == RelativeDay.None && d.Qualifier == DateQualifier.None)
                return new LocalDate(d.Year, d.Month, d.Day);
            if (partial is null && d.Year == 0 && d.Month > 0 && d.Day > 0 && d.Relative == RelativeDay.None) partial = d;
        }
        if (partial is { } p)
        {
            // the same day named with its year in the story (a decree "of June 29, 2025" on a page dated "29 June")
            foreach (var d in dates)
                if (d.HasFullDate && d.Month == p.Month && d.Day == p.Day) return new LocalDate(d.Year, d.Month, d.Day);
        }
        return null;
    }

    /// <summary>Offset where the header ends: a little way into the first paragraph of running text.</summary>
    public static int HeaderEnd(IReadOnlyList<Sentence> sentences)
    {
        // the lead: the first sentence of running text long enough not to be a tagline
        foreach (var s in sentences)
            if (s.Kind == SentenceKind.Body && s.Length >= 90) return s.Start + Math.Min(DatelineReach, s.Length);
        return sentences.Count > 0 ? sentences[^1].End : 0;
    }

    private static bool IsSiteClock(string text, int offset)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var before = text.AsSpan(lineStart, offset - lineStart).Trim();
        return before.StartsWith("Today", StringComparison.OrdinalIgnoreCase)
               || before.StartsWith("Aujourd", StringComparison.OrdinalIgnoreCase);
    }
}
