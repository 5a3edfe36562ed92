namespace Precis.Evaluation.Rouge;

/// <summary>Recall, precision and F of one ROUGE measure, each rounded to 5 decimals as ROUGE-1.5.5 prints them.</summary>
public readonly record struct RougeScore(double Recall, double Precision, double F)
{
    /// <summary>
    /// The script's arithmetic: R = hits / reference grams and P = hits / peer grams (0 when there are no
    /// grams), each rounded to 5 decimals first; then F from the rounded values, rounded again.
    /// </summary>
    public static RougeScore FromCounts(long hits, long referenceGrams, long peerGrams, double alpha)
    {
        double recall = referenceGrams == 0 ? 0 : RougeRounding.Round5((double)hits / referenceGrams);
        double precision = peerGrams == 0 ? 0 : RougeRounding.Round5((double)hits / peerGrams);
        double denominator = (1 - alpha) * precision + alpha * recall;
        double f = denominator > 0 ? RougeRounding.Round5(precision * recall / denominator) : 0;
        return new RougeScore(recall, precision, f);
    }

    /// <summary>Whether both scores print the same to 5 decimals.</summary>
    public bool SameTo5Decimals(RougeScore other) =>
        RougeRounding.Same(Recall, other.Recall) && RougeRounding.Same(Precision, other.Precision) && RougeRounding.Same(F, other.F);

    public override string ToString() => FormattableString.Invariant($"R={Recall:0.00000} P={Precision:0.00000} F={F:0.00000}");
}

/// <summary>The measures the project reports for one summary (or the average over a set).</summary>
public enum RougeMeasure
{
    Rouge1,
    Rouge2,
    Rouge3,
    Rouge4,
    RougeL,
    RougeSU4,
}

/// <summary>ROUGE-1..4, ROUGE-L and ROUGE-SU4 of one summary against its references, or of a set on average.</summary>
public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore Rouge3, RougeScore Rouge4, RougeScore RougeL, RougeScore RougeSU4)
{
    public static IReadOnlyList<RougeMeasure> Measures { get; } = Enum.GetValues<RougeMeasure>();

    public RougeScore this[RougeMeasure measure] => measure switch
    {
        RougeMeasure.Rouge1 => Rouge1,
        RougeMeasure.Rouge2 => Rouge2,
        RougeMeasure.Rouge3 => Rouge3,
        RougeMeasure.Rouge4 => Rouge4,
        RougeMeasure.RougeL => RougeL,
        RougeMeasure.RougeSU4 => RougeSU4,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>The name ROUGE-1.5.5 prints: ROUGE-1, ROUGE-L, ROUGE-SU4.</summary>
    public static string NameOf(RougeMeasure measure) => measure switch
    {
        RougeMeasure.RougeL => "ROUGE-L",
        RougeMeasure.RougeSU4 => "ROUGE-SU4",
        _ => "ROUGE-" + ((int)measure + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A set's score as ROUGE-1.5.5 reports it: for each measure, the mean of the summaries' (already
    /// rounded) R, P and F, rounded to 5 decimals.
    /// </summary>
    public static RougeScores Average(IReadOnlyList<RougeScores> scores)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scores.Count);
        var averaged = new RougeScore[Measures.Count];
        foreach (var measure in Measures)
        {
            double r = 0, p = 0, f = 0;
            foreach (var s in scores)
            {
                var score = s[measure];
                r += score.Recall;
                p += score.Precision;
                f += score.F;
            }
            averaged[(int)measure] = new RougeScore(
                RougeRounding.Round5(r / scores.Count), RougeRounding.Round5(p / scores.Count), RougeRounding.Round5(f / scores.Count));
        }
        return new RougeScores(averaged[0], averaged[1], averaged[2], averaged[3], averaged[4], averaged[5]);
    }
}
