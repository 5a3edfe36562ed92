using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Precis.Cleaning;

/// <summary>
/// A gradient-boosted ensemble of complete binary trees of fixed depth over named features:
/// p = σ(bias + Σ tree(x)). Trees catch what a linear score cannot, such as "a 1,000-word line is prose
/// however it ends" or "a short line between paragraphs is a subheading, not a menu". Immutable.
/// <para>
/// A tree of depth d is stored breadth-first: 2^d − 1 splits (feature, threshold; x &gt; threshold goes
/// right) then 2^d leaf values. A node that was not worth splitting has threshold +∞ (everything goes left).
/// As text, one tree per line: <c>tree feature&gt;threshold … | leaf …</c>, so the model file stays readable data.
/// </para>
/// </summary>
internal sealed class BoostedTrees
{
    private readonly int[] _features;
    private readonly double[] _thresholds;
    private readonly double[] _leaves;

    public BoostedTrees(IReadOnlyList<string> names, int depth, double bias, int[] features, double[] thresholds, double[] leaves)
    {
        int splits = (1 << depth) - 1;
        if (features.Length != thresholds.Length || features.Length % splits != 0 || leaves.Length != features.Length / splits * (1 << depth))
            throw new ArgumentException("Tree arrays do not describe complete trees of the given depth.");
        Names = names;
        Depth = depth;
        Bias = bias;
        _features = features;
        _thresholds = thresholds;
        _leaves = leaves;
    }

    public IReadOnlyList<string> Names { get; }
    public int Depth { get; }
    public double Bias { get; }
    public int Trees => _features.Length / ((1 << Depth) - 1);

    public double Probability(ReadOnlySpan<double> x) => Sigmoid(Margin(x));

