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
        var entries = new WeightedTerm[n];
        for (int i = 0; i < n; i++)
            entries[i] = new WeightedTerm(counts.Ids[i], (float)((1.0 + Math.Log(counts.Counts[i])) * table.Idf(counts.Ids[i])));
        Array.Sort(entries, StrongestFirst);
        int kept = Math.Min(n, maxTerms);
        double norm = 0;
        for (int i = 0; i < kept; i++) norm += (double)entries[i].Weight * entries[i].Weight;
        float scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
        var ids = new int[kept];
        var weights = new float[kept];
        for (int i = 0; i < kept; i++)
        {
            ids[i] = entries[i].Id;
            weights[i] = entries[i].Weight * scale;
        }
        return new SparseVector(ids, weights);
    }

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

    private readonly record struct WeightedTerm(int Id, float Weight);

    /// <summary>Heaviest first; equal weights by term id, so the kept terms never depend on sort internals.</summary>
    private static readonly Comparison<WeightedTerm> StrongestFirst = (a, b) =>
    {
        int c = b.Weight.CompareTo(a.Weight);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    };
}
