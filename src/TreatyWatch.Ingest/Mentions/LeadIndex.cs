namespace TreatyWatch.Ingest.Mentions;

/// <summary>
/// Words that can start a pattern, to try the pattern only where it can match: exact words ("left") and
/// prefixes written with a final '*' ("withdr*"). Words are looked up in lower case; lookups allocate nothing.
/// </summary>
internal sealed class LeadIndex<T>
    where T : class
{
    private readonly Dictionary<string, List<T>> _exact = new(StringComparer.Ordinal);
    private System.Collections.Frozen.FrozenDictionary<string, T[]>? _frozen;
    private System.Collections.Frozen.FrozenDictionary<string, T[]>.AlternateLookup<ReadOnlySpan<char>> _frozenLookup;
    // prefixes bucketed by their first two letters, lower-cased: one look-up per word, then a few StartsWith
    private readonly Dictionary<int, List<(string Prefix, T Item)>> _prefix = [];

    public void Add(string lead, T item)
    {
        if (_frozen is not null) throw new InvalidOperationException("LeadIndex is frozen");
        lead = lead.ToLowerInvariant();
        if (lead.EndsWith('*'))
        {
            string prefix = lead[..^1];
            if (prefix.Length < 2) throw new ArgumentException($"prefix '{lead}' is shorter than two letters", nameof(lead));
            int key = Key(prefix);
            if (!_prefix.TryGetValue(key, out var bucket)) _prefix[key] = bucket = [];
            if (!bucket.Contains((prefix, item))) bucket.Add((prefix, item));
            return;
        }
        if (!_exact.TryGetValue(lead, out var list)) _exact[lead] = list = [];
        if (!list.Contains(item)) list.Add(item);
    }

    /// <summary>Ends the adding: the exact words go into a frozen table, the cheapest to look up.</summary>
    public LeadIndex<T> Freeze()
    {
        _frozen = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            _exact.Select(kv => new KeyValuePair<string, T[]>(kv.Key, [.. kv.Value])), StringComparer.Ordinal);
        _frozenLookup = _frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        return this;
    }

    private static int Key(ReadOnlySpan<char> w) => w[0] << 16 | w[1];

    /// <summary>Adds to <paramref name="into"/> every item whose lead fits <paramref name="word"/> (in lower case).</summary>
    public void Collect(ReadOnlySpan<char> word, List<T> into)
    {
        if (_frozen is null) throw new InvalidOperationException("LeadIndex used before Freeze()");
        if (_frozenLookup.TryGetValue(word, out var exact))
            foreach (var x in exact) AddOnce(into, x);
        if (word.Length < 2 || !_prefix.TryGetValue(Key(word), out var bucket)) return;
        foreach (var (prefix, item) in bucket)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) AddOnce(into, item);
    }

    private static void AddOnce(List<T> into, T item)
    {
        foreach (var x in into) if (ReferenceEquals(x, item)) return;
        into.Add(item);
    }
}
