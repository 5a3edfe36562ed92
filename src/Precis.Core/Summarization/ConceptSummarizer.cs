using System.Runtime.InteropServices;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>
/// The engine: concept coverage in the manner of ICSISumm (Gillick and Favre 2009), solved exactly.
/// <list type="number">
/// <item>Candidates are the event's body sentences, compressed by deleting datelines, leading connectives,
/// short asides, weekdays and attribution tails (<see cref="SentenceCompressor"/>); questions, fragments, sentences
/// opening with a word that points back ("He", "This"), quote-only lines and sentences that continue a
/// quotation are left out while others remain (see <see cref="SentenceShape"/>).</item>
/// <item>Concepts are stemmed word bigrams (<see cref="ConceptSpace"/>). A concept is worth the number of
/// independent documents that use it — copies of an article, and sentences that deduplication found in
/// several documents, count once — plus, for each document, 1 / (1 + the index of its first sentence that
/// uses it) (its lead sentence adds 1, its second ½, ...), plus one for each title that uses it. Concepts
/// fewer than <see cref="ConceptSettings.MinConceptDocuments"/> documents share keep only a small weight.</item>
/// <item>The summary is the set of candidates that covers the most concept weight, each concept counted
/// once (so repeating content earns nothing), plus a small value for early position, within the word and
/// byte budget (<see cref="BudgetedCoverage"/>: branch and bound, exact over the candidates with the
/// most weight per word, its work bounded whatever the event's size). Only the
/// <see cref="ConceptSettings.PromisingCandidates"/> densest sentences are compressed and solved over. It
/// reads in chronological order, led by a statement.</item>
/// </list>
/// The words of every sentence are read once, for the concept weights, the candidates and the headline.
/// Thread-safe: every call works on its own state (its thread's reused tables, <see cref="ConceptWorkspace"/>),
/// except the shared <see cref="WordTable"/> of stems, which is itself thread-safe and does not change any result.
/// </summary>
public sealed class ConceptSummarizer : ISummarizer
{
    public const string EngineName = "precis";

    private readonly SummaryBudget _budget;
    private readonly ConceptSettings _settings;
    private readonly WordTable _words = new();

    public ConceptSummarizer(SummarizerOptions? options = null, ConceptSettings? settings = null)
    {
        _budget = SummaryBudget.From(options ?? new SummarizerOptions());
        _settings = settings ?? new ConceptSettings();
    }

    public string Name => EngineName;

    public EventSummary Summarize(SummaryRequest request)
    {
        var workspace = ConceptWorkspace.Rent();
        try
        {
            return Summarize(request, workspace);
        }
        finally
        {
            ConceptWorkspace.Return(workspace);
        }
    }

    private EventSummary Summarize(SummaryRequest request, ConceptWorkspace ws)
    {
        var independent = SummaryCandidates.Independent(request);
        var unique = new UniqueSentences(request, independent);
        // Distinct bigrams are fewer than words: sizing by words spares the tables their growth.
        int expectedWords = 0;
        foreach (var doc in independent)
            foreach (var s in doc.Sentences) expectedWords += s.WordCount;
        ws.Reset(_words, expectedWords);
        var (concepts, counts, words, scratch, sentences, sentenceConcepts) = (ws.Concepts, ws.Counts, ws.Words, ws.Scratch, ws.Sentences, ws.SentenceConcepts);
        var titles = new TitleVotes(request.Documents, concepts);
        foreach (var doc in independent)
        {
            foreach (var s in doc.Sentences)
            {
                if (!unique.TryTake(doc, s, out var carriers, out int documents)) continue;
                int first = words.Count;
                concepts.Words(doc.Text, s.Span, words);
                scratch.Clear();
                concepts.Add(CollectionsMarshal.AsSpan(words)[first..], scratch);
                counts.AddSentence(scratch, doc.Index, lead: 1.0 / (1 + s.Index));
                titles.Count(CollectionsMarshal.AsSpan(words)[first..]);
                if (s.WordCount < _settings.MinWords) continue;
                sentences.Add(new SentenceEntry(doc, s, carriers, documents, first, words.Count - first, sentenceConcepts.Count, scratch.Count));
                sentenceConcepts.AddRange(scratch);
            }
            if (string.IsNullOrWhiteSpace(doc.Title)) continue;
            int titleStart = words.Count;
            concepts.Words(doc.Title, new TextSpan(0, doc.Title.Length), words);
            scratch.Clear();
            concepts.Add(CollectionsMarshal.AsSpan(words)[titleStart..], scratch);
            words.RemoveRange(titleStart, words.Count - titleStart);
            counts.AddTitle(scratch, doc.Index);
        }
        var weight = counts.Weights(_settings, independent.Count, ws.Weights(concepts.Count));

        var all = new List<Candidate>();
        var wordRanges = new List<(int First, int Count)>();
        foreach (int k in Promising(ws, weight))
        {
            var e = sentences[k];
            var c = SummaryCandidates.Create(e.Doc, e.Sentence, e.Carriers, SentenceCompressor.Default, e.Documents);
            if (c.Words < _settings.MinWords || c.Words > SummaryCandidates.MaxWords) continue;
            all.Add(c);
            wordRanges.Add((e.FirstWord, e.WordCount));
        }
        var eligible = Eligible(all);
        if (eligible.Count == 0) return SummaryCandidates.ToSummary(request, [], titles.Best());

        var candidates = new List<Candidate>(eligible.Count);
        var items = new int[eligible.Count][];
        var value = new double[eligible.Count];
        var size = new int[eligible.Count];
        var bytes = new int[eligible.Count];
        for (int i = 0; i < eligible.Count; i++)
        {
            var c = all[eligible[i]];
            var (first, count) = wordRanges[eligible[i]];
            candidates.Add(c);
            scratch.Clear();
            concepts.Known(CollectionsMarshal.AsSpan(words).Slice(first, count), c.Segments, scratch);
            items[i] = WeightedSet(scratch, weight);
            value[i] = _settings.PositionValue * c.Words / (1.0 + c.Sentence.Index);
            size[i] = c.Words;
            bytes[i] = c.Bytes;
        }
        var itemWeight = ws.Renumber(items, weight);

        var (chosen, _, _) = new BudgetedCoverage(items, itemWeight, value, size, bytes, _budget, _settings.MaxNodes, _settings.SearchCandidates).Solve();
        return SummaryCandidates.ToSummary(request, chosen.Select(i => candidates[i]), titles.Best() ?? SummaryCandidates.HeadlineOf(Headline(candidates, items, itemWeight)));
    }

