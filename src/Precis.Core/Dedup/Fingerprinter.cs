using Precis.Segmentation;

namespace Precis.Dedup;

/// <summary>
/// Computes <see cref="DocumentFingerprint"/>s: words are normalized and hashed (<see cref="WordHasher"/>),
/// name variants folded (<see cref="AliasTable"/>), and each sentence cut into overlapping
/// <see cref="DedupOptions.ShingleWords"/>-word shingles. Immutable and thread-safe; per-call scratch space
/// comes from the array pool.
/// </summary>
public sealed class Fingerprinter
{
    private readonly DedupOptions _options;
    private readonly MinHasher _articleHasher;
    private readonly MinHasher _sentenceHasher;

    public Fingerprinter(DedupOptions? options = null)
    {
        _options = options ?? new DedupOptions();
        _options.Validate();
        _articleHasher = new MinHasher(_options.SignatureBins, _options.Seed);
        _sentenceHasher = new MinHasher(_options.SentenceBins, _options.Seed ^ 0x5e47e9ce);
    }

    public DedupOptions Options => _options;

    /// <summary>The MinHash signature of a document's shingles alone (what the article-level LSH needs).</summary>
    public void Signature(Document document, Span<ushort> signature)
    {
        var words = new PooledBuffer<ulong>(64);
        var folded = new PooledBuffer<ulong>(64);
        var shingles = new PooledBuffer<ulong>(1024);
        try
        {
            var sentences = document.Sentences;
            for (int s = 0; s < sentences.Count; s++)
            {
                words.Clear();
                folded.Clear();
                WordHasher.Hash(document.TextOf(sentences[s]), ref words);
                _options.Aliases.Apply(words.Span, ref folded);
                AddShingles(folded.Span, ref shingles);
            }
            _articleHasher.Compute(shingles.Span, signature);
        }
        finally
        {
            words.Dispose();
            folded.Dispose();
            shingles.Dispose();
        }
    }

    public DocumentFingerprint Fingerprint(Document document)
    {
        int sentenceCount = document.Sentences.Count;
        var sentenceWords = new int[sentenceCount];
        var sentenceShingles = new int[sentenceCount];
        var sentenceKeys = new uint[sentenceCount * _options.SentenceBands];
        var signature = new ushort[_options.SignatureBins];
        Span<ushort> sentenceSignature = stackalloc ushort[_options.SentenceBins];

        var words = new PooledBuffer<ulong>(64);
        var folded = new PooledBuffer<ulong>(64);
        var shingles = new PooledBuffer<ulong>(1024);
        var postings = new PooledBuffer<ulong>(1024);
        try
        {
            ulong exact = StableHash.FnvOffset;
            for (int s = 0; s < sentenceCount; s++)
            {
                words.Clear();
                folded.Clear();
                WordHasher.Hash(document.TextOf(document.Sentences[s]), ref words);
                _options.Aliases.Apply(words.Span, ref folded);
                var sentenceWordHashes = folded.Span;
                sentenceWords[s] = sentenceWordHashes.Length;

                exact = StableHash.Combine(exact, 0x5e9);
                foreach (ulong w in sentenceWordHashes) exact = StableHash.Combine(exact, w);

                int first = shingles.Count;
                AddShingles(sentenceWordHashes, ref shingles);
                var own = shingles.Span[first..];
                foreach (ulong shingle in own) postings.Add((shingle & 0xFFFF_FFFF_0000_0000) | (uint)s);
                if (sentenceWordHashes.Length >= _options.MinSentenceWords && _sentenceHasher.Compute(own, sentenceSignature))
                    MinHasher.BandKeys(sentenceSignature, sentenceKeys.AsSpan(s * _options.SentenceBands, _options.SentenceBands));
            }
            _articleHasher.Compute(shingles.Span, signature);

            var sorted = postings.Span;
            sorted.Sort();
            int distinct = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0 && sorted[i] == sorted[i - 1]) continue;
                sorted[distinct++] = sorted[i];
                sentenceShingles[(int)(uint)sorted[i]]++;
            }
            return new DocumentFingerprint(document.Index, exact, signature, sorted[..distinct].ToArray(), sentenceWords, sentenceShingles, sentenceKeys);
        }
        finally
        {
            words.Dispose();
            folded.Dispose();
            shingles.Dispose();
            postings.Dispose();
        }
    }

    /// <summary>The shingles of one sentence; a sentence shorter than a shingle gives one shingle of all its words.</summary>
    private void AddShingles(ReadOnlySpan<ulong> words, ref PooledBuffer<ulong> shingles)
    {
        int n = _options.ShingleWords;
        if (words.IsEmpty) return;
        if (words.Length <= n)
        {
            shingles.Add(StableHash.Sequence(words));
            return;
        }
        for (int i = 0; i + n <= words.Length; i++) shingles.Add(StableHash.Sequence(words.Slice(i, n)));
    }
}
