using System.Runtime.CompilerServices;

namespace TreatyWatch.Ingest.Across;

/// <summary>What <see cref="NearDuplicateIndex.Add(string, string)"/> says of an article.</summary>
/// <param name="Id">The article added.</param>
/// <param name="Group">
/// The id of the first article of its near-duplicate group: its own id when it is not a copy, else the group of the
/// article it copies (so copies of copies share one group).
/// </param>
/// <param name="CopyOf">The earlier article it is a near copy of (the most similar one), or null.</param>
/// <param name="Resemblance">Estimated Jaccard similarity of the word shingles with <paramref name="CopyOf"/> (0 when none).</param>
/// <param name="Containment">Estimated share of the shorter text's shingles found in the longer one (0 when none).</param>
public sealed record NearDuplicateVerdict(string Id, string Group, string? CopyOf, double Resemblance, double Containment)
{
    public bool IsCopy => CopyOf is not null;
}

/// <summary>A text as <see cref="NearDuplicateIndex"/> keeps it (<see cref="NearDuplicateIndex.Fingerprint"/>): its number of
/// shingles, MinHash signature and band keys (both empty for a text too short to index).</summary>
public sealed record NearDuplicateFingerprint(int Shingles, ulong[] Signature, ulong[] BandKeys);

/// <summary>
/// Finds wire copies: articles that are the same text lightly edited (another headline, a paragraph added or cut,
/// punctuation and case changed). Texts are reduced to lower-case words (letters and digits; punctuation and
/// line breaks ignored) and to the set of their 4-word shingles; a MinHash signature of 128 values estimates the
/// Jaccard similarity of two sets, and 32 bands of 4 values find the candidates without comparing every pair.
/// </summary>
/// <remarks>
/// An article is a near copy of an earlier one when the estimated resemblance (Jaccard) is at least
/// <see cref="ResemblanceThreshold"/> (0.8), or when the estimated containment of the shorter in the longer is at
/// least <see cref="ContainmentThreshold"/> (0.9) and the shorter has at least half the shingles of the longer
/// (an outlet that adds a paragraph of context or cuts the last ones). Texts of fewer than
/// <see cref="MinimumShingles"/> shingles are never copies and are not indexed (a headline alone says too little).
/// Hashes are fixed (no per-process randomisation), so verdicts are the same on every run. Not thread-safe: feed it
/// from one thread, in the order the articles arrived.
/// Memory is about 1.3 KB per indexed article (signature and band entries) and nothing is evicted: a long-running
/// worker should start a new index per window of news (wire copies appear within days).
/// </remarks>
public sealed class NearDuplicateIndex
{
    public const int ShingleWords = 4;
    public const int SignatureSize = 128;
    public const int Bands = 32;
    public const double ResemblanceThreshold = 0.8;
    public const double ContainmentThreshold = 0.9;
    public const int MinimumShingles = 8;
    /// <summary>A band bucket holding more articles than this is boilerplate shared by many (a template, a standard
    /// paragraph): it is no longer searched or grown. A real copy shares many bands, not just the common ones.</summary>
    public const int MaxBucket = 256;
    /// <summary>At most this many earlier articles are compared in full per article: those sharing the most bands.</summary>
    public const int MaxCandidates = 32;

    private const int Rows = SignatureSize / Bands;
    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<int>> _buckets = [];
    // Per entry, the last Add that took it as a candidate: collects the candidates of all bands once each, without a set.
    private readonly List<int> _visited = [];
    // Per entry, how many of the current article's bands it shares (valid when _visited holds the current visit).
    private readonly List<int> _hits = [];
    private int _visit;

    private sealed record Entry(string Id, string Group, ulong[] Signature, int Shingles);

    /// <summary>Articles indexed so far.</summary>
    public int Count => _entries.Count;

    /// <summary>The group of an article added before (its own id for an original, or for a text too short to index).</summary>
    public string GroupOf(string id) => _byId.TryGetValue(id, out var i) && i >= 0 ? _entries[i].Group : id;

    /// <summary>Compares <paramref name="text"/> with the articles added before, then adds it. Ids must be unique.</summary>
    public NearDuplicateVerdict Add(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(id, Fingerprint(text));
    }

