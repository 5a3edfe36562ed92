using Precis.Segmentation;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>Settings of the concept-coverage engine (the defaults are the measured choice; see docs/evaluation.md).</summary>
public sealed record ConceptSettings
{
    public int MinWords { get; init; } = 8;
    public int MinConceptDocuments { get; init; } = 3;
    public double UnigramWeight { get; init; }
    public double LeadConceptBoost { get; init; } = 1;
    public int LeadSentences { get; init; } = 1;
    public double PositionValue { get; init; } = 0.3;
    public CompressionEdits Compression { get; init; } = SentenceCompressor.AllEdits;
    public bool ExcludeQuotations { get; init; } = true;
    public bool ExcludeOpeners { get; init; } = true;
    public int MaxNodes { get; init; } = 5000;
    public double RareConceptWeight { get; init; } = 0.05;
    public bool Stem { get; init; } = true;
    public bool CopiesCountOnce { get; init; } = true;
    public double TitleConceptBoost { get; init; } = 1;
    public double DocumentFrequencyPower { get; init; } = 1;
}

/// <summary>
/// The engine: concept coverage (Gillick and Favre 2009, "ICSISumm"). Concepts are stemmed word bigrams
/// that are not two function words; a concept is worth the number of independent documents that use it
/// (syndicated copies count once), and concepts too few documents share are dropped. The summary is the
/// set of compressed candidate sentences that covers the most concept weight, each concept counted once,
/// within the budget (<see cref="BudgetedCoverage"/>), in chronological order.
/// </summary>
public sealed class ConceptSummarizer : ISummarizer
{
    private readonly SummaryBudget _budget;
    private readonly ConceptSettings _settings;
    private readonly SentenceCompressor? _compressor;

    public ConceptSummarizer(SummarizerOptions? options = null, ConceptSettings? settings = null)
    {
        _budget = SummaryBudget.From(options ?? new SummarizerOptions());
        _settings = settings ?? new ConceptSettings();
        _compressor = _settings.Compression == CompressionEdits.None ? null : new SentenceCompressor(_settings.Compression);
    }

    public const string EngineName = "precis";

    public string Name => EngineName;

    public EventSummary Summarize(SummaryRequest request)
    {
        var all = SummaryCandidates.Collect(request, _compressor, _settings.MinWords);
        var candidates = all.Where(c => c.Shape is SentenceShape.Statement
            || c.Shape is SentenceShape.Quotation && !_settings.ExcludeQuotations
            || c.Shape is SentenceShape.UnresolvedOpener && !_settings.ExcludeOpeners).ToList();
        if (candidates.Count == 0) candidates = all.Where(c => c.Shape is not (SentenceShape.Fragment or SentenceShape.Question)).ToList();
        if (candidates.Count == 0) return SummaryCandidates.ToSummary(request, [], null);

        var concepts = new ConceptSpace(_settings.Stem);
        var independent = SummaryCandidates.Independent(request);
        var documentsOf = new List<HashSet<int>>();
        var leadDocumentsOf = new List<HashSet<int>>();
        var scratch = new List<int>();
        var counted = new HashSet<SentenceKey>();
        foreach (var doc in independent)
            foreach (var s in doc.Sentences)
            {
                if (_settings.CopiesCountOnce)
                {
                    var key = new SentenceKey(doc.Index, s.Index);
                    if (counted.Contains(key)) continue;
                    foreach (var k in request.Dedup.Carriers(key)) counted.Add(k);
                }
                scratch.Clear();
                concepts.Extract(doc.TextOf(s), scratch, _settings.UnigramWeight > 0);
                foreach (int c in scratch)
                {
                    while (documentsOf.Count <= c) { documentsOf.Add([]); leadDocumentsOf.Add([]); }
                    documentsOf[c].Add(doc.Index);
                    if (s.Index < _settings.LeadSentences) leadDocumentsOf[c].Add(doc.Index);
                }
            }

        var titled = new int[documentsOf.Count];
        if (_settings.TitleConceptBoost > 0)
            foreach (var doc in independent)
            {
                if (string.IsNullOrWhiteSpace(doc.Title)) continue;
                scratch.Clear();
                concepts.Extract(doc.Title, scratch, _settings.UnigramWeight > 0);
                foreach (int c in scratch.Distinct())
                    if (c < titled.Length) titled[c]++;
            }

        int minDocuments = Math.Min(_settings.MinConceptDocuments, Math.Max(1, (independent.Count + 1) / 2));
        var weight = new double[documentsOf.Count];
        for (int c = 0; c < weight.Length; c++)
        {
            int df = documentsOf[c].Count;
            weight[c] = (df < minDocuments ? _settings.RareConceptWeight : 1.0) * Math.Pow(df + _settings.LeadConceptBoost * leadDocumentsOf[c].Count + _settings.TitleConceptBoost * titled[c], _settings.DocumentFrequencyPower) * (concepts.IsUnigram(c) ? _settings.UnigramWeight : 1.0);
        }

        var items = new int[candidates.Count][];
        var value = new double[candidates.Count];
        var words = new int[candidates.Count];
        var bytes = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            scratch.Clear();
            concepts.Extract(c.Text, scratch, _settings.UnigramWeight > 0);
            items[i] = scratch.Where(k => k < weight.Length && weight[k] > 0).Distinct().ToArray();
            value[i] = _settings.PositionValue * c.Words / (1.0 + c.Sentence.Index);
            words[i] = c.Words;
            bytes[i] = c.Bytes;
        }

