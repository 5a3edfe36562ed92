using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Precis.Model;
using Precis.Text;

namespace Precis.Bench;

/// <summary>
/// Tokenizer and sentence splitter over every document of DUC 2003 (298 wire stories, read in place from
/// ../shared/eval/mds/duc2003.jsonl), one paragraph at a time as the segmenter calls them. Single-threaded,
/// so the "MB/s" column (corpus UTF-8 bytes over the mean) is the throughput per core.
/// <c>dotnet run -c Release --project bench/Precis.Bench -- --filter '*Text*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class TextBenchmarks
{
    private string[] _texts = [];
    private (int Document, TextSpan Span)[] _paragraphs = [];
    private readonly List<TextSpan> _sentences = new(64);
    private readonly List<Token> _tokens = new(1024);
    private readonly List<TokenizedSentence> _tokenizedSentences = new(64);

    [GlobalSetup]
    public void LoadCorpus()
    {
        _texts = Corpus.Value;
        var paragraphs = new List<(int, TextSpan)>();
        for (int d = 0; d < _texts.Length; d++)
        {
            int start = 0;
            string text = _texts[d];
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                if (end > start) paragraphs.Add((d, new TextSpan(start, end)));
                start = end + 1;
            }
        }
        _paragraphs = [.. paragraphs];
    }

    /// <summary>
    /// <see cref="WordCounter"/> (white-space separated pieces): one compare per character, the floor any
    /// tokenizer on this machine is measured against.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int CountWords()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs) n += WordCounter.Count(span.Of(_texts[d]));
        return n;
    }

    /// <summary>Every token of every paragraph through the non-allocating enumerator.</summary>
    [Benchmark]
    public int Tokenize()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs)
            foreach (var _ in Tokenizer.Enumerate(span.Of(_texts[d]))) n++;
        return n;
    }

    /// <summary>The same into a reused <see cref="List{Token}"/>, as callers that need random access do.</summary>
    [Benchmark]
    public int TokenizeIntoList()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs)
        {
            _tokens.Clear();
            Tokenizer.Tokenize(span.Of(_texts[d]), _tokens);
            n += _tokens.Count;
        }
        return n;
    }

    /// <summary>Sentence spans of every paragraph into a reused list, as the segmenter calls it.</summary>
    [Benchmark]
    public int Split()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs)
        {
            _sentences.Clear();
            SentenceSplitter.Split(span.Of(_texts[d]), span.Start, _sentences);
            n += _sentences.Count;
        }
        return n;
    }

    /// <summary>Split every paragraph, then tokenize every sentence: what segmentation plus term vectors cost.</summary>
    [Benchmark]
    public int TokenizeAndSplit()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs)
        {
            string text = _texts[d];
            _sentences.Clear();
            SentenceSplitter.Split(span.Of(text), span.Start, _sentences);
            foreach (var sentence in _sentences)
                foreach (var _ in Tokenizer.Enumerate(sentence.Of(text))) n++;
        }
        return n;
    }

    /// <summary>The same in one pass: the splitter hands out the tokens it read, sentence by sentence.</summary>
    [Benchmark]
    public int SplitWithTokens()
    {
        int n = 0;
        foreach (var (d, span) in _paragraphs)
        {
            _tokenizedSentences.Clear();
            _tokens.Clear();
            SentenceSplitter.Split(span.Of(_texts[d]), span.Start, _tokenizedSentences, _tokens);
            foreach (var sentence in _tokenizedSentences) n += sentence.TokenCount;
        }
        return n;
    }

    private static readonly Lazy<string[]> Corpus = new(LoadDuc2003);

    private static string[] LoadDuc2003()
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(EvalFile("mds/duc2003.jsonl")))
        {
            using var cluster = JsonDocument.Parse(line);
            foreach (var doc in cluster.RootElement.GetProperty("docs").EnumerateArray())
                texts.Add(doc.GetProperty("text").GetString()!);
        }
        return [.. texts];
    }

    /// <summary>../shared/eval beside the repository root (the folder holding Precis.sln).</summary>
    private static string EvalFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "eval", relative));
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Megabytes (10^6 UTF-8 bytes) of the corpus per second of mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        private static readonly Lazy<long> CorpusBytes = new(() => Corpus.Value.Sum(t => (long)Encoding.UTF8.GetByteCount(t)));

        public string Id => nameof(ThroughputColumn);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes (10^6 UTF-8 bytes) of the DUC 2003 corpus per second of mean time, one thread";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { } statistics) return "NA";
            double seconds = statistics.Mean / 1e9;
            return (CorpusBytes.Value / 1e6 / seconds).ToString("F1", CultureInfo.InvariantCulture);
        }
    }
}