    /// <summary>
    /// What the index keeps of a text (its shingle count, MinHash signature and band keys): the costly half of
    /// <see cref="Add(string, string)"/>, which depends on the text alone. Thread-safe, so that several threads can
    /// fingerprint articles while one adds them in arrival order (<see cref="Add(string, NearDuplicateFingerprint)"/>).
    /// </summary>
    public static NearDuplicateFingerprint Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shingles = Shingles(text);
        if (shingles.Count < MinimumShingles) return new NearDuplicateFingerprint(shingles.Count, [], []);
        var signature = Signature(shingles);
        return new NearDuplicateFingerprint(shingles.Count, signature, BandKeys(signature));
    }

    /// <summary>As <see cref="Add(string, string)"/>, for a text fingerprinted before: the same verdict.</summary>
    public NearDuplicateVerdict Add(string id, NearDuplicateFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (_byId.ContainsKey(id)) throw new ArgumentException($"article '{id}' was added before", nameof(id));

        if (fingerprint.Shingles < MinimumShingles)
        {
            _byId[id] = -1;
            return new NearDuplicateVerdict(id, id, null, 0, 0);
        }

        var signature = fingerprint.Signature;
        var bandKeys = fingerprint.BandKeys;
        var shingleCount = fingerprint.Shingles;
        // An article shares bands with many earlier ones when they share boilerplate: gather them with a mark per entry
        // and count the bands each shares; skip the buckets of boilerplate (MaxBucket) and compare in full only the
        // MaxCandidates sharing the most bands, so that the work per article stays bounded however long the run.
        var candidates = new List<int>();
        var visit = ++_visit;
        foreach (var key in bandKeys)
        {
            if (!_buckets.TryGetValue(key, out var list) || list.Count > MaxBucket) continue;
            foreach (var i in list)
            {
                if (_visited[i] != visit)
                {
                    _visited[i] = visit;
                    _hits[i] = 0;
                    candidates.Add(i);
                }

                _hits[i]++;
            }
        }

        if (candidates.Count > MaxCandidates)
        {
            candidates.Sort((x, y) => _hits[x] != _hits[y] ? _hits[y].CompareTo(_hits[x]) : x.CompareTo(y));
            candidates.RemoveRange(MaxCandidates, candidates.Count - MaxCandidates);
        }

        candidates.Sort();

        Entry? best = null;
        double bestResemblance = 0, bestContainment = 0;
        foreach (var c in candidates)
        {
            var other = _entries[c];
            var j = Estimate(signature, other.Signature);
            var containment = Containment(j, shingleCount, other.Shingles);
            var ratio = (double)Math.Min(shingleCount, other.Shingles) / Math.Max(shingleCount, other.Shingles);
            bool copy = j >= ResemblanceThreshold || (containment >= ContainmentThreshold && ratio >= 0.5);
            // The most similar earlier article; on a tie the earliest (candidates are visited in arrival order).
            if (copy && j > bestResemblance)
            {
                best = other;
                bestResemblance = j;
                bestContainment = containment;
            }
        }

        var entry = new Entry(id, best?.Group ?? id, signature, shingleCount);
        int index = _entries.Count;
        _entries.Add(entry);
        _visited.Add(0);
        _hits.Add(0);
        _byId[id] = index;
        foreach (var key in bandKeys)
        {
            if (!_buckets.TryGetValue(key, out var list)) _buckets[key] = list = [];
            // One past the cap marks the bucket as boilerplate; it grows no further.
            if (list.Count <= MaxBucket) list.Add(index);
        }

        return new NearDuplicateVerdict(id, entry.Group, best?.Id, bestResemblance, bestContainment);
    }

    /// <summary>|A∩B| / min(|A|,|B|) from the Jaccard estimate J and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).</summary>
    private static double Containment(double j, int a, int b) => Math.Min(1.0, j * (a + b) / (1 + j) / Math.Min(a, b));

    private static double Estimate(ulong[] a, ulong[] b)
    {
        // Called for every candidate: with boilerplate shared by many articles, for most of the articles before. Compared a
        // vector at a time, without a branch per slot (equal lanes are all ones, -1 as a long: subtracting counts them).
        var same = 0L;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= System.Numerics.Vector<ulong>.Count)
        {
            var acc = System.Numerics.Vector<long>.Zero;
            var va = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, System.Numerics.Vector<ulong>>(a.AsSpan());
            var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, System.Numerics.Vector<ulong>>(b.AsSpan());
            for (var k = 0; k < va.Length; k++) acc -= System.Numerics.Vector.AsVectorInt64(System.Numerics.Vector.Equals(va[k], vb[k]));
            same = System.Numerics.Vector.Sum(acc);
            i = va.Length * System.Numerics.Vector<ulong>.Count;
        }

        for (; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>The hashes of the text's word shingles (lower-case letters and digits; everything else separates words).</summary>
    internal static HashSet<ulong> Shingles(string text)
    {
        var words = new List<ulong>();
        ulong h = 0;
        bool inWord = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (!inWord)
                {
                    h = 14695981039346656037UL;
                    inWord = true;
                }
                h = (h ^ char.ToLowerInvariant(ch)) * 1099511628211UL;
            }
            else if (inWord)
            {
                words.Add(h);
                inWord = false;
            }
        }
        if (inWord) words.Add(h);

        var set = new HashSet<ulong>();
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong s = 0x9E3779B97F4A7C15UL;
            for (int k = 0; k < ShingleWords; k++) s = Mix(s ^ words[i + k]);
            set.Add(s);
        }
        return set;
    }

    private static ulong[] Signature(HashSet<ulong> shingles)
    {
        var sig = new ulong[SignatureSize];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (int i = 0; i < SignatureSize; i++)
            {
                var v = Mix(s ^ Seeds[i]);
                if (v < sig[i]) sig[i] = v;
            }
        }
        return sig;
    }

    private static ulong[] BandKeys(ulong[] signature)
    {
        var keys = new ulong[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong k = Mix((ulong)b + 1);
            for (int r = 0; r < Rows; r++) k = Mix(k ^ signature[b * Rows + r]);
            keys[b] = k;
        }
        return keys;
    }

    /// <summary>SplitMix64's finaliser: a fixed, well-spread 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SignatureSize];
        ulong x = 0x5EED_7EA7_1A7C_4u;
        for (int i = 0; i < seeds.Length; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(x);
        }
        return seeds;
    }
}
