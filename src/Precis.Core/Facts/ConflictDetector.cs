namespace Precis.Facts;

/// <summary>One value in a disagreement, with every claim (in any article) that states it.</summary>
internal sealed record StatedValue(double Value, IReadOnlyList<NumericClaim> Claims);

/// <summary>Sources that give different values for one measure of an event.</summary>
internal sealed record NumericConflict(string About, IReadOnlyList<StatedValue> Values);

/// <summary>
/// Finds where sources disagree. Claims are compared only when they have the same key (measure, unit and
/// counted noun, or the same person's age), share context (<see cref="NumericClaim.SharesContext"/>) and are within <see cref="MaxValueRatio"/> of each other. Each claim
/// becomes a range from its approximation (<see cref="Range"/>); values whose claims' ranges overlap agree. A
/// conflict needs two disagreeing values from two different articles, each of which does not also state the
/// other: an article that reports a toll rising from 21 to 24 disagrees with no one.
/// </summary>
internal sealed class ConflictDetector
{
    /// <summary>
    /// Values further apart than this are taken to measure different things (six fighters killed in one strike
    /// and 290,000 people killed in the war share a key but not a scope). In the labelled dev clusters the
    /// disagreements that the rules can see are within a factor of 1.6 (224 vs 250 dead, 23 vs 32 years old),
    /// while 11 dead in one bombing and 26 in a missile strike a week later (a factor of 2.4) are two events;
    /// wider disagreements (1,000 vs 5,000 wounded) are given up for precision.
    /// </summary>
    private const double MaxValueRatio = 2.0;

    /// <summary>News rounds a bound to a nearby figure: "more than 3,000" for 3,197. 10% covers the dev examples.</summary>
    private const double BoundSlack = 0.10;

    /// <summary>"about 3,000", "an estimated 3,000": within 10% either way.</summary>
    private const double AboutSlack = 0.10;

    public List<NumericConflict> Detect(IReadOnlyList<NumericClaim> claims)
    {
        var conflicts = new List<NumericConflict>();
        var byKey = new Dictionary<string, List<NumericClaim>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in claims)
        {
            if (!byKey.TryGetValue(c.Key, out var list))
            {
                byKey[c.Key] = list = [];
                order.Add(c.Key);
            }
            list.Add(c);
        }
        foreach (var key in order)
        {
            var group = byKey[key];
            if (group.Select(c => c.Document).Distinct().Count() < 2) continue;
            foreach (var component in Components(group))
            {
                var values = Disagreeing(ValueGroups(component));
                if (values.Count >= 2) conflicts.Add(new NumericConflict(component[0].About, values));
            }
        }
        conflicts.Sort((a, b) => Articles(b).CompareTo(Articles(a)));
        return conflicts;
    }

    private static int Articles(NumericConflict c) => c.Values.SelectMany(v => v.Claims).Select(x => x.Document).Distinct().Count();

    /// <summary>Claims linked by a shared anchor word and comparable magnitude (union-find over pairs).</summary>
    private static List<List<NumericClaim>> Components(List<NumericClaim> group)
    {
        var parent = Enumerable.Range(0, group.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (int a = 0; a < group.Count; a++)
        for (int b = a + 1; b < group.Count; b++)
        {
            double hi = Math.Max(group[a].Value, group[b].Value), lo = Math.Min(group[a].Value, group[b].Value);
            if (hi / lo > MaxValueRatio || !group[a].SharesContext(group[b])) continue;
            parent[Find(a)] = Find(b);
        }
        return group.Select((c, i) => (c, root: Find(i))).GroupBy(x => x.root).Select(g => g.Select(x => x.c).ToList()).Where(l => l.Count > 1).ToList();
    }

    /// <summary>What range of true values a claim allows.</summary>
    internal static (double Low, double High) Range(double value, Approximation approximation) => approximation switch
    {
        Approximation.Lower => (value, value * (1 + BoundSlack)),
        Approximation.Upper => (value * (1 - BoundSlack), value),
        Approximation.About => (value * (1 - AboutSlack), value * (1 + AboutSlack)),
        _ => (value, value),
    };

    /// <summary>One group per value stated, smallest first.</summary>
    private static List<StatedValue> ValueGroups(List<NumericClaim> claims) =>
        claims.GroupBy(c => c.Value).OrderBy(g => g.Key).Select(g => Stated(g.ToList())).ToList();

    private static StatedValue Stated(List<NumericClaim> claims)
    {
        // The value most claims state; on a tie the first written.
        double value = claims.GroupBy(c => c.Value).OrderByDescending(g => g.Count()).ThenBy(g => claims.IndexOf(g.First())).First().Key;
        var ordered = claims.OrderBy(c => c.Value == value ? 0 : 1).ThenBy(c => c.Document).ThenBy(c => c.Span.Start).ToList();
        return new StatedValue(value, ordered);
    }

    /// <summary>
    /// The values that disagree with another: no claim of one allows any claim of the other (ranges apart:
    /// "some 56 percent" and "56 percent" agree, "51 percent" and "56 percent" do not), and each is stated by
    /// an article that does not also state the other.
    /// </summary>
    private static List<StatedValue> Disagreeing(List<StatedValue> values)
    {
        var docs = values.Select(v => v.Claims.Select(c => c.Document).ToHashSet()).ToList();
        var involved = new bool[values.Count];
        for (int a = 0; a < values.Count; a++)
        for (int b = a + 1; b < values.Count; b++)
        {
            if (Compatible(values[a], values[b])) continue;
            if (!docs[a].Any(d => !docs[b].Contains(d)) || !docs[b].Any(d => !docs[a].Contains(d))) continue;
            involved[a] = involved[b] = true;
        }
        return values.Where((_, i) => involved[i]).ToList();
    }

    private static bool Compatible(StatedValue a, StatedValue b)
    {
        foreach (var x in a.Claims)
        foreach (var y in b.Claims)
        {
            var (xl, xh) = Range(x.Value, x.Approximation);
            var (yl, yh) = Range(y.Value, y.Approximation);
            if (xl <= yh && yl <= xh) return true;
        }
        return false;
    }
}
