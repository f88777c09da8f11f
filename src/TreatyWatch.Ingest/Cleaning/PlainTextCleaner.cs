using System.Text;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Cleans a plain-text copy of a page: drops the lines that are page furniture (menus, repeated
/// lines, newsletter and cookie prompts, bylines, date lines, the other stories after a "Next in …"
/// heading) and keeps every other line exactly as it was, so that offsets into the cleaned text map
/// back to the source (<see cref="CleanedArticle.Segments"/>).
/// </summary>
internal static class PlainTextCleaner
{
    private enum Verdict
    {
        Keep,
        Drop,
        Title,
        Byline,
    }

    private sealed class Line(int start, int length, string text)
    {
        public int Start { get; } = start;
        public int Length { get; } = length;
        /// <summary>The line without surrounding whitespace; Start and Length locate exactly this in the source.</summary>
        public string Text { get; } = text;
        public Verdict Verdict { get; set; }
        /// <summary>A sentence of eight words or more, or a long line (a paragraph cut short still is prose; a headline rarely runs to 150 characters).</summary>
        public bool IsProse => Text.Length >= 150 || (WordCount(Text) >= 8 && EndsSentence(Text));
    }

    public static CleanedArticle Clean(string source)
    {
        var lines = SplitLines(source);
        MarkFurniture(lines);
        MarkRepeats(lines);
        MarkMenus(lines);
        MarkTail(lines);
        var byline = MarkByline(lines);
        var title = MarkTitle(lines);
        var (publishedRaw, published) = FindDate(lines);

        var text = new StringBuilder(source.Length);
        var segments = new List<TextSegment>();
        foreach (var line in lines)
        {
            if (line.Verdict != Verdict.Keep)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            segments.Add(new TextSegment(text.Length, line.Start, line.Length));
            text.Append(line.Text);
        }
        var body = text.ToString();
        return new CleanedArticle(title, byline, published, publishedRaw, body, LanguageGuess.Detect(body), segments);
    }

    private static List<Line> SplitLines(string source)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= source.Length)
        {
            var end = source.IndexOf('\n', start);
            if (end < 0)
            {
                end = source.Length;
            }
            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(source[s]))
            {
                s++;
            }
            while (e > s && char.IsWhiteSpace(source[e - 1]))
            {
                e--;
            }
            if (e > s)
            {
                lines.Add(new Line(s, e - s, source[s..e]));
            }
            start = end + 1;
        }
        return lines;
    }

    private static void MarkFurniture(List<Line> lines)
    {
        foreach (var line in lines)
        {
            var t = line.Text;
            if (Boilerplate.IsFurnitureLine(t) || IsGlyphLine(t) || IsBulletedLabel(t))
            {
                line.Verdict = Verdict.Drop;
            }
        }
    }

    /// <summary>A short line with no word of three letters: "A+", "1:13 PM", "+ ↺ − 16 px".</summary>
    private static bool IsGlyphLine(string t)
    {
        if (t.Length > 20)
        {
            return false;
        }
        var run = 0;
        foreach (var ch in t)
        {
            run = char.IsLetter(ch) ? run + 1 : 0;
            if (run >= 3)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A bulleted one-to-three-word item ("- Category", "• World"): a menu or a label.</summary>
    private static bool IsBulletedLabel(string t) =>
        t.Length > 2 && t[0] is '-' or '•' or '*' or '·' or '–' && char.IsWhiteSpace(t[1]) && WordCount(t) <= 3 && !EndsSentence(t);

    /// <summary>
    /// A line seen more than once is furniture when short ("Subscribe", "* indicates required");
    /// a long one (a repeated headline or lead) is kept the first time only.
    /// </summary>
    private static void MarkRepeats(List<Line> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            seen[line.Text] = seen.GetValueOrDefault(line.Text) + 1;
        }
        var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (seen[line.Text] < 2)
            {
                continue;
            }
            if (WordCount(line.Text) <= 6 || !kept.Add(line.Text))
            {
                line.Verdict = Verdict.Drop;
            }
        }
        // A teaser cut short with an ellipsis repeats the start of another line given in full. Lines
        // are indexed by their first 40 characters so that this stays linear.
        const int key = 40;
        var byOpening = new Dictionary<string, List<Line>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Text.Length > key)
            {
                var opening = line.Text[..key];
                if (!byOpening.TryGetValue(opening, out var same))
                {
                    byOpening[opening] = same = [];
                }
                same.Add(line);
            }
        }
        foreach (var line in lines)
        {
            var t = line.Text;
            if (!(t.EndsWith('…') || t.EndsWith("...", StringComparison.Ordinal)))
            {
                continue;
            }
            var stem = t.TrimEnd('.', '…', ' ');
            if (stem.Length >= key && byOpening.TryGetValue(stem[..key], out var candidates)
                && candidates.Exists(other => other != line && other.Text.Length > stem.Length && other.Text.StartsWith(stem, StringComparison.Ordinal)))
            {
                line.Verdict = Verdict.Drop;
            }
        }
    }

    /// <summary>Three or more short lines in a row (one to three words, no sentence end) are a menu.</summary>
    private static void MarkMenus(List<Line> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            var j = i;
            while (j < lines.Count && IsMenuItem(lines[j].Text))
            {
                j++;
            }
            if (j - i >= 3)
            {
                for (var k = i; k < j; k++)
                {
                    lines[k].Verdict = Verdict.Drop;
                }
            }
            i = Math.Max(j, i + 1);
        }
    }

    private static bool IsMenuItem(string t) => t.Length <= 30 && WordCount(t) <= 3 && !EndsSentence(t);

    /// <summary>
    /// A heading that opens other stories ("Next In World", "Related Articles", "News Feed") after the
    /// article drops itself and everything after it; trailing short lines after the last prose go too.
    /// </summary>
    private static void MarkTail(List<Line> lines)
    {
        var proseTotal = 0;
        foreach (var line in lines)
        {
            if (line.Verdict == Verdict.Keep && line.IsProse)
            {
                proseTotal += line.Length;
            }
        }
        var proseBefore = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (proseBefore > 0 && (Boilerplate.IsTailHeading(line.Text) || OpensOtherNews(line.Text)) && proseBefore >= proseTotal - proseBefore)
            {
                for (var k = i; k < lines.Count; k++)
                {
                    lines[k].Verdict = Verdict.Drop;
                }
                break;
            }
            if (line.Verdict == Verdict.Keep && line.IsProse)
            {
                proseBefore += line.Length;
            }
        }
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i];
            if (line.Verdict == Verdict.Keep && (line.IsProse || EndsSentence(line.Text)))
            {
                break;
            }
            if (WordCount(line.Text) <= 4)
            {
                line.Verdict = Verdict.Drop;
            }
        }
    }

    private static bool OpensOtherNews(string t) =>
        t.StartsWith("in other news", StringComparison.OrdinalIgnoreCase) || t.StartsWith("in corresponding news", StringComparison.OrdinalIgnoreCase)
        || t.StartsWith("in related news", StringComparison.OrdinalIgnoreCase) || t.StartsWith("in unrelated news", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The headline: the first short line before the first prose line (three or more words, no sentence
    /// end) whose words the opening paragraphs mostly repeat; a site name or a menu repeats none.
    /// </summary>
    private static string? MarkTitle(List<Line> lines)
    {
        var seen = 0;
        for (var i = 0; i < lines.Count && seen < 8; i++)
        {
            var line = lines[i];
            if (line.Verdict != Verdict.Keep)
            {
                continue;
            }
            seen++;
            var t = line.Text;
            if (line.IsProse || t.Length > 200 || WordCount(t) < 3 || EndsSentence(t) || t[^1] is ':' or '|' || IsMostlyDate(t))
            {
                continue;
            }
            var words = ContentWords(t).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            var opening = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int k = i + 1, n = 0; k < lines.Count && n < 3; k++)
            {
                if (lines[k].Verdict == Verdict.Keep && lines[k].IsProse)
                {
                    opening.UnionWith(ContentWords(lines[k].Text));
                    n++;
                }
            }
            if (words.Count(opening.Contains) >= 0.4 * words.Count)
            {
                line.Verdict = Verdict.Title;
                return t;
            }
        }
        return null;
    }

    private static bool IsMostlyDate(string t) => DateText.Find(t) is { } d && d.Raw.Length * 2 >= t.Length;

    /// <summary>Words of four or more letters, cut to five so that "notifies" meets "notified".</summary>
    private static IEnumerable<string> ContentWords(string t)
    {
        var start = -1;
        for (var i = 0; i <= t.Length; i++)
        {
            var letter = i < t.Length && char.IsLetter(t[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 4)
                {
                    yield return t.Substring(start, Math.Min(5, i - start));
                }
                start = -1;
            }
        }
    }

    /// <summary>"By Jane Doe, The Associated Press" (or "Author:" and a name) near the top: the byline, dropped from the text.</summary>
    private static string? MarkByline(List<Line> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, 12); i++)
        {
            var t = lines[i].Text;
            var label = t.TrimStart('-', '•', '*', ' ');
            if (label.Equals("author:", StringComparison.OrdinalIgnoreCase) && i + 1 < lines.Count && WordCount(lines[i + 1].Text) <= 6)
            {
                lines[i].Verdict = Verdict.Drop;
                lines[i + 1].Verdict = Verdict.Byline;
                return lines[i + 1].Text.TrimStart('-', '•', '*', ' ');
            }
            if (t.Length <= 120 && t.StartsWith("by ", StringComparison.OrdinalIgnoreCase) && !EndsSentence(t))
            {
                var name = t[3..];
                var cut = name.IndexOfAny(['|', '\u2022']);
                if (cut >= 0)
                {
                    name = name[..cut];
                }
                name = DateText.CutAtDate(name).Trim(' ', ',', '-', '–');
                if (name.Length > 0 && WordCount(name) <= 8)
                {
                    lines[i].Verdict = Verdict.Byline;
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The first date in the page's top lines outside the prose (a date line or a byline; dropped lines
    /// count): a date inside a sentence is an event's, not the page's.
    /// </summary>
    private static (string? Raw, NodaTime.LocalDate? Date) FindDate(List<Line> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, 15); i++)
        {
            if (lines[i].Verdict != Verdict.Drop && lines[i].Verdict != Verdict.Byline && lines[i].IsProse)
            {
                continue;
            }
            if (DateText.Find(lines[i].Text) is { } found)
            {
                return found;
            }
        }
        return (null, null);
    }

    internal static int WordCount(string t)
    {
        var n = 0;
        var inWord = false;
        foreach (var ch in t)
        {
            var w = char.IsLetterOrDigit(ch);
            if (w && !inWord)
            {
                n++;
            }
            inWord = w;
        }
        return n;
    }

    internal static bool EndsSentence(string t)
    {
        var s = t.AsSpan().TrimEnd("\"'”’»)] ");
        return s.Length > 0 && s[^1] is '.' or '!' or '?' or '。' or '!' or '?' or '…';
    }
}
