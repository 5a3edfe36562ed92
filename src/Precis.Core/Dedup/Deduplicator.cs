using System.Buffers;
using Precis.Segmentation;

namespace Precis.Dedup;

/// <summary>
/// Finds copies in a batch of documents, in four steps that never compare all pairs:
/// <list type="number">
/// <item>Fingerprint every document (<see cref="Fingerprinter"/>); documents with equal exact fingerprints
/// are exact duplicates, and only the first of each goes on.</item>
/// <item>Candidates: pairs that share a band in the article-level LSH (near-duplicates) or in the
/// sentence-level LSH (shared passages).</item>
/// <item>Compare each candidate pair exactly (<see cref="PairComparer"/>): matched sentences and coverage.</item>
/// <item>Near-duplicates (coverage ≥ <see cref="DedupOptions.NearDuplicateCoverage"/>) point to the kept
/// document with the most words; matched sentences are grouped into carrier groups.</item>
/// </list>
/// Immutable and thread-safe; results are deterministic for the same documents and options, whatever the
/// degree of parallelism.
/// </summary>
public sealed class Deduplicator
{
    private readonly DedupOptions _options;
    private readonly Fingerprinter _fingerprinter;
    private readonly PairComparer _comparer;

    public Deduplicator(DedupOptions? options = null)
    {
        _options = options ?? new DedupOptions();
        _fingerprinter = new Fingerprinter(_options);
        _comparer = new PairComparer(_options);
    }

    public DedupOptions Options => _options;

    public DedupResult Run(IReadOnlyList<Document> documents)
    {
        int n = documents.Count;
        // A lone document has nothing to be a copy of (a stream's events are often one article).
        if (n < 2) return DedupResult.None;
        var prints = new DocumentFingerprint[n];
        try
        {
            For(n, i => prints[i] = _fingerprinter.Fingerprint(documents[i], pooledPostings: true));
            return Deduplicate(documents, prints);
        }
        finally
        {
            foreach (var print in prints) print?.ReturnPostings();
        }
    }

