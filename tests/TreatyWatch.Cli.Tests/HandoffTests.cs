using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary>The hand-off between the ingest's collector and its writer: order kept, everything waiting taken at once, and
/// with a gather count, batches of that many when the writer is faster than the producer.</summary>
public class HandoffTests
{
    [Fact]
    public void TheConsumerTakesEverythingWaiting_InOrder()
    {
        var h = new Handoff<int>(10);
        for (var i = 0; i < 5; i++) Assert.True(h.Add(i));
        var taken = new List<int>();
        Assert.True(h.TakeAll(taken));
        Assert.Equal([0, 1, 2, 3, 4], taken);
        h.Complete();
        Assert.False(h.TakeAll(taken));
    }

    [Fact]
    public void WithAGatherCount_AConsumerFasterThanTheProducer_TakesBatchesOfThatMany()
    {
        var h = new Handoff<int>(64, gather: 8, gatherFor: TimeSpan.FromMinutes(1));
        var producer = new Thread(() =>
        {
            for (var i = 0; i < 32; i++)
            {
                h.Add(i);
                Thread.Sleep(1); // slower than the consumer
            }

            h.Complete();
        });
        producer.Start();

        var batches = new List<List<int>>();
        while (true)
        {
            var batch = new List<int>();
            if (!h.TakeAll(batch)) break;
            batches.Add(batch);
        }

        producer.Join();
        Assert.Equal(Enumerable.Range(0, 32), batches.SelectMany(b => b));
        // Without the gather count the consumer would take most items alone; with it, no batch is smaller than 8 (the
        // producer's sleeps are far shorter than the minute it may wait) but the last, which the end of the input
        // releases with what is left (a batch may be bigger than 8 when the consumer wakes late).
        Assert.All(batches.SkipLast(1), b => Assert.True(b.Count >= 8, $"a batch of {b.Count} before the last"));
    }

    [Fact]
    public void AGatheringConsumer_TakesWhatWaits_WhenTheTimeIsOver_OrTheProducerIsDone()
    {
        var h = new Handoff<int>(64, gather: 48, gatherFor: TimeSpan.FromMilliseconds(20));
        h.Add(1);
        var taken = new List<int>();
        // One item and nobody adding more: taken once the gathering time is over, not held for 47 more.
        Assert.True(h.TakeAll(taken));
        Assert.Equal([1], taken);

        var slow = new Handoff<int>(64, gather: 48, gatherFor: TimeSpan.FromHours(1));
        slow.Add(2);
        slow.Add(3);
        var got = new List<int>();
        var consumer = new Thread(() => slow.TakeAll(got)) { IsBackground = true };
        consumer.Start();
        Thread.Sleep(20);
        slow.Complete(); // the end of the input ends the gathering at once
        Assert.True(consumer.Join(TimeSpan.FromSeconds(30)), "the consumer was not released by Complete");
        Assert.Equal([2, 3], got);
    }
}
