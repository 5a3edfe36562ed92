using System.Buffers;

namespace Precis.Dedup;

/// <summary>
/// What dedup keeps of one document: an exact fingerprint, a MinHash signature of its shingles, its
/// shingles as postings for exact comparison, and per sentence a word count and LSH band keys. Shingles
/// never cross a sentence boundary, so reordered paragraphs shingle alike. Immutable, except that a
/// fingerprint made with pooled postings is emptied when the deduplicator hands them back.
/// </summary>
public sealed class DocumentFingerprint
{
    private readonly ushort[] _signature;
    private ulong[] _postings;
    private int _postingCount;

    /// <summary>The postings are the first <paramref name="postingCount"/> entries of <paramref name="postings"/> (a pooled array may be longer).</summary>
    internal DocumentFingerprint(int document, ulong exact, ushort[] signature, ulong[] postings, int postingCount, int[] sentenceWords, int[] sentenceShingles, uint[] sentenceKeys)
    {
        Document = document;
        Exact = exact;
        _signature = postingCount > 0 ? signature : [];
        _postings = postings;
        _postingCount = postingCount;
        SentenceWords = sentenceWords;
        SentenceShingles = sentenceShingles;
        SentenceKeys = sentenceKeys;
        foreach (int w in sentenceWords) Words += w;
    }

    public int Document { get; }

    /// <summary>Hash of the normalized word sequence with its sentence breaks: equal for exact duplicates.</summary>
    public ulong Exact { get; }

    /// <summary>Normalized words (after alias folding) over all sentences.</summary>
    public int Words { get; }

    /// <summary>The article's MinHash signature; empty when it has no shingles.</summary>
    public ReadOnlySpan<ushort> Signature => _signature;

    public bool HasShingles => _postingCount > 0;

    public int SentenceCount => SentenceWords.Length;

    /// <summary>Bytes held in this fingerprint's arrays (object headers aside), for the memory figures in docs/benchmarks.md.</summary>
    public int ArrayBytes => 2 * _signature.Length + 8 * Postings.Length + 4 * (SentenceWords.Length + SentenceShingles.Length + SentenceKeys.Length);

    /// <summary>Distinct (shingle, sentence) pairs, sorted, as <c>high 32 bits of the shingle hash &lt;&lt; 32 | sentence</c>.</summary>
    internal ReadOnlySpan<ulong> Postings => _postings.AsSpan(0, _postingCount);

    /// <summary>
    /// Gives a postings array rented with <see cref="Fingerprinter.Fingerprint(Segmentation.Document, bool)"/>
    /// back to the pool; the fingerprint then has no postings and must not be compared again.
    /// </summary>
    internal void ReturnPostings()
    {
        ArrayPool<ulong>.Shared.Return(_postings);
        _postings = [];
        _postingCount = 0;
    }

    /// <summary>Normalized words per sentence.</summary>
    internal int[] SentenceWords { get; }

    /// <summary>Distinct shingles per sentence.</summary>
    internal int[] SentenceShingles { get; }

    /// <summary>Sentence LSH band keys, <c>SentenceBands</c> per sentence; unused (zero) for a sentence too short to match.</summary>
    internal uint[] SentenceKeys { get; }
}
