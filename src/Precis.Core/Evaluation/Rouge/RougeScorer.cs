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

        var peerGrams = new Dictionary<UInt128, int>();
        var modelGrams = new Dictionary<UInt128, int>();
        return new RougeScores(
            ScoreGrams(peer, models, static (t, c) => CountNgrams(t, 1, c), peerGrams, modelGrams),
            ScoreGrams(peer, models, static (t, c) => CountNgrams(t, 2, c), peerGrams, modelGrams),
            ScoreGrams(peer, models, static (t, c) => CountNgrams(t, 3, c), peerGrams, modelGrams),
            ScoreGrams(peer, models, static (t, c) => CountNgrams(t, 4, c), peerGrams, modelGrams),
            ScoreLcs(peer, models, terms.Count),
            ScoreGrams(peer, models, CountSkipBigrams, peerGrams, modelGrams));
    }

    /// <summary>Counts a text's grams into the map (keys: term ids + 1 packed in 32-bit lanes) and returns how many there are.</summary>
    private delegate int GramCounter(int[] terms, Dictionary<UInt128, int> counts);

    /// <summary>
    /// Pools over references (<c>-f A</c>): hits = Σ over each reference's grams of min(peer count, reference
    /// count); the reference totals are summed, and the peer's total is added once per reference.
    /// </summary>
    private RougeScore ScoreGrams(TokenizedSummary peer, TokenizedSummary[] models, GramCounter count, Dictionary<UInt128, int> peerGrams, Dictionary<UInt128, int> modelGrams)
    {
        peerGrams.Clear();
        int peerTotal = count(peer.Terms, peerGrams);
        long hits = 0, modelTotal = 0, peerPooled = 0;
        foreach (var model in models)
        {
            modelGrams.Clear();
            modelTotal += count(model.Terms, modelGrams);
            peerPooled += peerTotal;
            foreach (var (gram, n) in modelGrams)
            {
                if (peerGrams.TryGetValue(gram, out int inPeer)) hits += Math.Min(n, inPeer);
            }
        }
        return RougeScore.FromCounts(hits, modelTotal, peerPooled, Options.Alpha);
    }

    private static int CountNgrams(int[] terms, int n, Dictionary<UInt128, int> counts)
    {
        int total = 0;
        for (int i = 0; i + n <= terms.Length; i++)
        {
            UInt128 key = 0;
            for (int k = 0; k < n; k++) key |= Lane(terms[i + k], k);
            Increment(counts, key);
            total++;
        }
        return total;
    }

    /// <summary>
    /// ROUGE-SU4 grams (SPEC §3): for every position but the last, its word and its pairs with each of the
    /// next five words (up to four in between). The last word's unigram is never counted, as in the script.
    /// </summary>
    private static int CountSkipBigrams(int[] terms, Dictionary<UInt128, int> counts)
    {
        int total = 0;
        for (int i = 0; i < terms.Length - 1; i++)
        {
            UInt128 first = Lane(terms[i], 0);
            Increment(counts, first);
            total++;
            for (int j = i + 1; j < terms.Length && j - i - 1 <= SkipDistance; j++)
            {
                Increment(counts, first | Lane(terms[j], 1));
                total++;
            }
        }
        return total;
    }

    private static UInt128 Lane(int term, int lane) => (UInt128)(uint)(term + 1) << (32 * lane);

    private static void Increment(Dictionary<UInt128, int> counts, UInt128 key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;

    /// <summary>
    /// Summary-level ROUGE-L (SPEC §4): for every reference sentence, the union of its LCS positions with
    /// each peer sentence; a marked word is a hit while it has unigram count left in both the reference and
    /// the peer (the peer's counts are fresh for each reference).
    /// </summary>
    private RougeScore ScoreLcs(TokenizedSummary peer, TokenizedSummary[] models, int termCount)
    {
        var peerUnigrams = new int[termCount];
        foreach (int t in peer.Terms) peerUnigrams[t]++;
        var peerLeft = new int[termCount];
        var modelLeft = new int[termCount];
        long hits = 0, modelTotal = 0, peerPooled = 0;
        int longestPeerSentence = 0;
        foreach (var p in peer.Sentences) longestPeerSentence = Math.Max(longestPeerSentence, p.Length);

        foreach (var model in models)
        {
            peerUnigrams.CopyTo(peerLeft, 0);
            Array.Clear(modelLeft);
            foreach (int t in model.Terms) modelLeft[t]++;
            foreach (var r in model.Sentences)
            {
                if (r.Length == 0) continue;
                bool[] marks = ArrayPool<bool>.Shared.Rent(r.Length);
                int[] table = ArrayPool<int>.Shared.Rent((r.Length + 1) * (longestPeerSentence + 1));
                try
                {
                    Array.Clear(marks, 0, r.Length);
                    foreach (var p in peer.Sentences) MarkLcs(r, p, table, marks);
                    for (int i = 0; i < r.Length; i++)
                    {
                        int t = r[i];
                        if (!marks[i] || modelLeft[t] <= 0 || peerLeft[t] <= 0) continue;
                        hits++;
                        modelLeft[t]--;
                        peerLeft[t]--;
                    }
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(table);
                    ArrayPool<bool>.Shared.Return(marks);
                }
                modelTotal += r.Length;
            }
            peerPooled += peer.Terms.Length;
        }
        return RougeScore.FromCounts(hits, modelTotal, peerPooled, Options.Alpha);
    }

    /// <summary>
    /// Fills the LCS table of reference sentence <paramref name="r"/> against peer sentence
    /// <paramref name="p"/> and marks the positions of <paramref name="r"/> where the script's back-trace
    /// goes diagonally. Like the script, it prefers "up" (dropping a reference word) when the two
    /// neighbours tie, which decides which of several equally long LCSs is marked.
    /// </summary>
    private static void MarkLcs(int[] r, int[] p, int[] table, bool[] marks)
    {
        int m = r.Length, n = p.Length, width = n + 1;
        if (n == 0) return;
        Array.Clear(table, 0, width);
        for (int i = 1; i <= m; i++)
        {
            int row = i * width, above = row - width;
            table[row] = 0;
            int ri = r[i - 1];
            for (int j = 1; j <= n; j++)
            {
                table[row + j] = ri == p[j - 1] ? table[above + j - 1] + 1 : Math.Max(table[above + j], table[row + j - 1]);
            }
        }
        for (int i = m, j = n; i > 0 && j > 0;)
        {
            if (r[i - 1] == p[j - 1])
            {
                marks[--i] = true;
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
