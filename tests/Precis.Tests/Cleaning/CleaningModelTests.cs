using System.Runtime.Intrinsics.X86;
using Precis.Cleaning;

namespace Precis.Tests.Cleaning;

public sealed class CleaningModelTests
{
    [Fact]
    public void Shipped_model_survives_a_write_and_read_round_trip()
    {
        string text = CleaningModel.Default.Format("round trip");
        var again = CleaningModel.Parse(text);
        again.Format("round trip").Should().Be(text);
        again.Scorer.Local.Trees.Should().Be(CleaningModelTrainer.Settings.Trees);
    }

    [Fact]
    public void Model_file_with_an_unknown_feature_is_rejected_as_stale()
    {
        string text = CleaningModel.Default.Format("stale").Replace("log_words>", "retired_feature>", StringComparison.Ordinal);
        var parse = () => CleaningModel.Parse(text);
        parse.Should().Throw<InvalidOperationException>().WithMessage("*retired_feature*retrain*");
    }

    [Fact]
    public void Boosted_trees_learn_a_threshold_rule_and_respect_sample_weights()
    {
        var trainer = new BoostedTreesTrainer(2);
        for (int i = 0; i < 200; i++)
        {
            float x = i / 200f;
            trainer.Add([1, x], x > 0.6f, 1);
        }
        // Heavy samples that contradict the rule near the threshold pull the split towards them.
        for (int i = 0; i < 10; i++) trainer.Add([1, 0.55f], true, 50);
        var model = trainer.Fit(["bias", "x"], new BoostingSettings(Trees: 30, Depth: 2, LearningRate: 0.3, L2: 1, MinChildWeight: 1));
        model.Probability([1, 0.9f]).Should().BeGreaterThan(0.9);
        model.Probability([1, 0.1f]).Should().BeLessThan(0.1);
        model.Probability([1, 0.55f]).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void Vectorised_tree_walk_gives_bit_identical_probabilities_to_the_portable_one()
    {
        Assert.SkipUnless(Avx512F.IsSupported, "The vectorised walk needs AVX-512.");
        var scorer = CleaningModel.Default.Scorer;
        int lines = 0;
        foreach (string file in Directory.GetFiles(Fixtures.Seeds, "*.txt"))
        {
            var page = PageLines.Analyze(File.ReadAllText(file), reference: null);
            using var local = LineScorer.LocalFeatures(page);
            var firstPass = scorer.Local.ProbabilitiesPortable(local);
            scorer.Local.ProbabilitiesAvx512(local).Should().Equal(firstPass);
            using var context = LineScorer.ContextFeatures(page, PageContext.From(page, firstPass), local);
            scorer.Context.ProbabilitiesAvx512(context).Should().Equal(scorer.Context.ProbabilitiesPortable(context));
            lines += page.Count;
        }
        lines.Should().BeGreaterThan(100, "the seeds have pages of many lines, so several 8-line blocks and a partial one are compared");
    }
}