    /// <summary>Steps 1 (exact duplicates) to 4 on the documents' fingerprints, at the same positions.</summary>
    private DedupResult Deduplicate(IReadOnlyList<Document> documents, DocumentFingerprint[] prints)
    {
        int n = prints.Length;
        int[] exactOf = ExactDuplicates(prints);
        var pairs = CandidatePairs(prints, exactOf);
        var comparisons = new Compared[pairs.Length];
        For(pairs.Length, k =>
        {
            int a = (int)(pairs[k] >> 32), b = (int)(uint)pairs[k];
            comparisons[k] = new Compared(a, b, _comparer.Compare(prints[a], prints[b]));
        });

        int[] duplicateOf = ChooseKept(prints, exactOf, comparisons);
        var duplicates = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
            if (duplicateOf[i] >= 0) duplicates[documents[i].Index] = documents[duplicateOf[i]].Index;

        return new DedupResult(duplicates, CarrierGroups(documents, prints, exactOf, comparisons), Copies(documents, prints, exactOf, comparisons));
    }

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> − 1, on the calling thread when one thread is allowed.</summary>
    private void For(int count, Action<int> body)
    {
        if (_options.MaxDegreeOfParallelism <= 1 || count < 2)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, body);
    }

    /// <summary>For each position, the first position with the same exact fingerprint (itself when none).</summary>
    private static int[] ExactDuplicates(DocumentFingerprint[] prints)
    {
        var exactOf = new int[prints.Length];
        var first = new Dictionary<(ulong, int), int>();
        for (int i = 0; i < prints.Length; i++)
        {
            exactOf[i] = i;
            if (!prints[i].HasShingles) continue;
            if (!first.TryAdd((prints[i].Exact, prints[i].Words), i)) exactOf[i] = first[(prints[i].Exact, prints[i].Words)];
        }
        return exactOf;
    }

    /// <summary>
    /// Distinct position pairs (smaller &lt;&lt; 32 | larger) that share a band key of the article signatures
    /// or of two sentences' signatures. Each band is a sorted span of <c>key &lt;&lt; 32 | id</c> in pooled
    /// scratch, walked once (<see cref="LshIndex.CollectBandPairs"/>): a run pairs its items once, so it
    /// needs no lookup directory.
    /// </summary>
    private ulong[] CandidatePairs(DocumentFingerprint[] prints, int[] exactOf)
    {
        int bands = _options.SignatureBands, sentenceBands = _options.SentenceBands;
        int articles = 0, sentences = 0;
        for (int i = 0; i < prints.Length; i++)
        {
            if (exactOf[i] != i || !prints[i].HasShingles) continue;
            articles++;
            foreach (int words in prints[i].SentenceWords)
                if (words >= _options.MinSentenceWords) sentences++;
        }
        if (articles < 2) return [];

        var articleKeys = ArrayPool<ulong>.Shared.Rent(bands * articles);
        var sentenceKeys = ArrayPool<ulong>.Shared.Rent(Math.Max(1, sentenceBands * sentences));
        var sentenceOwner = ArrayPool<int>.Shared.Rent(Math.Max(1, sentences));
        var pairs = new PooledBuffer<ulong>(256);
        var sentencePairs = new PooledBuffer<ulong>(256);
        try
        {
            Span<uint> keys = stackalloc uint[bands];
            int article = 0, sentence = 0;
            for (int i = 0; i < prints.Length; i++)
            {
                var print = prints[i];
                if (exactOf[i] != i || !print.HasShingles) continue;
                MinHasher.BandKeys(print.Signature, keys);
                for (int b = 0; b < bands; b++) articleKeys[b * articles + article] = (ulong)keys[b] << 32 | (uint)i;
                article++;
                for (int s = 0; s < print.SentenceCount; s++)
                {
                    if (print.SentenceWords[s] < _options.MinSentenceWords) continue;
                    var own = print.SentenceKeys.AsSpan(s * sentenceBands, sentenceBands);
                    for (int b = 0; b < sentenceBands; b++) sentenceKeys[b * sentences + sentence] = (ulong)own[b] << 32 | (uint)sentence;
                    sentenceOwner[sentence++] = i;
                }
            }

            PairBands(articleKeys, articles, bands, _options.MaxArticlePartners, ref pairs);
            PairBands(sentenceKeys, sentences, sentenceBands, _options.MaxSentencePartners, ref sentencePairs);
            foreach (ulong p in sentencePairs.Span)
            {
                int a = sentenceOwner[(int)(p >> 32)], b = sentenceOwner[(int)(uint)p];
                if (a != b) pairs.Add(a < b ? (ulong)a << 32 | (uint)b : (ulong)b << 32 | (uint)a);
            }
            var all = pairs.Span;
            all.Sort();
            int distinct = 0;
            for (int k = 0; k < all.Length; k++)
                if (k == 0 || all[k] != all[k - 1]) all[distinct++] = all[k];
            return all[..distinct].ToArray();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(articleKeys);
            ArrayPool<ulong>.Shared.Return(sentenceKeys);
            ArrayPool<int>.Shared.Return(sentenceOwner);
            pairs.Dispose();
            sentencePairs.Dispose();
        }
    }

    /// <summary>Sorts each of <paramref name="bands"/> consecutive runs of <paramref name="items"/> entries and adds the pairs of its buckets.</summary>
    private static void PairBands(ulong[] keys, int items, int bands, int maxPartners, ref PooledBuffer<ulong> pairs)
    {
        for (int b = 0; b < bands; b++)
        {
            var band = keys.AsSpan(b * items, items);
            band.Sort();
            LshIndex.CollectBandPairs(band, maxPartners, ref pairs);
        }
    }

    /// <summary>A compared pair, by positions in the batch (document indexes need not be positions).</summary>
    private readonly record struct Compared(int A, int B, PairComparison Result);

    private bool IsNearDuplicate(PairComparison c) => c.Similarity >= _options.NearDuplicateCoverage;

    /// <summary>
    /// Position → position of the kept document it duplicates, or −1 when it is kept. Documents are visited
    /// from the most words down (earliest first on a tie); one becomes a duplicate of its most similar
    /// near-duplicate that is already kept, else it is kept. Exact duplicates follow their first copy.
    /// </summary>
    private int[] ChooseKept(DocumentFingerprint[] prints, int[] exactOf, Compared[] comparisons)
    {
        int n = prints.Length;
        var neighbours = new List<(int Other, double Similarity)>?[n];
        foreach (var (a, b, c) in comparisons)
        {
            if (!IsNearDuplicate(c)) continue;
            (neighbours[a] ??= []).Add((b, c.Similarity));
            (neighbours[b] ??= []).Add((a, c.Similarity));
        }
        int firsts = 0;
        for (int i = 0; i < n; i++)
            if (exactOf[i] == i) firsts++;
        var order = new int[firsts];
        for (int i = 0, r = 0; i < n; i++)
            if (exactOf[i] == i) order[r++] = i;
        Array.Sort(order, (x, y) => prints[x].Words != prints[y].Words ? prints[y].Words.CompareTo(prints[x].Words) : x.CompareTo(y));
        var rank = new int[n];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r;

        var duplicateOf = new int[n];
        Array.Fill(duplicateOf, -1);
        var kept = new bool[n];
        foreach (int d in order)
        {
            int best = -1;
            double bestSimilarity = -1;
            foreach (var (other, similarity) in neighbours[d] ?? [])
            {
                if (!kept[other]) continue;
                if (similarity > bestSimilarity || (similarity == bestSimilarity && rank[other] < rank[best]))
                {
                    best = other;
                    bestSimilarity = similarity;
                }
            }
            if (best >= 0) duplicateOf[d] = best;
            else kept[d] = true;
        }
        for (int i = 0; i < n; i++)
            if (exactOf[i] != i) duplicateOf[i] = duplicateOf[exactOf[i]] >= 0 ? duplicateOf[exactOf[i]] : exactOf[i];
        return duplicateOf;
    }

    /// <summary>
    /// Groups matched sentences with union-find, strongest matches first. A merge that would put two
    /// sentences of one document into a group is skipped: a long sentence that merges two shorter ones of
    /// another article joins the one it matches best, and the two stay apart.
    /// </summary>
    private Dictionary<SentenceKey, IReadOnlyList<SentenceKey>> CarrierGroups(IReadOnlyList<Document> documents, DocumentFingerprint[] prints, int[] exactOf, Compared[] comparisons)
    {
        var offset = new int[prints.Length + 1];
        for (int i = 0; i < prints.Length; i++) offset[i + 1] = offset[i] + prints[i].SentenceCount;

        var links = new List<(int A, int B, double Strength, int Shared)>();
        for (int i = 0; i < prints.Length; i++)
        {
            if (exactOf[i] == i) continue;
            for (int s = 0; s < prints[i].SentenceCount; s++)
                if (prints[i].SentenceWords[s] >= _options.MinSentenceWords)
                    links.Add((offset[exactOf[i]] + s, offset[i] + s, 2.0, int.MaxValue));
        }
        foreach (var (da, db, c) in comparisons)
            foreach (var m in c.Matches)
                links.Add((offset[da] + m.SentenceA, offset[db] + m.SentenceB, m.Containment, m.SharedShingles));
        if (links.Count == 0) return [];
        links.Sort((x, y) =>
        {
            int byStrength = y.Strength.CompareTo(x.Strength);
            if (byStrength != 0) return byStrength;
            int byShared = y.Shared.CompareTo(x.Shared);
            return byShared != 0 ? byShared : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B);
        });

        int total = offset[^1];
        var owner = new int[total];
        for (int i = 0; i < prints.Length; i++) owner.AsSpan(offset[i], prints[i].SentenceCount).Fill(i);
        var parent = new int[total];
        for (int g = 0; g < total; g++) parent[g] = g;
        var members = new Dictionary<int, List<int>>();
        var owners = new Dictionary<int, HashSet<int>>();

        foreach (var (a, b, _, _) in links)
        {
            int ra = Find(parent, a), rb = Find(parent, b);
            if (ra == rb) continue;
            var ma = members.GetValueOrDefault(ra) ?? [a];
            var mb = members.GetValueOrDefault(rb) ?? [b];
            var oa = owners.GetValueOrDefault(ra) ?? [owner[a]];
            var ob = owners.GetValueOrDefault(rb) ?? [owner[b]];
            if (ma.Count < mb.Count) (ra, rb, ma, mb, oa, ob) = (rb, ra, mb, ma, ob, oa);
            if (ob.Overlaps(oa)) continue;
            parent[rb] = ra;
            ma.AddRange(mb);
            oa.UnionWith(ob);
            members[ra] = ma;
            owners[ra] = oa;
            members.Remove(rb);
            owners.Remove(rb);
        }

        var carriers = new Dictionary<SentenceKey, IReadOnlyList<SentenceKey>>();
        foreach (var group in members.Values)
        {
            var keys = new SentenceKey[group.Count];
            for (int k = 0; k < keys.Length; k++)
            {
                int g = group[k];
                keys[k] = new SentenceKey(documents[owner[g]].Index, g - offset[owner[g]]);
            }
            Array.Sort(keys, static (x, y) => x.Document != y.Document ? x.Document.CompareTo(y.Document) : x.Sentence.CompareTo(y.Sentence));
            foreach (var key in keys) carriers[key] = keys;
        }
        return carriers;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private List<CopyPair> Copies(IReadOnlyList<Document> documents, DocumentFingerprint[] prints, int[] exactOf, Compared[] comparisons)
    {
        var copies = new List<CopyPair>();
        for (int i = 0; i < prints.Length; i++)
        {
            if (exactOf[i] == i) continue;
            int sentences = 0;
            foreach (int words in prints[i].SentenceWords)
                if (words >= _options.MinSentenceWords) sentences++;
            copies.Add(Pair(documents[exactOf[i]].Index, documents[i].Index, sentences, 1.0, CopyKind.Exact));
        }
        foreach (var (a, b, c) in comparisons)
        {
            bool near = IsNearDuplicate(c);
            int shared = c.SharedSentences;
            if (near || shared >= _options.MinSharedSentences)
                copies.Add(Pair(documents[a].Index, documents[b].Index, shared, c.Similarity, near ? CopyKind.NearDuplicate : CopyKind.SharedPassages));
        }
        copies.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return copies;
    }

    private static CopyPair Pair(int a, int b, int shared, double similarity, CopyKind kind) =>
        new(Math.Min(a, b), Math.Max(a, b), shared, Math.Round(similarity, 3)) { Kind = kind };
}
