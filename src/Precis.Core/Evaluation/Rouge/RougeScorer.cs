using System.Buffers;
using System.Runtime.InteropServices;

namespace Precis.Evaluation.Rouge;

/// <summary>
/// ROUGE as ROUGE-1.5.5 computes it with <c>-n 4 -2 4 -U -f A</c> plus the options given: ROUGE-1..4,
/// summary-level ROUGE-L and ROUGE-SU4, several references pooled by summing their counts, every figure
/// rounded as the script prints it (see <c>../shared/eval/rouge/SPEC.md</c>). Build one per option set
/// and reuse it: it is immutable and safe to share across threads.
/// </summary>
public sealed class RougeScorer
{
    /// <summary>ROUGE-SU4: pairs with up to 4 tokens between them (<c>-2 4</c>).</summary>
    private const int SkipDistance = 4;

    private readonly RougeTokenizer _tokenizer;

    public RougeScorer(RougeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WordLimit < 0 || options.ByteLimit < 0) throw new ArgumentOutOfRangeException(nameof(options), "Length limits are 0 (none) or positive.");
        if (options.Alpha is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "Alpha is between 0 and 1.");
        Options = options;
        _tokenizer = new RougeTokenizer(options);
    }

    public RougeOptions Options { get; }

    /// <summary>Scores one summary (a list of sentences) against its references (each a list of sentences).</summary>
    public RougeScores Score(IReadOnlyList<string> summary, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(references);
        var terms = new RougeTermTable(Options);
        var peer = _tokenizer.Read(summary, terms);
        var models = new TokenizedSummary[references.Count];
        for (int i = 0; i < models.Length; i++) models[i] = _tokenizer.Read(references[i], terms);

        var ngrams = new RougeScore[4];
        int[] peerGrams = peer.Terms;
        var modelGrams = new int[models.Length][];
        for (int m = 0; m < models.Length; m++) modelGrams[m] = models[m].Terms;
        var inPeer = new bool[terms.Count];
        foreach (int t in peer.Terms) inPeer[t] = true;
        ngrams[0] = Pool(peerGrams, modelGrams, terms.Count);
        for (int n = 2; n <= 4; n++)
        {
            var index = new Dictionary<ulong, int>(peer.Terms.Length);
            peerGrams = ExtendPeerGrams(peerGrams, peer.Terms, n, index);
            for (int m = 0; m < models.Length; m++) modelGrams[m] = ExtendModelGrams(modelGrams[m], models[m].Terms, n, index, inPeer);
            ngrams[n - 1] = Pool(peerGrams, modelGrams, index.Count);
        }
        return new RougeScores(ngrams[0], ngrams[1], ngrams[2], ngrams[3], ScoreLcs(peer, models, terms.Count), ScoreSkipBigrams(peer, models, inPeer));
    }

    /// <summary>
    /// Pools over references (<c>-f A</c>): hits = Σ over each reference's grams of min(peer count, reference
    /// count), the reference totals are summed, and the peer's total is added once per reference. Grams are
    /// dense ids below <paramref name="gramCount"/>; -1 is a reference gram that the peer does not have.
    /// </summary>
    private RougeScore Pool(int[] peerGrams, int[][] modelGrams, int gramCount)
    {
        var peerCounts = new int[gramCount];
        foreach (int g in peerGrams) peerCounts[g]++;
        var left = new int[gramCount];
        long hits = 0, modelTotal = 0, peerPooled = 0;
        foreach (int[] grams in modelGrams)
        {
            peerCounts.CopyTo(left, 0);
            foreach (int g in grams)
            {
                if (g < 0 || left[g] == 0) continue;
                left[g]--;
                hits++;
            }
            modelTotal += grams.Length;
            peerPooled += peerGrams.Length;
        }
        return RougeScore.FromCounts(hits, modelTotal, peerPooled, Options.Alpha);
    }

    /// <summary>
    /// The peer's n-grams as dense ids: the n-gram at i is its (n-1)-gram prefix at i followed by term i+n-1,
    /// so each is one (prefix id, term) key in <paramref name="index"/>.
    /// </summary>
    private static int[] ExtendPeerGrams(int[] prefixes, int[] terms, int n, Dictionary<ulong, int> index)
    {
        var grams = new int[Math.Max(0, terms.Length - n + 1)];
        for (int i = 0; i < grams.Length; i++)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(index, Pair(prefixes[i], terms[i + n - 1]), out bool exists);
            if (!exists) id = index.Count - 1;
            grams[i] = id;
        }
        return grams;
    }

    /// <summary>
    /// A reference's n-grams as the peer's ids, or -1 where the peer lacks the gram; a gram whose prefix or
    /// last word the peer lacks is not looked up.
    /// </summary>
    private static int[] ExtendModelGrams(int[] prefixes, int[] terms, int n, Dictionary<ulong, int> index, bool[] inPeer)
    {
        var grams = new int[Math.Max(0, terms.Length - n + 1)];
        for (int i = 0; i < grams.Length; i++)
        {
            int prefix = prefixes[i], last = terms[i + n - 1];
            grams[i] = prefix >= 0 && inPeer[last] && index.TryGetValue(Pair(prefix, last), out int id) ? id : -1;
        }
        return grams;
    }

    /// <summary>
    /// ROUGE-SU4 (SPEC §3): for every position but the last, its word and its pairs with each of the next
    /// five words (up to four in between); the last word's unigram is never counted, as in the script.
    /// Unigram ids are term ids; pair ids follow them.
    /// </summary>
    private RougeScore ScoreSkipBigrams(TokenizedSummary peer, TokenizedSummary[] models, bool[] inPeer)
    {
        var pairs = new Dictionary<ulong, int>(peer.Terms.Length * (SkipDistance + 1));
        int[] peerGrams = SkipGrams(peer.Terms, inPeer, pairs, addPairs: true);
        var modelGrams = new int[models.Length][];
        for (int m = 0; m < models.Length; m++) modelGrams[m] = SkipGrams(models[m].Terms, inPeer, pairs, addPairs: false);
        return Pool(peerGrams, modelGrams, inPeer.Length + pairs.Count);
    }

    /// <summary>
    /// A text's SU4 grams; the peer adds its pairs to <paramref name="pairs"/>, a reference only looks up the
    /// pairs of words that both occur in the peer (-1: absent).
    /// </summary>
    private static int[] SkipGrams(int[] terms, bool[] inPeer, Dictionary<ulong, int> pairs, bool addPairs)
    {
        int termCount = inPeer.Length;
        int n = terms.Length, count = 0;
        for (int i = 0; i < n - 1; i++) count += 1 + Math.Min(n - 1, i + 1 + SkipDistance) - i;
        var grams = new int[count];
        int k = 0;
        for (int i = 0; i < n - 1; i++)
        {
            grams[k++] = terms[i];
            int last = Math.Min(n - 1, i + 1 + SkipDistance);
            for (int j = i + 1; j <= last; j++)
            {
                ulong key = Pair(terms[i], terms[j]);
                int id;
                if (addPairs)
                {
                    ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out bool exists);
                    if (!exists) slot = pairs.Count - 1;
                    id = slot;
                }
                else if (!inPeer[terms[i]] || !inPeer[terms[j]] || !pairs.TryGetValue(key, out id))
                {
                    grams[k++] = -1;
                    continue;
                }
                grams[k++] = termCount + id;
            }
        }
        return grams;
    }

    private static ulong Pair(int first, int second) => ((ulong)(uint)first << 32) | (uint)second;

    /// <summary>
    /// Summary-level ROUGE-L (SPEC §4): for every reference sentence, the union of its LCS positions with
    /// each peer sentence; then, in order, a marked word is a hit while it has unigram count left in both
    /// the reference and the peer (the peer's counts are fresh for each reference).
    /// </summary>
    private RougeScore ScoreLcs(TokenizedSummary peer, TokenizedSummary[] models, int termCount)
    {
        var peerUnigrams = new int[termCount];
        foreach (int t in peer.Terms) peerUnigrams[t]++;
        var peerLeft = new int[termCount];
        var modelLeft = new int[termCount];
        var inPeerSentence = new int[termCount]; // which peer sentence (by serial) last contained the term
        int longestPeerSentence = 0, longestModelSentence = 0, longestModel = 0;
        foreach (var p in peer.Sentences) longestPeerSentence = Math.Max(longestPeerSentence, p.Length);
        foreach (var model in models)
        {
            int length = 0;
            foreach (var r in model.Sentences)
            {
                longestModelSentence = Math.Max(longestModelSentence, r.Length);
                length += r.Length;
            }
            longestModel = Math.Max(longestModel, length);
        }

        long hits = 0, modelTotal = 0, peerPooled = 0;
        int serial = 0;
        bool[] marks = ArrayPool<bool>.Shared.Rent(longestModel);
        int[] rows = ArrayPool<int>.Shared.Rent(longestModelSentence);
        int[] table = ArrayPool<int>.Shared.Rent((longestModelSentence + 1) * (longestPeerSentence + 1));
        try
        {
            foreach (var model in models)
            {
                Array.Clear(marks, 0, longestModel);
                foreach (var p in peer.Sentences)
                {
                    serial++;
                    foreach (int t in p) inPeerSentence[t] = serial;
                    int offset = 0;
                    foreach (var r in model.Sentences)
                    {
                        int shared = 0;
                        for (int i = 0; i < r.Length; i++)
                        {
                            if (inPeerSentence[r[i]] == serial) rows[shared++] = i;
                        }
                        if (shared > 0) MarkLcs(r, rows.AsSpan(0, shared), p, table, marks.AsSpan(offset, r.Length));
                        offset += r.Length;
                    }
                }

                peerUnigrams.CopyTo(peerLeft, 0);
                Array.Clear(modelLeft);
                foreach (int t in model.Terms) modelLeft[t]++;
                int position = 0;
                foreach (var r in model.Sentences)
                {
                    for (int i = 0; i < r.Length; i++, position++)
                    {
                        int t = r[i];
                        if (!marks[position] || modelLeft[t] == 0 || peerLeft[t] == 0) continue;
                        hits++;
                        modelLeft[t]--;
                        peerLeft[t]--;
                    }
                    modelTotal += r.Length;
                }
                peerPooled += peer.Terms.Length;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<bool>.Shared.Return(marks);
        }
        return RougeScore.FromCounts(hits, modelTotal, peerPooled, Options.Alpha);
    }

    /// <summary>
    /// The script's LCS of reference sentence <paramref name="r"/> against peer sentence <paramref name="p"/>:
    /// fill the table, walk back from the end preferring "up" (drop a reference word) when the neighbours
    /// tie, and mark the reference positions where the walk goes diagonally. Only the <paramref name="rows"/>
    /// whose word occurs in <paramref name="p"/> get table rows: such a row would equal the one above it and
    /// the walk would always go straight up through it, so leaving it out marks exactly the same positions
    /// at a fraction of the cost.
    /// </summary>
    private static void MarkLcs(int[] r, ReadOnlySpan<int> rows, int[] p, int[] table, Span<bool> marks)
    {
        int m = rows.Length, n = p.Length, width = n + 1;
        Array.Clear(table, 0, width);
        for (int i = 1; i <= m; i++)
        {
            int row = i * width, above = row - width;
            table[row] = 0;
            int word = r[rows[i - 1]];
            for (int j = 1; j <= n; j++)
            {
                table[row + j] = word == p[j - 1] ? table[above + j - 1] + 1 : Math.Max(table[above + j], table[row + j - 1]);
            }
        }
        for (int i = m, j = n; i > 0 && j > 0;)
        {
            if (r[rows[i - 1]] == p[j - 1])
            {
                marks[rows[--i]] = true;
                j--;
            }
            else if (table[(i - 1) * width + j] >= table[i * width + j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }
    }
}
