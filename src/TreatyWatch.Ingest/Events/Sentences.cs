using System.Text.RegularExpressions;

namespace TreatyWatch.Ingest.Events;

public enum SentenceKind
{
    /// <summary>Running text: events are read from it.</summary>
    Body,
    /// <summary>A title, subtitle or caption-like line (no closing punctuation): context only.</summary>
    Title,
    /// <summary>Page furniture: menus, subscription prompts, bylines, photo credits.</summary>
    Boilerplate,
}

/// <summary>A sentence of the article, as offsets into it.</summary>
public readonly record struct Sentence(int Start, int End, SentenceKind Kind, int Line)
{
    public int Length => End - Start;
}

/// <summary>
/// Cuts plain article text into sentences, keeping offsets. Each line is a paragraph; inside it a
/// sentence ends at ., ! or ? (with closing quotes) before a capital, a digit or an opening quote,
/// unless the dot ends a known abbreviation or an initial. Sentences glued by a lost space
/// ("parliament.According to him") are cut too. Lines are classified so that page furniture and
/// titles give context but no events: this is a light pass, not a cleaner.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep",
        "amb", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "para", "e.g", "i.e", "approx", "min", "pres",
        "dep", "mt", "ft", "u.s", "u.n", "u.k", "e.u", "p", "pp", "vol", "fig", "cf", "al",
    };

    [GeneratedRegex(@"^(?:[-*•·|>\s]*)(?:subscribe|sign up|log ?in|sign in|share|comments?|related(?: articles| news| stories)?|read more|more news|next in \w+|others also read|editors' picks|news feed|follow us|skip to content|skip next section|advertisement|photo:|file photo|pre-order now|edit post|this audio is|\* indicates required|successfuly subscribed|enter your email|please,? enter|thank you for signing|recall|details|previous article|next article|source:|translation\.|an important disclaimer|please note:|for more news|any use of materials)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateStart();

    // credits and rights lines: "(Reporting by ...)", "REUTERS/Name", "© 2026", "All rights reserved"
    private static readonly System.Buffers.SearchValues<string> BoilerplateInside = System.Buffers.SearchValues.Create(
        ["(Reporting by", "(Writing by", "(Editing by", "REUTERS/", "Copyright", "All rights reserved"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> LinkMarkers = System.Buffers.SearchValues.Create(
        ["pic.twitter.com", "http"], StringComparison.OrdinalIgnoreCase);

    // An embedded post ends with its link: "... Anti-Personnel Mines. pic.twitter.com/cwrgTYZRTl".
    [GeneratedRegex(@"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingLink();

    public static List<Sentence> Split(string text)
    {
        var result = new List<Sentence>(64);
        int line = 0, pos = 0;
        int textEnd = text.AsSpan().TrimEnd().Length;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int lineEnd = nl < 0 ? text.Length : nl;
            SplitLine(text, pos, lineEnd, line, textEnd, result);
            line++;
            if (nl < 0) break;
            pos = nl + 1;
        }
        return result;
    }

    private static void SplitLine(string text, int start, int end, int line, int textEnd, List<Sentence> into)
    {
        // trim
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start >= end) return;

        var lineKind = Classify(text.AsSpan(start, end - start), isLastLine: end >= textEnd);
        int firstNew = into.Count;
        int s = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?')) continue;
            int j = i + 1;
            while (j < end && text[j] is '"' or '\u201D' or '\u2019' or '\'' or ')' or '»') j++;
            int k = j;
            while (k < end && text[k] is ' ' or '\u00A0' or '\t') k++;
            if (k >= end) continue;
            bool spaced = k > j;
            char next = text[k];
            bool opensSentence = char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '«' or '\u2018' or '(' or '-' or '\u2014';
            if (!opensSentence) continue;
            if (!spaced)
            {
                // "abstained.“The need", "parliament.According": a lost space after a lower-case word.
                bool glued = c == '.' && i >= 2 && char.IsLower(text[i - 1]) && char.IsLower(text[i - 2])
                             && (char.IsUpper(next) || next is '\u201C' or '"') && j == i + 1
                             && !LooksLikeDomain(text, i, end);
                if (!glued && j == i + 1) continue;
            }
            if (c == '.' && IsAbbreviation(text, start, i)) continue;
            Add(into, text, s, j, line, lineKind);
            s = k;
            i = k - 1;
        }
        Add(into, text, s, end, line, lineKind);
        // a line of several sentences is running text even when the copy cuts its last one short
        if (lineKind == SentenceKind.Title && into.Count - firstNew >= 2)
            for (int i = firstNew; i < into.Count; i++)
                if (into[i].Kind == SentenceKind.Title) into[i] = into[i] with { Kind = SentenceKind.Body };
    }

    private static readonly HashSet<string> DomainEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "az", "com", "org", "net", "ru", "ua", "uk", "io", "co", "info", "news", "lt", "lv", "ee", "pl", "fi", "eu", "int", "gov", "am", "kz", "by", "ge",
    };

    private static bool LooksLikeDomain(string text, int dot, int end)
    {
        // "News.Az", "Caliber.az" are names, not two sentences; "Ukraine.The" is two sentences.
        int k = dot + 1;
        while (k < end && char.IsLetter(text[k])) k++;
        return (k >= end || !char.IsLetter(text[k])) && DomainEndings.Contains(text.Substring(dot + 1, k - dot - 1));
    }

    private static bool IsAbbreviation(string text, int lineStart, int dot)
    {
        int w = dot;
        while (w > lineStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "Andrzej S. Duda"
        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(List<Sentence> into, string text, int s, int e, int line, SentenceKind lineKind)
    {
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e <= s) return;
        var kind = lineKind;
        if (kind == SentenceKind.Body && (text.AsSpan(s, e - s).IndexOfAny(BoilerplateInside) >= 0 || text.AsSpan(s, e - s).Contains('©')))
            kind = SentenceKind.Boilerplate;
        into.Add(new Sentence(s, e, kind, line));
    }

    private static SentenceKind Classify(ReadOnlySpan<char> line, bool isLastLine)
    {
        // menus and prompts are short lines
        if (line.Length < 100 && BoilerplateStart().IsMatch(line)) return SentenceKind.Boilerplate;
        if (line.IndexOfAny(LinkMarkers) >= 0)
            foreach (var m in TrailingLink().EnumerateMatches(line)) { line = line[..m.Index]; break; }
        if (line.Length == 0) return SentenceKind.Boilerplate;
        int words = 0, letters = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool l = char.IsLetterOrDigit(c);
            if (l) letters++;
            if (l && !inWord) words++;
            inWord = l;
        }
        if (letters == 0 || words <= 2 && line.Length < 30) return SentenceKind.Boilerplate;
        char last = line[^1];
        bool closed = last is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or ')' or ':' or ',' or ';' or '…';
        // the copy may stop mid-sentence: a long last line is running text cut short, not a title
        if (!closed && words <= 30 && !(isLastLine && words >= 12)) return SentenceKind.Title;
        return SentenceKind.Body;
    }
}
