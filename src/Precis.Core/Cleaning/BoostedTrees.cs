using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Precis.Cleaning;

/// <summary>
/// A gradient-boosted ensemble of oblivious trees over named features: p = σ(bias + Σ tree(x)). An
/// oblivious tree of depth d asks the same question of every node on a level, so it is d splits
/// (feature, threshold; x &gt; threshold sets the level's bit) and 2^d leaf values indexed by the d answers.
/// Trees catch what a linear score cannot ("a 1,000-word line is prose however it ends", "a short line
/// between paragraphs is a subheading, not a menu"); obliviousness keeps them regular (fewer ways to fit
/// one page's quirks) and fast to evaluate: the d comparisons are independent, with no pointer chasing.
/// Immutable. As text, one tree per line, <c>tree feature&gt;threshold … | leaf …</c>, so the model file
/// stays readable data.
/// </summary>
internal sealed class BoostedTrees
{
    private readonly int[] _features;
    private readonly float[] _thresholds;
    private readonly double[] _leaves;

    /// <summary>
    /// The leaves again, 16 per tree (zero-padded below depth 4), for <see cref="ProbabilitiesAvx512"/>;
    /// null where that path cannot run.
    /// </summary>
    private readonly double[]? _leaves16;

    /// <summary>Leaves per tree in <see cref="_leaves16"/>: two 512-bit registers of doubles, which one permute indexes.</summary>
    private const int PermutedLeaves = 16;

    public BoostedTrees(IReadOnlyList<string> names, int depth, double bias, int[] features, float[] thresholds, double[] leaves)
    {
        if (depth < 1 || features.Length != thresholds.Length || features.Length % depth != 0 || leaves.Length != features.Length / depth * (1 << depth))
            throw new ArgumentException("Tree arrays do not describe oblivious trees of the given depth.");
        Names = names;
        Depth = depth;
        Bias = bias;
        _features = features;
        _thresholds = thresholds;
        _leaves = leaves;
        if (Avx512F.IsSupported && depth <= 4)
        {
            int leafCount = 1 << depth;
            _leaves16 = new double[Trees * PermutedLeaves];
            for (int t = 0; t < Trees; t++) Array.Copy(leaves, t * leafCount, _leaves16, t * PermutedLeaves, leafCount);
        }
    }

    public IReadOnlyList<string> Names { get; }
    public int Depth { get; }
    public double Bias { get; }
    public int Trees => _features.Length / Depth;

    public double Probability(ReadOnlySpan<float> x) => Sigmoid(Margin(x));

    /// <summary>The probability for every row of <paramref name="m"/>, trees walked for a vector of rows at a time.</summary>
    public double[] Probabilities(FeatureMatrix m) =>
        _leaves16 is not null && m.Stride % Vector256<float>.Count == 0 ? ProbabilitiesAvx512(m) : ProbabilitiesPortable(m);

    /// <summary>
    /// <see cref="Probabilities"/> with AVX-512 (the dev and CI machines have it), eight rows at a time: the
    /// depth comparisons give each row its leaf number, one permute fetches the eight rows' leaves from the
    /// tree's 16 leaf values, and the margins stay in one register across all trees. The additions are the
    /// same, in the same order, as in <see cref="ProbabilitiesPortable"/>, so both give identical bits;
    /// this one takes about a quarter of the time (the portable path spends it storing each row's leaf
    /// into memory one lane at a time).
    /// </summary>
    internal double[] ProbabilitiesAvx512(FeatureMatrix m)
    {
        const int lanes = 8;
        int depth = Depth, stride = m.Stride, trees = Trees;
        var p = new double[m.Rows];
        ref float columns = ref MemoryMarshal.GetReference(m.Columns);
        ref double leaves = ref MemoryMarshal.GetArrayDataReference(_leaves16!);
        var features = _features;
        var thresholds = _thresholds;
        Span<double> margins = stackalloc double[lanes];
        for (int start = 0; start < stride; start += lanes)
        {
            var margin = Vector512.Create(Bias);
            for (int t = 0, s = 0; t < trees; t++, s += depth)
            {
                var leaf = Vector256<int>.Zero;
                for (int d = 0; d < depth; d++)
                {
                    var values = Vector256.LoadUnsafe(ref columns, (nuint)(features[s + d] * stride + start));
                    leaf |= Vector256.GreaterThan(values, Vector256.Create(thresholds[s + d])).AsInt32() & Vector256.Create(1 << d);
                }
                var low = Vector512.LoadUnsafe(ref leaves, (nuint)(t * PermutedLeaves));
                var high = Vector512.LoadUnsafe(ref leaves, (nuint)(t * PermutedLeaves + lanes));
                margin += Avx512F.PermuteVar8x64x2(low, Avx512F.ConvertToVector512Int64(leaf), high);
            }
            margin.CopyTo(margins);
            for (int k = 0; k < lanes && start + k < p.Length; k++) p[start + k] = Sigmoid(margins[k]);
        }
        return p;
    }

