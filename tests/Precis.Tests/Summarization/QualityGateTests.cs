using Precis.Evaluation;
using Precis.Summarization;

namespace Precis.Tests.Summarization;

/// <summary>
/// The summarization quality gate: the engine, run through the whole pipeline and scored with ROUGE-1.5.5
/// (recall, stemmed, 100 words) on the DUC 2003 and TAC 2010 dev sets, stays at or above floors set about
/// 0.3 points under its measured figures (docs/evaluation.md, "Summarization"), and at least 2 ROUGE-1
/// points above our own LexRank, scored in the same run. A change that lowers a figure below its floor
/// fails here unless the floor is consciously moved.
/// </summary>
public sealed class QualityGateTests
{
    [Theory]
    // Floors moved consciously (session 2, summ branch, `precis eval summarize FILE --systems precis,lexrank`):
    // after integration duc2003 measured 39.52/11.17 with a 1.94-point margin over LexRank; with the
    // quotation shapes, the verb-led-tail fix and the faster engine it measures 39.70/11.15 and a 2.13-point
    // margin (LexRank 37.57); tac2010 measures 37.97/10.84 with a 3.29-point margin (LexRank 34.68).
    // Raised (session 3): with position-decayed lead credit and rare weight 0.1 (ConceptSettings) duc2003
    // measures 39.93/11.31, a 2.36-point margin, and tac2010 38.22/10.97, a 3.54-point margin.
    // Raised (session 4): with weekday deletion and attribution tails of up to 12 tokens (SentenceCompressor)
    // duc2003 measures 40.12/11.88, a 2.55-point margin, and tac2010 38.30/11.14, a 3.62-point margin.
    [InlineData("mds/duc2003.jsonl", 39.80, 11.55, 2.25)]
    [InlineData("mds/tac2010.jsonl", 38.00, 10.85, 3.3)]
    public void Engine_stays_above_its_measured_ROUGE_floors_and_ahead_of_LexRank(string set, double rouge1Floor, double rouge2Floor, double marginOverLexRank)
    {
        var report = SummarizationEvaluation.Run(Fixtures.EvalFile(set), new SummarizationEvaluationOptions
        {
            Systems = [Summarizers.EngineName, "lexrank"],
            ScorePeers = false,
        }).Report!;

        report.Problems.Should().BeEmpty();
        var engine = report.Systems.Single(s => s.Name == Summarizers.EngineName).Average;
        var lexRank = report.Systems.Single(s => s.Name == "lexrank").Average;

        (engine.Rouge1.Recall * 100).Should().BeGreaterThanOrEqualTo(rouge1Floor);
        (engine.Rouge2.Recall * 100).Should().BeGreaterThanOrEqualTo(rouge2Floor);
        ((engine.Rouge1.Recall - lexRank.Rouge1.Recall) * 100).Should().BeGreaterThanOrEqualTo(marginOverLexRank);
    }
}
