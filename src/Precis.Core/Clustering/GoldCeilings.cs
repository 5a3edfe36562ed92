using System.Globalization;
using Precis.Dedup;
using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>One ceiling: the gold itself reshaped by one rule, scored against the gold.</summary>
/// <param name="Rule">What was done to the gold.</param>
/// <param name="Scores">B-cubed and pairwise scores of the reshaped gold against the gold.</param>
public sealed record GoldCeiling(string Rule, ClusterScores Scores);

/// <summary>
/// What a gold file allows a clusterer that obeys a rule: the gold events reshaped by the rule and scored
/// against themselves. No clusterer that obeys the rule can score higher (up to the choice, for undated
/// articles, of the piece they join). Two rules matter to this engine: near-duplicates go with their
/// original (the deduplicator's copies, which the clusterer places with the article they copy; a gold
/// that puts one text in two events cannot be matched), and a story that comes back after a quiet gap is
/// a new event (what the stream's window does, and what an event, as opposed to a topic, means).
/// </summary>
public static class GoldCeilings
{
    /// <summary>The quiet gaps, in days, after which a gold event is cut into a new one.</summary>
    public static readonly IReadOnlyList<int> QuietGapDays = [7, 14, 30, 45, 60, 90];

    /// <summary>Every ceiling of <paramref name="set"/>: duplicates alone, each quiet gap alone, and each gap with duplicates.</summary>
    public static IReadOnlyList<GoldCeiling> Measure(GoldSet set, DedupOptions dedupOptions)
    {
        var documents = set.Documents;
        var dedup = new Deduplicator(dedupOptions).Run(documents);
        var gold = set.GoldById;
        var ceilings = new List<GoldCeiling>
        {
            Score("gold, near-duplicates with their originals", gold, WithOriginals(gold, documents, dedup)),
        };
        foreach (int days in QuietGapDays)
        {
            var cut = CutAtQuietGaps(documents, gold, days);
            ceilings.Add(Score(Invariant($"gold cut at quiet gaps > {days} days"), gold, cut));
            ceilings.Add(Score("  and near-duplicates with their originals", gold, WithOriginals(cut, documents, dedup)));
        }
        return ceilings;
    }

    /// <summary>
    /// Each gold event's dated articles in date order (the time the feed gives, <see cref="ArticleProfiler.FeedDayOf"/>: the stream's clock; a date the cleaner read from the text can be a date the text mentions),
    /// cut into a new piece wherever more than <paramref name="days"/> pass without an article; the event's
    /// undated articles join its largest piece (the choice that loses the fewest pairs when one piece dominates).
    /// Articles the pipeline rejected keep their gold label.
    /// </summary>
    internal static Dictionary<string, string> CutAtQuietGaps(IReadOnlyList<Document> documents, IReadOnlyDictionary<string, string> gold, int days)
    {
        var labels = new Dictionary<string, string>(gold, StringComparer.Ordinal);
        foreach (var story in documents.GroupBy(d => gold[d.Id], StringComparer.Ordinal))
        {
            var byDay = story.Select(d => (Document: d, Day: ArticleProfiler.FeedDayOf(d))).ToList();
            var dated = byDay.Where(x => x.Day is not null)
                .OrderBy(x => x.Day!.Value).ThenBy(x => x.Document.Id, StringComparer.Ordinal)
                .ToList();
            var pieces = new List<List<Document>>();
            double previous = double.NegativeInfinity;
            foreach (var (document, day) in dated)
            {
                if (pieces.Count == 0 || day!.Value - previous > days) pieces.Add([]);
                pieces[^1].Add(document);
                previous = day!.Value;
            }
            if (pieces.Count == 0) continue; // no dates: the event stays whole
            int largest = 0;
            for (int p = 1; p < pieces.Count; p++)
                if (pieces[p].Count > pieces[largest].Count) largest = p;
            for (int p = 0; p < pieces.Count; p++)
                foreach (var d in pieces[p]) labels[d.Id] = Invariant($"{story.Key}#{p}");
            foreach (var (d, day) in byDay)
                if (day is null) labels[d.Id] = Invariant($"{story.Key}#{largest}");
        }
        return labels;
    }

    /// <summary>Every near-duplicate takes the label of the article it copies.</summary>
    internal static Dictionary<string, string> WithOriginals(IReadOnlyDictionary<string, string> labels, IReadOnlyList<Document> documents, DedupResult dedup)
    {
        var result = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        // Every original is a kept document, never itself a copy (DedupResult.DuplicateOf).
        foreach (var (copy, original) in dedup.DuplicateOf) result[documents[copy].Id] = labels[documents[original].Id];
        return result;
    }

    private static GoldCeiling Score(string rule, IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> reshaped)
    {
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        return new GoldCeiling(rule, ClusterScores.Compute(ids.Select(id => gold[id]).ToList(), ids.Select(id => reshaped[id]).ToList()));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
