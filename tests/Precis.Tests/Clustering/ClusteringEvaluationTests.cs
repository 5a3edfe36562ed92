using Precis.Clustering;
using Precis.Segmentation;

namespace Precis.Tests.Clustering;

/// <summary>Prepares both development sets once for the evaluation gate.</summary>
public sealed class ClusteringGoldSets
{
    public ClusteringEvaluation Evaluation { get; } = new();
    public GoldSet Pooled { get; }
    public GoldSet EcbPlus { get; }

    public ClusteringGoldSets()
    {
        Pooled = Evaluation.Load(Fixtures.EvalFile("clustering/pooled-dev.jsonl"));
        EcbPlus = Evaluation.Load(Fixtures.EvalFile("clustering/ecbplus-odd-topics.jsonl"));
    }
}

/// <summary>
/// The evaluation gate: B-cubed F1 of the engine (batch mode, as the pipeline runs it) may not fall
/// below the figures measured with <c>precis eval cluster</c> (docs/evaluation.md, Clustering), and must
/// not depend on the input order. Moving a floor is a conscious change to this file.
/// </summary>
public class ClusteringEvaluationTests(ClusteringGoldSets sets) : IClassFixture<ClusteringGoldSets>
{
    /// <summary>Measured 0.9265 in the input order, 0.9255–0.9328 over five shuffles (`precis eval cluster
    /// pooled-dev.jsonl --shuffles 5`) since a story back after a quiet window needs a stronger link (session 5);
    /// 0.9196 and 0.9186–0.9259 before (floor 0.915), with the latent step; 0.9092–0.9103 before that (floor
    /// 0.905), 0.8539–0.8609 before the scaled linkage (floor 0.850).</summary>
    private const double PooledFloor = 0.922;

    /// <summary>Measured 0.9296 in the input order, 0.9296–0.9324 over five shuffles (same command on
    /// ecbplus-odd-topics.jsonl); 0.9296 in every order without the latent step, 0.8886 before the scaled
    /// linkage (floor 0.885).</summary>
    private const double EcbPlusFloor = 0.925;

    /// <summary>The brief asks for ±0.01 across orders.</summary>
    private const double MaxSpread = 0.01;

    [Fact]
    public void Pooled_dev_B_cubed_F1_holds_its_floor()
    {
        var run = sets.Evaluation.Run(sets.Pooled, engineOnly: true);
        run.Engine.Scores.BCubed.F1.Should().BeGreaterThanOrEqualTo(PooledFloor);
        run.Articles.Should().Be(850);
    }

    [Fact]
    public void Ecb_plus_odd_topics_B_cubed_F1_holds_its_floor()
    {
        var run = sets.Evaluation.Run(sets.EcbPlus, engineOnly: true);
        run.Engine.Scores.BCubed.F1.Should().BeGreaterThanOrEqualTo(EcbPlusFloor);
        run.Articles.Should().Be(496);
    }

    [Theory]
    [InlineData("pooled")]
    [InlineData("ecbplus")]
    public void B_cubed_F1_is_stable_across_five_shuffled_orders(string set)
    {
        var gold = set == "pooled" ? sets.Pooled : sets.EcbPlus;
        double floor = set == "pooled" ? PooledFloor : EcbPlusFloor;

        var f1 = Enumerable.Range(1, 5).Select(seed => sets.Evaluation.Run(gold, seed, engineOnly: true).Engine.Scores.BCubed.F1).ToList();

        (f1.Max() - f1.Min()).Should().BeLessThanOrEqualTo(MaxSpread);
        f1.Min().Should().BeGreaterThanOrEqualTo(floor);
    }
}

/// <summary>
/// The streaming clusterer's gate: B-cubed F1 of the online mode, fed in arrival order (by date, see
/// <see cref="ClusteringEvaluation.ArrivalOrder"/>), may not fall below what
/// <c>precis eval cluster pooled-dev.jsonl ecbplus-odd-topics.jsonl --shuffles 5</c> measured
/// (docs/evaluation.md, Clustering). Its recall is bounded by the window, which closes long-running gold
/// topics: the gold events cut by the window reach only 0.822 recall on pooled (the "gold events cut by the
/// stream's window" row of the same command).
/// </summary>
public class OnlineClusteringEvaluationTests(ClusteringGoldSets sets) : IClassFixture<ClusteringGoldSets>
{
    /// <summary>Measured 0.8609 in the input order (P 0.9452, R 0.7904), 0.8474–0.8558 over shuffled orders 1–5
    /// (mean 0.8504) since the events that close are clustered again together with the IDF of that moment;
    /// 0.8378, 0.8178–0.8304 before (floor 0.81).</summary>
    private const double PooledFloor = 0.84;

