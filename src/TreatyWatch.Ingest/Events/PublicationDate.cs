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
    // A photo caption ends with its credit: "(Andrii Nesterenko, Press Office via AP)".
    private static bool IsCaption(string text, Sentence s)
    {
        int lineStart = s.Start == 0 ? 0 : text.LastIndexOf('\n', s.Start - 1) + 1;
        int lineEnd = text.IndexOf('\n', s.End);
        var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).Trim();
        if (line.StartsWith("In this photo", StringComparison.OrdinalIgnoreCase) || line.StartsWith("FILE PHOTO", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Photo", StringComparison.OrdinalIgnoreCase)) return true;
        if (line.Length == 0 || line[^1] != ')') return false;
        var credit = line[line.LastIndexOf('(')..];
        return credit.Contains('/') || credit.Contains(" via ", StringComparison.Ordinal) || credit.Contains("Photo", StringComparison.OrdinalIgnoreCase);
    }

    private static bool EndsLikeASentence(string text, Sentence s) =>
        text[s.End - 1] is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or ')';

    /// <summary>How far into the first paragraph of running text a dateline may sit.</summary>
    private const int DatelineReach = 80;

    public static LocalDate? Find(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<DateExpression> dates)
    {
        int headerEnd = HeaderEnd(text, sentences);
        DateExpression? partial = null;
        foreach (var d in dates)
        {
            if (d.Start >= headerEnd) break;
            if (IsSiteClock(text, d.Start) || !IsDateLinePosition(text, d)) continue;
            if (d.HasFullDate && d.Relative == RelativeDay.None && d.Qualifier == DateQualifier.None)
                return new LocalDate(d.Year, d.Month, d.Day);
            if (partial is null && d.Year == 0 && d.Month > 0 && d.Day > 0 && d.Relative == RelativeDay.None
                && (IsDateline(text, d) || LineIsOnlyADate(text, d))) partial = d;
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
    public static int HeaderEnd(string text, IReadOnlyList<Sentence> sentences)
    {
        // the lead: the first sentence of running text long enough not to be a tagline
        foreach (var s in sentences)
            if (s.Kind == SentenceKind.Body && s.Length >= 90 && EndsLikeASentence(text, s) && !IsCaption(text, s))
                return s.Start + Math.Min(DatelineReach, s.Length);
        return sentences.Count > 0 ? sentences[^1].End : 0;
    }

    /// <summary>
    /// Where a page states its date: a short line of its own ("16 January 2026 16:08", a byline with the
    /// date), after "Published", "Updated" or "Posted", or a dateline opening the story. Not a date inside a
    /// sentence of the header, such as a photo caption's "on Aug. 21, 2024".
    /// </summary>
    public static bool IsDateLinePosition(string text, DateExpression d)
    {
        if (IsDateline(text, d)) return true;
        int lineStart = text.LastIndexOf('\n', Math.Max(0, d.Start - 1)) + 1;
        if (d.Start == 0) lineStart = 0;
        int lineEnd = text.IndexOf('\n', d.End);
        if (lineEnd < 0) lineEnd = text.Length;
        var before = text.AsSpan(lineStart, d.Start - lineStart);
        foreach (var word in (ReadOnlySpan<string>)["Published", "Updated", "Posted", "Date", "Last Updated", "Publié", "Mis à jour"])
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        int words = Words(before) + Words(text.AsSpan(d.End, lineEnd - d.End));
        return words <= 10;
    }

    /// <summary>"VILNIUS, April 16. /TASS/.", "Geneva 1 July 2025 -": where and when a report was filed.</summary>
    public static bool IsDateline(string text, DateExpression d)
    {
        if (d.Month == 0 || d.Relative != RelativeDay.None) return false;
        int lineStart = d.Start == 0 ? 0 : text.LastIndexOf('\n', d.Start - 1) + 1;
        var before = text.AsSpan(lineStart, d.Start - lineStart);
        if (before.Length > 40) return false;
        // a place in capitals or a short place name, with commas: "NEW YORK, United States of America, "
        foreach (char c in before)
            if (!(char.IsLetter(c) || c is ' ' or ',' or '.' or '-' or '\'' or '/')) return false;
        var place = before.Trim();
        if (place.Length > 0 && !char.IsUpper(place[0])) return false;
        // "On 18 March 2025, the ministers ...", "In mid-January, ...": an opening adverbial, not a place
        int firstSpace = place.IndexOfAny(' ', '-');
        var firstWord = firstSpace < 0 ? place : place[..firstSpace];
        foreach (var prep in (ReadOnlySpan<string>)["On", "In", "By", "Since", "From", "At", "Until", "Before", "After", "During", "Le", "En", "Depuis", "Until", "Late", "Early", "Mid"])
            if (firstWord.Equals(prep, StringComparison.OrdinalIgnoreCase)) return false;
        bool capitals = true;
        foreach (char c in place) if (char.IsLower(c)) { capitals = false; break; }
        var after = text.AsSpan(d.End, Math.Min(4, text.Length - d.End)).TrimStart(' ');
        return after.Length == 0 || after[0] is '(' or '-' or '\u2013' or '\u2014' or '.' or '/' or '\n' || after[0] == ',' && capitals
               || char.IsUpper(after[0]);
    }

    // "29 June 16:19": a line that holds the date and perhaps a time, nothing else
    private static bool LineIsOnlyADate(string text, DateExpression d)
    {
        int lineStart = d.Start == 0 ? 0 : text.LastIndexOf('\n', d.Start - 1) + 1;
        int lineEnd = text.IndexOf('\n', d.End);
        if (lineEnd < 0) lineEnd = text.Length;
        foreach (char c in text.AsSpan(lineStart, d.Start - lineStart)) if (char.IsLetterOrDigit(c)) return false;
        foreach (char c in text.AsSpan(d.End, lineEnd - d.End)) if (char.IsLetter(c) && c is not ('A' or 'P' or 'M' or 'a' or 'p' or 'm')) return false;
        return true;
    }

    private static int Words(ReadOnlySpan<char> s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool l = char.IsLetterOrDigit(c);
            if (l && !inWord) n++;
            inWord = l;
        }
        return n;
    }

    private static bool IsSiteClock(string text, int offset)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var before = text.AsSpan(lineStart, offset - lineStart).Trim();
        return before.StartsWith("Today", StringComparison.OrdinalIgnoreCase)
               || before.StartsWith("Aujourd", StringComparison.OrdinalIgnoreCase);
    }
}
