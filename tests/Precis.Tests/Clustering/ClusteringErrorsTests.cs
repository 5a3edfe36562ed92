using Precis.Clustering;

namespace Precis.Tests.Clustering;

public class ClusteringErrorsTests
{
    [Fact]
    public void A_split_counts_the_gold_pairs_kept_apart_and_a_merge_the_wrong_pairs_put_together()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "x", ["d"] = "y" };
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2", ["d"] = "2" };

        var errors = ClusteringErrors.Find(gold, predicted, [], worst: 5);

        var split = errors.Splits.Should().ContainSingle().Subject;
        split.Label.Should().Be("x");
        split.LostPairs.Should().Be(2);
        split.Parts.Select(p => p.Select(a => a.Id)).Should().BeEquivalentTo(new[] { new[] { "a", "b" }, new[] { "c" } }, o => o.WithStrictOrdering());
        var merge = errors.Merges.Should().ContainSingle().Subject;
        merge.Label.Should().Be("2");
        merge.LostPairs.Should().Be(1);
        (errors.SplitPairs, errors.MergedPairs, errors.GoldPairs).Should().Be((2L, 1L, 3L));
    }

    [Fact]
    public void A_perfect_prediction_has_no_errors()
    {
        var labels = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y" };

        var errors = ClusteringErrors.Find(labels, labels, [], worst: 5);

        errors.Splits.Should().BeEmpty();
        errors.Merges.Should().BeEmpty();
        errors.SplitPairs.Should().Be(0);
    }
}
