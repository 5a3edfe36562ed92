using BenchmarkDotNet.Attributes;
using Precis.Cleaning;
using Precis.Dedup;
using Precis.Input;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Bench;

/// <summary>
/// Dedup speed per article on one core: the MinHash signature alone and the full fingerprint (signature,
/// sentence keys, sorted shingle postings) of 600-word articles cut from the bodies of the MDS sets (read in
/// place from ../shared/eval). <see cref="HashCharacters"/> is the floor that any word hashing pays (one
/// FNV step per character, nothing else), to compare against when the machine is loaded. Times are per article.
/// </summary>
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private const int Articles = 1000;

    private readonly Fingerprinter _fingerprinter = new();
    private readonly ushort[] _signature = new ushort[new DedupOptions().SignatureBins];
    private List<Document> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _documents = ArticleCorpus.Documents(Articles, wordsPerArticle: 600, copyShare: 0.1);
        double bytes = _documents.Average(d => _fingerprinter.Fingerprint(d).ArrayBytes);
        Console.WriteLine($"// {_documents.Count} articles, {_documents.Average(d => d.Sentences.Sum(s => s.WordCount)):0} words and {_documents.Average(d => d.Sentences.Sum(s => s.Span.Length)):0} characters on average; fingerprint arrays {bytes:0} bytes per article");
    }

    [Benchmark(OperationsPerInvoke = Articles, Baseline = true)]
    public ulong HashCharacters()
    {
        ulong h = 0;
        foreach (var doc in _documents)
            for (int s = 0; s < doc.Sentences.Count; s++)
                foreach (char c in doc.TextOf(doc.Sentences[s])) h = (h ^ c) * 0x100000001b3;
        return h;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Signature()
    {
        int sum = 0;
        foreach (var doc in _documents)
        {
            _fingerprinter.Signature(doc, _signature);
            sum += _signature[0];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Fingerprint()
    {
        int sum = 0;
        foreach (var doc in _documents) sum += _fingerprinter.Fingerprint(doc).Words;
        return sum;
    }
}

/// <summary>
/// A whole single-threaded dedup run (fingerprints, both LSH indexes, exact comparisons, carrier groups)
/// over batches of 600-word articles of which a tenth are lightly edited copies of others; per article, so
/// a flat figure across batch sizes means no quadratic step.
/// </summary>
[MemoryDiagnoser]
public class DedupBatchBenchmarks
{
    private readonly Deduplicator _deduplicator = new(new DedupOptions { MaxDegreeOfParallelism = 1 });
    private List<Document> _documents = [];

    [Params(250, 1000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _documents = ArticleCorpus.Documents(Articles, wordsPerArticle: 600, copyShare: 0.1);

    [Benchmark]
    public int DeduplicateBatch() => _deduplicator.Run(_documents).Copies.Count;
}

/// <summary>
/// LSH lookups against 10k, 100k and 1M article signatures (synthetic: 128 random 16-bit bins, the size the
/// engine uses): the cost of one query should stay about flat, not grow with n. Each query is a signature that
/// shares 70% of its bins with one indexed item.
/// </summary>
[MemoryDiagnoser]
public class LshIndexBenchmarks
{
    private const int Queries = 1000;
    private const int Bins = 128;
    private const int Bands = 64;

    private LshIndex _index = null!;
    private uint[][] _queryKeys = [];
    private readonly List<int> _candidates = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Signatures { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var builder = new LshIndexBuilder(Bands, Signatures);
        var signature = new ushort[Bins];
        var keys = new uint[Bands];
        var planted = new ushort[Queries][];
        for (int id = 0; id < Signatures; id++)
        {
            for (int b = 0; b < Bins; b++) signature[b] = (ushort)random.Next(65536);
            if (id < Queries) planted[id] = (ushort[])signature.Clone();
            MinHasher.BandKeys(signature, keys);
            builder.Add(id, keys);
        }
        _index = builder.Build();
        _queryKeys = new uint[Queries][];
        for (int q = 0; q < Queries; q++)
        {
            var near = planted[q];
            for (int b = 0; b < Bins; b++) if (random.NextDouble() < 0.3) near[b] = (ushort)random.Next(65536);
            _queryKeys[q] = new uint[Bands];
            MinHasher.BandKeys(near, _queryKeys[q]);
        }
        Console.WriteLine($"// index: {_index.Count} signatures, {_index.BytesPerItem:0.0} bytes per signature in the index + {2 * Bins} bytes per signature");
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Query()
    {
        int found = 0;
        foreach (var keys in _queryKeys)
        {
            _candidates.Clear();
            _index.Query(keys, _candidates);
            found += _candidates.Count;
        }
        return found;
    }
}

/// <summary>600-word articles cut from the bodies of real news articles in ../shared/eval (read in place, never copied).</summary>
internal static class ArticleCorpus
{
    public static List<Document> Documents(int count, int wordsPerArticle, double copyShare)
    {
        string eval = Path.Combine(RepoRoot(), "..", "shared", "eval", "mds");
        var batch = new InputReader().Read([eval]);
        var cleaner = new ArticleCleaner();
        var sentences = new List<string>();
        foreach (var article in batch.Articles)
        {
            var doc = Segmenter.Segment(0, cleaner.Clean(article));
            foreach (var s in doc.Sentences) sentences.Add(doc.StringOf(s).ReplaceLineEndings(" "));
        }

        if (sentences.Count == 0) throw new InvalidOperationException($"No article text found in {eval} (see ../shared/eval/README.md).");
        var random = new Random(11);
        var texts = new List<string>();
        int next = 0;
        while (texts.Count < count)
        {
            if (texts.Count > 0 && random.NextDouble() < copyShare)
            {
                texts.Add(LightlyEdited(texts[random.Next(texts.Count)], random));
                continue;
            }
            var paragraphs = new List<string>();
            int words = 0;
            while (words < wordsPerArticle)
            {
                if (next == sentences.Count) throw new InvalidOperationException($"The articles in {eval} make fewer than {count} articles of {wordsPerArticle} words.");
                string s = sentences[next++];
                paragraphs.Add(s);
                words += s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }
            texts.Add(string.Join('\n', paragraphs));
        }
        var documents = new List<Document>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
            documents.Add(Segmenter.Segment(i, cleaner.Clean(new Article($"a{i}", texts[i]))));
        return documents;
    }

    /// <summary>Drops about one word in twenty: a copy the deduplicator must find.</summary>
    private static string LightlyEdited(string text, Random random) =>
        string.Join('\n', text.Split('\n').Select(p => string.Join(' ', p.Split(' ').Where(_ => random.Next(20) != 0))));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
