namespace Precis.Clustering;

/// <summary>
/// Settings of the event clusterer. One configuration serves every input: the defaults were chosen on
/// the two development sets together (pooled DUC/TAC/MultiLing newswire and ECB+ same-kind event pairs,
/// see docs/evaluation.md), never on one of them alone.
/// </summary>
public sealed record ClusteringOptions
{
    /// <summary>Weight of the content-word channel in the similarity.</summary>
    public double ContentWeight { get; init; } = 0.5;

    /// <summary>Weight of the names-and-places channel (capitalized words and sequences) in the similarity.</summary>
    public double NameWeight { get; init; } = 0.5;

    /// <summary>A title word counts as this many body occurrences: headlines name the event.</summary>
    public int TitleRepeat { get; init; } = 2;

    /// <summary>The opening sentences of the body that say what happened (the lead).</summary>
    public int LeadSentences { get; init; } = 3;

    /// <summary>A lead word counts as this many occurrences: the lead names the event, later paragraphs give background shared with related events.</summary>
    public int LeadRepeat { get; init; } = 2;

    /// <summary>IDF smoothing: documents assumed seen before the first, containing none of the terms.</summary>
    public int IdfPriorDocuments { get; init; } = 300;

    /// <summary>A document vector keeps only its strongest content terms: less noise, bounded work per comparison.</summary>
    public int MaxContentTerms { get; init; } = 40;

    /// <summary>A document vector keeps only its strongest names.</summary>
    public int MaxNameTerms { get; init; } = 40;

    /// <summary>An article joins the best open event when its similarity reaches this; otherwise it starts a new one.</summary>
    public double JoinThreshold { get; init; } = 0.15;

    /// <summary>Two open events whose centroids reach this similarity are merged.</summary>
    public double MergeThreshold { get; init; } = 0.17;

    /// <summary>How many arrivals pass between merge passes over the events that changed.</summary>
    public int MergeInterval { get; init; } = 32;

    /// <summary>
    /// Time decay: the similarity loses <c>TimePenalty · ln(1 + gap / TimeScale)</c>, where gap is the
    /// distance from the article's date to the event's date range. Undated articles pay nothing.
    /// </summary>
    public double TimePenalty { get; init; } = 0.02;

    /// <summary>Scale of the time decay.</summary>
    public TimeSpan TimeScale { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// An event that has had no article for this long (measured against the latest article time seen) is
    /// closed and evicted: this bounds the memory of a stream.
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

    /// <summary>Batch mode: how many times every article is taken out of its event and placed again once all events exist.</summary>
    public int RefinementPasses { get; init; } = 2;

    /// <summary>How many of a document's strongest content terms look up candidate events in the inverted index.</summary>
    public int CandidateTerms { get; init; } = 16;
}
