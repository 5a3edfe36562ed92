namespace Precis.Clustering;

/// <summary>
/// Batch mode's grouping: average-link agglomeration over a sparse nearest-neighbour graph whose
/// similarities are locally scaled (Zelnik-Manor and Perona's self-tuning scale). A pair's similarity is
/// divided by <c>√(σᵢ·σⱼ)</c>, where σ is an article's similarity to its
/// <see cref="ClusteringOptions.NeighbourRank"/>-th nearest neighbour: how close its own neighbourhood is.
/// One absolute threshold cannot serve both a loose multi-month topic (members 0.05–0.1 apart) and a
/// tight breaking story sitting beside another of the same kind (0.3 inside, 0.15 across); measured
/// against the neighbourhood, both read the same. The diagnosis behind it is in docs/evaluation.md.
/// </summary>
/// <remarks>
/// Similarity is the cosine of the content vectors alone: names and a time cost, which the stream uses,
/// lowered batch B-cubed F1 on the pooled development set (see <see cref="ClusteringOptions"/>). Time
/// enters only as a merge bar: two clusters whose dated articles are more than the stream's window apart
/// need a stronger link (<see cref="ClusteringOptions.QuietGapLinkBonus"/>). Each article keeps its <see cref="ClusteringOptions.MaxNeighbours"/> strongest links (found through an
/// inverted index), so memory is linear in the batch; pairs that were not kept count as 0 in the average.
/// Clusters merge best pair first while their scaled average link reaches
/// <see cref="ClusteringOptions.LinkThreshold"/> and their raw average link reaches
/// <see cref="ClusteringOptions.MinLinkSimilarity"/>: in a small batch the tenth neighbour is an unrelated
/// article and scaling alone would join anything. The work is the sum over terms of their document
/// frequency squared: meant for the batches a digest or an evaluation gives, not for a stream.
/// </remarks>
internal sealed class ScaledLinkage
{
    private readonly ClusteringOptions _options;

    public ScaledLinkage(ClusteringOptions options) => _options = options;

    /// <summary>Groups the articles by their content vectors; each group lists positions in <paramref name="content"/>.</summary>
    /// <param name="content">The articles' content vectors.</param>
    /// <param name="latent">Their unit-length coordinates in the batch's latent space (<see cref="LatentSemantics"/>), or
    /// null to link by the content cosine alone (see <see cref="BlendLatent"/>).</param>
    /// <param name="days">The day the feed gives each article (null: none), or null for an undated batch: see
    /// <see cref="ClusteringOptions.QuietGapLinkBonus"/>.</param>
    public List<List<int>> Cluster(IReadOnlyList<SparseVector> content, float[][]? latent = null, IReadOnlyList<double?>? days = null)
    {
        int n = content.Count;
        // Each cluster's dated span (NaN: none of its articles dated), by cluster position.
        var span = new DaySpan[n];
        for (int i = 0; i < n; i++) span[i] = days?[i] is { } d ? new DaySpan(d, d) : DaySpan.Undated;
        var neighbours = Neighbours(content);
        if (latent is not null) BlendLatent(neighbours, latent);
        var scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = Scale(neighbours[i]);

        // Cluster c's links: other cluster → (sum of scaled pair similarities, sum of raw ones).
        var links = new Dictionary<int, Link>[n];
        for (int i = 0; i < n; i++) links[i] = new(neighbours[i].Count); // at least its own links: fewer resizes
        for (int i = 0; i < n; i++)
        {
            foreach (var (j, s) in neighbours[i])
            {
                if (links[i].ContainsKey(j)) continue;
                var link = new Link(s / Math.Sqrt(scale[i] * scale[j]), s);
                links[i][j] = link;
                links[j][i] = link;
            }
        }

        var size = new int[n];
        var version = new int[n];
        var members = new List<int>?[n];
        for (int i = 0; i < n; i++)
        {
            size[i] = 1;
            members[i] = [i];
        }
        var queue = new PriorityQueue<Candidate, Candidate>(Candidate.BestFirst);
        for (int i = 0; i < n; i++)
            foreach (var (j, link) in links[i])
                if (i < j) Offer(queue, i, j, link, 1, 1, version, span);

        while (queue.TryDequeue(out var best, out _))
        {
            int a = best.A, b = best.B;
            if (members[a] is null || members[b] is null || version[a] != best.VersionA || version[b] != best.VersionB) continue;
            if (links[a].Count < links[b].Count) (a, b) = (b, a);
            foreach (var (c, link) in links[b])
            {
                links[c].Remove(b);
                if (c == a) continue;
                var merged = links[a].TryGetValue(c, out var existing) ? existing + link : link;
                links[a][c] = merged;
                links[c][a] = merged;
            }
            links[a].Remove(b);
            links[b].Clear();
            members[a]!.AddRange(members[b]!);
            span[a] = span[a].With(span[b]);
            members[b] = null;
            size[a] += size[b];
            version[a]++;
            foreach (var (c, link) in links[a]) Offer(queue, Math.Min(a, c), Math.Max(a, c), link, size[a], size[c], version, span);
        }

        var groups = new List<List<int>>();
        foreach (var m in members)
            if (m is not null) groups.Add(m);
        return groups;
    }

