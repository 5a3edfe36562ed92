using BenchmarkDotNet.Attributes;
using Precis.Clustering;
using Precis.Dedup;
using Precis.Input;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Bench;

/// <summary>
/// Summarizing one event, warm, for the engine and each baseline: the 30 DUC 2003 events (about 10
/// newswire articles each, 100-word budget; target ≤ 20 ms per event for the engine, and far less for the
/// whole-pipeline throughput target), the 10 MultiLing 2011 events (10 WikiNews articles, 250 words: the
/// exact search's hardest case), and one large event: every DUC 2003 article at once (298 articles), which
/// must cost about what its articles cost in small events, not blow up. Cleaning, dedup and clustering run
/// once in setup; each operation is one event. Data is read in place from ../shared/eval.
/// </summary>
[MemoryDiagnoser]
public class SummarizationBenchmarks
{
    private SummaryRequest[] _duc = [];
    private SummaryRequest[] _multiLing = [];
    private SummaryRequest _large = null!;
    private ISummarizer _at100 = null!;
    private ISummarizer _at250 = null!;

    [Params(ConceptSummarizer.EngineName, "lexrank", "centroid", "lead")]
    public string Summarizer { get; set; } = ConceptSummarizer.EngineName;

    [GlobalSetup]
    public void Setup()
    {
        _duc = Requests("duc2003.jsonl");
        _multiLing = Requests("multiling2011.jsonl");
        _large = new SummaryRequest("all-duc2003", _duc.SelectMany(r => r.Documents).ToList(), _duc[0].Dedup);
        _at100 = Summarizers.Create(Summarizer, new SummarizerOptions { MaxWords = 100 })!;
        _at250 = Summarizers.Create(Summarizer, new SummarizerOptions { MaxWords = 250 })!;
        Console.WriteLine($"// {_duc.Length} DUC 2003 events ({_duc.Average(r => r.Documents.Count):F1} articles each), {_multiLing.Length} MultiLing 2011 events");
    }

    [Benchmark(OperationsPerInvoke = 30)]
    public int Duc2003Event100Words() => SummarizeAll(_duc, _at100);

    [Benchmark(OperationsPerInvoke = 10)]
    public int MultiLing2011Event250Words() => SummarizeAll(_multiLing, _at250);

    [Benchmark]
    public int LargeEvent298Articles100Words() => _at100.Summarize(_large).Sentences.Count;

    private static int SummarizeAll(SummaryRequest[] requests, ISummarizer summarizer)
    {
        int sentences = 0;
        foreach (var request in requests) sentences += summarizer.Summarize(request).Sentences.Count;
        return sentences;
    }

    private static SummaryRequest[] Requests(string file)
    {
        string path = Path.Combine(RepoRoot(), "..", "shared", "eval", "mds", file);
        var batch = new InputReader().Read([path]);
        var documents = PrecisPipeline.Default.Prepare(batch).Documents;
        var dedup = new Deduplicator().Run(documents);
        return new EventClusterer().Cluster(documents, dedup, batch.Clusters)
            .Select(g => new SummaryRequest(g.Id, g.Documents.Select(i => documents[i]).ToList(), dedup))
            .ToArray();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
