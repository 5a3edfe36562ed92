namespace Precis.Clustering;

/// <summary>
/// A growing vocabulary with document frequencies: the incrementally maintained IDF of a stream. Keys are
/// looked up as spans, so profiling a document allocates a string only for a word never seen before.
/// Not thread-safe: it belongs to one clusterer.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int[] _documentFrequency = new int[1024];

    public TermTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Documents counted so far.</summary>
    public int Documents { get; private set; }

    public int Count => _ids.Count;

    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (_lookup.TryGetValue(term, out int id)) return id;
        id = _ids.Count;
        _lookup[term] = id;
        if (id == _documentFrequency.Length) Array.Resize(ref _documentFrequency, id * 2);
        return id;
    }

    public bool TryGet(ReadOnlySpan<char> term, out int id) => _lookup.TryGetValue(term, out id);

    /// <summary>Counts one document whose distinct terms are <paramref name="ids"/>.</summary>
    public void CountDocument(ReadOnlySpan<int> ids)
    {
        Documents++;
        foreach (int id in ids) _documentFrequency[id]++;
    }

    public int Frequency(int id) => _documentFrequency[id];

    /// <summary>
    /// <c>ln(1 + N / df)</c>: never zero, so the first documents of a stream still get usable vectors,
    /// and a term in every document keeps a small weight (ln 2) instead of vanishing.
    /// </summary>
    public double Idf(int id) => Math.Log(1.0 + Documents / (double)Math.Max(1, _documentFrequency[id]));
}
