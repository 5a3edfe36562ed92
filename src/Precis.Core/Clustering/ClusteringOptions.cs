namespace Precis.Clustering;

/// <summary>
/// Settings of the event clusterer. One configuration serves every input: the defaults were chosen on
/// the two development sets together (pooled DUC/TAC/MultiLing newswire and ECB+ same-kind event pairs,
/// see docs/evaluation.md), never on one of them alone. Batch mode (what the pipeline runs) reads the
/// content vectors only and groups them by <see cref="ScaledLinkage"/>; its figures below are B-cubed F1
/// on pooled / ECB+ when that one option is changed from the defaults, which give 0.909 / 0.930 without
/// the latent step (the Latent* options, whose figures are with it: 0.920 / 0.930 in the input order; the quiet-gap bar
/// then gives 0.927 / 0.930). The
/// streaming options (names, join, merge, time, window) were chosen with the earlier batch mode, which
/// placed articles the way the stream does; their figures are from that mode (defaults 0.862 / 0.891).
/// </summary>
public sealed record ClusteringOptions
{
    /// <summary>Streaming: weight of the content-word channel in the similarity.</summary>
    public double ContentWeight { get; init; } = 0.5;

    /// <summary>
    /// Streaming: weight of the names-and-places channel (capitalized words and sequences) in the
    /// similarity. Equal weights: 0.3 for names gives 0.853 / 0.891, 0.7 gives 0.850 / 0.888. Batch mode
    /// leaves names out: with them at this weight it scored 0.871 / 0.927 against 0.908 / 0.923 without.
    /// </summary>
    public double NameWeight { get; init; } = 0.5;

    /// <summary>A title word counts as this many body occurrences: headlines name the event (batch: 1 gives 0.907 / 0.921).</summary>
    public int TitleRepeat { get; init; } = 2;

    /// <summary>The opening sentences of the body that say what happened (the lead).</summary>
    public int LeadSentences { get; init; } = 3;

    /// <summary>
    /// A lead word counts as this many occurrences: the lead names the event, later paragraphs give
    /// background shared with related events. Batch: 1 gives 0.899 / 0.921.
    /// </summary>
    public int LeadRepeat { get; init; } = 2;

    /// <summary>
    /// IDF smoothing: documents assumed seen before the first, containing none of the terms. Without it a
    /// batch that is all about one story (the usual digest input) treats the story's own words, found in
    /// every article, as worthless and splits the story: with 0, DUC 2003 clusters given one at a time keep
    /// 0.46 of their articles in the largest event, with 500 they keep 0.97 (eval cluster --single-story).
    /// Batch: 0 gives 0.909 / 0.918 on the development sets.
    /// </summary>
    public int IdfPriorDocuments { get; init; } = 500;

    /// <summary>
    /// A document vector keeps only its strongest content terms: less noise, bounded work per comparison.
    /// Batch: 150 gives 0.919 / 0.924 but splits more single stories and mixes more small batches (see
    /// docs/evaluation.md), and the stream would pay for the longer vectors.
    /// </summary>
    public int MaxContentTerms { get; init; } = 80;

    /// <summary>Streaming: a document vector keeps only its strongest names.</summary>
    public int MaxNameTerms { get; init; } = 40;

    /// <summary>
    /// Streaming: an article joins the best open event when its similarity reaches this; otherwise it
    /// starts a new one. The sets pull apart here: pooled newswire wants a lower bar (loose multi-month
    /// topics), ECB+ a higher one (two events of the same kind per topic).
    /// 0.10 / 0.14 give 0.863 / 0.843 on pooled and 0.891 / 0.896 on ECB+.
    /// </summary>
    public double JoinThreshold { get; init; } = 0.12;

    /// <summary>How many arrivals pass between eviction passes in a stream (a re-clustering, when due, runs with one).</summary>
    public int MergeInterval { get; init; } = 32;

