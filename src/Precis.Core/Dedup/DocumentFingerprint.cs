namespace Precis.Dedup;

/// <summary>
/// What dedup keeps of one document: an exact fingerprint, a MinHash signature of its shingles, its
/// shingles as postings for exact comparison, and per sentence a word count and LSH band keys. Shingles
/// never cross a sentence boundary, so reordered paragraphs shingle alike. Immutable.
/// </summary>
public sealed class DocumentFingerprint
{
    private readonly ushort[] _signature;

    internal DocumentFingerprint(int document, ulong exact, ushort[] signature, ulong[] postings, int[] sentenceWords, int[] sentenceShingles, uint[] sentenceKeys)
    {
        Document = document;
        Exact = exact;
        _signature = postings.Length > 0 ? signature : [];
        Postings = postings;
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

    public bool HasShingles => Postings.Length > 0;

    public int SentenceCount => SentenceWords.Length;

    /// <summary>Bytes held in this fingerprint's arrays (object headers aside), for the memory figures in docs/benchmarks.md.</summary>
    public int ArrayBytes => 2 * _signature.Length + 8 * Postings.Length + 4 * (SentenceWords.Length + SentenceShingles.Length + SentenceKeys.Length);

    /// <summary>Distinct (shingle, sentence) pairs, sorted, as <c>high 32 bits of the shingle hash &lt;&lt; 32 | sentence</c>.</summary>
    internal ulong[] Postings { get; }

    /// <summary>Normalized words per sentence.</summary>
    internal int[] SentenceWords { get; }

    /// <summary>Distinct shingles per sentence.</summary>
    internal int[] SentenceShingles { get; }

    /// <summary>Sentence LSH band keys, <c>SentenceBands</c> per sentence; unused (zero) for a sentence too short to match.</summary>
    internal uint[] SentenceKeys { get; }
}
