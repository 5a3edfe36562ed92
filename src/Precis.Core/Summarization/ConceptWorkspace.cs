using Precis.Model;
using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>A sentence the engine may summarize with: where its words and concepts lie in the workspace's lists.</summary>
internal readonly record struct SentenceEntry(Document Doc, Sentence Sentence, IReadOnlyList<SentenceKey> Carriers, int Documents, int FirstWord, int WordCount, int FirstConcept, int ConceptCount);

/// <summary>
/// The tables <see cref="ConceptSummarizer"/> fills for one event, kept per thread and emptied for the
/// next: sized by an event's words, they were most of what summarizing allocated (about 0.7 MB per
/// 10-article event). Emptying costs a clear of what the next event uses; results do not depend on
/// what an earlier event left. A thread keeps its workspace only while the bigram table stays at most
/// <see cref="MaxRetainedSlots"/> slots, so one huge event does not pin its tables for the thread's life.
/// </summary>
internal sealed class ConceptWorkspace
{
    /// <summary>
    /// 2^17 slots (1.5 MB of bigram table, room for events of about 65,000 words, some 100 articles): beyond
    /// that an event allocates its own tables, which is little next to the work of summarizing it.
    /// </summary>
    public const int MaxRetainedSlots = 1 << 17;

    [ThreadStatic] private static ConceptWorkspace? t_cached;

    private double[] _weights = [];
    private int[] _stamps = [];

    public ConceptSpace Concepts { get; } = new();
    public ConceptCounts Counts { get; } = new();
    public List<WordPiece> Words { get; } = [];
    public List<int> Scratch { get; } = [];
    public List<SentenceEntry> Sentences { get; } = [];
    public List<int> SentenceConcepts { get; } = [];

    /// <summary>This thread's workspace (taken from it until <see cref="Return"/>), or a new one.</summary>
    public static ConceptWorkspace Rent()
    {
        var workspace = t_cached ?? new ConceptWorkspace();
        t_cached = null;
        return workspace;
    }

    /// <summary>Gives the workspace back to this thread, unless an event made it too large to keep.</summary>
    public static void Return(ConceptWorkspace workspace)
    {
        if (workspace.Concepts.TableSlots <= MaxRetainedSlots) t_cached = workspace;
    }

    /// <summary>Empties every table for an event of about <paramref name="expectedWords"/> words.</summary>
    public void Reset(WordTable words, int expectedWords)
    {
        Concepts.Reset(words, expectedWords);
        Counts.Reset();
        Words.Clear();
        if (Words.Capacity < expectedWords) Words.Capacity = expectedWords;
        Scratch.Clear();
        Sentences.Clear();
        SentenceConcepts.Clear();
    }

    /// <summary>A buffer for the weights of <paramref name="concepts"/> concepts (its contents are to be overwritten).</summary>
    public Span<double> Weights(int concepts)
    {
        if (_weights.Length < concepts) _weights = new double[Math.Max(concepts, 2 * _weights.Length)];
        return _weights.AsSpan(0, concepts);
    }

    /// <summary>A zeroed buffer of <paramref name="concepts"/> stamps, one per concept.</summary>
    public Span<int> Stamps(int concepts)
    {
        if (_stamps.Length < concepts) _stamps = new int[Math.Max(concepts, 2 * _stamps.Length)];
        var stamps = _stamps.AsSpan(0, concepts);
        stamps.Clear();
        return stamps;
    }

    /// <summary>
    /// Renumbers the concepts of <paramref name="items"/> (each sorted) in place to 0..n−1, keeping their
    /// order, so the solver's tables are as small as the concepts the candidates hold; returns their weights.
    /// </summary>
    public double[] Renumber(int[][] items, ReadOnlySpan<double> weight)
    {
        var local = Stamps(weight.Length);
        foreach (var item in items)
            foreach (int c in item) local[c] = 1;
        int n = 0;
        for (int c = 0; c < local.Length; c++)
            if (local[c] != 0) local[c] = ++n;
        var renumbered = new double[n];
        for (int c = 0; c < local.Length; c++)
            if (local[c] != 0) renumbered[local[c] - 1] = weight[c];
        foreach (var item in items)
            for (int k = 0; k < item.Length; k++) item[k] = local[item[k]] - 1;
        return renumbered;
    }
}

/// <summary>
/// How many independent documents use each concept, how early each of them first does (the sum over them
/// of 1 / (1 + the index of the first sentence that uses it)), and how many titles; each document counts
/// once per concept. Reused from event to event (<see cref="Reset"/>).
/// </summary>
internal sealed class ConceptCounts
{
    private struct Tally
    {
        public int Documents, Titles, LastDocument, LastLead, LastTitle;
        public double Leads;
    }

    private Tally[] _tallies = new Tally[1024];
    private int _count;

    /// <summary>Forgets every concept.</summary>
    public void Reset() => _count = 0;

    /// <summary>Counts the concepts of a sentence of <paramref name="document"/> worth <paramref name="lead"/> for its position, where the document first uses them (its sentences come in order).</summary>
    public void AddSentence(List<int> concepts, int document, double lead)
    {
        foreach (int c in concepts)
        {
            ref var n = ref At(c);
            if (n.LastDocument != document) { n.LastDocument = document; n.Documents++; }
            if (n.LastLead != document) { n.LastLead = document; n.Leads += lead; }
        }
    }

    public void AddTitle(List<int> concepts, int document)
    {
        foreach (int c in concepts)
        {
            ref var n = ref At(c);
            if (n.LastTitle != document) { n.LastTitle = document; n.Titles++; }
        }
    }

    private ref Tally At(int concept)
    {
        if (concept >= _tallies.Length) Array.Resize(ref _tallies, Math.Max(concept + 1, 2 * _tallies.Length));
        while (_count <= concept) _tallies[_count++] = new Tally { LastDocument = -1, LastLead = -1, LastTitle = -1 };
        return ref _tallies[concept];
    }

    /// <summary>Writes every concept's weight into <paramref name="weight"/>, indexed by concept id (see the class summary of <see cref="ConceptSummarizer"/>), and returns it.</summary>
    public Span<double> Weights(ConceptSettings settings, int documents, Span<double> weight)
    {
        int minDocuments = Math.Min(settings.MinConceptDocuments, Math.Max(1, (documents + 1) / 2));
        for (int c = 0; c < weight.Length; c++)
        {
            var n = c < _count ? _tallies[c] : new Tally();
            double w = n.Documents + settings.LeadConceptBoost * n.Leads + settings.TitleConceptBoost * n.Titles;
            weight[c] = n.Documents < minDocuments ? settings.RareConceptWeight * w : w;
        }
        return weight;
    }
}
