using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary>The bounded ordered channel the ingest pipeline reads through: input order kept, work bounded, errors in place.</summary>
public class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 8)]
    [InlineData(8, 2)]
    public void Results_ComeInIndexOrder_WhateverOrderTheyFinishIn(int threads, int window)
    {
        var rng = new Random(threads * 31 + window);
        var delays = Enumerable.Range(0, 200).Select(_ => rng.Next(0, 3)).ToArray();
        using var p = new OrderedParallel<int>(200, threads, window, i =>
        {
            if (delays[i] > 0) Thread.Sleep(delays[i]);
            return i * i;
        });

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * i), p.Results());
    }

    [Fact]
    public void NoMoreThanTheWindowIsComputedAheadOfTheConsumer()
    {
        var started = 0;
        var taken = 0;
        var worst = 0;
        using var p = new OrderedParallel<int>(100, 4, 5, i =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref taken);
            InterlockedMax(ref worst, ahead);
            return i;
        });

        foreach (var i in p.Results())
        {
            Interlocked.Increment(ref taken);
            Thread.Sleep(1);
        }

        // The window is 5; the consumer counts a result just after taking it, so a worker may start one more in between.
        Assert.InRange(worst, 1, 5 + 1);
        return;

        static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    [Fact]
    public void AnError_IsThrownAtItsIndex_AfterTheResultsBeforeIt()
    {
        using var p = new OrderedParallel<int>(10, 3, 4, i => i == 6 ? throw new InvalidOperationException("six") : i);
        var got = new List<int>();

        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var i in p.Results()) got.Add(i);
        });

        Assert.Equal("six", e.Message);
        Assert.Equal([0, 1, 2, 3, 4, 5], got);
    }

    [Fact]
    public void DisposingBeforeTheEnd_StopsTheThreads()
    {
        var done = 0;
        var p = new OrderedParallel<int>(1_000_000, 2, 4, i =>
        {
            Interlocked.Increment(ref done);
            return i;
        });
        Assert.Equal([0, 1, 2], p.Results().Take(3));

        p.Dispose();

        Assert.InRange(Volatile.Read(ref done), 3, 3 + 4 + 2);
    }

    [Fact]
    public void NothingToDo_GivesNothing()
    {
        using var p = new OrderedParallel<int>(0, 2, 2, i => i);
        Assert.Empty(p.Results());
    }
}
