namespace Precis.Dedup;

/// <summary>
/// Banded locality-sensitive hashing over MinHash signatures (Indyk &amp; Motwani 1998; Broder 1997): an
/// item is filed under one 32-bit key per band, and two items become candidates when they share a key in
/// any band. With b bands of r rows, items of resemblance J collide with probability 1 − (1 − J^r)^b.
/// Each band is a sorted array of <c>key &lt;&lt; 32 | id</c> (8 bytes per band per item), and the buckets
/// can be walked in one pass to list candidate pairs. A directory over the top bits of the keys (one int per
/// eight items, half a byte per item and band) turns a lookup into one directory read and a search among
/// about eight entries, whatever the number of items: two cache misses per band instead of the log n of a
/// binary search. Immutable once built; build it with <see cref="LshIndexBuilder"/>.
/// </summary>
public sealed class LshIndex
{
    /// <summary>Items per directory slot on average (keys are hashes, so slots fill evenly).</summary>
    private const int ItemsPerSlot = 8;

    private readonly ulong[][] _bands;
    private readonly int[][] _directory;
    private readonly int _shift;

    internal LshIndex(ulong[][] bands, int count)
    {
        _bands = bands;
        Count = count;
        int bits = Math.Clamp(BitLength(count / ItemsPerSlot), 0, 24);
        _shift = 32 - bits;
        _directory = new int[bands.Length][];
        for (int b = 0; b < bands.Length; b++)
        {
            var directory = new int[(1 << bits) + 1];
            var band = bands[b];
            int i = 0;
            for (int slot = 0; slot < directory.Length - 1; slot++)
            {
                directory[slot] = i;
                while (i < band.Length && SlotOf((uint)(band[i] >> 32)) == slot) i++;
            }
            directory[^1] = band.Length;
            _directory[b] = directory;
        }
    }

    /// <summary>The directory slot of a key: its top bits (none when the index is small: one slot).</summary>
    private int SlotOf(uint key) => (int)((ulong)key >> _shift);

    private static int BitLength(int n) => n <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);

    /// <summary>Number of items filed.</summary>
    public int Count { get; }

    /// <summary>Index memory per item, in bytes: one 8-byte entry per band, and the directory.</summary>
    public double BytesPerItem => Count == 0 ? 0 : (8.0 * Count + 4.0 * _directory[0].Length) * _bands.Length / Count;

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
            int slot = SlotOf(keys[b]);
            int i = LowerBound(band, _directory[b][slot], _directory[b][slot + 1], (ulong)keys[b] << 32);
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
    /// Adds pairs of ids that share a bucket, as <c>smaller &lt;&lt; 32 | larger</c>, possibly repeated (once
    /// per shared band): every pair of a bucket of up to <paramref name="maxPartners"/> + 1 items, and in a
    /// larger bucket each item with the <paramref name="maxPartners"/> items filed just before it. Text
    /// repeated across a whole stream (a disclaimer that slipped through cleaning) would otherwise make the
    /// work quadratic; linked in a chain, the members of a big bucket still reach one another transitively.
    /// </summary>
    internal void CollectPairs(int maxPartners, ref PooledBuffer<ulong> pairs)
    {
        foreach (var band in _bands) CollectBandPairs(band, maxPartners, ref pairs);
    }

    /// <summary>
    /// <see cref="CollectPairs"/> for one band given as a sorted span of <c>key &lt;&lt; 32 | id</c>: for a
    /// caller that files a few items, pairs them once and needs no index (a deduplicated event).
    /// </summary>
    internal static void CollectBandPairs(ReadOnlySpan<ulong> band, int maxPartners, ref PooledBuffer<ulong> pairs)
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
                for (int y = Math.Max(i, x - maxPartners); y < x; y++)
                {
                    uint idY = (uint)band[y];
                    if (idX == idY) continue;
                    pairs.Add(idX < idY ? (ulong)idX << 32 | idY : (ulong)idY << 32 | idX);
                }
            }
            i = end;
        }
    }

    /// <summary>First position in [lo, hi) whose entry is not below <paramref name="value"/> (hi when none).</summary>
    private static int LowerBound(ulong[] sorted, int lo, int hi, ulong value)
    {
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
