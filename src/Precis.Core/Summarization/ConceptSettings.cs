namespace Precis.Summarization;

/// <summary>
/// Settings of the concept-coverage engine (<see cref="ConceptSummarizer"/>). The defaults were chosen on
/// all four dev sets together (duc2003, tac2010, multiling2011, multinews100; docs/evaluation.md, section
/// "Summarization") and sit on a plateau: moving any one of them by the steps noted changes the averages by
/// less than the noise between sets. Re-checked after the new cleaner, dedup and splitter came in: still a
/// plateau (each neighbour moved the four-set average ROUGE-1 by at most 0.4).
/// </summary>
public sealed record ConceptSettings
{
    /// <summary>
    /// Shortest candidate in words after compression. 8: shorter body sentences are mostly asides; 6 and
    /// 10 measured within 0.2 ROUGE-1 of 8.
    /// </summary>
    public int MinWords { get; init; } = 8;

    /// <summary>
    /// How many independent documents must use a concept for it to count in full (capped at half the
    /// event's documents, so that small events still have concepts). 3, as ICSISumm used for 10-document
    /// DUC/TAC events; 2 cost 1.1 ROUGE-1 on duc2003+tac2010, 4 cost 0.6.
    /// </summary>
    public int MinConceptDocuments { get; init; } = 3;

    /// <summary>
    /// The weight of a concept fewer documents share, relative to a full one. Small but not zero, so that
    /// once the shared content is covered the rest of a long budget still goes to the most contentful
    /// sentences (at 0 the summaries of 250-word sets came out 10% short). 0.1, chosen with the
    /// position-decayed <see cref="LeadConceptBoost"/> (session 3, docs/evaluation.md): 0.05 and 0.15
    /// measured 0.04 and 0.18 ROUGE-1 lower on duc2003+tac2010, 0.2 lower by 0.29.
    /// </summary>
    public double RareConceptWeight { get; init; } = 0.1;

    /// <summary>
    /// Extra document count for each document that uses the concept, by how early it first does:
    /// this / (1 + the index of that sentence), so the lead (which states the news) adds it whole, the
    /// second sentence half. 1. Lead-only (the earlier rule; with either rare weight) was 0.25–0.31 ROUGE-1
    /// lower on duc2003+tac2010, on both halves of the clusters, and about 0.2 lower on the 250-word sets;
    /// 0.5 was level on duc2003+tac2010 but cost multiling2011 1.1, 1.5 cost duc2003+tac2010 0.36.
    /// </summary>
    public double LeadConceptBoost { get; init; } = 1;

    /// <summary>Extra document count for each article title that uses the concept. 1; 2 measured the same.</summary>
    public double TitleConceptBoost { get; init; } = 1;

    /// <summary>
    /// A candidate's own value per word, divided by one plus its position in its article: early sentences
    /// carry the news. 0.3; 0.2 and 0.5 measured within 0.3 (0.5 helps multiling2011, costs duc2003).
    /// </summary>
    public double PositionValue { get; init; } = 0.3;

    /// <summary>
    /// Whether quote-led sentences that name their speaker after the quotation ("“We will win,” she said.")
    /// are left out while others remain. Off: they may continue a summary (never open it, see
    /// <see cref="SummaryCandidates.Chronological"/>), while quotation fragments and quotes without a speaker
    /// are always left out. Measured after the quotation shapes came in: on, multinews100 (whose one
    /// reference often quotes) lost 0.8 ROUGE-1, duc2003 and tac2010 gained 0.02 and 0.13.
    /// </summary>
    public bool ExcludeQuotations { get; init; }

    /// <summary>
    /// Search nodes before the solver settles for the best summary found. Every 100-word dev event is
    /// solved to proven optimality in a few hundred nodes; 250-word events can need far more: 2,000 nodes
    /// score within 0.1 ROUGE-1 of 5,000 and 20,000 on multiling2011 and multinews100, 1,000 lost 0.7.
    /// </summary>
    public int MaxNodes { get; init; } = 2000;

    /// <summary>
    /// How many candidates, those with the most concept weight per word, the exact search considers (the
    /// greedy start considers all). 60: on every dev set the summaries equal those of the search over all
    /// candidates (about 140 per 10-article event), at a fraction of the time; 40 lost 0.5 ROUGE-1 on
    /// multiling2011.
    /// </summary>
    public int SearchCandidates { get; init; } = 60;


    /// <summary>
    /// How many sentences, those with the most concept weight and position value per word as they stand,
    /// are compressed and given to the solver. Compression and the search cost per candidate; a 300-article
    /// event has thousands of sentences but the search considers only the densest anyway. 80: the same
    /// ROUGE as no limit on all four dev sets (60 and 100 within 0.1 ROUGE-1; 40 lost 0.1, 20 lost 0.9).
    /// </summary>
    public int PromisingCandidates { get; init; } = 80;
}
