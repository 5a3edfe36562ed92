using System.Buffers;

namespace Precis.Clustering;

/// <summary>
/// A unit-length sparse term vector, strongest terms first. Weights are <c>(1 + ln tf) · idf</c> with the
/// IDF of the moment the vector is built; only the strongest terms are kept.
/// </summary>
internal readonly struct SparseVector
{
    public SparseVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
    }

    public int[] Ids { get; }
    public float[] Weights { get; }
    public int Count => Ids.Length;
    public bool IsEmpty => Ids.Length == 0;

    public static SparseVector Empty { get; } = new([], []);

    public static SparseVector Weigh(TermCounts counts, TermTable table, int maxTerms)
    {
        int n = counts.Ids.Length;
        if (n == 0 || maxTerms <= 0) return Empty;
        var rented = ArrayPool<ulong>.Shared.Rent(n);
        var keys = rented.AsSpan(0, n);
        for (int i = 0; i < n; i++)
            keys[i] = StrongestFirstKey(counts.Ids[i], (float)((1.0 + Math.Log(counts.Counts[i])) * table.Idf(counts.Ids[i])));
        keys.Sort();
        int kept = Math.Min(n, maxTerms);
        double norm = 0;
        for (int i = 0; i < kept; i++)
        {
            float w = WeightOf(keys[i]);
            norm += (double)w * w;
        }
        float scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
        var ids = new int[kept];
        var weights = new float[kept];
        for (int i = 0; i < kept; i++)
        {
            ids[i] = (int)(uint)keys[i];
            weights[i] = WeightOf(keys[i]) * scale;
        }
        ArrayPool<ulong>.Shared.Return(rented);
        return new SparseVector(ids, weights);
    }

    /// <summary>
    /// A key whose ascending order is heaviest weight first, then lowest term id (weights are positive: the
    /// bits of a positive float order as the float does): the order a comparison of (weight, id) pairs gave,
    /// so the same terms are kept, without a delegate call per comparison; that sort was ~3.5% of the
    /// cluster stage of the 100k bench (perf, 2026-11-21).
    /// </summary>
    private static ulong StrongestFirstKey(int id, float weight) =>
        ((ulong)~BitConverter.SingleToUInt32Bits(weight) << 32) | (uint)id;

    private static float WeightOf(ulong key) => BitConverter.UInt32BitsToSingle(~(uint)(key >> 32));

    /// <summary>Dot product with a centroid stored as a dictionary.</summary>
    public double Dot(Dictionary<int, float> centroid)
    {
        double dot = 0;
        var ids = Ids;
        var weights = Weights;
        for (int i = 0; i < ids.Length; i++)
            if (centroid.TryGetValue(ids[i], out float w)) dot += weights[i] * w;
        return dot;
    }

    /// <summary>Dot product of two sparse vectors.</summary>
    public static double Dot(SparseVector a, SparseVector b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        for (int i = 0; i < a.Count; i++)
        {
            int k = Array.IndexOf(b.Ids, a.Ids[i]);
            if (k >= 0) dot += a.Weights[i] * b.Weights[k];
        }
        return dot;
    }
}