    /// <summary><see cref="Probabilities"/> on any hardware: <see cref="Vector{T}"/> comparisons, leaves added one row at a time.</summary>
    internal double[] ProbabilitiesPortable(FeatureMatrix m)
    {
        int depth = Depth, leafCount = 1 << depth, lanes = Vector<float>.Count;
        var margins = new double[m.Stride];
        Array.Fill(margins, Bias);
        ReadOnlySpan<float> columns = m.Columns;
        Span<int> index = stackalloc int[lanes];
        for (int start = 0; start < m.Stride; start += lanes)
        {
            for (int s = 0, l = 0; s < _features.Length; s += depth, l += leafCount)
            {
                var bits = Vector<int>.Zero;
                for (int d = 0; d < depth; d++)
                {
                    var values = new Vector<float>(columns.Slice(_features[s + d] * m.Stride + start, lanes));
                    var above = Vector.GreaterThan(values, new Vector<float>(_thresholds[s + d]));
                    bits |= above & new Vector<int>(1 << d);
                }
                bits.CopyTo(index);
                for (int k = 0; k < lanes; k++) margins[start + k] += _leaves[l + index[k]];
            }
        }
        var p = new double[m.Rows];
        for (int i = 0; i < p.Length; i++) p[i] = Sigmoid(margins[i]);
        return p;
    }

