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

/// <summary>An in-memory stream of articles, in timestamp order, built by <see cref="SyntheticStreamBuilder"/>.</summary>
public sealed class SyntheticStream
{
    internal SyntheticStream(IReadOnlyList<StreamArticle> articles, int stories, SyntheticStreamOptions options)
    {
        Articles = articles;
        Stories = stories;
        Options = options;
        foreach (var a in articles)
        {
            TotalBytes += a.Utf8.Length;
            if (a.Kind == StreamArticleKind.ExactCopy) ExactCopies++;
            else if (a.Kind == StreamArticleKind.NearCopy) NearCopies++;
        }
    }

    public SyntheticStreamOptions Options { get; }
    public IReadOnlyList<StreamArticle> Articles { get; }

    /// <summary>How many stories (events) the originals belong to.</summary>
    public int Stories { get; }

    /// <summary>The first <paramref name="count"/> articles as a stream of their own (for warming up on a slice).</summary>
    public SyntheticStream Take(int count) =>
        count >= Articles.Count ? this : new SyntheticStream(Articles.Take(count).ToList(), Articles.Take(count).Select(a => a.Story).Distinct().Count(), Options);

    public long TotalBytes { get; }
    public int ExactCopies { get; }
    public int NearCopies { get; }
}
