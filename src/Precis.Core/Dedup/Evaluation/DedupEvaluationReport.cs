using System.Globalization;

namespace Precis.Dedup.Evaluation;

/// <summary>Confusion counts of the near-duplicate decision over pairs.</summary>
public sealed class PairCounts
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }
    public int TrueNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public void Add(bool expected, bool predicted)
    {
        if (expected && predicted) TruePositives++;
        else if (expected) FalseNegatives++;
        else if (predicted) FalsePositives++;
        else TrueNegatives++;
    }

    internal void Add(PairCounts other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
        TrueNegatives += other.TrueNegatives;
    }
}

/// <summary>
/// Sentences of generated copies: <see cref="Expected"/> should be carried by their source sentence,
/// <see cref="Found"/> are, <see cref="Wrong"/> carrier links point to another sentence of the sources.
/// </summary>
public sealed class PassageScore
{
    public int Expected { get; set; }
    public int Found { get; set; }
    public int Wrong { get; set; }

    public double Precision => Found + Wrong == 0 ? 1 : (double)Found / (Found + Wrong);
    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    internal void Add(PassageScore other)
    {
        Expected += other.Expected;
        Found += other.Found;
        Wrong += other.Wrong;
    }
}

/// <summary>The scores of one kind of generated copy.</summary>
public sealed class TransformScore(CopyTransform transform, int editPercent)
{
    public CopyTransform Transform { get; } = transform;
    public int EditPercent { get; } = editPercent;

    /// <summary>Copies generated.</summary>
    public int Copies { get; set; }

    /// <summary>Copies the cleaner rejected (no body left): counted as missed.</summary>
    public int Lost { get; set; }

    /// <summary>Splices not made because their two halves share verbatim text (then a splice may well be a near-duplicate).</summary>
    public int Skipped { get; set; }

    /// <summary>Copies in which the alias transform found something to swap.</summary>
    public int Substitutions { get; set; }

    public PairCounts NearDuplicate { get; } = new();
    public PassageScore Passages { get; } = new();

    internal void Add(TransformScore other)
    {
        Copies += other.Copies;
        Lost += other.Lost;
        Skipped += other.Skipped;
        Substitutions += other.Substitutions;
        NearDuplicate.Add(other.NearDuplicate);
        Passages.Add(other.Passages);
    }

    public string Name => Transform switch
    {
        CopyTransform.WordEdits => $"edits {EditPercent}%",
        CopyTransform.Splice => "splice (negative)",
        _ => Transform.ToString().ToLowerInvariant(),
    };
}

/// <summary>Near-duplicate flags on pairs of different articles of one event.</summary>
public sealed class SameEventScore
{
    /// <summary>Pairs that do not share verbatim text, and how many were flagged (false positives).</summary>
    public int Pairs { get; set; }
    public int Flagged { get; set; }

    /// <summary>Pairs that share verbatim text (wire copies and updates), and how many were flagged.</summary>
    public int VerbatimPairs { get; set; }
    public int VerbatimFlagged { get; set; }

    public double FalsePositiveRate => Pairs == 0 ? 0 : (double)Flagged / Pairs;

    /// <summary>
    /// Sentence pairs of articles without verbatim overlap that dedup says carry the same text: unlabelled
    /// (independent articles do quote the same statements), shown so a change in the count gets a look.
    /// </summary>
    public int SentenceLinks { get; set; }

    /// <summary>The false positives, by article ids, for inspection.</summary>
    public List<string> FalsePositives { get; } = [];

    internal void Add(SameEventScore other)
    {
        Pairs += other.Pairs;
        Flagged += other.Flagged;
        VerbatimPairs += other.VerbatimPairs;
        VerbatimFlagged += other.VerbatimFlagged;
        SentenceLinks += other.SentenceLinks;
        FalsePositives.AddRange(other.FalsePositives);
    }
}

/// <summary>What <c>precis eval dedup</c> prints.</summary>
public sealed record DedupEvaluationReport(
    int Files,
    int Clusters,
    int Articles,
    int Seed,
    int HeadlineMaxEditPercent,
    IReadOnlyList<TransformScore> Transforms,
    SameEventScore SameEvent)
{
    /// <summary>Near-duplicate counts pooled over every transform except word edits above the headline level.</summary>
    public PairCounts Headline
    {
        get
        {
            var pooled = new PairCounts();
            foreach (var t in Transforms)
                if (t.Transform != CopyTransform.WordEdits || t.EditPercent <= HeadlineMaxEditPercent) pooled.Add(t.NearDuplicate);
            return pooled;
        }
    }

    public IEnumerable<string> ToLines()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Format(inv, "dedup evaluation: {0} files, {1} clusters, {2} articles, seed {3}", Files, Clusters, Articles, Seed);
        yield return string.Format(inv, "{0,-18} {1,6} {2,5} {3,6} {4,6} {5,6} {6,6} {7,7} {8,7} {9,7}",
            "copies", "made", "lost", "TP", "FP", "FN", "P", "R", "pass.P", "pass.R");
        foreach (var t in Transforms)
        {
            var c = t.NearDuplicate;
            // A splice must be a near-duplicate of nothing: it has no true positives, so only its false positives count.
            bool negativeOnly = t.Transform == CopyTransform.Splice;
            yield return string.Format(inv, "{0,-18} {1,6} {2,5} {3,6} {4,6} {5,6} {6,6} {7,7} {8,7:0.000} {9,7:0.000}",
                t.Name, t.Copies, t.Lost, c.TruePositives, c.FalsePositives, c.FalseNegatives,
                negativeOnly ? "-" : c.Precision.ToString("0.000", inv), negativeOnly ? "-" : c.Recall.ToString("0.000", inv),
                t.Passages.Precision, t.Passages.Recall);
        }
        var alias = Transforms.FirstOrDefault(t => t.Transform == CopyTransform.Aliases);
        if (alias is not null)
            yield return string.Format(inv, "aliases: {0} of {1} copies had a name or spelling to swap", alias.Substitutions, alias.Copies);
        var splice = Transforms.FirstOrDefault(t => t.Transform == CopyTransform.Splice);
        if (splice is not null)
            yield return string.Format(inv, "splices: {0} made, {1} skipped because their halves share verbatim text", splice.Copies, splice.Skipped);
        var s = SameEvent;
        yield return string.Format(inv,
            "same-event pairs: {0} without verbatim overlap, {1} flagged (FP {2:0.0000}); {3} sharing verbatim text, {4} flagged",
            s.Pairs, s.Flagged, s.FalsePositiveRate, s.VerbatimPairs, s.VerbatimFlagged);
        foreach (var fp in s.FalsePositives) yield return "  false positive: " + fp;
        yield return string.Format(inv, "sentences carried across those {0} pairs (unlabelled: shared quotes and wire lines): {1}", s.Pairs, s.SentenceLinks);
        var h = Headline;
        yield return string.Format(inv, "dedup near-dup P={0:0.000} R={1:0.000} (≤{2}% edits) same-event FP={3:0.0000}",
            h.Precision, h.Recall, HeadlineMaxEditPercent, s.FalsePositiveRate);
    }
}
