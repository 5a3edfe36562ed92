namespace Precis.Benchmarking;

/// <summary>How an article of a synthetic stream came about.</summary>
public enum StreamArticleKind
{
    /// <summary>A source article as one story tells it (the source text, or a retelling with other names and numbers).</summary>
    Original,

    /// <summary>A byte-for-byte copy of an earlier original, as syndication re-publishes it.</summary>
    ExactCopy,

    /// <summary>An earlier original with one paragraph dropped or a credit line added.</summary>
    NearCopy,
}

/// <summary>
/// One article of a synthetic stream: its raw UTF-8 bytes (what a scraper hands over) and the metadata a
/// feed declares. <see cref="Story"/> is the generator's own event label and <see cref="CopyOf"/> the
/// article a copy was made from; the pipeline never sees either.
/// </summary>
public sealed record StreamArticle(
    string Id,
    byte[] Utf8,
    string? Title,
    string? Source,
    DateTimeOffset Timestamp,
    int Story,
    StreamArticleKind Kind,
    string? CopyOf);

/// <summary>
/// A stream of articles in timestamp order, built by <see cref="SyntheticStreamBuilder"/>. The articles are
/// made as <see cref="Articles"/> is read (the same ones on every reading), so the stream is never held in
/// memory: a feed reader does not hold its feed either. The counts below come from one reading made when
/// the stream is built.
/// </summary>
public sealed class SyntheticStream
{
    private readonly Func<IEnumerable<StreamArticle>> _make;

    internal SyntheticStream(SyntheticStreamOptions options, int count, Func<IEnumerable<StreamArticle>> make)
    {
        Options = options;
        Count = count;
        _make = make;
        var stories = new HashSet<int>();
        DateTimeOffset? first = null, last = null;
        foreach (var a in Articles)
        {
            first ??= a.Timestamp;
            last = a.Timestamp;
            TotalBytes += a.Utf8.Length;
            stories.Add(a.Story);
            if (a.Kind == StreamArticleKind.ExactCopy) ExactCopies++;
            else if (a.Kind == StreamArticleKind.NearCopy) NearCopies++;
        }
        Stories = stories.Count;
        Span = (first ?? options.Start, last ?? options.Start);
    }

    public SyntheticStreamOptions Options { get; }

    /// <summary>The articles, in timestamp order, made afresh on each reading.</summary>
    public IEnumerable<StreamArticle> Articles => _make().Take(Count);

    /// <summary>How many articles the stream has.</summary>
    public int Count { get; }

    /// <summary>How many stories (events) the articles belong to.</summary>
    public int Stories { get; }

    /// <summary>The first <paramref name="count"/> articles as a stream of their own (for warming up on a slice).</summary>
    public SyntheticStream Take(int count) => count >= Count ? this : new SyntheticStream(Options, count, _make);

    public long TotalBytes { get; }
    public int ExactCopies { get; }
    public int NearCopies { get; }

    /// <summary>The time of the first article and of the last.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) Span { get; }
}
