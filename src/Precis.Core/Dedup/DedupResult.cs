using Precis.Segmentation;

namespace Precis.Dedup;

/// <summary>Two documents that share text.</summary>
public sealed record CopyPair(int First, int Second, int SharedSentences, double Similarity);

/// <summary>
/// What deduplication found: documents that are copies of an earlier one, the sentences that stand in
/// several documents, and the pairs of documents that share text.
/// </summary>
public sealed class DedupResult
{
    private readonly IReadOnlyDictionary<SentenceKey, IReadOnlyList<SentenceKey>> _carriers;

    public DedupResult(IReadOnlyDictionary<int, int> duplicateOf, IReadOnlyDictionary<SentenceKey, IReadOnlyList<SentenceKey>> carriers, IReadOnlyList<CopyPair> copies)
    {
        DuplicateOf = duplicateOf;
        _carriers = carriers;
        Copies = copies;
    }

    /// <summary>Document index → index of the earlier document it duplicates.</summary>
    public IReadOnlyDictionary<int, int> DuplicateOf { get; }

    public IReadOnlyList<CopyPair> Copies { get; }

    /// <summary>Every sentence (itself included) that carries the same text as <paramref name="key"/>.</summary>
    public IReadOnlyList<SentenceKey> Carriers(SentenceKey key) => _carriers.TryGetValue(key, out var list) ? list : [key];

    public bool IsDuplicate(int document) => DuplicateOf.ContainsKey(document);
}
