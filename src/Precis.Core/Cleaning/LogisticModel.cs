using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Precis.Cleaning;

/// <summary>
/// A logistic scorer: p = σ(w · x) over named features (the first is the bias, always 1). Immutable.
/// Weights are data: they are read from a section of a text file ("[name]" then "feature weight" lines)
/// and written back in the same form by <see cref="LogisticTrainer"/>.
/// </summary>
internal sealed class LogisticModel
{
    public LogisticModel(IReadOnlyList<string> names, ImmutableArray<double> weights)
    {
        if (names.Count != weights.Length) throw new ArgumentException($"{names.Count} feature names but {weights.Length} weights.", nameof(weights));
        Names = names;
        Weights = weights;
    }

    public IReadOnlyList<string> Names { get; }
    public ImmutableArray<double> Weights { get; }

    public double Probability(ReadOnlySpan<double> features)
    {
        double z = 0;
        var w = Weights.AsSpan();
        for (int k = 0; k < w.Length; k++) z += w[k] * features[k];
        return Sigmoid(z);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Reads the weights of <paramref name="section"/>; every name must be there (a missing one is a stale model file: a bug).</summary>
    public static LogisticModel Read(IEnumerable<string> lines, string section, IReadOnlyList<string> names)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        bool inSection = false;
        foreach (string line in lines)
        {
            if (line.StartsWith('['))
            {
                inSection = line == "[" + section + "]";
                continue;
            }
            if (!inSection) continue;
            int space = line.IndexOf(' ');
            if (space < 0) throw new FormatException($"Model line '{line}' is not 'feature weight'.");
            found[line[..space]] = double.Parse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        var weights = ImmutableArray.CreateBuilder<double>(names.Count);
        foreach (string name in names)
        {
            if (!found.TryGetValue(name, out double w)) throw new InvalidOperationException($"The model has no weight for feature '{name}' in section [{section}]: retrain it (precis eval clean --train).");
            weights.Add(w);
        }
        return new LogisticModel(names, weights.MoveToImmutable());
    }

    public void Write(StringBuilder sb, string section)
    {
        sb.Append('[').Append(section).Append("]\n");
        for (int k = 0; k < Names.Count; k++)
            sb.Append(Names[k]).Append(' ').Append(Weights[k].ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
    }
}

/// <summary>
/// Fits a <see cref="LogisticModel"/> by Newton's method (iteratively reweighted least squares) with an
/// L2 penalty on every weight but the bias. Deterministic: the same samples give the same weights.
/// Each sample has a weight; the cleaner trains with the line's word count so that the fit serves the
/// word-level metric.
/// </summary>
internal sealed class LogisticTrainer
{
    private readonly int _features;
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];
    private readonly List<double> _w = [];

    public LogisticTrainer(int features) => _features = features;

    public int Count => _y.Count;

    public void Add(ReadOnlySpan<double> features, bool positive, double weight)
    {
        if (features.Length != _features) throw new ArgumentException($"Expected {_features} features, got {features.Length}.", nameof(features));
        foreach (double f in features) _x.Add(f);
        _y.Add(positive ? 1 : 0);
        _w.Add(weight);
    }

    /// <param name="names">Feature names, bias first.</param>
    /// <param name="l2">Penalty per unit of total sample weight.</param>
    /// <param name="maxIterations">Newton steps at most; the fit usually converges in under 15.</param>
    public LogisticModel Fit(IReadOnlyList<string> names, double l2, int maxIterations = 50)
    {
        int d = _features, n = _y.Count;
        double totalWeight = 0;
        foreach (double w in _w) totalWeight += w;
        double lambda = l2 * totalWeight;
        var beta = new double[d];
        var gradient = new double[d];
        var hessian = new double[d * d];
        double previousLoss = double.PositiveInfinity;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            double loss = 0;
            for (int s = 0; s < n; s++)
            {
                int row = s * d;
                double z = 0;
                for (int k = 0; k < d; k++) z += beta[k] * _x[row + k];
                double p = LogisticModel.Sigmoid(z);
                double w = _w[s];
                loss -= w * (_y[s] > 0 ? Math.Log(Math.Max(p, 1e-12)) : Math.Log(Math.Max(1 - p, 1e-12)));
                double r = w * (_y[s] - p), h = w * p * (1 - p);
                for (int a = 0; a < d; a++)
                {
                    double xa = _x[row + a];
                    if (xa == 0) continue;
                    gradient[a] += r * xa;
                    for (int b = 0; b <= a; b++) hessian[a * d + b] += h * xa * _x[row + b];
                }
            }
            for (int a = 1; a < d; a++)
            {
                loss += 0.5 * lambda * beta[a] * beta[a];
                gradient[a] -= lambda * beta[a];
                hessian[a * d + a] += lambda;
            }
            hessian[0] += 1e-9 * totalWeight;
            for (int a = 0; a < d; a++)
                for (int b = a + 1; b < d; b++) hessian[a * d + b] = hessian[b * d + a];
            var step = Solve(hessian, gradient, d);
            for (int k = 0; k < d; k++) beta[k] += step[k];
            if (Math.Abs(previousLoss - loss) < 1e-9 * totalWeight) break;
            previousLoss = loss;
        }
        return new LogisticModel(names, [.. beta]);
    }

    /// <summary>Solves H·x = g for a symmetric positive definite H by Cholesky decomposition.</summary>
    private static double[] Solve(double[] h, double[] g, int d)
    {
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = h[i * d + j];
                for (int k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
                if (i == j) l[i * d + i] = Math.Sqrt(Math.Max(sum, 1e-12));
                else l[i * d + j] = sum / l[j * d + j];
            }
        }
        var y = new double[d];
        for (int i = 0; i < d; i++)
        {
            double sum = g[i];
            for (int k = 0; k < i; k++) sum -= l[i * d + k] * y[k];
            y[i] = sum / l[i * d + i];
        }
        var x = new double[d];
        for (int i = d - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < d; k++) sum -= l[k * d + i] * x[k];
            x[i] = sum / l[i * d + i];
        }
        return x;
    }
}
