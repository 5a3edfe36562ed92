namespace Precis.Dedup;

/// <summary>
/// Settings of the deduplicator. The thresholds were chosen with <c>precis eval dedup</c> (see
/// docs/evaluation.md, "Deduplication"): generated copies of the dev articles at 0–30% word edits, and
/// every pair of different articles inside the dev event clusters.
/// </summary>
public sealed record DedupOptions
{
    /// <summary>Seed of the MinHash hash family: results are deterministic for a seed.</summary>
    public ulong Seed { get; init; } = 0x9ec15;

    /// <summary>Words per shingle. Three keeps word order (two same-event articles share few 3-grams) while a 20% word edit still leaves about half (0.8³) of them.</summary>
    public int ShingleWords { get; init; } = 3;

    /// <summary>MinHash bins of an article signature (256 bytes at 16 bits a bin).</summary>
    public int SignatureBins { get; init; } = 128;

    /// <summary>
    /// LSH bands over the article signature (rows per band = bins / bands). 64 bands of 2 rows make a pair of
    /// resemblance 0.25 a candidate with probability 0.98 and one of 0.05 with probability 0.15; the exact
    /// comparison that follows removes the rest.
    /// </summary>
    public int SignatureBands { get; init; } = 64;

    /// <summary>MinHash bins of a sentence signature, for finding shared passages.</summary>
    public int SentenceBins { get; init; } = 12;

    /// <summary>LSH bands over a sentence signature: 6 bands of 2 rows find a sentence pair of resemblance 0.7 with probability 0.98.</summary>
    public int SentenceBands { get; init; } = 6;

    /// <summary>Sentences shorter than this (in words) are not matched across documents: too generic.</summary>
    public int MinSentenceWords { get; init; } = 6;

    /// <summary>
    /// Two sentences carry the same text when this share of the shorter one's shingles is in the longer one
    /// (containment, so a sentence merged into a longer one, or one with a clause inserted, still matches).
    /// Measured with <c>precis eval dedup</c>: 0.4 finds more of the sentences of 20%-edited copies (recall
    /// 0.82 against 0.68) but links 13% more sentences of different same-event articles, mostly paraphrases
    /// rather than copies; 0.6 drops that recall to 0.45.
    /// </summary>
    public double SentenceContainment { get; init; } = 0.5;

    /// <summary>
    /// ...and they share at least this many shingles, i.e. a run of at least six words (four 3-word shingles),
    /// as long as the shortest sentence matched. With three, the 4-word phrase "it's a funny situation" tied a
    /// short sentence of one Multi-News article to a different speaker's quote in another, and the facts stage
    /// merged the two quotes; four costs 0.01 of passage recall at 20% edits.
    /// </summary>
    public int MinSharedShingles { get; init; } = 4;

    /// <summary>
    /// For the article-level test: a sentence counts as present in the other article when this share of its
    /// shingles occurs anywhere in it. Low, because a 20% word edit leaves only about half of a sentence's
    /// 3-word shingles intact, while two different articles of one dev cluster share a median 0.8% of theirs. Measured:
    /// 0.3 misses 1.8% of 20%-edited copies, 0.2 flags 3 same-event pairs instead of 2 (of 3,701).
    /// </summary>
    public double SentencePresence { get; init; } = 0.25;

    /// <summary>
    /// Two articles are near-duplicates when the sentences present in the other make up at least this share
    /// of the words of one of them: the whole of a copy is there, edited, trimmed or reordered. An article that
    /// only shares some paragraphs with another (a splice, an update that adds new paragraphs) stays below.
    /// Measured: 0.7 flags 33 of 820 splices and 6 same-event pairs, 0.9 misses 2.5% of 20%-edited copies.
    /// </summary>
    public double NearDuplicateCoverage { get; init; } = 0.8;

    /// <summary>A pair of articles that are not near-duplicates is listed as a copy when it shares at least this many sentences (one shared quote is not syndication).</summary>
    public int MinSharedSentences { get; init; } = 2;

    /// <summary>
    /// In an article LSH bucket, each article is compared with at most this many others filed before it:
    /// buckets this large only come from mass syndication, and the copies still link up transitively.
    /// </summary>
    public int MaxArticlePartners { get; init; } = 64;

    /// <summary>
    /// The same for sentence buckets, lower because one stock sentence (a disclaimer, a standard background
    /// line) can stand in most articles of a stream: each article then costs this many comparisons.
    /// </summary>
    public int MaxSentencePartners { get; init; } = 8;

    /// <summary>Name and spelling variants folded before shingling.</summary>
    public AliasTable Aliases { get; init; } = AliasTable.Default;

    /// <summary>Threads for fingerprinting and comparing; 1 runs everything on the calling thread. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (ShingleWords is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(ShingleWords), ShingleWords, "Shingles have 1 to 8 words.");
        if (SignatureBands < 1 || SignatureBins % SignatureBands != 0)
            throw new ArgumentException($"{SignatureBins} signature bins do not split into {SignatureBands} bands.");
        if (SentenceBands < 1 || SentenceBins % SentenceBands != 0)
            throw new ArgumentException($"{SentenceBins} sentence bins do not split into {SentenceBands} bands.");
        if (MaxArticlePartners < 1 || MaxSentencePartners < 1) throw new ArgumentException("LSH buckets must pair each item with at least one other.");
    }
}
