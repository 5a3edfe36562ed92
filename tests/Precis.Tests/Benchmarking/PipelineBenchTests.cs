using Precis.Benchmarking;
using Precis.Pipeline;

namespace Precis.Tests.Benchmarking;

/// <summary>One bench run of every measurement on a small stream, shared by the tests that inspect it.</summary>
public sealed class SmallBenchRun
{
    public const int Articles = 120;

    public SmallBenchRun()
    {
        var corpus = SourceCorpus.Load(SourceCorpus.DefaultFiles(Fixtures.Eval));
        Stream = SyntheticStreamBuilder.Build(corpus, new SyntheticStreamOptions { Articles = Articles, Seed = 5, CopyShare = 0.1 });
        var pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
        var options = new PipelineBenchOptions
        {
            Measure = BenchMeasurements.Floor | BenchMeasurements.Prepare | BenchMeasurements.Digest,
            Runs = 1,
            WarmupArticles = 0,
        };
        Report = new PipelineBench(pipeline).Run(Stream, options);
    }

    public SyntheticStream Stream { get; }
    public BenchReport Report { get; }
}

/// <summary>The bench harness's bookkeeping on a small stream; how fast anything runs is not a test's business.</summary>
public class PipelineBenchTests(SmallBenchRun run) : IClassFixture<SmallBenchRun>
{
    private const int Articles = SmallBenchRun.Articles;

    [Fact]
    public void Bench_reports_every_pipeline_stage_in_order_and_the_stages_add_up_to_the_total()
    {
        var report = run.Report;

        report.Results.Select(r => r.Measurement).Should().Equal(BenchMeasurements.Floor, BenchMeasurements.Prepare, BenchMeasurements.Digest);
        var digest = report.Find(BenchMeasurements.Digest)!.Median.Stages.Select(s => s.Stage).Where(s => s != StageTimer.Untracked).Distinct().ToList();
        digest.Should().ContainInOrder(PipelineBench.ReadStage, "clean", "segment", "dedup", "cluster", "summarize", "facts", PipelineBench.OutputStage)
            .And.StartWith(PipelineBench.ReadStage).And.EndWith(PipelineBench.OutputStage);
        report.Find(BenchMeasurements.Prepare)!.Median.Stages.Select(s => s.Stage).Where(s => s != StageTimer.Untracked)
            .Should().Equal(PipelineBench.ReadStage, "clean", "segment");
        foreach (var result in report.Results)
            TimeSpan.FromTicks(result.Median.Stages.Sum(s => s.Elapsed.Ticks)).Should().Be(result.Median.Total);
    }

    [Fact]
    public void Bench_accounts_for_every_article()
    {
        var report = run.Report;
        var stream = run.Stream;

        var floor = report.Find(BenchMeasurements.Floor)!.Median.Counts;
        floor.Kept.Should().Be(Articles);
        floor.Tokens.Should().BeGreaterThan(Articles * 100L, "news articles run to hundreds of tokens");

        var prepare = report.Find(BenchMeasurements.Prepare)!.Median.Counts;
        (prepare.Kept + prepare.Rejected).Should().Be(Articles);

        var digest = report.Find(BenchMeasurements.Digest)!.Median.Counts;
        (digest.Kept + digest.Duplicates + digest.Rejected).Should().Be(Articles);
        digest.Rejected.Should().Be(prepare.Rejected);
        (digest.Duplicates + digest.Rejected).Should().BeGreaterThanOrEqualTo(stream.ExactCopies, "a byte-for-byte copy is a duplicate, or rejected with its original");
        digest.Events.Should().BeGreaterThan(0);
        digest.OutputBytes.Should().BeGreaterThan(0);
        report.PeakWorkingSetBytes.Should().BeGreaterThanOrEqualTo(report.Results[^1].PeakWorkingSetBytes);
    }
}
