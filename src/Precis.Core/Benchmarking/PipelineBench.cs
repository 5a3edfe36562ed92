using System.Diagnostics;
using Precis.Input;
using Precis.Model;
using Precis.Output;
using Precis.Pipeline;
using Precis.Text;

namespace Precis.Benchmarking;

/// <summary>Which measurements a bench run makes.</summary>
[Flags]
public enum BenchMeasurements
{
    None = 0,

    /// <summary>Read, decode and tokenize every article, nothing else: the least any pipeline must do.</summary>
    Floor = 1,

    /// <summary>Read and decode, then <see cref="PrecisPipeline.Prepare"/> (clean and segment).</summary>
    Prepare = 2,

    /// <summary>Read and decode, then <see cref="PrecisPipeline.Digest(InputBatch, IProgress{PipelineProgress}?, CancellationToken)"/>, then the JSON output.</summary>
    Digest = 4,
}

public sealed record PipelineBenchOptions
{
    public BenchMeasurements Measure { get; init; } = BenchMeasurements.Floor | BenchMeasurements.Digest;

    /// <summary>Each measurement runs this many times; the run with the median CPU time is reported.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>
    /// Before its timed runs, each measurement runs twice, untimed, on this many articles from the start of the
    /// stream, so the JIT has compiled the hot paths fully and the figures are the steady state of a long feed
    /// (start-up is measured on its own, as the wall time of `precis digest`). 500 articles call every
    /// stage's code far more than the 30 times that tiered compilation counts before optimizing it.
    /// </summary>
    public int WarmupArticles { get; init; } = 500;
}

/// <summary>What a run produced, to check that every article is accounted for.</summary>
public sealed record BenchCounts(int Articles, int Kept, int Duplicates, int Rejected, int Events, long Tokens, long OutputBytes);

/// <summary>One timed run of one measurement: its stages (summing to <see cref="Total"/>) and its counts.</summary>
public sealed record BenchRun(IReadOnlyList<StageMeasurement> Stages, TimeSpan Total, BenchCounts Counts)
{
    /// <summary>CPU time of the whole run: on a shared machine the steadier measure of work done.</summary>
    public TimeSpan Cpu => TimeSpan.FromTicks(Stages.Sum(s => s.Cpu.Ticks));
}

/// <summary>
/// A measurement over all its runs: the run with the median CPU time (a real run, so its stages add up) and
/// every run. <see cref="PeakWorkingSetBytes"/> is the process's peak once this measurement's runs are done
/// (measurements run in the order floor, prepare, digest, so it is this one's peak or an earlier one's).
/// </summary>
public sealed record BenchResult(BenchMeasurements Measurement, BenchRun Median, IReadOnlyList<BenchRun> Runs, long PeakWorkingSetBytes);

public sealed record BenchReport(
    int Articles,
    long InputBytes,
    int MaxDegreeOfParallelism,
    long WorkingSetBeforeBytes,
    long PeakWorkingSetBytes,
    IReadOnlyList<BenchResult> Results)
{
    public BenchResult? Find(BenchMeasurements measurement) => Results.FirstOrDefault(r => r.Measurement == measurement);
}

/// <summary>
/// Measures a pipeline on a synthetic stream held in memory: the floor (read, decode, tokenize) and the
/// pipeline itself (read, decode, every stage the pipeline reports through <see cref="PipelineProgress"/>,
/// JSON output), per stage: wall time, CPU time and allocations; and the process's peak working set. A full
/// blocking GC runs, untimed, before every run so one run's garbage is not collected on the next one's time.
/// </summary>
public sealed class PipelineBench
{
    /// <summary>The stage name of the harness's own reading: bytes → decoded articles.</summary>
    public const string ReadStage = "read/decode";

    /// <summary>The stage name of the floor's single pass: bytes → decoded text → tokens.</summary>
    public const string FloorStage = "read/decode/tokenize";

    /// <summary>The stage name of rendering the digest as JSON (to memory, not written anywhere).</summary>
    public const string OutputStage = "output (json)";

    private readonly PrecisPipeline _pipeline;

    public PipelineBench(PrecisPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Runs the measurements that <paramref name="options"/> asks for, in the order floor, prepare, digest.</summary>
    /// <param name="stream">The articles, already in memory (building them is not measured).</param>
    /// <param name="options">What to measure and how often.</param>
    /// <param name="measured">Called as each measurement finishes, for front ends that print as they go.</param>
    public BenchReport Run(SyntheticStream stream, PipelineBenchOptions options, Action<BenchResult>? measured = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);
        Collect();
        long before = WorkingSet(peak: false);
        var results = new List<BenchResult>();
        foreach (var measurement in (ReadOnlySpan<BenchMeasurements>)[BenchMeasurements.Floor, BenchMeasurements.Prepare, BenchMeasurements.Digest])
        {
            if (!options.Measure.HasFlag(measurement)) continue;
            if (options.WarmupArticles > 0) WarmUp(measurement, stream.Take(options.WarmupArticles));
            var runs = new List<BenchRun>(options.Runs);
            for (int r = 0; r < options.Runs; r++)
            {
                Collect();
                runs.Add(Measure(measurement, stream));
            }
            var median = runs.OrderBy(r => r.Cpu).ElementAt((runs.Count - 1) / 2);
            results.Add(new BenchResult(measurement, median, runs, WorkingSet(peak: true)));
            measured?.Invoke(results[^1]);
        }
        return new BenchReport(stream.Articles.Count, stream.TotalBytes, _pipeline.Options.MaxDegreeOfParallelism, before, WorkingSet(peak: true), results);
    }

