using Precis.Evaluation;
using Precis.Evaluation.Rouge;
using Precis.Summarization;
using Precis.Text;

namespace Precis.Tests.Rouge;

public sealed class SummarizationEvaluationTests
{
    private static string Duc2003 => Fixtures.EvalFile("mds/duc2003.jsonl");

    private static readonly Lazy<SummarizationEvaluationReport> PeersOnDuc2003 = new(() =>
        SummarizationEvaluation.Run(Duc2003, new SummarizationEvaluationOptions { Systems = [] }).Report!);

    private static readonly Lazy<SummarizationEvaluationReport> EngineOnDuc2003 = new(() =>
        SummarizationEvaluation.Run(Duc2003, new SummarizationEvaluationOptions { ScorePeers = false }).Report!);

    [Fact]
    public void A_peer_scores_what_scoring_its_summaries_directly_gives()
    {
        var file = MdsFile.Read(Duc2003);
        var scorer = new RougeScorer(RougeProtocols.Get(RougeProtocols.Duc100Words, 100)!);
        var direct = file.Clusters.Select(c => scorer.Score(
            c.Peers["lead_first"].Split('\n'),
            c.References.Select(r => (IReadOnlyList<string>)SentenceSplitter.Split(r).Select(s => r.Substring(s.Start, s.Length)).ToList()).ToList())).ToList();

        var leadFirst = PeersOnDuc2003.Value.Systems.Single(s => s.Name == "lead_first");

        leadFirst.Kind.Should().Be(SystemKind.Peer);
        leadFirst.Clusters.Select(c => c.Scores).Should().Equal(direct);
        leadFirst.Average.Should().Be(RougeScores.Average(direct));
    }

    /// <summary>The sets' README gives sumy LexRank's ROUGE-1.5.5 recall (stemmed, first 100 words) for orientation.</summary>
    [Theory]
    [InlineData("mds/duc2003.jsonl", 35.59, 7.94)]
    [InlineData("mds/tac2010.jsonl", 34.94, 8.04)]
    public void Sumy_LexRank_scores_the_figures_published_with_the_set(string set, double rouge1, double rouge2)
    {
        var report = SummarizationEvaluation.Run(Fixtures.EvalFile(set), new SummarizationEvaluationOptions { Systems = [] }).Report!;

        var lexRank = report.Systems.Single(s => s.Name == "sumy_lexrank").Average;

        Math.Round(lexRank.Rouge1.Recall * 100, 2).Should().Be(rouge1);
        Math.Round(lexRank.Rouge2.Recall * 100, 2).Should().Be(rouge2);
    }

    [Fact]
    public void Systems_are_sorted_by_ROUGE_2_recall_and_every_peer_covers_every_cluster()
    {
        var report = PeersOnDuc2003.Value;

        report.Clusters.Should().Be(30);
        report.Words.Should().Be(100);
        report.Problems.Should().BeEmpty();
        report.Systems.Should().HaveCount(10).And.OnlyContain(s => s.Clusters.Count == 30);
        report.Systems.Select(s => s.Average.Rouge2.Recall).Should().BeInDescendingOrder();
    }

    /// <summary>Floors a little under what the centroid summarizer measured (R1 36.22, R2 9.20; docs/evaluation.md).</summary>
    [Fact]
    public void Engine_summarizes_every_cluster_and_stays_above_its_measured_floor()
    {
        var engine = EngineOnDuc2003.Value.Systems.Should().ContainSingle().Subject;

        engine.Name.Should().Be(Summarizers.EngineName);
        engine.Kind.Should().Be(SystemKind.Summarizer);
        engine.Clusters.Should().HaveCount(30);
        engine.ClustersPerSecond.Should().BePositive();
        engine.Average.Rouge1.Recall.Should().BeGreaterThanOrEqualTo(0.35);
        engine.Average.Rouge2.Recall.Should().BeGreaterThanOrEqualTo(0.085);
    }

    [Fact]
    public void Engine_results_are_the_same_on_every_run()
    {
        var again = SummarizationEvaluation.Run(Duc2003, new SummarizationEvaluationOptions { ScorePeers = false }).Report!;

        again.Systems.Single().Clusters.Should().Equal(EngineOnDuc2003.Value.Systems.Single().Clusters);
    }

    [Fact]
    public void A_budget_override_sets_the_ROUGE_word_limit()
    {
        var report = SummarizationEvaluation.Run(Duc2003, new SummarizationEvaluationOptions { Systems = [], Words = 50 }).Report!;

        report.Words.Should().Be(50);
        report.Rouge.Should().Be(new RougeOptions { Stem = true, WordLimit = 50 });
    }

    [Fact]
    public void WCEP_protocol_cuts_at_40_words_without_stemming_and_ranks_by_F1()
    {
        var report = SummarizationEvaluation.Run(Duc2003, new SummarizationEvaluationOptions { Systems = [], Protocol = RougeProtocols.Wcep40Words }).Report!;

        report.Rouge.Should().Be(new RougeOptions { WordLimit = 40 });
        report.Systems.Select(s => s.Average.Rouge2.F).Should().BeInDescendingOrder();
    }

    [Theory]
    [InlineData("no-such-summarizer", RougeProtocols.Duc100Words, "unknown system")]
    [InlineData(null, "duc-42", "unknown protocol")]
    public void Unknown_systems_and_protocols_are_refused_with_a_reason(string? system, string protocol, string reason)
    {
        var options = new SummarizationEvaluationOptions { Protocol = protocol, Systems = system is null ? [] : [system] };

        var result = SummarizationEvaluation.Run(Duc2003, options);

        result.Report.Should().BeNull();
        result.Error.Should().Contain(reason);
    }
}
