namespace Precis.Clustering;

/// <summary>What the word lists say about a term.</summary>
[Flags]
internal enum TermFlags : byte
{
    None = 0,

    /// <summary>A function word: not a content term.</summary>
    Stopword = 1,

    /// <summary>Capitalized, it is still not a name (days, months, titles).</summary>
    NotAName = 2,
}

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
    private TermFlags[] _flags = new TermFlags[1024];
    private readonly List<string> _terms = [];

    /// <param name="priorDocuments">Documents assumed seen before the first one, none of them containing any term (see <see cref="Idf"/>).</param>
    public TermTable(int priorDocuments = 0)
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _priorDocuments = priorDocuments;
    }

    private readonly int _priorDocuments;

    /// <summary>Documents counted so far.</summary>
    public int Documents { get; private set; }

    public int Count => _ids.Count;

    public int GetOrAdd(ReadOnlySpan<char> term) => TryGet(term, out int id) ? id : Add(term, TermFlags.None);

    public bool TryGet(ReadOnlySpan<char> term, out int id) => _lookup.TryGetValue(term, out id);

    /// <summary>Adds a term not in the table yet, with what the word lists say about it (looked up once per term, not per occurrence).</summary>
    public int Add(ReadOnlySpan<char> term, TermFlags flags)
    {
        int id = _ids.Count;
        string key = term.ToString();
        _ids.Add(key, id);
        _terms.Add(key);
        if (id == _documentFrequency.Length)
        {
            Array.Resize(ref _documentFrequency, id * 2);
            Array.Resize(ref _flags, id * 2);
        }
        _flags[id] = flags;
        return id;
    }

    public TermFlags Flags(int id) => _flags[id];

    /// <summary>The term with this id.</summary>
    public string this[int id] => _terms[id];

    /// <summary>Counts one document whose distinct terms are <paramref name="ids"/>.</summary>
    public void CountDocument(ReadOnlySpan<int> ids)
    {
        Documents++;
        foreach (int id in ids) _documentFrequency[id]++;
    }

    public int Frequency(int id) => _documentFrequency[id];

    /// <summary>
    /// <c>ln(1 + (N + prior) / df)</c>: never zero, so the first documents of a stream still get usable
    /// vectors. The prior documents keep a small batch that is all about one story from treating the
    /// story's own words (in every document) as worthless.
    /// </summary>
    public double Idf(int id) => Math.Log(1.0 + (Documents + _priorDocuments) / (double)Math.Max(1, _documentFrequency[id]));
}