    public double Margin(ReadOnlySpan<double> x)
    {
        int splits = (1 << Depth) - 1, leaves = 1 << Depth;
        double sum = Bias;
        for (int t = 0, s = 0, l = 0; t < Trees; t++, s += splits, l += leaves)
        {
            int node = 0;
            for (int d = 0; d < Depth; d++)
                node = 2 * node + (x[_features[s + node]] > _thresholds[s + node] ? 2 : 1);
            sum += _leaves[l + node - splits];
        }
        return sum;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public void Write(StringBuilder sb, string section)
    {
        int splits = (1 << Depth) - 1, leaves = 1 << Depth;
        sb.Append('[').Append(section).Append("]\n");
        sb.Append("depth ").Append(Depth.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("bias ").Append(Format(Bias)).Append('\n');
        for (int t = 0; t < Trees; t++)
        {
            sb.Append("tree");
            for (int k = 0; k < splits; k++)
            {
                double threshold = _thresholds[t * splits + k];
                sb.Append(' ');
                if (double.IsPositiveInfinity(threshold)) sb.Append('-');
                else sb.Append(Names[_features[t * splits + k]]).Append('>').Append(Format(threshold));
            }
            sb.Append(" |");
            for (int k = 0; k < leaves; k++) sb.Append(' ').Append(Format(_leaves[t * leaves + k]));
            sb.Append('\n');
        }
    }

    /// <summary>Reads a section written by <see cref="Write"/>. An unknown feature name means a stale model file: a bug.</summary>
    public static BoostedTrees Read(IEnumerable<string> lines, string section, IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) index[names[i]] = i;
        int depth = 0;
        double bias = 0;
        var features = new List<int>();
        var thresholds = new List<double>();
        var leaves = new List<double>();
        bool inSection = false, found = false;
        foreach (string line in lines)
        {
            if (line.StartsWith('['))
            {
                inSection = line == "[" + section + "]";
                found |= inSection;
                continue;
            }
            if (!inSection) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0])
            {
                case "depth": depth = int.Parse(parts[1], CultureInfo.InvariantCulture); break;
                case "bias": bias = Parse(parts[1]); break;
                case "tree":
                    int bar = Array.IndexOf(parts, "|");
                    for (int k = 1; k < bar; k++)
                    {
                        if (parts[k] == "-") { features.Add(0); thresholds.Add(double.PositiveInfinity); continue; }
                        int gt = parts[k].IndexOf('>');
                        if (!index.TryGetValue(parts[k][..gt], out int f))
                            throw new InvalidOperationException($"The model's [{section}] trees use feature '{parts[k][..gt]}', which the cleaner does not compute: retrain it (precis eval clean --train).");
                        features.Add(f);
                        thresholds.Add(Parse(parts[k][(gt + 1)..]));
                    }
                    for (int k = bar + 1; k < parts.Length; k++) leaves.Add(Parse(parts[k]));
                    break;
                default: throw new FormatException($"Unexpected model line '{line}'.");
            }
        }
        if (!found || depth == 0) throw new InvalidOperationException($"The model has no [{section}] section: retrain it (precis eval clean --train).");
        return new BoostedTrees(names, depth, bias, [.. features], [.. thresholds], [.. leaves]);
    }

    private static string Format(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Settings of <see cref="BoostedTreesTrainer"/>.</summary>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Depth">Depth of every tree.</param>
/// <param name="LearningRate">Shrinkage of each tree's leaves.</param>
/// <param name="L2">Penalty on leaf values, in units of sample weight (words).</param>
/// <param name="MinChildWeight">Least Hessian weight (≈ words · p(1 − p)) a split may leave on either side.</param>
/// <param name="Bins">Candidate thresholds per feature (quantiles of its values).</param>
internal sealed record BoostingSettings(int Trees, int Depth, double LearningRate, double L2, double MinChildWeight, int Bins = 64);

/// <summary>
/// Fits <see cref="BoostedTrees"/> for logistic loss with sample weights: Newton boosting (each tree fits
/// the loss's gradient and Hessian) with histogram split search over per-feature quantile bins.
/// Deterministic: the same samples give the same trees.
/// </summary>
internal sealed class BoostedTreesTrainer
{
    private readonly int _features;
    private readonly List<double> _x = [];
    private readonly List<bool> _y = [];
    private readonly List<double> _w = [];

    public BoostedTreesTrainer(int features) => _features = features;

    public void Add(ReadOnlySpan<double> features, bool positive, double weight)
    {
        if (features.Length != _features) throw new ArgumentException($"Expected {_features} features, got {features.Length}.", nameof(features));
        foreach (double f in features) _x.Add(f);
        _y.Add(positive);
        _w.Add(weight);
    }

    public BoostedTrees Fit(IReadOnlyList<string> names, BoostingSettings settings)
    {
        int n = _y.Count, d = _features, depth = settings.Depth;
        double[] x = [.. _x];
        int splits = (1 << depth) - 1, leafCount = 1 << depth;
        var (bins, cuts) = Binned(x, settings.Bins);

        double positive = 0, total = 0;
        for (int i = 0; i < n; i++) { total += _w[i]; if (_y[i]) positive += _w[i]; }
        double rate = Math.Clamp(positive / total, 1e-6, 1 - 1e-6);
        double bias = Math.Log(rate / (1 - rate));

        var margin = new double[n];
        Array.Fill(margin, bias);
        var g = new double[n];
        var h = new double[n];
        var node = new int[n];
        var features = new int[settings.Trees * splits];
        var thresholds = new double[settings.Trees * splits];
        var leaves = new double[settings.Trees * leafCount];
        int maxBins = cuts.Max(c => c.Length) + 1;
        var gHist = new double[(1 << (depth - 1)) * d * maxBins];
        var hHist = new double[gHist.Length];
        var nodeG = new double[1 << depth];
        var nodeH = new double[1 << depth];

        for (int t = 0; t < settings.Trees; t++)
        {
            for (int i = 0; i < n; i++)
            {
                double p = BoostedTrees.Sigmoid(margin[i]);
                g[i] = _w[i] * (p - (_y[i] ? 1 : 0));
                h[i] = _w[i] * Math.Max(p * (1 - p), 1e-9);
                node[i] = 0;
            }
            for (int level = 0; level < depth; level++)
            {
                int first = (1 << level) - 1, width = 1 << level;
                Array.Clear(gHist, 0, width * d * maxBins);
                Array.Clear(hHist, 0, width * d * maxBins);
                Array.Clear(nodeG, 0, width);
                Array.Clear(nodeH, 0, width);
                for (int i = 0; i < n; i++)
                {
                    int local = node[i] - first;
                    nodeG[local] += g[i];
                    nodeH[local] += h[i];
                    int row = i * d, hist = local * d * maxBins;
                    for (int f = 0; f < d; f++)
                    {
                        int at = hist + f * maxBins + bins[row + f];
                        gHist[at] += g[i];
                        hHist[at] += h[i];
                    }
                }
                for (int local = 0; local < width; local++)
                {
                    int split = t * splits + first + local;
                    features[split] = 0;
                    thresholds[split] = double.PositiveInfinity;
                    double gAll = nodeG[local], hAll = nodeH[local];
                    double parent = gAll * gAll / (hAll + settings.L2), bestGain = 1e-9;
                    for (int f = 0; f < d; f++)
                    {
                        double gLeft = 0, hLeft = 0;
                        int hist = (local * d + f) * maxBins;
                        for (int b = 0; b < cuts[f].Length; b++)
                        {
                            gLeft += gHist[hist + b];
                            hLeft += hHist[hist + b];
                            double gRight = gAll - gLeft, hRight = hAll - hLeft;
                            if (hLeft < settings.MinChildWeight || hRight < settings.MinChildWeight) continue;
                            double gain = gLeft * gLeft / (hLeft + settings.L2) + gRight * gRight / (hRight + settings.L2) - parent;
                            if (gain > bestGain)
                            {
                                bestGain = gain;
                                features[split] = f;
                                thresholds[split] = cuts[f][b];
                            }
                        }
                    }
                }
                for (int i = 0; i < n; i++)
                {
                    int split = t * splits + node[i];
                    node[i] = 2 * node[i] + (x[i * d + features[split]] > thresholds[split] ? 2 : 1);
                }
            }
            Array.Clear(nodeG);
            Array.Clear(nodeH);
            for (int i = 0; i < n; i++)
            {
                nodeG[node[i] - splits] += g[i];
                nodeH[node[i] - splits] += h[i];
            }
            for (int leaf = 0; leaf < leafCount; leaf++)
                leaves[t * leafCount + leaf] = nodeH[leaf] <= 0 ? 0 : -settings.LearningRate * nodeG[leaf] / (nodeH[leaf] + settings.L2);
            for (int i = 0; i < n; i++) margin[i] += leaves[t * leafCount + node[i] - splits];
        }
        return new BoostedTrees(names, depth, bias, features, thresholds, leaves);
    }

    /// <summary>
    /// Each feature's candidate thresholds (at most <paramref name="maxBins"/> − 1: its distinct values, or
    /// quantiles of them) and every sample's bin: bin b holds values in (cut[b−1], cut[b]].
    /// </summary>
    private (byte[] Bins, double[][] Cuts) Binned(double[] x, int maxBins)
    {
        int n = _y.Count, d = _features;
        var bins = new byte[n * d];
        var cuts = new double[d][];
        var values = new double[n];
        for (int f = 0; f < d; f++)
        {
            for (int i = 0; i < n; i++) values[i] = x[i * d + f];
            var sorted = values.Distinct().Order().ToArray();
            double[] cut;
            if (sorted.Length <= maxBins) cut = sorted[..^1];
            else
            {
                Array.Sort(values);
                var chosen = new SortedSet<double>();
                for (int q = 1; q < maxBins; q++) chosen.Add(values[(int)((long)q * (n - 1) / maxBins)]);
                chosen.Remove(values[^1]);
                cut = [.. chosen];
            }
            cuts[f] = cut;
            for (int i = 0; i < n; i++)
            {
                int b = Array.BinarySearch(cut, x[i * d + f]);
                bins[i * d + f] = (byte)(b >= 0 ? b : ~b);
            }
        }
        return (bins, cuts);
    }
}
