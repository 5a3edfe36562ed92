namespace Precis.Clustering;

/// <summary>
/// Settings of the event clusterer. One configuration serves every input: the defaults were chosen on
/// the two development sets together (pooled DUC/TAC/MultiLing newswire and ECB+ same-kind event pairs,
/// see docs/evaluation.md), never on one of them alone. The figures below are batch-mode B-cubed F1
/// (pooled / ECB+, the articles the pipeline rejects left out) when that one option is changed from the
/// defaults, which give 0.862 / 0.891; the whole sweep is in docs/evaluation.md.
/// </summary>
public sealed record ClusteringOptions
{
    /// <summary>Weight of the content-word channel in the similarity.</summary>
    public double ContentWeight { get; init; } = 0.5;

    /// <summary>
    /// Weight of the names-and-places channel (capitalized words and sequences) in the similarity. Equal
    /// weights: 0.3 for names gives 0.853 / 0.891, 0.7 gives 0.850 / 0.888.
    /// </summary>
    public double NameWeight { get; init; } = 0.5;

    /// <summary>A title word counts as this many body occurrences: headlines name the event (1 gives 0.860 / 0.891).</summary>
    public int TitleRepeat { get; init; } = 2;

    /// <summary>The opening sentences of the body that say what happened (the lead).</summary>
    public int LeadSentences { get; init; } = 3;

    /// <summary>
    /// A lead word counts as this many occurrences: the lead names the event, later paragraphs give
    /// background shared with related events. 1 gives 0.843 / 0.885.
    /// </summary>
    public int LeadRepeat { get; init; } = 2;

    /// <summary>
    /// IDF smoothing: documents assumed seen before the first, containing none of the terms. Without it a
    /// batch that is all about one story (the usual digest input) treats the story's own words, found in
    /// every article, as worthless and splits the story: with 0, DUC 2003 clusters given one at a time keep
    /// 0.38 of their articles in the largest event, with 500 they keep 0.93 (eval cluster --single-story).
    /// On the development sets 0 / 300 / 500 / 1000 give 0.846 / 0.852 / 0.862 / 0.851 on pooled and
    /// 0.896 / 0.891 / 0.891 / 0.891 on ECB+.
    /// </summary>
    public int IdfPriorDocuments { get; init; } = 500;

    /// <summary>
    /// A document vector keeps only its strongest content terms: less noise, bounded work per comparison.
    /// 40 gives 0.855 / 0.890, 150 gives 0.847 / 0.880.
    /// </summary>
    public int MaxContentTerms { get; init; } = 80;

    /// <summary>A document vector keeps only its strongest names.</summary>
    public int MaxNameTerms { get; init; } = 40;

    /// <summary>
    /// An article joins the best open event when its similarity reaches this; otherwise it starts a new
    /// one. The sets pull apart here: pooled newswire wants a lower bar (loose multi-month topics), ECB+
    /// a higher one (two events of the same kind per topic; the batch split step catches most of those).
    /// 0.10 / 0.14 give 0.863 / 0.843 on pooled and 0.891 / 0.896 on ECB+.
    /// </summary>
    public double JoinThreshold { get; init; } = 0.12;

    /// <summary>
    /// Two events whose average link (mean similarity over their member pairs, see
    /// <see cref="OnlineClusterer"/>) reaches this are merged: in a stream when an article fitted both, in
    /// a batch at the end. 0.14 merges same-kind pairs of ECB+ (0.858 / 0.868); 0.2 gives 0.860 / 0.891 and
    /// no merging 0.858 / 0.891.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.17;

    /// <summary>How many arrivals pass between merge and eviction passes in a stream.</summary>
    public int MergeInterval { get; init; } = 32;

    /// <summary>
    /// Time decay: the similarity loses <c>TimePenalty · ln(1 + gap / TimeScale)</c>, where gap is the
    /// distance from the article's date to the event's date range. Undated articles pay nothing. No decay
    /// gives 0.852 on pooled (precision 0.891 instead of 0.906), 0.04 gives 0.841.
    /// </summary>
    public double TimePenalty { get; init; } = 0.02;

    /// <summary>Scale of the time decay.</summary>
    public TimeSpan TimeScale { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// An event that has had no article for this long (measured against the latest article time seen) is
    /// closed and evicted: this bounds the memory of a stream, and a story that comes back later is a new
    /// event. The pooled set streamed in date order scores 0.811 with 7 days and 0.800 with 30, and with
    /// 30 days a story that recurs every two weeks never closes. Batch mode does not evict.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// An event whose first article is older than this (against the latest article time seen) is closed
    /// even if articles keep coming: a story thread that never goes quiet is cut into chapters instead of
    /// growing without bound in memory. Articles after the cut start a new event.
    /// </summary>
    public TimeSpan MaxEventSpan { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Undated streams have no clock; an event that has had no article for this many arrivals is closed too.
    /// </summary>
    public int WindowArticles { get; init; } = 20_000;

    /// <summary>
    /// Batch mode (<see cref="ScaledLinkage"/>): an article's local scale is its similarity to this many-th
    /// nearest neighbour.
    /// </summary>
    public int NeighbourRank { get; init; } = 8;

    /// <summary>Batch mode: clusters merge while their locally scaled average link reaches this.</summary>
    public double LinkThreshold { get; init; } = 0.75;

    /// <summary>
    /// Batch mode: and while their plain average link reaches this. Keeps a small batch of unrelated
    /// stories apart, where every article's k-th neighbour is unrelated and scaling alone would join them.
    /// </summary>
    public double MinLinkSimilarity { get; init; } = 0.05;

    /// <summary>Batch mode: the local scale is never below this (an isolated article is not infinitely dense).</summary>
    public double ScaleFloor { get; init; } = 0.05;

    /// <summary>Batch mode: how many strongest links each article keeps (memory is linear in the batch).</summary>
    public int MaxNeighbours { get; init; } = 32;

    /// <summary>
    /// How many of a document's strongest content terms look up candidate events in the inverted index;
    /// 32 gives 0.859 / 0.891, for twice the lookups.
    /// </summary>
    public int CandidateTerms { get; init; } = 16;
}
