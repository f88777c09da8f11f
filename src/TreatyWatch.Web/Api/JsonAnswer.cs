using System.Text.Encodings.Web;
using System.Text.Json;

namespace TreatyWatch.Web.Api;

/// <summary>An answer written straight to the response with the CLI's JSON writers (the contract of docs/cli-json.md).</summary>
public sealed class JsonAnswer(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, Options);
        write(w);
        await w.FlushAsync(http.RequestAborted);
    }
}