    /// <summary>
    /// Streaming: the events an arrival left in doubt (see <see cref="ReclusterBelow"/>) are clustered again
    /// with batch mode's linkage every this many arrivals. (Events that close, and every open event when the
    /// stream ends, are clustered again too: see <see cref="OnlineClusterer"/>.)
    /// </summary>
    public int ReclusterInterval { get; init; } = 128;

    /// <summary>
    /// Streaming: an article that joins an event with a similarity below this, or fits another open event
    /// too (similarity ≥ <see cref="JoinThreshold"/>), leaves both in doubt: at the next re-clustering their
    /// articles are grouped again by <see cref="ScaledLinkage"/>, which merges events that converged and
    /// splits an event that took in a second story. Online B-cubed F1 over 5 shuffled orders (min–max,
    /// pooled-dev / ECB+): 0.3 gives 0.818–0.830 / 0.891–0.926 for 1.15–1.45× the cluster stage's CPU in
    /// `precis bench --articles 10000` (interleaved runs at load 13–17); 0.5 gives 0.818–0.830 / 0.930–0.946
    /// for 1.36–1.46×; 0 (only articles that fit two events) 0.8331 / 0.8497 in the input order; 1 (every
    /// joined event) 0.8390 / 0.9278 for about 2×. Before re-clustering (pair merges at average link 0.17
    /// instead): 0.7995–0.8081 / 0.7995–0.8491.
    /// </summary>
    public double ReclusterBelow { get; init; } = 0.3;

    /// <summary>
    /// Streaming: time decay, the similarity loses <c>TimePenalty · ln(1 + gap / TimeScale)</c>, where gap
    /// is the distance from the article's date to the event's date range. Undated articles pay nothing. No
    /// decay gives 0.852 on pooled (precision 0.891 instead of 0.906), 0.04 gives 0.841. Batch mode has no
    /// time cost: charged on pair similarities it cost 0.014 on pooled (0.871 against 0.857, names in),
    /// whose gold topics run for months, and nothing on ECB+.
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
    /// nearest neighbour. 6 gives 0.900 / 0.921, 10 gives 0.886 / 0.882 (too far out for events of ten).
    /// </summary>
    public int NeighbourRank { get; init; } = 8;

    /// <summary>Batch mode: clusters merge while their locally scaled average link reaches this. 0.7 gives 0.910 / 0.921, 0.8 gives 0.906 / 0.912.</summary>
    public double LinkThreshold { get; init; } = 0.75;

    /// <summary>
    /// Batch mode: and while their plain average link reaches this. Keeps a small batch of unrelated
    /// stories apart, where every article's k-th neighbour is unrelated and scaling alone would join them.
    /// 0.03 gives 0.911 / 0.930 and keeps more single stories whole, but three MDS stories mixed in one
    /// small batch come apart worse (B-cubed 0.948 against 0.962 on DUC 2003); 0.08 gives 0.880 / 0.930.
    /// </summary>
    public double MinLinkSimilarity { get; init; } = 0.05;

    /// <summary>Batch mode: the local scale is never below this (an isolated article is not infinitely dense). 0.03 gives 0.910 / 0.930, 0.08 gives 0.898 / 0.930.</summary>
    public double ScaleFloor { get; init; } = 0.05;

    /// <summary>Batch mode: how many strongest links each article keeps (memory is linear in the batch). 16 gives 0.898 / 0.911, 32 gives 0.908 / 0.921, 64 and 100 the same as 48.</summary>
    public int MaxNeighbours { get; init; } = 48;

    /// <summary>
    /// Batch mode: the dimensions of the batch's latent semantic space (<see cref="LatentSemantics"/>). B-cubed
    /// F1 over 5 shuffled orders (min–max, pooled-dev / ECB+) with the latent defaults: 0.9186–0.9259 /
    /// 0.9296–0.9324, without the latent step 0.9092–0.9103 / 0.9296. Over 3 orders, 150 gives 0.9233–0.9253 /
    /// 0.9296–0.9324, 200 gives 0.9196–0.9222 / 0.9296–0.9324, 100 gives 0.9210–0.9275 / 0.9287–0.9332, 70
    /// gives 0.9142–0.9184 / 0.9287–0.9315 (100 and 70 with weight 0.2 and scale bar 0.15 too). A batch
    /// of no more articles than this skips the step (the space would keep every direction).
    /// </summary>
    public int LatentRank { get; init; } = 150;

