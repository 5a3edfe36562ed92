using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>
/// The reference point for the event clusterer: plain TF-IDF cosine over whole documents (content words
/// only, no names, no time, IDF over the batch) and average-link agglomerative clustering cut at a fixed
/// similarity. Exact, order-free and quadratic in memory, so it is for evaluation-sized batches only.
/// Uses the nearest-neighbour-chain algorithm: average linkage is reducible, so the merges of the full
/// dendrogram at or above the threshold are exactly the clusters of the cut.
/// </summary>
public sealed class AgglomerativeBaseline
{
    /// <summary>
    /// The cut: documents join when their clusters' average cosine reaches this. 0.10 gave the baseline its
    /// best B-cubed F1 averaged over the two development sets (see docs/evaluation.md).
    /// </summary>
    public const double DefaultThreshold = 0.10;

    private readonly double _threshold;

    public AgglomerativeBaseline(double threshold = DefaultThreshold) => _threshold = threshold;

    /// <summary>Groups the documents; each group lists positions in <paramref name="documents"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<Document> documents)
    {
        int n = documents.Count;
        var vectors = Vectorize(documents);
        var similarity = new double[n][];
        for (int i = 0; i < n; i++)
        {
            similarity[i] = new double[n];
            for (int j = 0; j < i; j++) similarity[i][j] = similarity[j][i] = Cosine(vectors[i], vectors[j]);
        }

        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        foreach (var (a, b, s) in NearestNeighbourChain(similarity))
            if (s >= _threshold) parent[Find(parent, a)] = Find(parent, b);

        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, i);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = [];
            list.Add(i);
        }
        return groups.Values.OrderBy(g => g[0]).ToList<IReadOnlyList<int>>();
    }

    private static Dictionary<int, double>[] Vectorize(IReadOnlyList<Document> documents)
    {
        var content = new TermTable();
        var profiler = new ArticleProfiler(content, new TermTable(), new ClusteringOptions { TitleRepeat = 1, LeadRepeat = 1 });
        var profiles = new ArticleProfile[documents.Count];
        var tokens = new SentenceTokens();
        for (int i = 0; i < documents.Count; i++)
        {
            tokens.Read(documents[i]);
            profiles[i] = profiler.Profile(documents[i], tokens, ArticleProfiler.DayOf(documents[i]));
            content.CountDocument(profiles[i].Content.Ids);
        }
        var vectors = new Dictionary<int, double>[documents.Count];
        for (int i = 0; i < profiles.Length; i++)
        {
            var v = SparseVector.Weigh(profiles[i].Content, content, int.MaxValue);
            vectors[i] = new Dictionary<int, double>(v.Count);
            for (int k = 0; k < v.Count; k++) vectors[i][v.Ids[k]] = v.Weights[k];
        }
        return vectors;
    }

    private static double Cosine(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (id, w) in a)
            if (b.TryGetValue(id, out double v)) dot += w * v;
        return dot;
    }

    /// <summary>Every merge of the average-link dendrogram as (cluster, cluster, similarity); rows of <paramref name="s"/> are reused.</summary>
    private static List<(int A, int B, double Similarity)> NearestNeighbourChain(double[][] s)
    {
        int n = s.Length;
        var size = new int[n];
        var active = new bool[n];
        for (int i = 0; i < n; i++) { size[i] = 1; active[i] = true; }
        var merges = new List<(int, int, double)>(Math.Max(0, n - 1));
        var chain = new List<int>();
        int remaining = n;
        int next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (!active[next]) next++;
                chain.Add(next);
            }
            int a = chain[^1];
            int previous = chain.Count > 1 ? chain[^2] : -1;
            int best = previous;
            double bestSimilarity = previous >= 0 ? s[a][previous] : double.NegativeInfinity;
            for (int c = 0; c < n; c++)
            {
                if (!active[c] || c == a) continue;
                if (s[a][c] > bestSimilarity) { best = c; bestSimilarity = s[a][c]; }
            }
            if (best != previous)
            {
                chain.Add(best);
                continue;
            }
            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add((a, previous, bestSimilarity));
            // Lance–Williams update for average linkage; the merged cluster lives on in row a.
            for (int k = 0; k < n; k++)
            {
                if (!active[k] || k == a || k == previous) continue;
                double merged = (size[a] * s[a][k] + size[previous] * s[previous][k]) / (size[a] + size[previous]);
                s[a][k] = s[k][a] = merged;
            }
            size[a] += size[previous];
            active[previous] = false;
            remaining--;
        }
        return merges;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