    public double Margin(ReadOnlySpan<float> x)
    {
        int depth = Depth, leafCount = 1 << depth;
        var features = _features.AsSpan();
        var thresholds = _thresholds.AsSpan(0, features.Length);
        var leaves = _leaves.AsSpan();
        double sum = Bias;
        for (int s = 0, l = 0; s < features.Length; s += depth, l += leafCount)
        {
            int index = 0;
            for (int d = 0; d < depth; d++)
                index |= (x[features[s + d]] > thresholds[s + d] ? 1 : 0) << d;
            sum += leaves[l + index];
        }
        return sum;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public void Write(StringBuilder sb, string section)
    {
        int splits = Depth, leaves = 1 << Depth;
        sb.Append('[').Append(section).Append("]\n");
        sb.Append("depth ").Append(Depth.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("bias ").Append(Format(Bias)).Append('\n');
        for (int t = 0; t < Trees; t++)
        {
            sb.Append("tree");
            for (int k = 0; k < splits; k++)
            {
                float threshold = _thresholds[t * splits + k];
                sb.Append(' ');
                if (float.IsPositiveInfinity(threshold)) sb.Append('-');
                else sb.Append(Names[_features[t * splits + k]]).Append('>').Append(threshold.ToString("R", CultureInfo.InvariantCulture));
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
        var thresholds = new List<float>();
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
                        if (parts[k] == "-") { features.Add(0); thresholds.Add(float.PositiveInfinity); continue; }
                        int gt = parts[k].IndexOf('>');
                        if (!index.TryGetValue(parts[k][..gt], out int f))
                            throw new InvalidOperationException($"The model's [{section}] trees use feature '{parts[k][..gt]}', which the cleaner does not compute: retrain it (precis eval clean --train).");
                        features.Add(f);
                        thresholds.Add(float.Parse(parts[k].AsSpan(gt + 1), NumberStyles.Float, CultureInfo.InvariantCulture));
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
    private readonly List<float> _x = [];
    private readonly List<bool> _y = [];
    private readonly List<double> _w = [];

    public BoostedTreesTrainer(int features) => _features = features;

    public void Add(ReadOnlySpan<float> features, bool positive, double weight)
    {
        if (features.Length != _features) throw new ArgumentException($"Expected {_features} features, got {features.Length}.", nameof(features));
        foreach (float f in features) _x.Add(f);
        _y.Add(positive);
        _w.Add(weight);
    }

    public BoostedTrees Fit(IReadOnlyList<string> names, BoostingSettings settings)
    {
        int n = _y.Count, d = _features, depth = settings.Depth, leafCount = 1 << depth;
        float[] x = [.. _x];
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
        var features = new int[settings.Trees * depth];
        var thresholds = new float[settings.Trees * depth];
        var leaves = new double[settings.Trees * leafCount];
        int maxBins = cuts.Max(c => c.Length) + 1;
        var gHist = new double[(1 << (depth - 1)) * d * maxBins];
        var hHist = new double[gHist.Length];
        var nodeG = new double[leafCount];
        var nodeH = new double[leafCount];

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
                int width = 1 << level;
                Array.Clear(gHist, 0, width * d * maxBins);
                Array.Clear(hHist, 0, width * d * maxBins);
                Array.Clear(nodeG, 0, width);
                Array.Clear(nodeH, 0, width);
                for (int i = 0; i < n; i++)
                {
                    int at0 = node[i] * d * maxBins, row = i * d;
                    nodeG[node[i]] += g[i];
                    nodeH[node[i]] += h[i];
                    for (int f = 0; f < d; f++)
                    {
                        int at = at0 + f * maxBins + bins[row + f];
                        gHist[at] += g[i];
                        hHist[at] += h[i];
                    }
                }
                // One question for the whole level: the (feature, threshold) whose gain summed over the
                // level's nodes is largest. A node whose side would weigh less than MinChildWeight adds no gain.
                int split = t * depth + level;
                features[split] = 0;
                thresholds[split] = float.PositiveInfinity;
                double bestGain = 1e-9;
                for (int f = 0; f < d; f++)
                {
                    for (int b = 0; b < cuts[f].Length; b++)
                    {
                        double gain = 0;
                        for (int v = 0; v < width; v++)
                        {
                            int hist = (v * d + f) * maxBins;
                            double gLeft = 0, hLeft = 0;
                            for (int k = 0; k <= b; k++) { gLeft += gHist[hist + k]; hLeft += hHist[hist + k]; }
                            double gAll = nodeG[v], hAll = nodeH[v], gRight = gAll - gLeft, hRight = hAll - hLeft;
                            if (hLeft < settings.MinChildWeight || hRight < settings.MinChildWeight) continue;
                            gain += gLeft * gLeft / (hLeft + settings.L2) + gRight * gRight / (hRight + settings.L2) - gAll * gAll / (hAll + settings.L2);
                        }
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            features[split] = f;
                            thresholds[split] = cuts[f][b];
                        }
                    }
                }
                for (int i = 0; i < n; i++)
                    node[i] |= (x[i * d + features[split]] > thresholds[split] ? 1 : 0) << level;
            }
            Array.Clear(nodeG);
            Array.Clear(nodeH);
            for (int i = 0; i < n; i++)
            {
                nodeG[node[i]] += g[i];
                nodeH[node[i]] += h[i];
            }
            for (int leaf = 0; leaf < leafCount; leaf++)
                leaves[t * leafCount + leaf] = nodeH[leaf] <= 0 ? 0 : -settings.LearningRate * nodeG[leaf] / (nodeH[leaf] + settings.L2);
            for (int i = 0; i < n; i++) margin[i] += leaves[t * leafCount + node[i]];
        }
        return new BoostedTrees(names, depth, bias, features, thresholds, leaves);
    }

    /// <summary>
    /// Each feature's candidate thresholds (at most <paramref name="maxBins"/>: its distinct values, or
    /// quantiles of them) and every sample's bin: bin b holds values in (cut[b−1], cut[b]]. A value held by
    /// many samples (zero, for most shares) is a cut of its own and the quantiles are taken over the other
    /// values, so a share that is usually zero can still be split at 0.02 rather than only at "above 0".
    /// </summary>
    private (byte[] Bins, float[][] Cuts) Binned(float[] x, int maxBins)
    {
        int n = _y.Count, d = _features;
        var bins = new byte[n * d];
        var cuts = new float[d][];
        var values = new float[n];
        for (int f = 0; f < d; f++)
        {
            for (int i = 0; i < n; i++) values[i] = x[i * d + f];
            Array.Sort(values);
            var chosen = new SortedSet<float>();
            float common = values[0];
            int commonCount = 0;
            for (int i = 0, run = 0; i < n; i++)
            {
                run = i > 0 && values[i] == values[i - 1] ? run + 1 : 1;
                if (run > commonCount) (common, commonCount) = (values[i], run);
            }
            var rest = commonCount > n / maxBins ? values.Where(v => v != common).ToArray() : values;
            if (rest.Length < n) chosen.Add(common);
            int quantiles = maxBins - chosen.Count;
            if (rest.Length > 0)
            {
                if (rest.Distinct().Count() <= quantiles) chosen.UnionWith(rest);
                else
                    for (int q = 1; q < quantiles; q++) chosen.Add(rest[(int)((long)q * (rest.Length - 1) / quantiles)]);
            }
            chosen.Remove(values[^1]);
            var cut = chosen.ToArray();
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
