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
            Measure = BenchMeasurements.Floor | BenchMeasurements.Prepare | BenchMeasurements.Stream | BenchMeasurements.Digest,
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

        report.Results.Select(r => r.Measurement).Should().Equal(BenchMeasurements.Floor, BenchMeasurements.Prepare, BenchMeasurements.Stream, BenchMeasurements.Digest);
        static List<string> Measured(BenchResult r) => r.Median.Measured.Select(s => s.Stage).Where(s => s is not StageTimer.Untracked and not StageTimer.OtherThreads).ToList();
        Measured(report.Find(BenchMeasurements.Digest)!).Should().Equal(PipelineBench.ReadStage, "clean", "segment", "dedup", "cluster", "summarize", "facts", PipelineBench.OutputStage);
        Measured(report.Find(BenchMeasurements.Stream)!).Should().Equal(PipelineBench.ReadStage, "clean", "segment", "cluster", "dedup", "summarize", "facts", PipelineBench.OutputStage);
        Measured(report.Find(BenchMeasurements.Prepare)!).Should().Equal(PipelineBench.ReadStage, "clean", "segment");
        Measured(report.Find(BenchMeasurements.Floor)!).Should().Equal(PipelineBench.FloorStage);
        foreach (var result in report.Results)
        {
            result.Median.Stages.Should().Contain(s => s.Stage == PipelineBench.MakeStage, "making the stream is timed apart");
            result.Median.Total.Should().Be(TimeSpan.FromTicks(result.Median.Stages.Where(s => s.Stage != PipelineBench.MakeStage).Sum(s => s.Elapsed.Ticks)));
        }
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

        foreach (var measurement in (BenchMeasurements[])[BenchMeasurements.Digest, BenchMeasurements.Stream])
        {
            var digest = report.Find(measurement)!.Median.Counts;
            (digest.Kept + digest.Duplicates + digest.Rejected).Should().Be(Articles, measurement.ToString());
            digest.Rejected.Should().Be(prepare.Rejected);
            (digest.Duplicates + digest.Rejected).Should().BeGreaterThanOrEqualTo(stream.ExactCopies, "a byte-for-byte copy is a duplicate, or rejected with its original");
            digest.Events.Should().BeGreaterThan(0);
            digest.OutputBytes.Should().BeGreaterThan(0);
        }
        report.PeakWorkingSetBytes.Should().BeGreaterThanOrEqualTo(report.Results[^1].PeakWorkingSetBytes);
    }
}
