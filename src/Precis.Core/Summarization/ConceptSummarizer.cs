using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>
/// The engine: concept coverage in the manner of ICSISumm (Gillick and Favre 2009), solved exactly.
/// <list type="number">
/// <item>Candidates are the event's body sentences, compressed by deleting datelines, leading connectives,
/// short asides and attribution tails (<see cref="SentenceCompressor"/>); questions, fragments, quote-led
/// lines and sentences opening with a word that points back ("He", "This") are left out while others
/// remain.</item>
/// <item>Concepts are stemmed word bigrams (<see cref="ConceptSpace"/>). A concept is worth the number of
/// independent documents that use it — copies of an article, and sentences that deduplication found in
/// several documents, count once — plus one for each document whose lead sentence uses it and each title
/// that does. Concepts fewer than <see cref="ConceptSettings.MinConceptDocuments"/> documents share keep
/// only a small weight.</item>
/// <item>The summary is the set of candidates that covers the most concept weight, each concept counted
/// once (so repeating content earns nothing), plus a small value for early position, within the word and
/// byte budget (<see cref="BudgetedCoverage"/>: branch and bound, exact over the candidates with the
/// most weight per word); it reads in chronological order.</item>
/// </list>
/// Immutable and thread-safe: every call works on its own state.
/// </summary>
public sealed class ConceptSummarizer : ISummarizer
{
    public const string EngineName = "precis";

    private readonly SummaryBudget _budget;
    private readonly ConceptSettings _settings;

    public ConceptSummarizer(SummarizerOptions? options = null, ConceptSettings? settings = null)
    {
        _budget = SummaryBudget.From(options ?? new SummarizerOptions());
        _settings = settings ?? new ConceptSettings();
    }

    public string Name => EngineName;

    public EventSummary Summarize(SummaryRequest request)
    {
        var candidates = Eligible(SummaryCandidates.Collect(request, SentenceCompressor.Default, _settings.MinWords));
        if (candidates.Count == 0) return SummaryCandidates.ToSummary(request, [], null);

        var concepts = new ConceptSpace();
        var weight = ConceptWeights(request, concepts);

        var scratch = new List<int>();
        var items = new int[candidates.Count][];
        var value = new double[candidates.Count];
        var words = new int[candidates.Count];
        var bytes = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            scratch.Clear();
            concepts.Extract(c.Text, scratch);
            items[i] = WeightedSet(scratch, weight);
            value[i] = _settings.PositionValue * c.Words / (1.0 + c.Sentence.Index);
            words[i] = c.Words;
            bytes[i] = c.Bytes;
        }

        var (chosen, _, _) = new BudgetedCoverage(items, weight, value, words, bytes, _budget, _settings.MaxNodes, _settings.SearchCandidates).Solve();
        return SummaryCandidates.ToSummary(request, chosen.Select(i => candidates[i]), Headline(candidates, items, weight));
    }

    /// <summary>Statements; quote-led lines too when so set; and only when there are none, any whole sentence.</summary>
    private List<Candidate> Eligible(List<Candidate> all)
    {
        var eligible = all.Where(c => c.Shape is SentenceShape.Statement || c.Shape is SentenceShape.Quotation && !_settings.ExcludeQuotations).ToList();
        return eligible.Count > 0 ? eligible : all.Where(c => c.Shape is not (SentenceShape.Fragment or SentenceShape.Question)).ToList();
    }

    /// <summary>Every concept's weight, indexed by concept id (see the class summary).</summary>
    private double[] ConceptWeights(SummaryRequest request, ConceptSpace concepts)
    {
        var independent = SummaryCandidates.Independent(request);
        var documents = new List<int>();
        var leads = new List<int>();
        var titles = new List<int>();
        var lastDocument = new List<int>();
        var lastLead = new List<int>();
        var lastTitle = new List<int>();
        void Grow()
        {
            while (documents.Count < concepts.Count)
            {
                documents.Add(0); leads.Add(0); titles.Add(0);
                lastDocument.Add(-1); lastLead.Add(-1); lastTitle.Add(-1);
            }
        }

        var scratch = new List<int>();
        var counted = new HashSet<SentenceKey>();
        foreach (var doc in independent)
        {
            foreach (var s in doc.Sentences)
            {
                var key = new SentenceKey(doc.Index, s.Index);
                if (!counted.Add(key)) continue;
                foreach (var copy in request.Dedup.Carriers(key)) counted.Add(copy);
                scratch.Clear();
                concepts.Extract(doc.TextOf(s), scratch);
                Grow();
                foreach (int c in scratch)
                {
                    if (lastDocument[c] != doc.Index) { lastDocument[c] = doc.Index; documents[c]++; }
                    if (s.Index == 0 && lastLead[c] != doc.Index) { lastLead[c] = doc.Index; leads[c]++; }
                }
            }
            if (string.IsNullOrWhiteSpace(doc.Title)) continue;
            scratch.Clear();
            concepts.Extract(doc.Title, scratch);
            Grow();
            foreach (int c in scratch)
                if (lastTitle[c] != doc.Index) { lastTitle[c] = doc.Index; titles[c]++; }
        }

        int minDocuments = Math.Min(_settings.MinConceptDocuments, Math.Max(1, (independent.Count + 1) / 2));
        var weight = new double[concepts.Count];
        for (int c = 0; c < documents.Count; c++)
        {
            double w = documents[c] + _settings.LeadConceptBoost * leads[c] + _settings.TitleConceptBoost * titles[c];
            weight[c] = documents[c] < minDocuments ? _settings.RareConceptWeight * w : w;
        }
        return weight;
    }

    /// <summary>The distinct concepts of <paramref name="concepts"/> that carry weight.</summary>
    private static int[] WeightedSet(List<int> concepts, double[] weight)
    {
        concepts.Sort();
        int n = 0;
        for (int k = 0; k < concepts.Count; k++)
        {
            int c = concepts[k];
            if (c >= weight.Length || weight[c] <= 0 || n > 0 && concepts[n - 1] == c) continue;
            concepts[n++] = c;
        }
        return concepts.GetRange(0, n).ToArray();
    }

    /// <summary>For events whose articles have no title: the lead sentence, short enough to head the digest, that covers the most concept weight.</summary>
    private static Candidate? Headline(List<Candidate> candidates, int[][] items, double[] weight)
    {
        Candidate? best = null;
        double bestWeight = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Sentence.Index != 0 || c.Words > SummaryCandidates.MaxHeadlineWords) continue;
            double w = 0;
            foreach (int k in items[i]) w += weight[k];
            if (w > bestWeight) { bestWeight = w; best = c; }
        }
        return best;
    }
}