    /// <summary>Measured 0.9440 in the input order and in all five shuffled orders (every ECB+ event closes at
    /// the end of the undated stream and is clustered again with the whole stream's IDF); 0.9057,
    /// 0.8912–0.9258 before (floor 0.88).</summary>
    private const double EcbPlusFloor = 0.935;

    /// <summary>The brief asks for ±0.01 across orders.</summary>
    private const double MaxSpread = 0.01;

    [Theory]
    [InlineData("pooled")]
    [InlineData("ecbplus")]
    public void Online_B_cubed_F1_holds_its_floor_in_the_input_order(string set)
    {
        var gold = set == "pooled" ? sets.Pooled : sets.EcbPlus;

        var online = sets.Evaluation.RunOnline(gold);

        online.Scores.BCubed.F1.Should().BeGreaterThanOrEqualTo(set == "pooled" ? PooledFloor : EcbPlusFloor);
    }

    [Theory]
    [InlineData("pooled")]
    [InlineData("ecbplus")]
    public void Online_B_cubed_F1_is_stable_across_five_shuffled_orders(string set)
    {
        var gold = set == "pooled" ? sets.Pooled : sets.EcbPlus;

        var f1 = Enumerable.Range(1, 5).Select(seed => sets.Evaluation.RunOnline(gold, seed).Scores.BCubed.F1).ToList();

        (f1.Max() - f1.Min()).Should().BeLessThanOrEqualTo(MaxSpread);
        f1.Min().Should().BeGreaterThanOrEqualTo(set == "pooled" ? PooledFloor : EcbPlusFloor);
    }

    [Fact]
    public void The_window_limit_cuts_a_gold_event_where_the_stream_would_close_it()
    {
        // The flood goes quiet for 20 days, past the 7-day window; a chess story runs in between.
        var documents = Stories.Prepare(
            Stories.Articles("early", Stories.BrackwaterFlood[..2])
                .Concat(Stories.Articles("chess", Stories.NorthfieldChess[..1], day: 10))
                .Concat(Stories.Articles("late", Stories.BrackwaterFlood[2..3], day: 20)));
        var gold = documents.ToDictionary(d => d.Id, d => d.Id.StartsWith("chess", StringComparison.Ordinal) ? "chess" : "flood");

        var pieces = ClusteringEvaluation.WindowCut(documents, gold, new ClusteringOptions());

        pieces.Select(p => p.Select(i => documents[i].Id)).Should().BeEquivalentTo(
            new[] { new[] { "early-1", "early-2" }, new[] { "chess-1" }, new[] { "late-1" } }, o => o.WithStrictOrdering());
    }

    /// <summary>
    /// The stream's clusterer reads the tokens the splitter kept (<see cref="Segmenter.Segment(int, Precis.Cleaning.CleanedArticle, SentenceTokens?)"/>);
    /// batch mode and the evaluation tokenize each sentence span again. Both must read the same tokens, or the
    /// stream would cluster differently from what the online figures measure.
    /// </summary>
    [Fact]
    public void Segmentation_keeps_the_same_tokens_as_tokenizing_each_sentence_again()
    {
        var kept = new SentenceTokens();
        var reread = new SentenceTokens();
        int sentences = 0;
        foreach (var document in sets.Pooled.Documents.Concat(sets.EcbPlus.Documents))
        {
            var segmented = Segmenter.Segment(document.Index, document.Cleaned, kept);
            reread.Read(segmented);

            kept.SentenceCount.Should().Be(segmented.Sentences.Count);
            for (int i = 0; i < kept.SentenceCount; i++)
            {
                if (!kept.Of(i).SequenceEqual(reread.Of(i))) Assert.Fail($"{document.Id} sentence {i}: the splitter's tokens differ from the sentence's own.");
                sentences++;
            }
        }
        sentences.Should().BeGreaterThan(10_000);
    }
}
