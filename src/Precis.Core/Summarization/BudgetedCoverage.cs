namespace Precis.Summarization;

/// <summary>
/// Budgeted maximum coverage: choose items (sentences) whose total cost fits a budget so that the summed
/// weight of the concepts they cover, each counted once, plus the items' own values, is as large as
/// possible — the objective of concept-based summarization (Gillick and Favre 2009), which they solve as
/// an integer linear program. Here it is solved by branch and bound: items in order of value per word,
/// include-before-exclude depth-first search, pruned by the fractional-knapsack bound on the items' marginal
/// gains (valid because coverage is submodular: what a set adds is at most the sum of what its items
/// add alone). The search starts from the cost-scaled greedy solution (Lin and Bilmes 2010, with the
/// best single item), which considers every item, so it always has an answer. The search considers the
/// <c>maxSearchItems</c> items with the most value per word and stops after <c>maxNodes</c> nodes; the
/// answer is proven optimal (over those items) when the search finishes within the limit.
/// </summary>
internal sealed class BudgetedCoverage
{
    private readonly int[][] _concepts;
    private readonly double[] _conceptWeight;
    private readonly double[] _itemValue;
    private readonly int[] _words;
    private readonly int[] _bytes;
    private readonly SummaryBudget _budget;
    private readonly int _maxNodes;
    private readonly int _maxSearchItems;

    private int[] _order = [];
    private int[] _covered = [];
    private int[] _byDensity = [];
    private double[] _density = [];
    private readonly List<int> _current = [];
    private List<int> _best = [];
    private double _bestValue;
    private int _nodes;
    private int _searchItems;

    public BudgetedCoverage(int[][] concepts, double[] conceptWeight, double[] itemValue, int[] words, int[] bytes, SummaryBudget budget, int maxNodes, int maxSearchItems)
    {
        _concepts = concepts;
        _conceptWeight = conceptWeight;
        _itemValue = itemValue;
        _words = words;
        _bytes = bytes;
        _budget = budget;
        _maxNodes = maxNodes;
        _maxSearchItems = maxSearchItems;
    }

    /// <summary>The chosen items, the objective value, and whether the search proved it optimal over the items it considered.</summary>
    public (List<int> Items, double Value, bool Optimal) Solve()
    {
        int n = _words.Length;
        _covered = new int[_conceptWeight.Length];
        _byDensity = new int[n];
        _density = new double[n];
        _order = Enumerable.Range(0, n)
            .Where(i => _budget.Fits(_words[i], _bytes[i]))
            .OrderByDescending(i => Gain(i) / _words[i]).ThenBy(i => i)
            .ToArray();

        _searchItems = Math.Min(_order.Length, _maxSearchItems);
        _best = Greedy(out _bestValue);
        _nodes = 0;
        _current.Clear();
        Search(0, 0, 0, 0);
        return (_best, _bestValue, _nodes < _maxNodes);
    }

    /// <summary>The value <paramref name="item"/> adds to what is covered now.</summary>
    private double Gain(int item)
    {
        double g = _itemValue[item];
        foreach (int c in _concepts[item])
            if (_covered[c] == 0) g += _conceptWeight[c];
        return g;
    }

    private void Take(int item, int delta)
    {
        foreach (int c in _concepts[item]) _covered[c] += delta;
    }

    /// <summary>Cost-scaled greedy, then the best single item if that alone is worth more (the 1−1/e guarantee needs both).</summary>
    private List<int> Greedy(out double value)
    {
        var chosen = new List<int>();
        var used = new bool[_words.Length];
        int words = 0, bytes = 0;
        value = 0;
        while (true)
        {
            int best = -1;
            double bestRatio = 0, bestGain = 0;
            foreach (int i in _order)
            {
                if (used[i] || !_budget.Fits(words + _words[i], bytes + _bytes[i])) continue;
                double g = Gain(i);
                double ratio = g / _words[i];
                if (g > 0 && ratio > bestRatio) { bestRatio = ratio; bestGain = g; best = i; }
            }
            if (best < 0) break;
            used[best] = true;
            chosen.Add(best);
            Take(best, +1);
            words += _words[best];
            bytes += _bytes[best];
            value += bestGain;
        }
        foreach (int i in chosen) Take(i, -1);

        int single = -1;
        double singleValue = value;
        foreach (int i in _order)
        {
            double g = Gain(i);
            if (g > singleValue) { singleValue = g; single = i; }
        }
        if (single >= 0) { value = singleValue; return [single]; }
        return chosen;
    }

    private void Search(int next, double value, int words, int bytes)
    {
        if (_nodes++ >= _maxNodes) return;
        if (value > _bestValue + 1e-9)
        {
            _bestValue = value;
            _best = [.. _current];
        }
        if (next >= _searchItems || UpperBound(next, value, words) <= _bestValue + 1e-9) return;

        int item = _order[next];
        if (_budget.Fits(words + _words[item], bytes + _bytes[item]))
        {
            double g = Gain(item);
            if (g > 0)
            {
                _current.Add(item);
                Take(item, +1);
                Search(next + 1, value + g, words + _words[item], bytes + _bytes[item]);
                Take(item, -1);
                _current.RemoveAt(_current.Count - 1);
            }
        }
        Search(next + 1, value, words, bytes);
    }

    /// <summary>The fractional-knapsack bound on what items from <paramref name="next"/> on can add in the words left.</summary>
    private double UpperBound(int next, double value, int words)
    {
        int m = 0;
        for (int k = next; k < _searchItems; k++)
        {
            int i = _order[k];
            double g = Gain(i);
            if (g <= 0 || words + _words[i] > _budget.MaxWords) continue;
            _density[m] = g / _words[i];
            _byDensity[m] = i;
            m++;
        }
        Array.Sort(_density, _byDensity, 0, m);
        double bound = value;
        int left = _budget.MaxWords - words;
        for (int k = m - 1; k >= 0 && left > 0; k--)
        {
            int i = _byDensity[k];
            if (_words[i] <= left)
            {
                bound += _density[k] * _words[i];
                left -= _words[i];
            }
            else
            {
                bound += _density[k] * left;
                left = 0;
            }
        }
        return bound;
    }
}
