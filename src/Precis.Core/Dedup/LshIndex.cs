namespace Precis.Dedup;

/// <summary>
/// Banded locality-sensitive hashing over MinHash signatures (Indyk &amp; Motwani 1998; Broder 1997): an
/// item is filed under one 32-bit key per band, and two items become candidates when they share a key in
/// any band. With b bands of r rows, items of resemblance J collide with probability 1 − (1 − J^r)^b.
/// Each band is a sorted array of <c>key &lt;&lt; 32 | id</c>, so the index costs 8 bytes per band per item,
/// a lookup is one binary search per band (O(b log n), sub-linear in the number of items), and the
/// buckets can be walked in one pass to list candidate pairs. Immutable once built; build it with
/// <see cref="LshIndexBuilder"/>.
/// </summary>
public sealed class LshIndex
{
    private readonly ulong[][] _bands;

    internal LshIndex(ulong[][] bands, int count)
    {
        _bands = bands;
        Count = count;
    }

    /// <summary>Number of items filed.</summary>
    public int Count { get; }

    public int BandCount => _bands.Length;

    /// <summary>Index memory per item, in bytes: one 8-byte entry per band.</summary>
    public int BytesPerItem => 8 * _bands.Length;

    /// <summary>
    /// Adds to <paramref name="candidates"/> the ids that share at least one band key with
    /// <paramref name="keys"/>, each once, in ascending order.
    /// </summary>
    public void Query(ReadOnlySpan<uint> keys, List<int> candidates)
    {
        if (keys.Length != _bands.Length) throw new ArgumentException($"Expected {_bands.Length} band keys.", nameof(keys));
        int start = candidates.Count;
        for (int b = 0; b < _bands.Length; b++)
        {
            var band = _bands[b];
            ulong low = (ulong)keys[b] << 32;
            int i = LowerBound(band, low);
            while (i < band.Length && (band[i] >> 32) == keys[b])
            {
                candidates.Add((int)(uint)band[i]);
                i++;
            }
        }
        if (candidates.Count - start > 1)
        {
            candidates.Sort(start, candidates.Count - start, Comparer<int>.Default);
            int write = start + 1;
            for (int read = start + 1; read < candidates.Count; read++)
                if (candidates[read] != candidates[write - 1]) candidates[write++] = candidates[read];
            candidates.RemoveRange(write, candidates.Count - write);
        }
    }

    /// <summary>
    /// Adds every pair of ids that share a bucket, as <c>smaller &lt;&lt; 32 | larger</c>, possibly repeated
    /// (once per shared band). A bucket with more than <paramref name="maxBucket"/> items pairs each item with
    /// the first <paramref name="maxBucket"/> of the bucket only: text repeated across a whole stream (a
    /// standard disclaimer that slipped through cleaning) would otherwise make the work quadratic, and linking
    /// to a few members is enough to reach the rest through them.
    /// </summary>
    internal void CollectPairs(int maxBucket, ref PooledBuffer<ulong> pairs)
    {
        foreach (var band in _bands)
        {
            int i = 0;
            while (i < band.Length)
            {
                uint key = (uint)(band[i] >> 32);
                int end = i + 1;
                while (end < band.Length && (uint)(band[end] >> 32) == key) end++;
                for (int x = i + 1; x < end; x++)
                {
                    uint idX = (uint)band[x];
                    int partners = Math.Min(x - i, maxBucket);
                    for (int y = i; y < i + partners; y++)
                    {
                        uint idY = (uint)band[y];
                        if (idX == idY) continue;
                        pairs.Add(idX < idY ? (ulong)idX << 32 | idY : (ulong)idY << 32 | idX);
                    }
                }
                i = end;
            }
        }
    }

    private static int LowerBound(ulong[] sorted, ulong value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>Collects items for an <see cref="LshIndex"/>; not thread-safe, use once.</summary>
public sealed class LshIndexBuilder
{
    private readonly ulong[][] _bands;
    private int _count;
    private bool _built;

    /// <param name="bands">Band keys per item.</param>
    /// <param name="capacity">Expected number of items: sized right, building copies nothing.</param>
    public LshIndexBuilder(int bands, int capacity = 16)
    {
        if (bands < 1) throw new ArgumentOutOfRangeException(nameof(bands), bands, "An LSH index needs at least one band.");
        _bands = new ulong[bands][];
        for (int b = 0; b < bands; b++) _bands[b] = new ulong[Math.Max(1, capacity)];
    }

    /// <summary>Files item <paramref name="id"/> (non-negative) under its band keys.</summary>
    public void Add(int id, ReadOnlySpan<uint> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (_built) throw new InvalidOperationException("The index was already built.");
        if (keys.Length != _bands.Length) throw new ArgumentException($"Expected {_bands.Length} band keys.", nameof(keys));
        if (_count == _bands[0].Length)
            for (int b = 0; b < _bands.Length; b++) Array.Resize(ref _bands[b], _count * 2);
        for (int b = 0; b < keys.Length; b++) _bands[b][_count] = (ulong)keys[b] << 32 | (uint)id;
        _count++;
    }

    /// <summary>Sorts the bands in place and hands them to the index; the builder cannot be used again.</summary>
    public LshIndex Build()
    {
        if (_built) throw new InvalidOperationException("The index was already built.");
        _built = true;
        for (int b = 0; b < _bands.Length; b++)
        {
            if (_bands[b].Length != _count) Array.Resize(ref _bands[b], _count);
            Array.Sort(_bands[b]);
        }
        return new LshIndex(_bands, _count);
    }
}
