using System.Diagnostics;
using Precis.Dedup;
using Precis.Input;
using Precis.Pipeline;
using Precis.Segmentation;

namespace Precis.Facts;

/// <summary>Process CPU time per article (µs, medians over the rounds) of the three measurements of <see cref="FactsOverhead"/>.</summary>
public sealed record FactsOverheadResult(int Articles, int Rounds, double DigestWithoutFacts, double DigestWithFacts, double FactsStageAlone)
{
    /// <summary>What facts add end to end: digest with facts / digest without.</summary>
    public double EndToEndRatio => DigestWithFacts / DigestWithoutFacts;

    /// <summary>The stage alone on the same prepared input, as a share of the digest without facts.</summary>
    public double StageShare => FactsStageAlone / DigestWithoutFacts;
}

/// <summary>
/// What the facts stage adds to a digest, measured so that the ratio holds on a shared machine: the digest
/// without facts, the digest with facts and the facts stage alone (on the same prepared documents) run one
/// after the other in every round, on one thread, timed by the process's CPU time, and the median of each
/// taken. Measured in separate processes minutes apart (BenchmarkDotNet), the same ratio moved between 0.41
/// and 1.08 with the other helpers' load; interleaved, runs a minute apart agree to about ±0.02, though a
/// heavier load can still move the ratio by up to 0.1, so compare versions in alternated runs (docs/benchmarks.md "Facts").
/// </summary>
public static class FactsOverhead
{
    /// <summary>Rounds run first and not counted, so that every path runs optimized (tiered) code when measured.</summary>
    public const int WarmUpRounds = 30;

    /// <param name="batch">Articles with their declared clusters; the facts stage alone always runs on those clusters.</param>
    /// <param name="rounds">Rounds counted after <see cref="WarmUpRounds"/>.</param>
    /// <param name="asPile">Digest the articles as an ungrouped pile (the engine clusters them, as for raw input)
    /// instead of as the declared clusters (no clustering step: the worst case for the ratio).</param>
    public static FactsOverheadResult Measure(InputBatch batch, int rounds, bool asPile = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var digested = asPile ? new InputBatch(batch.Articles, batch.Rejections, []) : batch;
        var withFacts = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
        var withoutFacts = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1, Facts = o.Facts with { Enabled = false } }).Build();
        var documents = withoutFacts.Prepare(batch).Documents;
        var dedup = new Deduplicator(withoutFacts.Options.Dedup).Run(documents);
        var events = batch.Clusters.Select(c => documents.Where(d => c.ArticleIds.Contains(d.Id)).ToList()).ToList();
        var extractor = new FactsExtractor(withFacts.Options.Facts);

        var without = new List<double>(rounds);
        var with = new List<double>(rounds);
        var stage = new List<double>(rounds);
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < WarmUpRounds + rounds; r++)
        {
            var t0 = Cpu(process);
            withoutFacts.Digest(digested);
            var t1 = Cpu(process);
            withFacts.Digest(digested);
            var t2 = Cpu(process);
            ExtractAll(extractor, events, dedup);
            var t3 = Cpu(process);
            if (r < WarmUpRounds) continue;
            without.Add((t1 - t0).TotalMicroseconds);
            with.Add((t2 - t1).TotalMicroseconds);
            stage.Add((t3 - t2).TotalMicroseconds);
        }
        int articles = documents.Count;
        return new FactsOverheadResult(articles, rounds, Median(without) / articles, Median(with) / articles, Median(stage) / articles);
    }

    private static void ExtractAll(FactsExtractor extractor, List<List<Document>> events, DedupResult dedup)
    {
        foreach (var e in events) extractor.Extract(e, dedup);
    }

    private static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
