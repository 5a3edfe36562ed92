using BenchmarkDotNet.Attributes;
using Precis.Benchmarking;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;
using Precis.Text;

namespace Precis.Bench;

/// <summary>
/// The whole pipeline against its floor, per article, on one core (MaxDegreeOfParallelism = 1): the floor
/// decodes, tokenizes and sentence-splits; the others run the pipeline on the same 200-article slice of the
/// synthetic stream that <c>precis bench</c> measures, and on one real event. The batch benchmarks report
/// time and allocations per article (OperationsPerInvoke), so their ratio to the floor reads directly.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int BatchArticles = 200;

    private StreamArticle[] _batch = null!;
    private IReadOnlyList<Article> _oneEvent = null!;
    private PrecisPipeline _pipeline = null!;
    private readonly List<Token> _tokens = new(4096);
    private readonly List<TextSpan> _sentences = new(256);

    [GlobalSetup]
    public void Setup()
    {
        string eval = SourceCorpus.FindEvalDirectory(AppContext.BaseDirectory) ?? SourceCorpus.FindEvalDirectory(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("PipelineBenchmarks needs the evaluation data: run from a checkout with shared/eval above it.");
        var corpus = SourceCorpus.Load(SourceCorpus.DefaultFiles(eval));
        _batch = SyntheticStreamBuilder.Build(corpus, new SyntheticStreamOptions { Articles = BatchArticles }).Articles.ToArray();
        var firstEvent = SourceCorpus.Load([Path.Combine(eval, "mds", "duc2003.jsonl")]).Events[0];
        _oneEvent = firstEvent.Articles.Select((a, i) => new Article($"doc-{i + 1}", a.Text) { Title = a.Title, Source = a.Source }).ToList();
        _pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchArticles)]
    public int Floor_decode_tokenize_split()
    {
        int count = 0;
        foreach (var article in _batch)
        {
            var decoded = TextDecoder.Decode(article.Utf8);
            if (!decoded.Success) continue;
            _tokens.Clear();
            Tokenizer.Tokenize(decoded.Text!, _tokens);
            _sentences.Clear();
            SentenceSplitter.Split(decoded.Text!, 0, _sentences);
            count += _tokens.Count + _sentences.Count;
        }
        return count;
    }

    [Benchmark(OperationsPerInvoke = BatchArticles)]
    public PreparedBatch Prepare_batch() => _pipeline.Prepare(Read());

    [Benchmark(OperationsPerInvoke = BatchArticles)]
    public Digest Digest_batch() => _pipeline.Digest(Read());

    /// <summary>What reading the feed into a batch does: decode each article and attach its metadata.</summary>
    private InputBatch Read() => new(_batch.Select(a => PipelineBench.ToArticle(a, TextDecoder.Decode(a.Utf8).Text!)).ToList(), [], []);

    /// <summary>Per event, not per article: the first DUC 2003 cluster (10 newswire articles).</summary>
    [Benchmark]
    public Digest Digest_one_event() => _pipeline.Digest(_oneEvent);
}
