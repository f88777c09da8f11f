using System.Text;

namespace TreatyWatch.Web.Api;

/// <summary>A table as RFC 4180 CSV (the command line's <c>--format csv</c> columns), header first.</summary>
public sealed class CsvAnswer(string[] header, IEnumerable<string?[]> rows) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        var sb = new StringBuilder();
        Row(sb, header);
        foreach (var r in rows) Row(sb, r);
        await http.Response.WriteAsync(sb.ToString(), Encoding.UTF8, http.RequestAborted);
    }

    private static void Row(StringBuilder sb, string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0) sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(f);
        }

        sb.Append("\r\n");
    }
}

/// <summary>JSON or CSV, from <c>?format=</c> (json, csv) or else the Accept header (text/csv).</summary>
public static class Formats
{
    public static bool WantsCsv(HttpContext http, string? format)
    {
        if (!string.IsNullOrEmpty(format))
        {
            return format.ToLowerInvariant() switch
            {
                "json" => false,
                "csv" => true,
                _ => throw new TreatyWatch.Answers.UserInputException($"format: '{(format.Length > 20 ? format[..20] + "…" : format)}' is not a format here: use json or csv"),
            };
        }

        foreach (var accept in http.Request.Headers.Accept)
        {
            if (accept is { } a && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase) && !a.Contains("application/json", StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>Refuses a format on an endpoint that only speaks JSON.</summary>
    public static void JsonOnly(string? format)
    {
        if (!string.IsNullOrEmpty(format) && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
            throw new TreatyWatch.Answers.UserInputException($"format: '{(format.Length > 20 ? format[..20] + "…" : format)}' is not a format here: this answer is JSON only");
    }
}
