using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger.Import;

/// <summary>A row of a UN Treaty Collection folder's <c>index.csv</c>.</summary>
/// <param name="TableFile">The status table it describes: <c>26-5.csv</c> for chapter 26, treaty 5; <c>27-7-a.csv</c> for 7.a.</param>
/// <param name="Reference">The UNTC reference (<c>XXVI-5</c>): the url's <c>mtdsg_no</c>, else the chapter in Roman numerals and the number.</param>
/// <param name="Title">The treaty's title with place and date, as the index gives it.</param>
/// <param name="Line">The row's line in index.csv.</param>
public sealed record UntcIndexEntry(string TableFile, int Chapter, string Number, string Reference, string Title, string? Url, string? ChapterName, int Line);

/// <summary>Reads <c>index.csv</c> (chapter_no, treaty_no, treaty_name, url, chapter_url, chapter_name) and derives UNTC references.</summary>
public static partial class UntcIndex
{
    /// <summary>Entries by table file name. Throws <see cref="DataException"/> naming the file and line of every bad row.</summary>
    public static IReadOnlyDictionary<string, UntcIndexEntry> Parse(string fileName, string text)
    {
        var rows = Csv.Read(fileName, text, "chapter_no", "treaty_no", "treaty_name", "url");
        var errors = new List<DataError>();
        var entries = new Dictionary<string, UntcIndexEntry>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!int.TryParse(r["chapter_no"], NumberStyles.None, CultureInfo.InvariantCulture, out var chapter) || chapter is < 1 or > 3999)
            {
                errors.Add(new DataError(fileName, r.Line, $"chapter_no '{r["chapter_no"]}' is not a chapter number"));
                continue;
            }

            var number = r["treaty_no"];
            if (!TreatyNumber().IsMatch(number))
            {
                errors.Add(new DataError(fileName, r.Line, $"treaty_no '{number}' is not a treaty number such as 5, 7.a or 2.12b"));
                continue;
            }

            var url = r["url"].Length > 0 ? r["url"] : null;
            var reference = (url is null ? null : MtdsgNo().Match(url) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null)
                            ?? $"{Roman(chapter)}-{number.Replace('.', '-')}";
            var table = TableFileName(chapter, number);
            var entry = new UntcIndexEntry(table, chapter, number, reference, r["treaty_name"], url, r["chapter_name"].Length > 0 ? r["chapter_name"] : null, r.Line);
            if (!entries.TryAdd(table, entry))
                errors.Add(new DataError(fileName, r.Line, $"chapter {chapter}, treaty {number} is listed twice (first on line {entries[table].Line})"));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return entries;
    }

    /// <summary>The table file of a chapter and treaty number: 26, "5" → <c>26-5.csv</c>; 27, "7.a" → <c>27-7-a.csv</c>.</summary>
    public static string TableFileName(int chapter, string number) =>
        string.Create(CultureInfo.InvariantCulture, $"{chapter}-{number.Replace('.', '-')}.csv");

    /// <summary>The UNTC reference a table's file name stands for (<c>26-5.csv</c> → <c>XXVI-5</c>); null when the name is not of that form.</summary>
    public static string? ReferenceFromFileName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var m = TableName().Match(name);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var chapter) || chapter is < 1 or > 3999) return null;
        return $"{Roman(chapter)}-{m.Groups[2].Value}";
    }

    /// <summary>Roman numerals, as the UN numbers its chapters.</summary>
    public static string Roman(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 3999);
        ReadOnlySpan<(int Value, string Symbol)> table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var sb = new StringBuilder();
        foreach (var (value, symbol) in table)
        {
            while (n >= value)
            {
                sb.Append(symbol);
                n -= value;
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\d+(?:\.\d+)?(?:\.?[a-z])?$")]
    private static partial Regex TreatyNumber();

    [GeneratedRegex(@"[?&]mtdsg_no=([^&#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MtdsgNo();

    [GeneratedRegex(@"^(\d+)-(\d+(?:-\d+)?(?:-?[a-z])?)\.csv$")]
    private static partial Regex TableName();
}
