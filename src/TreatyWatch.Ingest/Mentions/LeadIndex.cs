namespace TreatyWatch.Ingest.Mentions;

/// <summary>
/// Words that can start a pattern, to try the pattern only where it can match: exact words ("left") and
/// prefixes written with a final '*' ("withdr*"). Case-insensitive; lookups allocate nothing.
/// </summary>
internal sealed class LeadIndex<T>
{
    private readonly Dictionary<string, List<T>> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<T>> _prefix = new(StringComparer.OrdinalIgnoreCase);
    private int _minPrefix = int.MaxValue, _maxPrefix;

    public void Add(string lead, T item)
    {
        bool prefix = lead.EndsWith('*');
        string key = prefix ? lead[..^1] : lead;
        var map = prefix ? _prefix : _exact;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(item)) list.Add(item);
        if (prefix)
        {
            _minPrefix = Math.Min(_minPrefix, key.Length);
            _maxPrefix = Math.Max(_maxPrefix, key.Length);
        }
    }

    /// <summary>Adds to <paramref name="into"/> every item whose lead fits <paramref name="word"/>.</summary>
    public void Collect(ReadOnlySpan<char> word, List<T> into)
    {
        if (_exact.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var exact))
            foreach (var x in exact) if (!into.Contains(x)) into.Add(x);
        var prefixes = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int n = _minPrefix; n <= Math.Min(word.Length, _maxPrefix); n++)
            if (prefixes.TryGetValue(word[..n], out var list))
                foreach (var x in list) if (!into.Contains(x)) into.Add(x);
    }
}
