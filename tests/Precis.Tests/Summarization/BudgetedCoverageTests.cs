using Precis.Summarization;

namespace Precis.Tests.Summarization;

/// <summary>The budgeted maximum-coverage solver: exact where the search completes, never over budget.</summary>
public sealed class BudgetedCoverageTests
{
    private static (List<int> Items, double Value, bool Optimal) Solve(int[][] concepts, double[] weight, int[] words, int maxWords, double[]? value = null, int maxNodes = 100_000) =>
        new BudgetedCoverage(concepts, weight, value ?? new double[words.Length], words, words.Select(w => w * 6).ToArray(), new SummaryBudget(maxWords, 0), maxNodes, int.MaxValue).Solve();

    [Fact]
    public void Finds_the_optimum_where_greedy_by_density_does_not()
    {
        // Item 0 is densest (11 per word) but uses the budget badly; items 1 and 2 together cover more.
        int[][] concepts = [[0], [1], [2]];
        double[] weight = [66, 50, 50];
        int[] words = [6, 5, 5];

        var (items, value, optimal) = Solve(concepts, weight, words, maxWords: 10);

        items.Should().BeEquivalentTo([1, 2]);
        value.Should().Be(100);
        optimal.Should().BeTrue();
    }

    [Fact]
    public void A_concept_counts_once_however_many_chosen_items_cover_it()
    {
        int[][] concepts = [[0, 1], [0, 1], [2]];
        double[] weight = [10, 10, 3];
        int[] words = [5, 5, 5];

        var (items, value, _) = Solve(concepts, weight, words, maxWords: 10);

        items.Should().HaveCount(2).And.Contain(2);
        value.Should().Be(23);
    }

    [Fact]
    public void Nothing_fits_when_every_item_is_over_budget()
    {
        var (items, value, optimal) = Solve([[0]], [5], [20], maxWords: 10);

        items.Should().BeEmpty();
        value.Should().Be(0);
        optimal.Should().BeTrue();
    }

    [Fact]
    public void Byte_budget_is_respected_as_well_as_the_word_budget()
    {
        int[][] concepts = [[0], [1]];
        var solver = new BudgetedCoverage(concepts, [5, 4], [0, 0], [3, 3], [40, 40], new SummaryBudget(100, 60), 1000, int.MaxValue);

        var (items, _, _) = solver.Solve();

        items.Should().ContainSingle().Which.Should().Be(0);
    }

    /// <summary>Random small instances, checked against enumerating every subset.</summary>
    [Fact]
    public void Matches_brute_force_on_random_instances()
    {
        var random = new Random(20040);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 13), conceptCount = random.Next(1, 15), budget = random.Next(5, 40);
            var concepts = new int[n][];
            var words = new int[n];
            var value = new double[n];
            for (int i = 0; i < n; i++)
            {
                concepts[i] = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(conceptCount)).Distinct().ToArray();
                words[i] = random.Next(1, 20);
                value[i] = random.Next(0, 3) * 0.5;
            }
            var weight = Enumerable.Range(0, conceptCount).Select(_ => (double)random.Next(0, 10)).ToArray();

            var (items, found, optimal) = Solve(concepts, weight, words, budget, value);

            optimal.Should().BeTrue();
            items.Sum(i => words[i]).Should().BeLessThanOrEqualTo(budget);
            found.Should().BeApproximately(Objective(items, concepts, weight, value), 1e-9);
            found.Should().BeApproximately(BruteForce(concepts, weight, value, words, budget), 1e-9, $"round {round}");
        }
    }

    [Fact]
    public void A_search_cut_short_still_returns_a_feasible_answer_at_least_as_good_as_greedy()
    {
        var random = new Random(7);
        int n = 40;
        var concepts = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 6).Select(_ => random.Next(60)).Distinct().ToArray()).ToArray();
        var weight = Enumerable.Range(0, 60).Select(_ => (double)random.Next(1, 10)).ToArray();
        var words = Enumerable.Range(0, n).Select(_ => random.Next(8, 30)).ToArray();

        var (cut, cutValue, cutOptimal) = Solve(concepts, weight, words, 120, maxNodes: 5);
        var (_, greedyValue, _) = Solve(concepts, weight, words, 120, maxNodes: 0);
        var (_, bestValue, bestOptimal) = Solve(concepts, weight, words, 120);

        cutOptimal.Should().BeFalse();
        cut.Sum(i => words[i]).Should().BeLessThanOrEqualTo(120);
        cutValue.Should().BeGreaterThanOrEqualTo(greedyValue).And.BeLessThanOrEqualTo(bestValue);
        bestOptimal.Should().BeTrue();
    }

    private static double Objective(IEnumerable<int> items, int[][] concepts, double[] weight, double[] value)
    {
        var list = items.ToList();
        return list.SelectMany(i => concepts[i]).Distinct().Sum(c => weight[c]) + list.Sum(i => value[i]);
    }

    private static double BruteForce(int[][] concepts, double[] weight, double[] value, int[] words, int budget)
    {
        double best = 0;
        for (int mask = 0; mask < 1 << words.Length; mask++)
        {
            var items = Enumerable.Range(0, words.Length).Where(i => (mask >> i & 1) == 1).ToList();
            if (items.Sum(i => words[i]) <= budget) best = Math.Max(best, Objective(items, concepts, weight, value));
        }
        return best;
    }
}
