using System.Text;
using BenchmarkDotNet.Attributes;
using Precis.Cleaning;
using Precis.Evaluation;
using Precis.Input;
using Precis.Model;
using Precis.Text;

namespace Precis.Bench;

/// <summary>
/// Cleaning throughput on one core: every article of a corpus cleaned in turn (line split, features,
/// two scoring passes, labels, inline noise, metadata). Corpora come from ../shared/eval, read in place:
/// the L3S-GN1 dev pages as a naive scraper emits them (menus and all: many short lines), Multi-News
/// scrapes, and DUC 2003 newswire (long clean paragraphs). Throughput = corpus UTF-8 bytes / mean time;
/// the sizes are printed at setup. Min and median are shown because the shared machine is noisy: the
/// minimum is the run least disturbed by other processes.
/// <c>dotnet run -c Release --project bench/Precis.Bench -- --filter '*Cleaning*'</c>
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CleaningBenchmarks
{
    private readonly ArticleCleaner _cleaner = new();
    private Article[] _articles = [];

    [Params("l3s-gn1-dev", "multinews100", "duc2003")]
    public string Corpus { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string eval = FindEval();
        _articles = Corpus == "l3s-gn1-dev"
            ? [.. GoldSet.Read(Path.Combine(eval, "cleaning", "l3s-gn1-dev.jsonl")).Pages.Select(CleaningEvaluation.ToArticle)]
            : [.. new InputReader().Read([Path.Combine(eval, "mds", Corpus + ".jsonl")]).Articles];
        long bytes = _articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
        Console.WriteLine($"// corpus {Corpus}: {_articles.Length} articles, {bytes:N0} UTF-8 bytes");
        _cleaner.Clean(_articles[0]);
    }

    /// <summary>
    /// The floor: <see cref="WordCounter"/> over the same text (one white-space test per character). On a
    /// shared machine absolute times drift with the load; the ratio of cleaning to this floor, measured in
    /// the same run, does not.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int CountWordsFloor()
    {
        int words = 0;
        foreach (var article in _articles) words += WordCounter.Count(article.Text);
        return words;
    }

    [Benchmark]
    public int CleanCorpus()
    {
        int lines = 0;
        foreach (var article in _articles)
        {
            var cleaned = _cleaner.Clean(article);
            lines += cleaned.Lines.Count;
        }
        return lines;
    }

    /// <summary>../shared/eval beside the checkout, found from wherever BenchmarkDotNet runs the benchmark.</summary>
    private static string FindEval()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "eval"));
        }
        throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
