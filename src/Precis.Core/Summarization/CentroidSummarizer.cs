namespace Precis.Summarization;

/// <summary>
/// Baseline (the walking skeleton's summarizer): centroid scoring — cosine of each sentence's TF-IDF
/// vector to the event centroid — with a lead-position prior and a bonus for text carried by several
/// sources, then greedy MMR selection under the budget, in chronological order. Whole sentences only.
/// </summary>
public sealed class CentroidSummarizer : ISummarizer
{
    /// <summary>MMR trade-off: how much similarity to already chosen sentences costs.</summary>
    private const double Redundancy = 0.7;

    /// <summary>Cosine above which a sentence counts as a repeat of a chosen one and never takes a slot.</summary>
    private const double RepeatSimilarity = 0.6;

    private readonly SummaryBudget _budget;

    public CentroidSummarizer(SummarizerOptions? options = null) => _budget = SummaryBudget.From(options ?? new SummarizerOptions());

    public string Name => "centroid";

    public EventSummary Summarize(SummaryRequest request)
    {
        var candidates = SummaryCandidates.Collect(request, compressor: null);
        candidates.RemoveAll(c => c.Shape is SentenceShape.Question or SentenceShape.Fragment);
        if (candidates.Count == 0) return SummaryCandidates.ToSummary(request, [], (Candidate?)null);

        var vectors = new TermVectors(candidates.Select(c => (c.Doc, c.Sentence)).ToList());
        var centroid = new Dictionary<int, double>();
        foreach (var v in vectors.Vectors)
            foreach (var (k, x) in v) centroid[k] = centroid.GetValueOrDefault(k) + x;

        var score = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double position = 1.0 / (1.0 + c.Sentence.Index);
            score[i] = TermVectors.Cosine(vectors.Vectors[i], centroid) + 0.25 * position + 0.1 * Math.Log(1 + c.Documents);
        }
        var chosen = MmrSelection.Select(candidates, score, vectors, _budget, Redundancy, RepeatSimilarity);
        int top = Enumerable.Range(0, candidates.Count).MaxBy(i => score[i]);
        return SummaryCandidates.ToSummary(request, chosen.Select(i => candidates[i]), candidates[top]);
    }
}

/// <summary>Greedy maximal-marginal-relevance selection under a budget, shared by the centroid and LexRank baselines.</summary>
internal static class MmrSelection
{
    public static List<int> Select(IReadOnlyList<Candidate> candidates, double[] score, TermVectors vectors, SummaryBudget budget, double redundancy, double repeatSimilarity)
    {
        var chosen = new List<int>();
        var used = new bool[candidates.Count];
        int words = 0, bytes = 0;
        while (true)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int i = 0; i < candidates.Count; i++)
            {
                if (used[i] || !budget.Fits(words + candidates[i].Words, bytes + candidates[i].Bytes)) continue;
                double maxSim = 0;
                foreach (int j in chosen) maxSim = Math.Max(maxSim, TermVectors.Cosine(vectors.Vectors[i], vectors.Vectors[j]));
                if (maxSim > repeatSimilarity) continue;
                double value = score[i] - redundancy * maxSim;
                if (value > bestValue) { bestValue = value; best = i; }
            }
            if (best < 0) break;
            used[best] = true;
            chosen.Add(best);
            words += candidates[best].Words;
            bytes += candidates[best].Bytes;
        }
        return chosen;
    }
}
