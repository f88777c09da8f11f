using System.Text.Json;
using Spectre.Console;

namespace TreatyWatch.Cli.Commands;

internal static class Json
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) write(w);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

internal static class Tables
{
    public static Table New(params string[] columns)
    {
        var t = new Table().Border(TableBorder.Rounded);
        foreach (var c in columns) t.AddColumn(new TableColumn($"[bold]{Markup.Escape(c)}[/]"));
        return t;
    }

    public static string E(string? s) => Markup.Escape(s ?? "");
}
