namespace Precis.Clustering;

/// <summary>
/// Vector sums of a group of articles, for trying a split: the same average-link and cohesion arithmetic
/// as <see cref="EventState"/>, without touching the inverted index.
/// </summary>
internal sealed class PartSums
{
    private readonly Dictionary<int, double> _content = [];
    private readonly Dictionary<int, double> _names = [];

    public int Count { get; private set; }
    public int Named { get; private set; }

    public void Add(ArticleVectors vectors)
    {
        Count++;
        if (!vectors.Names.IsEmpty) Named++;
        Accumulate(_content, vectors.Content);
        Accumulate(_names, vectors.Names);
    }

    /// <summary>Mean similarity of an article to the group's members (its dot product with the sums over the count).</summary>
    public double Similarity(ArticleVectors vectors, double contentShare)
    {
        double content = Dot(_content, vectors.Content) / Count;
        if (vectors.Names.IsEmpty || Named == 0) return content;
        return contentShare * content + (1 - contentShare) * Dot(_names, vectors.Names) / Named;
    }

    /// <summary>Mean similarity over the pairs of distinct members: for unit vectors, (|sum|² − n) / (n(n − 1)).</summary>
    public double Cohesion(double contentShare)
    {
        double content = Count < 2 ? 0 : (SquaredNorm(_content) - Count) / ((double)Count * (Count - 1));
        if (Named < 2) return content;
        return contentShare * content + (1 - contentShare) * (SquaredNorm(_names) - Named) / ((double)Named * (Named - 1));
    }

    /// <summary>Mean similarity over the pairs with one member in each group.</summary>
    public static double AverageLink(PartSums a, PartSums b, double contentShare)
    {
        double content = Dot(a._content, b._content) / ((double)a.Count * b.Count);
        if (a.Named == 0 || b.Named == 0) return content;
        return contentShare * content + (1 - contentShare) * Dot(a._names, b._names) / ((double)a.Named * b.Named);
    }

    private static void Accumulate(Dictionary<int, double> sums, SparseVector vector)
    {
        for (int i = 0; i < vector.Count; i++) sums[vector.Ids[i]] = sums.GetValueOrDefault(vector.Ids[i]) + vector.Weights[i];
    }

    private static double Dot(Dictionary<int, double> sums, SparseVector vector)
    {
        double dot = 0;
        for (int i = 0; i < vector.Count; i++)
            if (sums.TryGetValue(vector.Ids[i], out double w)) dot += w * vector.Weights[i];
        return dot;
    }

    private static double Dot(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (id, w) in a)
            if (b.TryGetValue(id, out double v)) dot += w * v;
        return dot;
    }

    private static double SquaredNorm(Dictionary<int, double> sums)
    {
        double norm = 0;
        foreach (double w in sums.Values) norm += w * w;
        return norm;
    }
}