    /// <summary>
    /// The sentences worth compressing and solving over: the <see cref="ConceptSettings.PromisingCandidates"/>
    /// with the most value per word as they stand (distinct concept weight plus position value, over their
    /// words), in their order. Compression only deletes, so it cannot add weight, and the exact search
    /// considers only the densest candidates anyway; large events thus cost little more than small ones.
    /// </summary>
    private IEnumerable<int> Promising(ConceptWorkspace ws, Span<double> weight)
    {
        var sentences = ws.Sentences;
        if (sentences.Count <= _settings.PromisingCandidates) return Enumerable.Range(0, sentences.Count);
        var stamp = ws.Stamps(weight.Length);
        var concepts = CollectionsMarshal.AsSpan(ws.SentenceConcepts);
        var density = new double[sentences.Count];
        for (int k = 0; k < sentences.Count; k++)
        {
            var e = sentences[k];
            double gain = _settings.PositionValue * e.Sentence.WordCount / (1.0 + e.Sentence.Index);
            foreach (int c in concepts.Slice(e.FirstConcept, e.ConceptCount))
            {
                if (stamp[c] == k + 1) continue;
                stamp[c] = k + 1;
                gain += weight[c];
            }
            density[k] = -gain / e.Sentence.WordCount;
        }
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        Array.Sort(density, order);
        var kept = order.AsSpan(0, _settings.PromisingCandidates).ToArray();
        Array.Sort(kept);
        return kept;
    }

    /// <summary>
    /// Indexes of the candidates that may enter a summary: statements, quotations that name their speaker
    /// (quote-led ones only when <see cref="ConceptSettings.ExcludeQuotations"/> is off); and only when there
    /// are none, any whole sentence that is not part of a quotation.
    /// </summary>
    private List<int> Eligible(List<Candidate> all)
    {
        var eligible = new List<int>();
        for (int i = 0; i < all.Count; i++)
            if (all[i].Shape is SentenceShape.Statement or SentenceShape.OpensQuotation || all[i].Shape is SentenceShape.Quotation && !_settings.ExcludeQuotations) eligible.Add(i);
        if (eligible.Count > 0) return eligible;
        for (int i = 0; i < all.Count; i++)
            if (all[i].Shape is not (SentenceShape.Fragment or SentenceShape.Question or SentenceShape.QuotationPart or SentenceShape.QuoteOnly)) eligible.Add(i);
        return eligible;
    }

    /// <summary>The distinct concepts of <paramref name="concepts"/> that carry weight.</summary>
    private static int[] WeightedSet(List<int> concepts, Span<double> weight)
    {
        concepts.Sort();
        int n = 0;
        for (int k = 0; k < concepts.Count; k++)
        {
            int c = concepts[k];
            if (weight[c] <= 0 || n > 0 && concepts[n - 1] == c) continue;
            concepts[n++] = c;
        }
        return CollectionsMarshal.AsSpan(concepts)[..n].ToArray();
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
