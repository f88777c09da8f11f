using System.Text;

namespace TreatyWatch.Engine.Data;

/// <summary>
/// RFC 4180 reader for the bundled data files. Kept here, small, because the engine parses text and does no I/O;
/// the rows carry their line numbers so errors can name them.
/// </summary>
public static class Csv
{
    /// <summary>A data row: its 1-based line and its fields by header name.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        /// <summary>A field, trimmed; empty when absent.</summary>
        public string this[string name] => Fields.TryGetValue(name, out var v) ? v.Trim() : "";
    }

    /// <summary>Reads rows by header. Throws <see cref="DataException"/> on malformed CSV (unclosed quote, wrong field count).</summary>
    public static IReadOnlyList<Row> Read(string fileName, string text, params string[] requiredColumns)
    {
        var records = Split(fileName, text);
        if (records.Count == 0) throw new DataException([new DataError(fileName, 0, "the file is empty: a header row is needed")]);
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new DataException([new DataError(fileName, 1, $"missing column(s) {string.Join(", ", missing)}; the header must include {string.Join(",", requiredColumns)}")]);

        var rows = new List<Row>(records.Count);
        var errors = new List<DataError>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0) continue;
            if (fields.Count != header.Length)
            {
                errors.Add(new DataError(fileName, line, $"{fields.Count} fields where the header has {header.Length}"));
                continue;
            }

            var dict = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) dict[header[i]] = fields[i];
            rows.Add(new Row(line, dict));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return rows;
    }

    private static List<(int Line, List<string> Fields)> Split(string fileName, string text)
    {
        var result = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quotedStartLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    result.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes) throw new DataException([new DataError(fileName, quotedStartLine, "a quoted field is never closed")]);
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            result.Add((recordLine, fields));
        }

        return result;
    }

    /// <summary>Splits a list field on ';'.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
