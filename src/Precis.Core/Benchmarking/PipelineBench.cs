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

    /// <summary>Read and decode the whole stream, then the batch <see cref="PrecisPipeline.Digest(InputBatch, IProgress{PipelineProgress}?, CancellationToken)"/>, then the JSON output.</summary>
    Digest = 4,

    /// <summary>
    /// The streaming digest (<see cref="PrecisPipeline.OpenStream"/>): read and decode each article, add it, and
    /// write each event as JSON as it closes. The feed's figure: memory bounded by the window.
    /// </summary>
    Stream = 8,
}

public sealed record PipelineBenchOptions
{
    public BenchMeasurements Measure { get; init; } = BenchMeasurements.Floor | BenchMeasurements.Stream;

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

/// <summary>
/// One timed run of one measurement: its stages and its counts. Making the synthetic articles is timed as
/// <see cref="PipelineBench.MakeStage"/> and counted in no total: a feed hands its articles over ready.
/// </summary>
public sealed record BenchRun(IReadOnlyList<StageMeasurement> Stages, BenchCounts Counts)
{
    /// <summary>The stages that count: every one but making the stream.</summary>
    public IEnumerable<StageMeasurement> Measured => Stages.Where(s => s.Stage != PipelineBench.MakeStage);

    /// <summary>Wall time of the run, making the stream left out.</summary>
    public TimeSpan Total => TimeSpan.FromTicks(Measured.Sum(s => s.Elapsed.Ticks));

    /// <summary>CPU time of the run, making the stream left out: on a shared machine the steadier measure of work done.</summary>
    public TimeSpan Cpu => TimeSpan.FromTicks(Measured.Sum(s => s.Cpu.Ticks));

    /// <summary>Bytes allocated by the run, making the stream left out.</summary>
    public long AllocatedBytes => Measured.Sum(s => s.AllocatedBytes);
}

/// <summary>
/// A measurement over all its runs: the run with the median CPU time (a real run, so its stages add up) and
/// every run. <see cref="PeakWorkingSetBytes"/> is the process's peak once this measurement's runs are done
/// (measurements run in the order floor, prepare, stream, digest, so it is this one's peak or an earlier one's).
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
/// Measures a pipeline on a synthetic stream: the floor (read, decode, tokenize) and the pipeline itself
/// (read, decode, every stage the pipeline reports through <see cref="PipelineProgress"/>, JSON output), per
/// stage: wall time, CPU time and allocations; and the process's peak working set. The stream's articles are
/// made in chunks of <see cref="ChunkArticles"/>, untimed, between the timed stretches, so the stream is
/// never all in memory unless the measurement itself holds it (the batch digest). A full blocking GC runs,
/// untimed, before every run so one run's garbage is not collected on the next one's time.
/// </summary>
public sealed class PipelineBench
{
    /// <summary>The stage name of the harness's own reading: bytes → decoded articles.</summary>
    public const string ReadStage = "read/decode";

    /// <summary>The stage name of the floor's single pass: bytes → decoded text → tokens.</summary>
    public const string FloorStage = "read/decode/tokenize";

    /// <summary>The stage name of rendering the digest as JSON (to memory, not written anywhere).</summary>
    public const string OutputStage = "output (json)";

    /// <summary>The stage name of making the synthetic articles: timed, but counted in no total.</summary>
    public const string MakeStage = "make stream (not counted)";

    /// <summary>
    /// Articles made at a time between timed stretches: few enough to be a few MB, many enough that switching
    /// the timer (a system call) costs nothing next to the work.
    /// </summary>
    public const int ChunkArticles = 1_000;

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
        foreach (var measurement in (ReadOnlySpan<BenchMeasurements>)[BenchMeasurements.Floor, BenchMeasurements.Prepare, BenchMeasurements.Stream, BenchMeasurements.Digest])
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
        return new BenchReport(stream.Count, stream.TotalBytes, _pipeline.Options.MaxDegreeOfParallelism, before, WorkingSet(peak: true), results);
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
        BenchMeasurements.Stream => RunStream(stream),
        _ => RunDigest(stream),
    };

    /// <summary>The stream in chunks: each chunk is made while the timer counts <see cref="MakeStage"/>.</summary>
    private static IEnumerable<StreamArticle[]> Chunks(SyntheticStream stream, StageTimer timer)
    {
        using var chunks = stream.Articles.Chunk(ChunkArticles).GetEnumerator();
        while (true)
        {
            timer.Begin(MakeStage);
            if (!chunks.MoveNext()) yield break;
            yield return chunks.Current;
        }
    }

    private static IEnumerator<StreamArticle[]> StartChunks(SyntheticStream stream, StageTimer timer)
    {
        timer.Start();
        timer.Begin(MakeStage);
        return Chunks(stream, timer).GetEnumerator();
    }

