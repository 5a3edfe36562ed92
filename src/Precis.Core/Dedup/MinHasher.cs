namespace Precis.Dedup;

/// <summary>
/// One-permutation MinHash with optimal densification (Li, Owen &amp; Zhang 2012; Shrivastava 2017), stored
/// as b-bit values (Li &amp; König 2010). Each shingle is hashed once with a seeded bijection; the top bits
/// pick one of <see cref="Bins"/> bins and each bin keeps the smallest hash that fell into it. A bin that
/// no shingle reached borrows the value of a non-empty bin chosen by a probe sequence that depends only on
/// the bin and the seed, so two sets agree on a bin with probability equal to their Jaccard resemblance,
/// exactly as with k independent permutations, at the cost of one hash per shingle instead of k.
/// Each bin keeps 16 bits of the winning hash: two different minima collide with probability 2^-16, a bias
/// of at most 1.5e-5 on the estimate, and a 128-bin signature takes 256 bytes.
/// </summary>
public sealed class MinHasher
{
    /// <summary>Bins above this need more stack than the hot path should take.</summary>
    public const int MaxBins = 1024;

    private readonly ulong _seed;

    public MinHasher(int bins, ulong seed)
    {
        if (bins is < 1 or > MaxBins) throw new ArgumentOutOfRangeException(nameof(bins), bins, $"A signature has 1 to {MaxBins} bins.");
        Bins = bins;
        _seed = StableHash.Mix(seed ^ 0x5eed5eed5eed5eed);
    }

    public int Bins { get; }

    /// <summary>
    /// Writes the signature of the set <paramref name="shingles"/> (repeats do not matter) into
    /// <paramref name="signature"/>; returns false, leaving it zeroed, when the set is empty.
    /// </summary>
    public bool Compute(ReadOnlySpan<ulong> shingles, Span<ushort> signature)
    {
        if (signature.Length != Bins) throw new ArgumentException($"The signature needs {Bins} bins.", nameof(signature));
        signature.Clear();
        if (shingles.IsEmpty) return false;

        Span<ulong> minima = stackalloc ulong[Bins];
        minima.Fill(ulong.MaxValue);
        ulong bins = (ulong)Bins;
        foreach (ulong shingle in shingles)
        {
            ulong v = StableHash.Mix(shingle ^ _seed);
            int bin = (int)(((v >> 32) * bins) >> 32); // multiply-shift range reduction of the high half
            if (v < minima[bin]) minima[bin] = v;
        }

        for (int i = 0; i < minima.Length; i++)
        {
            int source = i;
            for (uint attempt = 1; minima[source] == ulong.MaxValue; attempt++)
            {
                ulong probe = StableHash.Mix(_seed ^ ((ulong)(uint)i << 32 | attempt));
                source = (int)(((probe >> 32) * bins) >> 32);
            }
            signature[i] = (ushort)minima[source]; // low bits: independent of the high bits that ranked the minimum
        }
        return true;
    }

    /// <summary>
    /// The LSH band keys of a signature: <paramref name="keys"/>.Length bands of <c>Bins / bands</c>
    /// consecutive rows each, each band hashed to 32 bits. Two signatures share a band key when they agree on
    /// every row of that band (or, with probability 2^-32, by chance).
    /// </summary>
    public static void BandKeys(ReadOnlySpan<ushort> signature, Span<uint> keys)
    {
        int bands = keys.Length;
        if (bands == 0 || signature.Length % bands != 0)
            throw new ArgumentException($"{signature.Length} rows do not split into {bands} equal bands.", nameof(keys));
        int rows = signature.Length / bands;
        for (int b = 0; b < bands; b++)
        {
            ulong h = (ulong)b;
            var band = signature.Slice(b * rows, rows);
            for (int r = 0; r < band.Length; r++) h = StableHash.Combine(h, band[r]);
            keys[b] = (uint)(h >> 32);
        }
    }

    /// <summary>The share of bins on which two signatures agree: an unbiased estimate of Jaccard resemblance (up to the b-bit collision bias).</summary>
    public static double Estimate(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        if (a.Length != b.Length || a.IsEmpty) throw new ArgumentException("Signatures of different sizes cannot be compared.");
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) equal++;
        return (double)equal / a.Length;
    }
}
