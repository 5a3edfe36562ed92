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
            Description = "What to measure: floor (read, decode, tokenize), prepare (read, clean, segment), stream (the streaming digest: every stage, each event written as it closes), digest (the batch digest of the whole stream at once, JSON output).",
            DefaultValueFactory = _ => ["floor", "stream"],
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
                case "stream": measure |= BenchMeasurements.Stream; break;
                default:
                    error = $"unknown stage '{value}' for --stages: expected floor, prepare, stream or digest";
                    return false;
            }
        }
        if (measure == BenchMeasurements.None) error = "--stages needs at least one of floor, prepare, stream, digest";
        return error is null;
    }

    private static string RenderStream(SourceCorpus corpus, SyntheticStream stream, int maxDegreeOfParallelism, int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var (first, last) = stream.Span;
        sb.AppendLine(inv, $"stream: {stream.Count:N0} articles, {stream.TotalBytes / MB:F1} MB UTF-8, {stream.Stories:N0} stories over {(last - first).TotalDays:F1} days ({stream.Options.ArticlesPerDay:N0} articles a day, each story over {stream.Options.StoryDays:0.#} days), {stream.ExactCopies:N0} exact + {stream.NearCopies:N0} near copies, seed {stream.Options.Seed}");
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
        sb.AppendLine(inv, $"  {"stage",-26} {"ms",8} {"cpu ms",8} {"articles/s",11} {"(cpu)",9} {"(cpu)MB/s",7} {"alloc MB",9} {"cpu %",6}");
        foreach (var s in ByStage(run.Stages))
            sb.AppendLine(Row(s.Stage, s.Elapsed, s.Cpu, s.AllocatedBytes, stream, run.Cpu));
        sb.AppendLine(Row("total", run.Total, run.Cpu, run.AllocatedBytes, stream, run.Cpu));
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
            BenchMeasurements.Stream => string.Create(inv, $"  {c.Articles:N0} articles: {c.Kept:N0} kept, {c.Duplicates:N0} duplicates, {c.Rejected:N0} rejected; {c.Events:N0} events; {c.OutputBytes / MB:F1} MB of JSON lines written"),
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
        var pipeline = report.Find(BenchMeasurements.Stream) ?? report.Find(BenchMeasurements.Digest) ?? report.Find(BenchMeasurements.Prepare);
        int n = stream.Count;
        sb.AppendLine();
        sb.AppendLine(inv, $"working set before the runs (the stream in memory, the runtime): {report.WorkingSetBeforeBytes / MB:F0} MB");
        double? floorCpu = floor?.Median.Cpu.TotalSeconds;
        double? pipelineCpu = pipeline?.Median.Cpu.TotalSeconds;
        double? floorWall = floor?.Median.Total.TotalSeconds;
        double? pipelineWall = pipeline?.Median.Total.TotalSeconds;
        sb.AppendLine(inv, $"wall time: pipeline={Whole(n, pipelineWall)} articles/s floor={Whole(n, floorWall)} articles/s ratio={Ratio(floorWall, pipelineWall)} (counts the time other processes held the core)");
        sb.AppendLine("the bench line counts CPU time: user + system time of this process, all its threads (GC and JIT included); a stage's cpu ms are its own thread's");
        long peak = (pipeline ?? floor)?.PeakWorkingSetBytes ?? report.PeakWorkingSetBytes;
        sb.AppendLine(inv, $"bench: pipeline={Whole(n, pipelineCpu)} articles/s floor={Whole(n, floorCpu)} articles/s ratio={Ratio(floorCpu, pipelineCpu)} peak={peak / MB:F0} MB");
        return sb.ToString();
    }

    /// <summary>
    /// One row per stage in order of first appearance, untracked time next (left out when under a millisecond)
    /// and making the stream last (it is in no total).
    /// </summary>
    private static IEnumerable<StageMeasurement> ByStage(IReadOnlyList<StageMeasurement> stages) =>
        stages.Where(s => s.Stage != StageTimer.Untracked || s.Elapsed >= TimeSpan.FromMilliseconds(1))
            .OrderBy(s => s.Stage switch
            {
                PipelineBench.MakeStage => 3,
                StageTimer.OtherThreads => 2,
                StageTimer.Untracked => 1,
                _ => 0,
            });

    private static string Row(string stage, TimeSpan elapsed, TimeSpan cpu, long allocated, SyntheticStream stream, TimeSpan total) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {stage,-26} {elapsed.TotalMilliseconds,8:F0} {cpu.TotalMilliseconds,8:F0} {Rate(stream.Count, elapsed),11} {Rate(stream.Count, cpu),9} {Rate(stream.TotalBytes / MB, cpu),7} {allocated / MB,9:F0} {(stage == PipelineBench.MakeStage ? "-" : (cpu / total).ToString("P0", CultureInfo.InvariantCulture)),6}");

    private static string Describe(BenchMeasurements measurement) => measurement switch
    {
        BenchMeasurements.Floor => "floor: read + decode + tokenize, nothing else",
        BenchMeasurements.Prepare => "prepare: read + decode, PrecisPipeline.Prepare (clean, segment)",
        BenchMeasurements.Stream => "pipeline, streaming: read + decode each article, StreamingDigest.Add (every stage it reports), each closed event written as a JSON line",
        _ => "pipeline, batch: read + decode all, PrecisPipeline.Digest (every stage it reports), JSON output",
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
