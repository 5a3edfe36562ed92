namespace Precis.Clustering;

/// <summary>Precision, recall and their harmonic mean.</summary>
public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}

/// <summary>
/// How a predicted grouping of articles compares with the gold events. B-cubed (Bagga and Baldwin 1998)
/// scores every article by the overlap of its predicted and gold clusters, averaged over articles;
/// pairwise scores count article pairs placed together. Both are reported because B-cubed forgives a
/// large cluster split in two far more than pairwise does.
/// </summary>
public sealed record ClusterScores(PrecisionRecall BCubed, PrecisionRecall Pairwise, int Articles, int PredictedClusters, int GoldClusters)
{
    /// <summary>Scores labels given per article: <paramref name="gold"/>[i] and <paramref name="predicted"/>[i] label article i.</summary>
    public static ClusterScores Compute(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted labels must cover the same articles.", nameof(predicted));
        int n = gold.Count;
        var goldIds = Intern(gold, out int goldClusters);
        var predIds = Intern(predicted, out int predClusters);
        var goldSize = new int[goldClusters];
        var predSize = new int[predClusters];
        var overlap = new Dictionary<(int Gold, int Predicted), int>();
        for (int i = 0; i < n; i++)
        {
            goldSize[goldIds[i]]++;
            predSize[predIds[i]]++;
            var key = (goldIds[i], predIds[i]);
            overlap[key] = overlap.GetValueOrDefault(key) + 1;
        }

        double precision = 0, recall = 0;
        for (int i = 0; i < n; i++)
        {
            int both = overlap[(goldIds[i], predIds[i])];
            precision += both / (double)predSize[predIds[i]];
            recall += both / (double)goldSize[goldIds[i]];
        }
        var bcubed = n == 0 ? new PrecisionRecall(0, 0) : new PrecisionRecall(precision / n, recall / n);

        long together = 0, predictedPairs = 0, goldPairs = 0;
        foreach (int size in overlap.Values) together += Pairs(size);
        foreach (int size in predSize) predictedPairs += Pairs(size);
        foreach (int size in goldSize) goldPairs += Pairs(size);
        var pairwise = new PrecisionRecall(
            predictedPairs == 0 ? (goldPairs == 0 ? 1 : 0) : together / (double)predictedPairs,
            goldPairs == 0 ? 1 : together / (double)goldPairs);
        return new ClusterScores(bcubed, pairwise, n, predClusters, goldClusters);
    }

    /// <summary>
    /// B-cubed over the articles <paramref name="include"/> selects, each scored against its whole predicted
    /// and gold clusters (a wrong merge with an article outside the part still costs precision), so the
    /// scores of the parts of a set average, weighted by article count, to the whole set's.
    /// </summary>
    public static PrecisionRecall BCubedOf(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, Func<int, bool> include)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted labels must cover the same articles.", nameof(predicted));
        var goldSize = new Dictionary<string, int>(StringComparer.Ordinal);
        var predSize = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlap = new Dictionary<(string Gold, string Predicted), int>();
        for (int i = 0; i < gold.Count; i++)
        {
            goldSize[gold[i]] = goldSize.GetValueOrDefault(gold[i]) + 1;
            predSize[predicted[i]] = predSize.GetValueOrDefault(predicted[i]) + 1;
            overlap[(gold[i], predicted[i])] = overlap.GetValueOrDefault((gold[i], predicted[i])) + 1;
        }
        double precision = 0, recall = 0;
        int n = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            if (!include(i)) continue;
            int both = overlap[(gold[i], predicted[i])];
            precision += both / (double)predSize[predicted[i]];
            recall += both / (double)goldSize[gold[i]];
            n++;
        }
        return n == 0 ? new PrecisionRecall(0, 0) : new PrecisionRecall(precision / n, recall / n);
    }

    private static long Pairs(int size) => (long)size * (size - 1) / 2;

    private static int[] Intern(IReadOnlyList<string> labels, out int distinct)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            if (!ids.TryGetValue(labels[i], out int id)) ids[labels[i]] = id = ids.Count;
            result[i] = id;
        }
        distinct = ids.Count;
        return result;
    }
}
