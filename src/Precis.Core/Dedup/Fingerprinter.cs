using System.Buffers;
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

    public DocumentFingerprint Fingerprint(Document document) => Fingerprint(document, pooledPostings: false);

    /// <param name="document">The document.</param>
    /// <param name="pooledPostings">
    /// Keep the postings (most of a fingerprint's bytes) in an array rented from the pool, for a caller that
    /// hands it back with <see cref="DocumentFingerprint.ReturnPostings"/> once it has compared the documents.
    /// </param>
    internal DocumentFingerprint Fingerprint(Document document, bool pooledPostings)
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
            SortPostings(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0 && sorted[i] == sorted[i - 1]) continue;
                sorted[distinct++] = sorted[i];
                sentenceShingles[(int)(uint)sorted[i]]++;
            }
            var kept = pooledPostings ? ArrayPool<ulong>.Shared.Rent(Math.Max(1, distinct)) : new ulong[distinct];
            sorted[..distinct].CopyTo(kept);
            return new DocumentFingerprint(document.Index, exact, signature, kept, distinct, sentenceWords, sentenceShingles, sentenceKeys);
        }
        finally
        {
            words.Dispose();
            folded.Dispose();
            shingles.Dispose();
            postings.Dispose();
        }
    }

    /// <summary>Below this many postings a comparison sort is cheaper than four passes over 256-bucket histograms.</summary>
    private const int RadixSortMinimum = 256;

    /// <summary>
    /// Sorts postings that were added in sentence order (low halves non-decreasing): a stable LSD radix sort
    /// on the four bytes of the shingle half then yields the same order as a full sort of the values, in
    /// about 5n steps instead of n log n comparisons (the sort was a third of fingerprinting).
    /// </summary>
    private static void SortPostings(Span<ulong> postings)
    {
        if (postings.Length < RadixSortMinimum)
        {
            postings.Sort();
            return;
        }
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(postings.Length);
        try
        {
            Span<int> counts = stackalloc int[4 * 256];
            counts.Clear();
            foreach (ulong p in postings)
            {
                counts[(int)(p >> 32) & 0xFF]++;
                counts[256 + ((int)(p >> 40) & 0xFF)]++;
                counts[512 + ((int)(p >> 48) & 0xFF)]++;
                counts[768 + (int)(p >> 56)]++;
            }
            Span<ulong> source = postings, target = scratch.AsSpan(0, postings.Length);
            for (int pass = 0; pass < 4; pass++)
            {
                var next = counts.Slice(pass * 256, 256);
                int start = 0;
                for (int b = 0; b < next.Length; b++)
                {
                    int count = next[b];
                    next[b] = start;
                    start += count;
                }
                int shift = 32 + 8 * pass;
                foreach (ulong p in source) target[next[(int)(p >> shift) & 0xFF]++] = p;
                var swap = source;
                source = target;
                target = swap;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
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
