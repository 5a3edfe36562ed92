using System.CommandLine;
using System.Globalization;
using System.Text;
using Precis.Benchmarking;
using Precis.Pipeline;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench</c>: whole-pipeline throughput on a synthetic stream built in memory from the evaluation
/// sets, per stage, on one core, against the read+decode+tokenize floor. Its last line is the summary that
/// docs/benchmarks.md records.
/// </summary>
internal static class BenchCommand
{
    private const double MB = 1_000_000.0;

    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles in the synthetic stream.", DefaultValueFactory = _ => 100_000 };
        var stages = new Option<string[]>("--stages")
        {
            Description = "What to measure: floor (read, decode, tokenize), prepare (read, clean, segment), digest (read, every stage, JSON output).",
            DefaultValueFactory = _ => ["floor", "digest"],
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic stream.", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Runs of each measurement; the run with the median CPU time is shown.", DefaultValueFactory = _ => 1 };
        var eval = new Option<string?>("--eval") { Description = "The evaluation data folder the stream is built from (default: the nearest shared/eval above the current folder, else above the executable)." };
        var command = new Command("bench", "Measure whole-pipeline throughput, per stage, on one core, on a synthetic stream.") { articles, stages, seed, runs, eval };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(articles);
            int runCount = parse.GetValue(runs);
            if (n < 1) return CliOutput.Fail(ExitCodes.Usage, "--articles must be a positive number");
            if (runCount < 1) return CliOutput.Fail(ExitCodes.Usage, "--runs must be a positive number");
            if (!TryParseStages(parse.GetValue(stages)!, out var measure, out string? error)) return CliOutput.Fail(ExitCodes.Usage, error!);
            string? evalDir = parse.GetValue(eval)
                ?? SourceCorpus.FindEvalDirectory(Environment.CurrentDirectory)
                ?? SourceCorpus.FindEvalDirectory(AppContext.BaseDirectory);
            if (evalDir is null || !Directory.Exists(Path.Combine(evalDir, "mds")))
                return CliOutput.Fail(ExitCodes.Usage, "no evaluation data: pass --eval pointing at shared/eval (with mds/ and clustering/)");

            SourceCorpus corpus;
            SyntheticStream stream;
            try
            {
                corpus = SourceCorpus.Load(SourceCorpus.DefaultFiles(evalDir));
                stream = SyntheticStreamBuilder.Build(corpus, new SyntheticStreamOptions { Articles = n, Seed = parse.GetValue(seed) });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return CliOutput.Fail(ExitCodes.Usage, $"cannot build the stream from {evalDir}: {e.Message}");
            }
            var pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
            Console.Out.Write(RenderStream(corpus, stream, pipeline.Options.MaxDegreeOfParallelism, runCount));
            var report = new PipelineBench(pipeline).Run(stream, new PipelineBenchOptions { Measure = measure, Runs = runCount },
                result => Console.Out.Write(RenderResult(stream, result)));
            Console.Out.Write(RenderSummary(stream, report));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TryParseStages(string[] values, out BenchMeasurements measure, out string? error)
    {
        measure = BenchMeasurements.None;
        error = null;
        foreach (string value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            switch (value.ToLowerInvariant())
            {
                case "floor": measure |= BenchMeasurements.Floor; break;
                case "prepare": measure |= BenchMeasurements.Prepare; break;
                case "digest": measure |= BenchMeasurements.Digest; break;
                default:
                    error = $"unknown stage '{value}' for --stages: expected floor, prepare or digest";
                    return false;
            }
        }
        if (measure == BenchMeasurements.None) error = "--stages needs at least one of floor, prepare, digest";
        return error is null;
    }

