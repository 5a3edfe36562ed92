using BenchmarkDotNet.Attributes;
using Precis.Facts;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;

namespace Precis.Bench;

/// <summary>
/// What the facts stage (entities, quotes, conflicts) adds to a digest: the ten facts dev clusters (duc2003 and
/// multinews100: 67 articles, 226,461 characters, read from ../shared/eval/mds) digested with and without facts,
/// and the facts stage alone on the same prepared documents. One thread, so the ratios are the stage's share of
/// the work rather than of a busy machine's time. Twenty measured iterations and the median (the short job's
/// three let one slow iteration move the ratios). The methods still run in separate processes minutes apart,
/// so on a shared machine their ratios follow the load: the ratio itself is measured interleaved by
/// <c>precis eval facts eval/facts-gold-dev.jsonl --overhead 25</c> (<see cref="FactsOverhead"/>).
/// Run: dotnet run -c Release --project bench/Precis.Bench -- --filter '*FactsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class FactsBenchmarks
{
    private InputBatch _batch = null!;
    private PrecisPipeline _withFacts = null!;
    private PrecisPipeline _withoutFacts = null!;
    private FactsExtractor _extractor = null!;
    private List<List<Precis.Segmentation.Document>> _events = null!;
    private Precis.Dedup.DedupResult _dedup = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = RepoRoot();
        var gold = FactsEvaluation.ReadGold(Path.Combine(root, "eval", "facts-gold-dev.jsonl"));
        _batch = FactsEvaluation.LoadClusters(gold, Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "mds")));
        _withFacts = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
        _withoutFacts = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1, Facts = o.Facts with { Enabled = false } }).Build();
        var documents = _withoutFacts.Prepare(_batch).Documents;
        _dedup = new Precis.Dedup.Deduplicator(_withoutFacts.Options.Dedup).Run(documents);
        _events = _batch.Clusters.Select(c => documents.Where(d => c.ArticleIds.Contains(d.Id)).ToList()).ToList();
        _extractor = new FactsExtractor(_withFacts.Options.Facts);

        // The short job's three warm-up iterations leave much of the pipeline in tier-0 code, and the
        // background JIT then bills its work to the measured iterations (single digests measured 70 to 400 ms
        // of CPU in a fresh process before settling). Every path is run to its optimized code first.
        for (int i = 0; i < WarmUpRuns; i++)
        {
            _withFacts.Digest(_batch);
            _withoutFacts.Digest(_batch);
        }
    }

    private const int WarmUpRuns = 30;

    [Benchmark(Baseline = true)]
    public Digest DigestWithoutFacts() => _withoutFacts.Digest(_batch);

    [Benchmark]
    public Digest DigestWithFacts() => _withFacts.Digest(_batch);

    [Benchmark]
    public EventFacts[] FactsStageOnly() => _events.Select(e => _extractor.Extract(e, _dedup)).ToArray();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
