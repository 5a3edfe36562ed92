using Precis.Segmentation;

namespace Precis.Dedup;

/// <summary>How two documents share text.</summary>
public enum CopyKind
{
    /// <summary>They share some sentences (syndicated paragraphs, a merged copy).</summary>
    SharedPassages,

    /// <summary>One is an edited, trimmed or reordered copy of the other.</summary>
    NearDuplicate,

    /// <summary>The same words in the same sentences (punctuation, case and name variants aside).</summary>
    Exact,
}

/// <summary>
/// Two documents that share text. <see cref="Similarity"/> is the share of the more completely copied
/// document (by words) whose sentences are present in the other; 1 for exact duplicates.
/// </summary>
public sealed record CopyPair(int First, int Second, int SharedSentences, double Similarity)
{
    public CopyKind Kind { get; init; } = CopyKind.SharedPassages;

    public bool IsNearDuplicate => Kind is CopyKind.NearDuplicate or CopyKind.Exact;
}

/// <summary>
/// What deduplication found: documents that are copies of another one, the sentences that stand in
/// several documents, and the pairs of documents that share text.
/// </summary>
public sealed class DedupResult
{
    private readonly IReadOnlyDictionary<SentenceKey, IReadOnlyList<SentenceKey>> _carriers;
    private readonly Dictionary<int, int> _exactOf = [];
    private readonly HashSet<(int, int)> _nearDuplicates = [];
    private readonly Dictionary<int, List<CopyPair>> _copiesByFirst = [];

    public DedupResult(IReadOnlyDictionary<int, int> duplicateOf, IReadOnlyDictionary<SentenceKey, IReadOnlyList<SentenceKey>> carriers, IReadOnlyList<CopyPair> copies)
    {
        DuplicateOf = duplicateOf;
        _carriers = carriers;
        Copies = copies;
        foreach (var c in copies)
        {
            if (c.Kind == CopyKind.Exact) _exactOf.TryAdd(c.Second, c.First);
            if (c.IsNearDuplicate) _nearDuplicates.Add(Ordered(c.First, c.Second));
            if (!_copiesByFirst.TryGetValue(c.First, out var list)) _copiesByFirst[c.First] = list = [];
            list.Add(c);
        }
    }

    /// <summary>Nothing found: the result for a batch of fewer than two documents.</summary>
    internal static DedupResult None { get; } = new(new Dictionary<int, int>(), new Dictionary<SentenceKey, IReadOnlyList<SentenceKey>>(), []);

    /// <summary>
    /// Document index → index of the kept document it duplicates. Of a set of near-duplicates, the one with
    /// the most words is kept (the earliest on a tie), so a trimmed copy points to the full one and nothing
    /// it says is lost; every value is a kept document, never itself a duplicate.
    /// </summary>
    public IReadOnlyDictionary<int, int> DuplicateOf { get; }

    /// <summary>Pairs of documents that share text, ordered by (First, Second), First &lt; Second.</summary>
    public IReadOnlyList<CopyPair> Copies { get; }

    /// <summary>
    /// The pairs of <see cref="Copies"/> whose two documents are both in <paramref name="documents"/>, in
    /// (First, Second) order: looked up per document, so an event's copies cost its own pairs, not all of the batch's.
    /// </summary>
    public List<CopyPair> CopiesAmong(IReadOnlySet<int> documents)
    {
        var pairs = new List<CopyPair>();
        foreach (int first in documents.Order())
            if (_copiesByFirst.TryGetValue(first, out var list))
                foreach (var c in list)
                    if (documents.Contains(c.Second)) pairs.Add(c);
        return pairs;
    }

    /// <summary>
    /// Every sentence (itself included) that carries the same text as <paramref name="key"/>, in document
    /// order. Carrying is symmetric and transitive (the lists are groups), and a group holds at most one
    /// sentence per document.
    /// </summary>
    public IReadOnlyList<SentenceKey> Carriers(SentenceKey key) => _carriers.TryGetValue(key, out var list) ? list : [key];

    public bool IsDuplicate(int document) => DuplicateOf.ContainsKey(document);

    /// <summary>Whether the two documents are near-duplicates of each other (or exact duplicates, or the same document).</summary>
    public bool AreNearDuplicates(int a, int b)
    {
        a = _exactOf.GetValueOrDefault(a, a);
        b = _exactOf.GetValueOrDefault(b, b);
        return a == b || _nearDuplicates.Contains(Ordered(a, b));
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
