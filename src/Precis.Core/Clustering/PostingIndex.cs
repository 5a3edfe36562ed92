namespace Precis.Clustering;

/// <summary>
/// The inverted index of a batch, stored flat: each term's postings (article position ascending, weight)
/// are one slice of two arrays, and each (article, term) entry knows its term's slice, so reading the
/// postings costs no dictionary lookup. The sums run in the same order as over per-term lists. Read by
/// <see cref="ScaledLinkage"/> (article by article) and <see cref="LatentSemantics"/> (term by term).
/// </summary>
internal sealed class PostingIndex
{
    private readonly int[] _termOfEntry;
    private readonly int[] _start;
    private readonly int[] _docs;
    private readonly float[] _weights;

    public PostingIndex(IReadOnlyList<SparseVector> vectors)
    {
        var local = new Dictionary<int, int>();
        var termOfEntry = new List<int>();
        var counts = new List<int>();
        foreach (var v in vectors)
        {
            foreach (int id in v.Ids)
            {
                if (!local.TryGetValue(id, out int term))
                {
                    local[id] = term = counts.Count;
                    counts.Add(0);
                }
                counts[term]++;
                termOfEntry.Add(term);
            }
        }
        _termOfEntry = [.. termOfEntry];
        _start = new int[counts.Count + 1];
        for (int term = 0; term < counts.Count; term++) _start[term + 1] = _start[term] + counts[term];
        _docs = new int[_termOfEntry.Length];
        _weights = new float[_termOfEntry.Length];
        var next = _start[..^1];
        int entry = 0;
        for (int i = 0; i < vectors.Count; i++)
        {
            foreach (float w in vectors[i].Weights)
            {
                int at = next[_termOfEntry[entry++]]++;
                _docs[at] = i;
                _weights[at] = w;
            }
        }
    }

    /// <summary>Distinct terms, numbered in order of first appearance.</summary>
    public int TermCount => _start.Length - 1;

    /// <summary>The postings of term <paramref name="term"/> (numbered by <see cref="TermCount"/>'s order), in batch order.</summary>
    public ReadOnlySpan<int> TermPostings(int term, out ReadOnlySpan<float> weights)
    {
        int start = _start[term], length = _start[term + 1] - start;
        weights = _weights.AsSpan(start, length);
        return _docs.AsSpan(start, length);
    }

    /// <summary>The postings of the term of the <paramref name="entry"/>-th (article, term) entry, in batch order.</summary>
    public ReadOnlySpan<int> Postings(int entry, out ReadOnlySpan<float> weights) => TermPostings(_termOfEntry[entry], out weights);
}