    private static BenchRun RunFloor(SyntheticStream stream)
    {
        var timer = new StageTimer();
        var tokens = new List<Token>(4096);
        long tokenCount = 0;
        int rejected = 0;
        using var chunks = StartChunks(stream, timer);
        while (chunks.MoveNext())
        {
            timer.Begin(FloorStage);
            foreach (var article in chunks.Current)
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
        }
        timer.Stop();
        int n = stream.Count;
        return new BenchRun(timer.Stages, new BenchCounts(n, n - rejected, 0, rejected, 0, tokenCount, 0));
    }

    private BenchRun RunPrepare(SyntheticStream stream)
    {
        var timer = new StageTimer();
        var batch = Read(stream, timer);
        timer.Begin(StageTimer.Untracked);
        var prepared = _pipeline.Prepare(batch, timer);
        timer.Stop();
        int rejected = prepared.Rejected.Count + batch.Rejections.Count;
        return new BenchRun(timer.Stages, new BenchCounts(stream.Count, prepared.Documents.Count, 0, rejected, 0, 0, 0));
    }

    /// <summary>
    /// The streaming digest: each article decoded and added as it comes; each event that closes is written as
    /// one line of JSON (to a stream that only counts the bytes) and dropped, as is each article report.
    /// </summary>
    private BenchRun RunStream(SyntheticStream stream)
    {
        var timer = new StageTimer();
        var tally = new Tally();
        using var output = new CountingStream();
        void Write(IReadOnlyList<EventDigest> events)
        {
            if (events.Count == 0) return;
            timer.Begin(OutputStage);
            foreach (var e in events) JsonDigestWriter.WriteEventLine(e, output);
            tally.Events += events.Count;
        }
        void OnArticle(ArticleReport report)
        {
            tally.Count(report.Status);
            JsonDigestWriter.WriteArticleLine(report, output);
        }
        var digest = _pipeline.OpenStream(OnArticle, timer);
        using var chunks = StartChunks(stream, timer);
        while (chunks.MoveNext())
        {
            foreach (var a in chunks.Current)
            {
                timer.Begin(ReadStage);
                var decoded = TextDecoder.Decode(a.Utf8);
                if (!decoded.Success)
                {
                    OnArticle(new ArticleReport(a.Id, a.Title, null, a.Source, ArticleStatus.Rejected, decoded.Rejection!));
                    continue;
                }
                Write(digest.Add(ToArticle(a, decoded.Text!)));
            }
        }
        timer.Begin(StageTimer.Untracked);
        Write(digest.Complete());
        timer.Stop();
        return new BenchRun(timer.Stages, new BenchCounts(stream.Count, tally.Kept, tally.Duplicates, tally.Rejected, tally.Events, 0, output.Length));
    }

    private BenchRun RunDigest(SyntheticStream stream)
    {
        var timer = new StageTimer();
        var batch = Read(stream, timer);
        timer.Begin(StageTimer.Untracked);
        var digest = _pipeline.Digest(batch, timer);
        timer.Begin(OutputStage);
        using var output = new MemoryStream();
        JsonDigestWriter.Write(digest, output);
        timer.Stop();
        var tally = new Tally { Events = digest.Events.Count };
        foreach (var a in digest.Articles) tally.Count(a.Status);
        return new BenchRun(timer.Stages, new BenchCounts(stream.Count, tally.Kept, tally.Duplicates, tally.Rejected, tally.Events, 0, output.Length));
    }

    private sealed class Tally
    {
        public int Kept, Duplicates, Rejected, Events;

        public void Count(ArticleStatus status)
        {
            switch (status)
            {
                case ArticleStatus.Kept: Kept++; break;
                case ArticleStatus.Duplicate: Duplicates++; break;
                default: Rejected++; break;
            }
        }
    }

    /// <summary>Where the stream measurement writes: counts the bytes and keeps none (as a socket or a file would not, in memory).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void WriteByte(byte value) => _length++;
    }

    /// <summary>
    /// What reading a feed into a batch does: decode each article's bytes and attach the metadata the feed
    /// declared; the whole stream ends up in memory, as the batch API needs it. Starts <paramref name="timer"/>.
    /// </summary>
    private static InputBatch Read(SyntheticStream stream, StageTimer timer)
    {
        var articles = new List<Article>(stream.Count);
        var rejections = new List<Rejection>();
        using var chunks = StartChunks(stream, timer);
        while (chunks.MoveNext())
        {
            timer.Begin(ReadStage);
            foreach (var a in chunks.Current)
            {
                var decoded = TextDecoder.Decode(a.Utf8);
                if (decoded.Success) articles.Add(ToArticle(a, decoded.Text!));
                else rejections.Add(new Rejection(a.Id, "synthetic stream", decoded.Rejection!));
            }
        }
        return new InputBatch(articles, rejections, []);
    }

    /// <summary>A decoded stream article with the metadata its feed declared.</summary>
    public static Article ToArticle(StreamArticle a, string text) => new(a.Id, text)
    {
        Title = a.Title,
        Source = a.Source,
        Timestamp = a.Timestamp,
        Date = DateOnly.FromDateTime(a.Timestamp.UtcDateTime),
        Origin = "synthetic stream",
    };

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
