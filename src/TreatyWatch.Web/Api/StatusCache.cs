using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using TreatyWatch.Answers.Json;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Api;

/// <summary>
/// Status answers already written, as UTF-8 JSON bytes, for the catalog snapshot they were computed from: an answer
/// depends only on the snapshot, the state, the treaty and the two days, so a repeated question is one dictionary
/// lookup and one write. Keyed by the names as asked (no lookup work on a hit). A new snapshot (after a write) starts
/// an empty table; a full table (<see cref="MaxEntries"/>) is emptied and filled again.
/// </summary>
public sealed class StatusCache
{
    /// <summary>At most this many answers are kept (a status answer is a few kilobytes).</summary>
    public const int MaxEntries = 4096;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private Table _table = new(null);

    private readonly record struct Key(string State, string Treaty, LocalDate On, LocalDate? Known);

    private sealed class Table(LedgerData.Snapshot? snapshot)
    {
        public readonly LedgerData.Snapshot? Snapshot = snapshot;
        public readonly ConcurrentDictionary<Key, JsonBytes> Answers = new();
    }

    /// <summary>The answer to "status of <paramref name="state"/> under <paramref name="treaty"/> on <paramref name="on"/>".</summary>
    public IResult Answer(LedgerData data, string state, string treaty, LocalDate on, LocalDate? known)
    {
        var snap = data.Current;
        var table = Volatile.Read(ref _table);
        if (!ReferenceEquals(table.Snapshot, snap))
        {
            table = new Table(snap);
            Volatile.Write(ref _table, table);
        }

        var key = new Key(state, treaty, on, known);
        if (table.Answers.TryGetValue(key, out var hit)) return hit;

        var s = snap.Lookup.State(state);
        var t = snap.Lookup.Treaty(treaty);
        var answer = snap.Catalog.Book(t.Id, known).StatusOf(s.Iso3, on);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options)) StatusJson.Write(w, answer, snap.Catalog);
        var bytes = new JsonBytes(buffer.WrittenSpan.ToArray());
        if (table.Answers.Count >= MaxEntries) table.Answers.Clear();
        table.Answers.TryAdd(key, bytes);
        return bytes;
    }
}

/// <summary>JSON already written: sent as is, with its length.</summary>
public sealed class JsonBytes(byte[] bytes) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, 0, bytes.Length, http.RequestAborted);
    }
}
