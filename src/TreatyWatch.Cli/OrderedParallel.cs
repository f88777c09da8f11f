using System.Runtime.ExceptionServices;

namespace TreatyWatch.Cli;

/// <summary>
/// Runs <c>work(i)</c> for every i in [0, count) on <c>threads</c> threads of its own and hands the results over in index
/// order (<see cref="Results"/>), whatever order they finish in: a bounded ordered channel. At most <c>window</c> results
/// are computed ahead of the consumer, so memory stays bounded however long the input. The threads wait on a monitor
/// (no spinning hand-off loop of ours). An exception thrown by <c>work(i)</c> is thrown again by <see cref="Results"/> at i.
/// Dispose stops the threads after the item each is working on.
/// </summary>
internal sealed class OrderedParallel<T> : IDisposable
{
    private readonly int _count;
    private readonly int _window;
    private readonly Func<int, T> _work;
    private readonly T?[] _slots;
    private readonly Exception?[] _errors;
    private readonly bool[] _filled;
    private readonly object _gate = new(); // a monitor (Monitor.Wait), not a System.Threading.Lock
    private readonly Thread[] _threads;
    private int _next;
    private int _taken;
    private bool _stopped;

    public OrderedParallel(int count, int threads, int window, Func<int, T> work, string name = "worker")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _count = count;
        _window = window;
        _work = work;
        _slots = new T?[window];
        _errors = new Exception?[window];
        _filled = new bool[window];
        _threads = new Thread[Math.Max(1, Math.Min(threads, count))];
        for (var t = 0; t < _threads.Length; t++)
        {
            _threads[t] = new Thread(Work) { IsBackground = true, Name = $"{name} {t + 1}" };
            _threads[t].Start();
        }
    }

    private void Work()
    {
        while (true)
        {
            int i;
            lock (_gate)
            {
                while (!_stopped && _next < _count && _next - _taken >= _window) Monitor.Wait(_gate);
                if (_stopped || _next >= _count) return;
                i = _next++;
            }

            T? result = default;
            Exception? error = null;
            try
            {
                result = _work(i);
            }
            catch (Exception e)
            {
                error = e;
            }

            lock (_gate)
            {
                var slot = i % _window;
                _slots[slot] = result;
                _errors[slot] = error;
                _filled[slot] = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The results in index order; call once, from one thread.</summary>
    public IEnumerable<T> Results()
    {
        for (var i = 0; i < _count; i++)
        {
            T? result;
            Exception? error;
            lock (_gate)
            {
                var slot = i % _window;
                while (!_filled[slot]) Monitor.Wait(_gate);
                result = _slots[slot];
                error = _errors[slot];
                _slots[slot] = default;
                _errors[slot] = null;
                _filled[slot] = false;
                _taken = i + 1;
                Monitor.PulseAll(_gate);
            }

            if (error is not null) ExceptionDispatchInfo.Throw(error);
            yield return result!;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var t in _threads) t.Join();
    }
}

/// <summary>
/// A bounded first-in first-out hand-off between one producing and one consuming thread that blocks on a monitor:
/// no spinning (a blocked <c>Channel</c> read through <c>GetAwaiter().GetResult()</c> spins with <c>sched_yield</c> first,
/// which on a loaded machine cost more than the work handed over). The consumer takes everything waiting at once; with
/// <paramref name="gather"/> it first waits, up to <paramref name="gatherFor"/> after an item arrives, for that many
/// items (or the end), so that a consumer faster than the producer takes fewer, bigger batches.
/// </summary>
internal sealed class Handoff<T>(int capacity, int gather = 1, TimeSpan gatherFor = default)
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private bool _completed;
    private bool _cancelled;

    /// <summary>Blocks while the hand-off is full; false (and nothing added) once it is cancelled.</summary>
    public bool Add(T item)
    {
        lock (_gate)
        {
            while (_items.Count >= capacity && !_cancelled) Monitor.Wait(_gate);
            if (_cancelled) return false;
            _items.Enqueue(item);
            if (_items.Count == 1 || _items.Count == gather) Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>No more items will be added.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The consumer stops taking: a blocked <see cref="Add"/> returns false.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Blocks until items are waiting (and, with a gather count, until that many are, the hand-off is completed or the
    /// gathering time is over) and moves them all into <paramref name="into"/>; false when completed and empty.
    /// </summary>
    public bool TakeAll(List<T> into)
    {
        lock (_gate)
        {
            while (_items.Count == 0 && !_completed) Monitor.Wait(_gate);
            if (_items.Count == 0) return false;
            var until = Environment.TickCount64 + (long)gatherFor.TotalMilliseconds;
            while (_items.Count < gather && !_completed && !_cancelled)
            {
                var left = until - Environment.TickCount64;
                if (left <= 0) break;
                Monitor.Wait(_gate, (int)left);
            }

            var wasFull = _items.Count >= capacity;
            while (_items.TryDequeue(out var item)) into.Add(item);
            if (wasFull) Monitor.PulseAll(_gate);
            return true;
        }
    }
}