    /// <summary>
    /// The runtime starts counting calls only after 100 ms without new JIT activity, and compiles the optimized
    /// code on a background thread; the pauses let both happen before the next pass and the timed runs.
    /// </summary>
    private void WarmUp(BenchMeasurements measurement, SyntheticStream slice)
    {
        var tieringDelay = TimeSpan.FromMilliseconds(250);
        Measure(measurement, slice);
        Thread.Sleep(tieringDelay);
        Measure(measurement, slice);
        Thread.Sleep(tieringDelay);
    }

    private BenchRun Measure(BenchMeasurements measurement, SyntheticStream stream) => measurement switch
    {
        BenchMeasurements.Floor => RunFloor(stream),
        BenchMeasurements.Prepare => RunPrepare(stream),
        _ => RunDigest(stream),
    };

    private static BenchRun RunFloor(SyntheticStream stream)
    {
        var timer = new StageTimer();
        var tokens = new List<Token>(4096);
        long tokenCount = 0;
        int rejected = 0;
        timer.Start();
        timer.Begin(FloorStage);
        foreach (var article in stream.Articles)
        {
            var decoded = TextDecoder.Decode(article.Utf8);
            if (!decoded.Success)
            {
                rejected++;
                continue;
            }
            tokens.Clear();
            Tokenizer.Tokenize(decoded.Text!, tokens);
            tokenCount += tokens.Count;
        }
        timer.Stop();
        int n = stream.Articles.Count;
        return new BenchRun(timer.Stages, timer.Total, new BenchCounts(n, n - rejected, 0, rejected, 0, tokenCount, 0));
    }

    private BenchRun RunPrepare(SyntheticStream stream)
    {
        var timer = new StageTimer();
        timer.Start();
        timer.Begin(ReadStage);
        var batch = Read(stream);
        timer.Begin(StageTimer.Untracked);
        var prepared = _pipeline.Prepare(batch, timer);
        timer.Stop();
        int rejected = prepared.Rejected.Count + batch.Rejections.Count;
        return new BenchRun(timer.Stages, timer.Total, new BenchCounts(stream.Articles.Count, prepared.Documents.Count, 0, rejected, 0, 0, 0));
    }

    private BenchRun RunDigest(SyntheticStream stream)
    {
        var timer = new StageTimer();
        timer.Start();
        timer.Begin(ReadStage);
        var batch = Read(stream);
        timer.Begin(StageTimer.Untracked);
        var digest = _pipeline.Digest(batch, timer);
        timer.Begin(OutputStage);
        using var output = new MemoryStream();
        JsonDigestWriter.Write(digest, output);
        timer.Stop();
        int kept = 0, duplicates = 0, rejected = 0;
        foreach (var a in digest.Articles)
        {
            switch (a.Status)
            {
                case ArticleStatus.Kept: kept++; break;
                case ArticleStatus.Duplicate: duplicates++; break;
                default: rejected++; break;
            }
        }
        return new BenchRun(timer.Stages, timer.Total, new BenchCounts(stream.Articles.Count, kept, duplicates, rejected, digest.Events.Count, 0, output.Length));
    }

    /// <summary>What reading a feed does: decode each article's bytes and attach the metadata the feed declared.</summary>
    public static InputBatch Read(SyntheticStream stream)
    {
        var articles = new List<Article>(stream.Articles.Count);
        var rejections = new List<Rejection>();
        foreach (var a in stream.Articles)
        {
            var decoded = TextDecoder.Decode(a.Utf8);
            if (!decoded.Success)
            {
                rejections.Add(new Rejection(a.Id, "synthetic stream", decoded.Rejection!));
                continue;
            }
            articles.Add(new Article(a.Id, decoded.Text!)
            {
                Title = a.Title,
                Source = a.Source,
                Timestamp = a.Timestamp,
                Date = DateOnly.FromDateTime(a.Timestamp.UtcDateTime),
                Origin = "synthetic stream",
            });
        }
        return new InputBatch(articles, rejections, []);
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static long WorkingSet(bool peak)
    {
        using var process = Process.GetCurrentProcess();
        return peak ? process.PeakWorkingSet64 : process.WorkingSet64;
    }
}
