using System.Globalization;
using Precis.Segmentation;
using Precis.Text;

namespace Precis.Clustering;

/// <summary>
/// One article as an error listing shows it: ids, date, title (or the opening words), and how much of
/// its text the cleaner kept as body sentences (the only text clustering reads).
/// </summary>
public sealed record ErrorArticle(string Id, string Gold, string Predicted, DateOnly? Date, string Title, int KeptWords, int TotalWords);

/// <summary>
/// A gold event split over several predicted clusters, or a predicted cluster mixing several gold events.
/// <see cref="LostPairs"/> counts the article pairs the error gets wrong (pairs of one gold event kept
/// apart, or pairs of different gold events put together); <see cref="Parts"/> groups the articles by
/// predicted cluster (a split) or by gold event (a merge), largest first.
/// </summary>
public sealed record ClusterError(string Label, int LostPairs, IReadOnlyList<IReadOnlyList<ErrorArticle>> Parts)
{
    /// <summary>The largest date gap between two parts (days), when both carry dates.</summary>
    public int? LargestPartGapDays
    {
        get
        {
            int? largest = null;
            for (int i = 0; i < Parts.Count; i++)
                for (int j = i + 1; j < Parts.Count; j++)
                    if (Gap(Parts[i], Parts[j]) is { } gap && (largest is null || gap > largest)) largest = gap;
            return largest;
        }
    }

    /// <summary>Days between the date ranges of two groups of articles; 0 when they overlap, null when either is undated.</summary>
    private static int? Gap(IReadOnlyList<ErrorArticle> a, IReadOnlyList<ErrorArticle> b)
    {
        var (aFirst, aLast) = Range(a);
        var (bFirst, bLast) = Range(b);
        if (aFirst is not { } af || aLast is not { } al || bFirst is not { } bf || bLast is not { } bl) return null;
        return bf > al ? bf.DayNumber - al.DayNumber : af > bl ? af.DayNumber - bl.DayNumber : 0;
    }

    private static (DateOnly? First, DateOnly? Last) Range(IReadOnlyList<ErrorArticle> articles)
    {
        DateOnly? first = null, last = null;
        foreach (var a in articles)
        {
            if (a.Date is not { } d) continue;
            if (first is null || d < first) first = d;
            if (last is null || d > last) last = d;
        }
        return (first, last);
    }
}

/// <summary>Where a clustering run goes wrong against the gold events: the worst splits and merges, and totals.</summary>
public sealed record ClusteringErrors(
    IReadOnlyList<ClusterError> Splits,
    IReadOnlyList<ClusterError> Merges,
    long SplitPairs,
    long MergedPairs,
    long GoldPairs,
    int SingletonPredictions,
    double KeptWordShare)
{
    /// <summary>
    /// Lists the <paramref name="worst"/> splits and merges of a prediction. <paramref name="predicted"/>
    /// maps article id to predicted cluster label, <paramref name="documents"/> are the clustered
    /// documents (articles the pipeline rejected appear with no title and no kept words).
    /// </summary>
    public static ClusteringErrors Find(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, IReadOnlyList<Document> documents, int worst)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents) byId[d.Id] = d;
        var articles = new List<ErrorArticle>(gold.Count);
        long kept = 0, total = 0;
        foreach (var (id, label) in gold)
        {
            var a = Describe(id, label, predicted.TryGetValue(id, out var p) ? p : "unclustered:" + id, byId.GetValueOrDefault(id));
            kept += a.KeptWords;
            total += a.TotalWords;
            articles.Add(a);
        }
        var splits = Errors(articles, a => a.Gold, a => a.Predicted);
        var merges = Errors(articles, a => a.Predicted, a => a.Gold);
        long goldPairs = 0;
        foreach (var g in articles.GroupBy(a => a.Gold)) goldPairs += Pairs(g.Count());
        int singletons = articles.GroupBy(a => a.Predicted).Count(g => g.Count() == 1);
        return new ClusteringErrors(
            splits.Take(worst).ToList(), merges.Take(worst).ToList(),
            splits.Sum(e => (long)e.LostPairs), merges.Sum(e => (long)e.LostPairs), goldPairs, singletons,
            total == 0 ? 0 : kept / (double)total);
    }

    /// <summary>Groups by <paramref name="outer"/>, keeps the groups spread over several <paramref name="inner"/> labels, worst first.</summary>
    private static List<ClusterError> Errors(List<ErrorArticle> articles, Func<ErrorArticle, string> outer, Func<ErrorArticle, string> inner)
    {
        var errors = new List<ClusterError>();
        foreach (var group in articles.GroupBy(outer, StringComparer.Ordinal))
        {
            var parts = group.GroupBy(inner, StringComparer.Ordinal)
                .Select(p => (IReadOnlyList<ErrorArticle>)p.OrderBy(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).ToList())
                .OrderByDescending(p => p.Count).ThenBy(p => p[0].Id, StringComparer.Ordinal)
                .ToList();
            if (parts.Count < 2) continue;
            long all = Pairs(group.Count());
            foreach (var p in parts) all -= Pairs(p.Count);
            errors.Add(new ClusterError(group.Key, (int)all, parts));
        }
        errors.Sort(static (a, b) =>
        {
            int c = b.LostPairs.CompareTo(a.LostPairs);
            return c != 0 ? c : string.CompareOrdinal(a.Label, b.Label);
        });
        return errors;
    }

    private static ErrorArticle Describe(string id, string gold, string predicted, Document? document)
    {
        if (document is null) return new ErrorArticle(id, gold, predicted, null, "(rejected by the pipeline)", 0, 0);
        int keptWords = 0;
        foreach (var s in document.Sentences) keptWords += s.WordCount;
        string title = document.Title ?? (document.Sentences.Count > 0 ? document.StringOf(document.Sentences[0]) : "");
        if (title.Length > 90) title = string.Concat(title.AsSpan(0, 87), "...");
        return new ErrorArticle(id, gold, predicted, document.Date, title.ReplaceLineEndings(" "), keptWords, WordCounter.Count(document.Text));
    }

    private static long Pairs(int size) => (long)size * (size - 1) / 2;

    /// <summary>A short date for listings.</summary>
    public static string Show(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
