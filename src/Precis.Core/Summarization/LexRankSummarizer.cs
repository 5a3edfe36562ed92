namespace Precis.Summarization;

/// <summary>
/// Baseline: LexRank (Erkan and Radev 2004), our own implementation. Sentences are nodes of a graph
/// whose edges join sentences with TF-IDF cosine above a threshold; a sentence's score is its stationary
/// probability under a random walk on that graph with damping, found by power iteration. Selection is
/// greedy by score with an MMR-style penalty for similarity to chosen sentences, under the budget, in
/// chronological order. Whole sentences only.
/// </summary>
public sealed class LexRankSummarizer : ISummarizer
{
    /// <summary>Edge threshold on cosine similarity: 0.1, the setting of the LexRank paper.</summary>
    private const double EdgeThreshold = 0.1;

    /// <summary>Damping of the random walk: 0.85, the PageRank and LexRank setting.</summary>
    private const double Damping = 0.85;

    private const int MaxIterations = 100;
    private const double Tolerance = 1e-6;

    /// <summary>MMR trade-off, as in the centroid baseline, applied to scores scaled to a maximum of 1.</summary>
    private const double Redundancy = 0.7;

    /// <summary>Cosine above which a sentence counts as a repeat of a chosen one.</summary>
    private const double RepeatSimilarity = 0.5;

    private readonly SummaryBudget _budget;

    public LexRankSummarizer(SummarizerOptions? options = null) => _budget = SummaryBudget.From(options ?? new SummarizerOptions());

    public string Name => "lexrank";

    public EventSummary Summarize(SummaryRequest request)
    {
        var candidates = SummaryCandidates.Collect(request, compressor: null);
        candidates.RemoveAll(c => c.Shape is SentenceShape.Question or SentenceShape.Fragment);
        if (candidates.Count == 0) return SummaryCandidates.ToSummary(request, [], (Candidate?)null);

        var vectors = new TermVectors(candidates.Select(c => (c.Doc, c.Sentence)).ToList());
        var score = Rank(vectors);
        double max = score.Max();
        for (int i = 0; i < score.Length; i++) score[i] /= max;
        var chosen = MmrSelection.Select(candidates, score, vectors, _budget, Redundancy, RepeatSimilarity);
        int top = Enumerable.Range(0, candidates.Count).MaxBy(i => score[i]);
        return SummaryCandidates.ToSummary(request, chosen.Select(i => candidates[i]), candidates[top]);
    }

    /// <summary>Stationary distribution of the thresholded, row-normalized cosine graph with damping (power iteration).</summary>
    internal static double[] Rank(TermVectors vectors)
    {
        int n = vectors.Vectors.Length;
        var neighbours = new List<int>[n];
        for (int i = 0; i < n; i++) neighbours[i] = [i];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (TermVectors.Cosine(vectors.Vectors[i], vectors.Vectors[j]) > EdgeThreshold)
                {
                    neighbours[i].Add(j);
                    neighbours[j].Add(i);
                }

        var p = new double[n];
        var next = new double[n];
        Array.Fill(p, 1.0 / n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Fill(next, (1 - Damping) / n);
            for (int i = 0; i < n; i++)
            {
                double share = Damping * p[i] / neighbours[i].Count;
                foreach (int j in neighbours[i]) next[j] += share;
            }
            double change = 0;
            for (int i = 0; i < n; i++) change += Math.Abs(next[i] - p[i]);
            (p, next) = (next, p);
            if (change < Tolerance) break;
        }
        return p;
    }
}