        var solver = new BudgetedCoverage(items, weight, value, words, bytes, _budget, _settings.MaxNodes);
        var (chosen, _, _) = solver.Solve();
        var top = chosen.Count > 0 ? candidates[chosen.MinBy(i => (candidates[i].Sentence.Index, candidates[i].Doc.Index))] : candidates[0];
        return SummaryCandidates.ToSummary(request, chosen.Select(i => candidates[i]), top);
    }
}

/// <summary>
/// Interns the concepts of one event: stemmed, lower-cased word bigrams (pieces of letters and digits,
/// as ROUGE reads words) that are not both function words, and optionally content-word unigrams.
/// </summary>
internal sealed class ConceptSpace
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly List<bool> _wordIsStop = [];
    private readonly Dictionary<long, int> _concepts = [];
    private readonly List<bool> _isUnigram = [];
    private readonly List<int> _pieces = [];

    private readonly bool _stem;

    public ConceptSpace(bool stem) => _stem = stem;

    public bool IsUnigram(int concept) => _isUnigram[concept];

    public void Extract(ReadOnlySpan<char> text, List<int> into, bool unigrams)
    {
        _pieces.Clear();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var piece = text[start..i];
            // A possessive or contraction tail ("Pinochet's", "don't") is not a word of its own.
            if (start > 0 && Tokenizer.IsApostrophe(text[start - 1]) && piece.Length <= 2) continue;
            _pieces.Add(WordId(piece));
        }
        for (int k = 0; k < _pieces.Count; k++)
        {
            int w = _pieces[k];
            if (unigrams && !_wordIsStop[w]) into.Add(ConceptId(w, -1));
            if (k + 1 < _pieces.Count && !(_wordIsStop[w] && _wordIsStop[_pieces[k + 1]])) into.Add(ConceptId(w, _pieces[k + 1]));
        }
    }

    private int WordId(ReadOnlySpan<char> piece)
    {
        string key = piece.ToString().ToLowerInvariant();
        if (_stem) key = PorterStemmer.Stem(key);
        if (!_words.TryGetValue(key, out int id))
        {
            id = _words.Count;
            _words[key] = id;
            _wordIsStop.Add(Lexicon.IsStopword(piece) || piece.Length == 1 && !char.IsDigit(piece[0]));
        }
        return id;
    }


    private int ConceptId(int first, int second)
    {
        long key = ((long)first << 32) | (uint)second;
        if (!_concepts.TryGetValue(key, out int id))
        {
            id = _concepts.Count;
            _concepts[key] = id;
            _isUnigram.Add(second < 0);
        }
        return id;
    }
}
