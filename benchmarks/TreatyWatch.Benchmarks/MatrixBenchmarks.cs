using BenchmarkDotNet.Attributes;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Benchmarks;

/// <summary>
/// (d) The full matrix: every state in the catalog × every treaty × every day from 1945-01-01 to 2030-12-31, one
/// status byte per day into a reused buffer. The books are built once in the set-up (their cost is BuildBook_apmbc's).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MatrixBenchmarks
{
    public static readonly LocalDate From = new(1945, 1, 1);
    public static readonly LocalDate To = new(2030, 12, 31);

    private TreatyStatusBook[] _books = null!;
    private string[] _states = null!;
    private byte[] _buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = BundledData.Load();
        _books = catalog.Treaties.Select(t => catalog.Book(t.Id)).ToArray();
        _states = catalog.States.Keys.Order(StringComparer.Ordinal).ToArray();
        _buffer = new byte[Period.DaysBetween(From, To) + 1];
        Console.WriteLine($"// matrix: {_states.Length} states × {_books.Length} treaties × {_buffer.Length} days = {(long)_states.Length * _books.Length * _buffer.Length:N0} cells");
    }

    /// <summary>Walks each (treaty, state) timeline's segments forward (TreatyStatusBook.Fill).</summary>
    [Benchmark]
    public long FullMatrix_Fill()
    {
        long checksum = 0;
        foreach (var book in _books)
        foreach (var state in _states)
        {
            book.Fill(state, From, _buffer);
            checksum += _buffer[^1];
        }

        return checksum;
    }

    /// <summary>For comparison: one (treaty, state) pair, StatusCode (a binary search) per day, 31,411 days.</summary>
    [Benchmark]
    public long OnePair_StatusCodePerDay()
    {
        var book = _books.First(b => b.Treaty.Id == "apmbc");
        var day = From;
        for (var i = 0; i < _buffer.Length; i++, day = day.PlusDays(1)) _buffer[i] = (byte)book.StatusCode("LTU", day);
        return _buffer[^1];
    }

    /// <summary>For comparison: the same pair with Fill.</summary>
    [Benchmark]
    public long OnePair_Fill()
    {
        _books.First(b => b.Treaty.Id == "apmbc").Fill("LTU", From, _buffer);
        return _buffer[^1];
    }
}
