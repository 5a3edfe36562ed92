using Precis.Clustering;

namespace Precis.Tests.Clustering;

public class ClusterScoresTests
{
    [Fact]
    public void Perfect_grouping_scores_one_everywhere()
    {
        var scores = ClusterScores.Compute(["a", "a", "b"], ["x", "x", "y"]);
        scores.BCubed.Should().Be(new PrecisionRecall(1, 1));
        scores.Pairwise.Should().Be(new PrecisionRecall(1, 1));
        scores.PredictedClusters.Should().Be(2);
        scores.GoldClusters.Should().Be(2);
    }

    [Fact]
    public void B_cubed_and_pairwise_match_a_hand_computed_example()
    {
        // Gold {1,2} {3,4}; predicted {1,2,3} {4}.
        // B-cubed precision (2/3 + 2/3 + 1/3 + 1) / 4, recall (1 + 1 + 1/2 + 1/2) / 4.
        // Pairs predicted together: 12 13 23, of which 12 is right; gold pairs 12 34.
        var scores = ClusterScores.Compute(["a", "a", "b", "b"], ["x", "x", "x", "y"]);
        scores.BCubed.Precision.Should().BeApproximately(8.0 / 12, 1e-12);
        scores.BCubed.Recall.Should().BeApproximately(0.75, 1e-12);
        scores.Pairwise.Precision.Should().BeApproximately(1.0 / 3, 1e-12);
        scores.Pairwise.Recall.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void All_singletons_have_full_precision_and_recall_of_one_over_cluster_size()
    {
        var scores = ClusterScores.Compute(["a", "a", "a", "a"], ["1", "2", "3", "4"]);
        scores.BCubed.Precision.Should().Be(1);
        scores.BCubed.Recall.Should().Be(0.25);
        scores.Pairwise.Recall.Should().Be(0);
    }

    [Fact]
    public void Label_lists_of_different_lengths_are_a_bug()
    {
        var act = () => ClusterScores.Compute(["a"], ["x", "y"]);
        act.Should().Throw<ArgumentException>();
    }
}