    /// <summary>Queues a pair of clusters when its average links pass both bars.</summary>
    private void Offer(PriorityQueue<Candidate, Candidate> queue, int a, int b, Link link, int sizeA, int sizeB, int[] version, DaySpan[] span)
    {
        double pairs = (double)sizeA * sizeB;
        double scaled = link.Scaled / pairs;
        double bar = _options.LinkThreshold;
        // Two clusters with a quiet gap longer than the stream's window between their dated articles: a story
        // that came back is a new event unless the link is stronger than usual.
        if (span[a].QuietDaysTo(span[b]) > _options.Window.TotalDays) bar += _options.QuietGapLinkBonus;
        if (scaled < bar || link.Raw / pairs < _options.MinLinkSimilarity) return;
        var candidate = new Candidate(scaled, a, b, version[a], version[b]);
        queue.Enqueue(candidate, candidate);
    }

    /// <summary>
    /// Blends the latent cosine into the links between two articles whose neighbourhoods are both loose
    /// (σ below <see cref="ClusteringOptions.LatentBelowScale"/>), with weight <see cref="ClusteringOptions.LatentWeight"/>,
    /// and re-sorts each list. A loose neighbourhood is a topic told in varied words over months (rain forests,
    /// identity theft), which the content cosine under-links; a tight one is a breaking story whose
    /// neighbours are close already, where topical smoothing would only join it to the other event of the
    /// same kind. The links kept stay those the content cosine found.
    /// </summary>
    private void BlendLatent(List<(int Other, double Similarity)>[] neighbours, float[][] latent)
    {
        int n = neighbours.Length;
        var scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = Scale(neighbours[i]);
        double weight = _options.LatentWeight;
        for (int i = 0; i < n; i++)
        {
            var row = neighbours[i];
            if (scale[i] >= _options.LatentBelowScale) continue;
            for (int r = 0; r < row.Count; r++)
            {
                var (j, similarity) = row[r];
                if (scale[j] >= _options.LatentBelowScale) continue;
                row[r] = (j, (1 - weight) * similarity + weight * Math.Max(0, LatentSemantics.Cosine(latent[i], latent[j])));
            }
            row.Sort(StrongestFirst);
        }
    }

    private static readonly Comparison<(int Other, double Similarity)> StrongestFirst = static (x, y) =>
    {
        int c = y.Similarity.CompareTo(x.Similarity);
        return c != 0 ? c : x.Other.CompareTo(y.Other);
    };

    /// <summary>σ: the similarity to the k-th nearest neighbour, floored (an isolated article is not infinitely dense).</summary>
    private double Scale(List<(int Other, double Similarity)> nearest)
    {
        int k = _options.NeighbourRank;
        double kth = nearest.Count >= k ? nearest[k - 1].Similarity : 0;
        return Math.Max(kth, _options.ScaleFloor);
    }

    /// <summary>Each article's strongest links (cosine of the content vectors, found through an inverted index), strongest first.</summary>
    internal List<(int Other, double Similarity)>[] Neighbours(IReadOnlyList<SparseVector> vectors)
    {
        var index = new PostingIndex(vectors);
        int n = vectors.Count;
        var dots = new double[n];
        var touched = new List<int>();
        var result = new List<(int, double)>[n];
        // Each article's strongest links by a heap instead of sorting every touched article: sorting was ~12% of the
        // cluster stage of `precis bench --articles 10000`, whose closing pass links the whole open window (perf, 2026-11-21).
        var kept = new StrongestKept<(int Other, double Similarity)>(_options.MaxNeighbours, StrongestFirst);
        int entry = 0;
        for (int i = 0; i < n; i++)
        {
            var weights = vectors[i].Weights;
            for (int t = 0; t < weights.Length; t++)
            {
                float w = weights[t];
                var docs = index.Postings(entry++, out var docWeights);
                for (int p = 0; p < docs.Length; p++)
                {
                    int doc = docs[p];
                    if (doc == i) continue;
                    if (dots[doc] == 0) touched.Add(doc);
                    dots[doc] += (double)w * docWeights[p];
                }
            }
            foreach (int j in touched)
            {
                if (dots[j] > 0) kept.Offer((j, dots[j]));
                dots[j] = 0;
            }
            touched.Clear();
            var row = new List<(int Other, double Similarity)>(kept.Count);
            kept.DrainStrongestFirst(row);
            result[i] = row;
        }
        return result;
    }

    /// <summary>The first and last day among a cluster's dated articles; NaN for both when none is dated.</summary>
    private readonly record struct DaySpan(double First, double Last)
    {
        public static readonly DaySpan Undated = new(double.NaN, double.NaN);

        /// <summary>Both clusters' days together (NaN never wins a comparison, so an undated side adds nothing).</summary>
        public DaySpan With(DaySpan other) => new(
            double.IsNaN(First) || other.First < First ? other.First : First,
            double.IsNaN(Last) || other.Last > Last ? other.Last : Last);

        /// <summary>Days without an article between the two spans: negative when they overlap, NaN when either is undated.</summary>
        public double QuietDaysTo(DaySpan other) => Math.Max(other.First - Last, First - other.Last);
    }

    /// <summary>Sums of pair similarities between two clusters, locally scaled and raw.</summary>
    private readonly record struct Link(double Scaled, double Raw)
    {
        public static Link operator +(Link x, Link y) => new(x.Scaled + y.Scaled, x.Raw + y.Raw);
    }

    /// <summary>A pair of clusters waiting to merge; stale once either cluster has changed since (its version moved on).</summary>
    private readonly record struct Candidate(double Score, int A, int B, int VersionA, int VersionB)
    {
        /// <summary>Highest score first; ties by cluster positions, so the merge order never depends on the queue's internals.</summary>
        public static readonly IComparer<Candidate> BestFirst = Comparer<Candidate>.Create(static (x, y) =>
        {
            int c = y.Score.CompareTo(x.Score);
            if (c == 0) c = x.A.CompareTo(y.A);
            return c != 0 ? c : x.B.CompareTo(y.B);
        });
    }
}
