using System.Buffers;

namespace Precis.Dedup;

/// <summary>Sentence <see cref="SentenceA"/> of one document and <see cref="SentenceB"/> of another carry the same text.</summary>
public readonly record struct SentenceMatch(int SentenceA, int SentenceB, int SharedShingles, double Containment);

/// <summary>
/// The exact comparison of two documents that LSH made candidates: which sentences match, and how much of
/// each document is present in the other.
/// </summary>
public sealed record PairComparison(int DocumentA, int DocumentB, double CoverageA, double CoverageB, IReadOnlyList<SentenceMatch> Matches)
{
    /// <summary>The larger coverage: the share of the more completely copied document that the other holds.</summary>
    public double Similarity => Math.Max(CoverageA, CoverageB);

    /// <summary>Matched sentences, each sentence used once (greedy by containment).</summary>
    public int SharedSentences
    {
        get
        {
            if (Matches.Count < 2) return Matches.Count;
            var usedA = new HashSet<int>();
            var usedB = new HashSet<int>();
            int n = 0;
            foreach (var m in Matches.OrderByDescending(m => m.Containment).ThenBy(m => m.SentenceA).ThenBy(m => m.SentenceB))
                if (usedA.Add(m.SentenceA) & usedB.Add(m.SentenceB)) n++;
            return n;
        }
    }
}

/// <summary>
/// Compares two <see cref="DocumentFingerprint"/>s exactly, by one merge-join of their sorted shingle
/// postings: no hash tables, no all-pairs sentence loop. Immutable and thread-safe.
/// </summary>
public sealed class PairComparer
{
    /// <summary>
    /// A shingle found in more sentences than this (product of both sides) is a set phrase, not evidence that
    /// two given sentences match; it still counts towards presence.
    /// </summary>
    private const int MaxShinglePairs = 64;

    private readonly DedupOptions _options;

    public PairComparer(DedupOptions? options = null) => _options = options ?? new DedupOptions();

    public PairComparison Compare(DocumentFingerprint a, DocumentFingerprint b)
    {
        var pa = a.Postings;
        var pb = b.Postings;
        int[] presentA = ArrayPool<int>.Shared.Rent(Math.Max(1, a.SentenceCount));
        int[] presentB = ArrayPool<int>.Shared.Rent(Math.Max(1, b.SentenceCount));
        var pairs = new PooledBuffer<ulong>(256);
        try
        {
            Array.Clear(presentA, 0, a.SentenceCount);
            Array.Clear(presentB, 0, b.SentenceCount);
            int i = 0, j = 0;
            while (i < pa.Length && j < pb.Length)
            {
                uint ha = (uint)(pa[i] >> 32), hb = (uint)(pb[j] >> 32);
                if (ha < hb) { i++; continue; }
                if (hb < ha) { j++; continue; }
                int iEnd = i + 1, jEnd = j + 1;
                while (iEnd < pa.Length && (uint)(pa[iEnd] >> 32) == ha) iEnd++;
                while (jEnd < pb.Length && (uint)(pb[jEnd] >> 32) == hb) jEnd++;
                for (int x = i; x < iEnd; x++) presentA[(int)(uint)pa[x]]++;
                for (int y = j; y < jEnd; y++) presentB[(int)(uint)pb[y]]++;
                if ((iEnd - i) * (jEnd - j) <= MaxShinglePairs)
                    for (int x = i; x < iEnd; x++)
                        for (int y = j; y < jEnd; y++)
                            pairs.Add((ulong)(uint)pa[x] << 32 | (uint)pb[y]);
                i = iEnd;
                j = jEnd;
            }

            var matches = new List<SentenceMatch>();
            var counted = pairs.Span;
            counted.Sort();
            for (int k = 0; k < counted.Length;)
            {
                int end = k + 1;
                while (end < counted.Length && counted[end] == counted[k]) end++;
                int sa = (int)(counted[k] >> 32), sb = (int)(uint)counted[k];
                int shared = end - k;
                k = end;
                if (shared < _options.MinSharedShingles) continue;
                if (Math.Min(a.SentenceWords[sa], b.SentenceWords[sb]) < _options.MinSentenceWords) continue;
                double containment = (double)shared / Math.Min(a.SentenceShingles[sa], b.SentenceShingles[sb]);
                if (containment >= _options.SentenceContainment) matches.Add(new SentenceMatch(sa, sb, shared, Math.Min(1.0, containment)));
            }
            return new PairComparison(a.Document, b.Document,
                Coverage(a, presentA), Coverage(b, presentB), matches);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(presentA);
            ArrayPool<int>.Shared.Return(presentB);
            pairs.Dispose();
        }
    }

    /// <summary>Word-weighted share of a document's sentences that have enough of their shingles in the other document.</summary>
    private double Coverage(DocumentFingerprint doc, int[] present)
    {
        long total = 0, covered = 0;
        for (int s = 0; s < doc.SentenceCount; s++)
        {
            int shingles = doc.SentenceShingles[s];
            if (shingles == 0) continue;
            total += doc.SentenceWords[s];
            if (present[s] >= _options.SentencePresence * shingles) covered += doc.SentenceWords[s];
        }
        return total == 0 ? 0 : (double)covered / total;
    }
}
