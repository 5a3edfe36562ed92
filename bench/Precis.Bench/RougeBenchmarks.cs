using BenchmarkDotNet.Attributes;
using Precis.Evaluation.Rouge;
using Precis.Text;

namespace Precis.Bench;

/// <summary>
/// The ROUGE scorer on the 1,272 conformance vectors (target: all of them in under a second) and the
/// Porter stemmer on every distinct word of those vectors. Data is read in place from ../shared/eval.
/// </summary>
[MemoryDiagnoser]
public class RougeBenchmarks
{
    private (RougeScorer Scorer, RougeVector Vector)[] _cases = [];
    private string[] _words = [];
    private char[] _stemBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(RepoRoot(), "..", "shared", "eval", "rouge", "vectors-dev.jsonl");
        var vectors = RougeVectorFile.Read(path).Vectors;
        var scorers = new Dictionary<RougeOptions, RougeScorer>();
        _cases = vectors.Select(v =>
        {
            var options = RougeOptions.Parse(v.Options).Options ?? throw new InvalidOperationException($"{v.Case}: unsupported options {v.Options}");
            if (!scorers.TryGetValue(options, out var scorer)) scorers[options] = scorer = new RougeScorer(options);
            return (scorer, v);
        }).ToArray();

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in vectors)
        {
            foreach (string sentence in v.Summary.Concat(v.References.SelectMany(r => r)))
            {
                foreach (string word in sentence.ToLowerInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length > 3) words.Add(word);
                }
            }
        }
        _words = words.Order(StringComparer.Ordinal).ToArray();
        _stemBuffer = new char[_words.Max(w => w.Length)];
        Console.WriteLine($"// {_cases.Length} vectors, {_words.Length} distinct words longer than 3 letters");
    }

    private static readonly char[] WordSeparators = Enumerable.Range(0, 128).Select(i => (char)i).Where(c => !char.IsAsciiLetterOrDigit(c)).ToArray();

    /// <summary>Stems every distinct word of the vectors once (about 20,000 words).</summary>
    [Benchmark]
    public int StemVectorVocabulary()
    {
        int total = 0;
        foreach (string word in _words) total += PorterStemmer.Stem(word, _stemBuffer);
        return total;
    }

    /// <summary>Scores all 1,272 vectors (ROUGE-1..4, L, SU4 each) with the scorer of each one's options.</summary>
    [Benchmark]
    public double ScoreDevVectors()
    {
        double sum = 0;
        foreach (var (scorer, vector) in _cases) sum += scorer.Score(vector.Summary, vector.References).Rouge2.Recall;
        return sum;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
