namespace TreatyWatch.Cli.Output;

/// <summary>RFC 4180 output.</summary>
public static class CsvOut
{
    public static void Row(TextWriter w, params string?[] fields) =>
        w.WriteLine(string.Join(',', fields.Select(Escape)));

    private static string Escape(string? f)
    {
        f ??= "";
        return f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f;
    }
}