    /// <summary>
    /// Batch mode: weight of the latent cosine in a blended link (<see cref="ScaledLinkage"/>); 0 turns the
    /// latent step off. 0.3 gives 0.9211–0.9220 / 0.9296–0.9342 (3 orders); at rank 100, 0.15 and 0.25 give
    /// 0.9206–0.9266 / 0.9296–0.9342 and 0.9196–0.9262 / 0.9287–0.9332; blended into every link instead of
    /// loose ones only, 0.2 gave 0.9164–0.9204 / 0.9231–0.9272 (rank 100, 5 orders).
    /// </summary>
    public double LatentWeight { get; init; } = 0.2;

    /// <summary>
    /// Batch mode: only links between two articles whose local scale σ (see <see cref="NeighbourRank"/>) is
    /// below this get the latent cosine blended in: loose topics, not tight breaking stories. 0.13 gives
    /// 0.9193–0.9254 / 0.9296–0.9324, 0.17 gives 0.9163–0.9233 / 0.9324–0.9342 (3 orders); at rank 100, 0.12
    /// gives 0.9127–0.9214 / 0.9287, 0.2 gives 0.9174–0.9193 / 0.9153–0.9217, 0.3 gives 0.9174–0.9214 / 0.9255.
    /// </summary>
    public double LatentBelowScale { get; init; } = 0.15;

    /// <summary>
    /// Batch mode: two clusters whose dated articles lie more than <see cref="Window"/> apart (the last of one
    /// over a window before the first of the other: a story that went quiet and came back) merge only if their
    /// scaled average link reaches <see cref="LinkThreshold"/> plus this. The issue's own definition (a topic
    /// that recurs weeks apart is a new event), applied where the content evidence is only ordinary. Dates are
    /// the feed's (a date read from the text can be one the text mentions: with those, ECB+ lost 0.006).
    /// B-cubed F1 pooled / ECB+ over 2 orders: 0 gives 0.9241–0.9253 / 0.9296–0.9324; 0.15, 0.25 and 0.4 give
    /// 0.9299–0.9319 / unchanged (ECB+ has no feed dates); with a 3-, 10- or 14-day gap instead of the window
    /// the same, with 21 days 0.9253–0.9261. The gain is two merges undone (a market bombing and an airport
    /// opening 17 days later, one pair 935 days apart); no gold event split more; stories clustered one at a
    /// time unchanged (`--single-story`). 0 turns it off.
    /// </summary>
    public double QuietGapLinkBonus { get; init; } = 0.25;

    /// <summary>
    /// Streaming: how many of a document's strongest content terms look up candidate events in the
    /// inverted index; 32 gives 0.859 / 0.891, for twice the lookups.
    /// </summary>
    public int CandidateTerms { get; init; } = 16;

    /// <summary>
    /// Streaming: of the candidate events, how many (largest partial cosine over the candidate terms first)
    /// get the full similarity. Bounds the placement cost when thousands of events are open. Scoring all of
    /// them, 16 or 8 give the same online B-cubed F1 (pooled-dev 0.8169, ECB+ 0.8571 in input order, and every
    /// one of 5 shuffled orders the same); with 8 the bench's cluster stage went from 0.53 to ~0.27 ms/article
    /// at 10k (docs/benchmarks.md, Clustering).
    /// </summary>
    public int ScoredCandidates { get; init; } = 8;

    /// <summary>
    /// Streaming: a candidate term looks at no more than this many of its events, the most recently posted
    /// ones, so a term common in the window does not make every arrival scan thousands of events. Unbounded,
    /// 64 or 32 give the same online F1 on both development sets (whose streams keep ~100 events open).
    /// </summary>
    public int EventsPerTerm { get; init; } = 32;
}