    private static string RenderStream(SourceCorpus corpus, SyntheticStream stream, int maxDegreeOfParallelism, int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"stream: {stream.Articles.Count:N0} articles, {stream.TotalBytes / MB:F1} MB UTF-8, {stream.Stories:N0} stories over {stream.Options.Weeks} weeks, {stream.ExactCopies:N0} exact + {stream.NearCopies:N0} near copies, seed {stream.Options.Seed}");
        sb.AppendLine(inv, $"        built in memory from {corpus.ArticleCount:N0} real articles in {corpus.Events.Count:N0} events of the evaluation sets");
        sb.AppendLine(inv, $"single core: MaxDegreeOfParallelism = {maxDegreeOfParallelism}; {Environment.ProcessorCount} processors; .NET {Environment.Version}; {(runs == 1 ? "1 run" : $"the run with the median CPU time of {runs}")} after an untimed warm-up; MB = 10^6 bytes");
        return sb.ToString();
    }

    private static string RenderResult(SyntheticStream stream, BenchResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var run = result.Median;
        sb.AppendLine();
        sb.AppendLine(Describe(result.Measurement));
        sb.AppendLine(inv, $"  {"stage",-22} {"ms",8} {"cpu ms",8} {"articles/s",11} {"(cpu)",9} {"MB/s",7} {"alloc MB",9} {"share",6}");
        foreach (var s in ByStage(run.Stages))
            sb.AppendLine(Row(s.Stage, s.Elapsed, s.Cpu, s.AllocatedBytes, stream, run.Total));
        sb.AppendLine(Row("total", run.Total, run.Cpu, run.Stages.Sum(s => s.AllocatedBytes), stream, run.Total));
        if (result.Runs.Count > 1)
        {
            sb.AppendLine(inv, $"  runs, ms:     {string.Join(", ", result.Runs.Select(r => r.Total.TotalMilliseconds.ToString("F0", inv)))}");
            sb.AppendLine(inv, $"  runs, cpu ms: {string.Join(", ", result.Runs.Select(r => r.Cpu.TotalMilliseconds.ToString("F0", inv)))}");
        }
        var c = run.Counts;
        sb.AppendLine(result.Measurement switch
        {
            BenchMeasurements.Floor => string.Create(inv, $"  {c.Articles:N0} articles: {c.Kept:N0} decoded, {c.Rejected:N0} rejected; {c.Tokens:N0} tokens"),
            BenchMeasurements.Prepare => string.Create(inv, $"  {c.Articles:N0} articles: {c.Kept:N0} documents, {c.Rejected:N0} rejected"),
            _ => string.Create(inv, $"  {c.Articles:N0} articles: {c.Kept:N0} kept, {c.Duplicates:N0} duplicates, {c.Rejected:N0} rejected; {c.Events:N0} events; {c.OutputBytes / MB:F1} MB of JSON"),
        });
        sb.AppendLine(inv, $"  peak working set so far: {result.PeakWorkingSetBytes / MB:F0} MB");
        return sb.ToString();
    }

    private static string RenderSummary(SyntheticStream stream, BenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var floor = report.Find(BenchMeasurements.Floor);
        var pipeline = report.Find(BenchMeasurements.Digest) ?? report.Find(BenchMeasurements.Prepare);
        int n = stream.Articles.Count;
        sb.AppendLine();
        sb.AppendLine(inv, $"working set before the runs (the stream in memory, the runtime): {report.WorkingSetBeforeBytes / MB:F0} MB");
        double? floorCpu = floor?.Median.Cpu.TotalSeconds;
        double? pipelineCpu = pipeline?.Median.Cpu.TotalSeconds;
        double? floorWall = floor?.Median.Total.TotalSeconds;
        double? pipelineWall = pipeline?.Median.Total.TotalSeconds;
        sb.AppendLine(inv, $"wall time: pipeline={Whole(n, pipelineWall)} articles/s floor={Whole(n, floorWall)} articles/s ratio={Ratio(floorWall, pipelineWall)} (counts the time other processes held the core)");
        sb.AppendLine("the bench line counts CPU time: user + system time of this process, all its threads (GC and JIT included)");
        sb.AppendLine(inv, $"bench: pipeline={Whole(n, pipelineCpu)} articles/s floor={Whole(n, floorCpu)} articles/s ratio={Ratio(floorCpu, pipelineCpu)} peak={report.PeakWorkingSetBytes / MB:F0} MB");
        return sb.ToString();
    }

    /// <summary>
    /// One row per stage in order of first appearance (a stage reported twice is summed), untracked time last
    /// and left out when under a millisecond.
    /// </summary>
    private static IEnumerable<StageMeasurement> ByStage(IReadOnlyList<StageMeasurement> stages) =>
        stages.GroupBy(s => s.Stage)
            .Select(g => new StageMeasurement(g.Key, TimeSpan.FromTicks(g.Sum(s => s.Elapsed.Ticks)), TimeSpan.FromTicks(g.Sum(s => s.Cpu.Ticks)), g.Sum(s => s.AllocatedBytes)))
            .Where(s => s.Stage != StageTimer.Untracked || s.Elapsed >= TimeSpan.FromMilliseconds(1))
            .OrderBy(s => s.Stage == StageTimer.Untracked);

    private static string Row(string stage, TimeSpan elapsed, TimeSpan cpu, long allocated, SyntheticStream stream, TimeSpan total) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {stage,-22} {elapsed.TotalMilliseconds,8:F0} {cpu.TotalMilliseconds,8:F0} {Rate(stream.Articles.Count, elapsed),11} {Rate(stream.Articles.Count, cpu),9} {Rate(stream.TotalBytes / MB, elapsed),7} {allocated / MB,9:F0} {elapsed / total,6:P0}");

    private static string Describe(BenchMeasurements measurement) => measurement switch
    {
        BenchMeasurements.Floor => "floor: read + decode + tokenize, nothing else",
        BenchMeasurements.Prepare => "prepare: read + decode, PrecisPipeline.Prepare (clean, segment)",
        _ => "pipeline: read + decode, PrecisPipeline.Digest (every stage it reports), JSON output",
    };

    /// <summary>Per second; "-" for a stage too short to time (under a millisecond).</summary>
    private static string Rate(double amount, TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMilliseconds(1) ? "-" : (amount / elapsed.TotalSeconds).ToString(amount / elapsed.TotalSeconds >= 100 ? "N0" : "F1", CultureInfo.InvariantCulture);

    /// <summary>The pipeline's rate as a fraction of the floor's: the floor's time over the pipeline's.</summary>
    private static string Ratio(double? floorSeconds, double? pipelineSeconds) =>
        floorSeconds is { } f && pipelineSeconds is { } p && p > 0 ? (f / p).ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Whole(int articles, double? seconds) =>
        seconds is { } t && t > 0 ? Math.Round(articles / t).ToString("F0", CultureInfo.InvariantCulture) : "n/a";
}
