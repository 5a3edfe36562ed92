namespace Precis.Summarization;

/// <summary>
/// Budgeted maximum coverage: choose items (sentences) whose total cost fits a budget so that the summed
/// weight of the concepts they cover, each counted once, plus the items' own values, is as large as
/// possible — the objective of concept-based summarization (Gillick and Favre 2009), which they solve as
/// an integer linear program. Here it is solved by branch and bound: items in order of value per word,
/// include-before-exclude depth-first search, pruned by the fractional-knapsack bound on the items' marginal
/// gains (valid because coverage is submodular: what a set adds is at most the sum of what its items
/// add alone). The search starts from the cost-scaled greedy solution (Lin and Bilmes 2010, with the
/// best single item), which considers every item, so it always has an answer at least as good as greedy's
/// (the cost-scaled greedy with the best single item is within a constant factor of the optimum, Khuller,
/// Moss and Naor 1999). The search considers the <c>maxSearchItems</c> items with the most value per word
/// and stops after <c>maxNodes</c> nodes, so its work is bounded whatever the input: at most
/// <c>maxNodes</c> bounds over <c>maxSearchItems</c> items. The answer is proven optimal (over those items)
/// when the search finishes within the limit. Each item's concepts must be distinct.
/// <para>
/// The bound needs every remaining item's marginal gain at every node; the gains are kept up to date as
/// items are taken and put back (through each concept's list of search items), not recomputed.
/// </para>
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
    private int _searchItems;

    // For the search items only (positions in _order): current marginal gain, and each concept's items.
    private double[] _gain = [];
    private int[] _postingStart = [];
    private int[] _postings = [];
    private int[] _boundItems = [];
    private double[] _boundDensity = [];

    private readonly List<int> _current = [];
    private List<int> _best = [];
    private double _bestValue;
    private int _nodes;

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
        var fitting = new List<int>(n);
        for (int i = 0; i < n; i++)
            if (_budget.Fits(_words[i], _bytes[i])) fitting.Add(i);
        var keys = new (double Density, int Item)[fitting.Count];
        for (int k = 0; k < fitting.Count; k++) keys[k] = (-Gain(fitting[k]) / _words[fitting[k]], fitting[k]);
        // Densest first; equal densities in item order (the item breaks the tie).
        Array.Sort(keys);
        _order = new int[keys.Length];
        for (int k = 0; k < keys.Length; k++) _order[k] = keys[k].Item;

        _searchItems = Math.Min(_order.Length, _maxSearchItems);
        _best = Greedy(out _bestValue);
        _nodes = 0;
        _current.Clear();
        PrepareSearch();
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

    /// <summary>Cost-scaled greedy, then the best single item if that alone is worth more (the guarantee needs both).</summary>
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
            foreach (int c in _concepts[best]) _covered[c]++;
            words += _words[best];
            bytes += _bytes[best];
            value += bestGain;
        }
        foreach (int i in chosen)
            foreach (int c in _concepts[i]) _covered[c]--;

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

    /// <summary>The search items' gains with nothing covered, and each concept's list of search items (positions in the order).</summary>
    private void PrepareSearch()
    {
        int m = _searchItems;
        _gain = new double[m];
        _boundItems = new int[m];
        _boundDensity = new double[m];
        _postingStart = new int[_conceptWeight.Length + 1];
        for (int k = 0; k < m; k++)
        {
            int item = _order[k];
            _gain[k] = Gain(item) - _itemValue[item];
            foreach (int c in _concepts[item]) _postingStart[c + 1]++;
        }
        for (int c = 0; c < _conceptWeight.Length; c++) _postingStart[c + 1] += _postingStart[c];
        _postings = new int[_postingStart[^1]];
        var fill = new int[_conceptWeight.Length];
        for (int k = 0; k < m; k++)
            foreach (int c in _concepts[_order[k]]) _postings[_postingStart[c] + fill[c]++] = k;
    }

    /// <summary>Takes (<paramref name="delta"/> = 1) or puts back (−1) an item: concepts it covers first or last change the gains of the items that share them.</summary>
    private void Take(int item, int delta)
    {
        foreach (int c in _concepts[item])
        {
            int before = _covered[c];
            _covered[c] = before + delta;
            if (before != 0 && before + delta != 0) continue;
            double change = delta > 0 ? -_conceptWeight[c] : _conceptWeight[c];
            for (int p = _postingStart[c]; p < _postingStart[c + 1]; p++) _gain[_postings[p]] += change;
        }
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

    /// <summary>
    /// The fractional-knapsack bound on what items from <paramref name="next"/> on can add in the words
    /// left: the densest first, found by selection (a few items fill a summary, so that beats sorting).
    /// </summary>
    private double UpperBound(int next, double value, int words)
    {
        int m = 0;
        int left = _budget.MaxWords - words;
        for (int k = next; k < _searchItems; k++)
        {
            int i = _order[k];
            double g = _gain[k] + _itemValue[i];
            if (g <= 1e-12 || _words[i] > left) continue;
            _boundDensity[m] = g / _words[i];
            _boundItems[m] = i;
            m++;
        }
        double bound = value;
        while (left > 0 && m > 0)
        {
            int top = 0;
            for (int k = 1; k < m; k++)
                if (_boundDensity[k] > _boundDensity[top]) top = k;
            int i = _boundItems[top];
            int take = Math.Min(_words[i], left);
            bound += _boundDensity[top] * take;
            left -= take;
            m--;
            _boundDensity[top] = _boundDensity[m];
            _boundItems[top] = _boundItems[m];
        }
        return bound;
    }
}
