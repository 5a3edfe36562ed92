using BenchmarkDotNet.Attributes;
using Precis.Benchmarking;
using Precis.Clustering;
using Precis.Dedup;
using Precis.Input;
using Precis.Pipeline;
using Precis.Segmentation;

namespace Precis.Bench;

/// <summary>
/// The clustering hot path on one core, per article (OperationsPerInvoke): the first 1,300 of the 1,346 articles of the two
/// clustering development sets (read in place from ../shared/eval/clustering), cleaned and segmented
/// once in setup. <see cref="Profile"/> tokenizes an article into term counts; <see cref="Assign"/> places
/// already-vectorized articles into a fresh streaming clusterer (candidate lookup, scoring, centroid
/// update, merges and eviction: the assignment hot path); <see cref="Add"/> is the whole streaming
/// <see cref="OnlineClusterer.Add"/> into a fresh clusterer, so it also builds the vocabulary from
/// nothing (a long stream stops doing that); <see cref="Batch"/> is the pipeline's clustering stage
/// (<see cref="EventClusterer.Cluster"/>, with refinement and merging) on the same articles.
/// <c>dotnet run -c Release --project bench/Precis.Bench -- --filter '*Clustering*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class ClusteringBenchmarks
{
    private const int Articles = 1300;

    private IReadOnlyList<Document> _documents = [];
    private ArticleProfile[] _profiles = [];
    private ArticleVectors[] _vectors = [];
    private DedupResult _dedup = null!;
    private OnlineClusterer _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        string eval = SourceCorpus.FindEvalDirectory(AppContext.BaseDirectory) ?? SourceCorpus.FindEvalDirectory(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("ClusteringBenchmarks needs the evaluation data: run from a checkout with shared/eval above it.");
        var batch = new InputReader().Read([Path.Combine(eval, "clustering", "pooled-dev.jsonl"), Path.Combine(eval, "clustering", "ecbplus-odd-topics.jsonl")]);
        var pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
        _documents = pipeline.Prepare(batch).Documents.Take(Articles).ToList();
        if (_documents.Count != Articles) throw new InvalidOperationException($"Expected at least {Articles} prepared articles, got {_documents.Count}.");
        _dedup = new Deduplicator().Run(_documents);
        _warm = new OnlineClusterer();
        _profiles = _documents.Select(_warm.Profile).ToArray();
        foreach (var p in _profiles) _warm.CountDocument(p);
        _vectors = _profiles.Select(_warm.Vectorize).ToArray();
    }

    /// <summary>Steady state: the vocabulary already holds every word, as it soon does in a long stream.</summary>
    [Benchmark(OperationsPerInvoke = Articles)]
    public int Profile()
    {
        int terms = 0;
        foreach (var d in _documents) terms += _warm.Profile(d).Content.Ids.Length;
        return terms;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Assign()
    {
        var clusterer = new OnlineClusterer();
        for (int i = 0; i < _profiles.Length; i++) clusterer.Assign(_profiles[i], _vectors[i]);
        return clusterer.OpenEventCount;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Add()
    {
        var clusterer = new OnlineClusterer();
        foreach (var d in _documents) clusterer.Add(d);
        return clusterer.OpenEventCount;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Batch() => new EventClusterer().Cluster(_documents, _dedup, []).Count;
}
