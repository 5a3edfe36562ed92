using Precis.Segmentation;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>
/// Sparse term-frequency vectors of sentences over lower-cased content words (stopwords and punctuation
/// left out), with an IDF computed over the event's sentences. Shared by the centroid and MMR scoring.
/// </summary>
internal sealed class TermVectors
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);

    public Dictionary<int, double>[] Vectors { get; }
    public double[] Idf { get; private set; } = [];

    public TermVectors(IReadOnlyList<(Document Doc, Sentence Sentence)> sentences)
    {
        Vectors = new Dictionary<int, double>[sentences.Count];
        var tokens = new List<Token>();
        var df = new List<int>();
        for (int i = 0; i < sentences.Count; i++)
        {
            var (doc, s) = sentences[i];
            var text = doc.TextOf(s);
            tokens.Clear();
            Tokenizer.Tokenize(text, tokens);
            var v = new Dictionary<int, double>();
            foreach (var t in tokens)
            {
                if (!t.IsWordLike) continue;
                var w = t.Of(text);
                if (Lexicon.IsStopword(w)) continue;
                string key = w.ToString().ToLowerInvariant();
                if (!_vocabulary.TryGetValue(key, out int id))
                {
                    id = _vocabulary.Count;
                    _vocabulary[key] = id;
                    df.Add(0);
                }
                if (!v.ContainsKey(id)) df[id]++;
                v[id] = v.GetValueOrDefault(id) + 1;
            }
            Vectors[i] = v;
        }
        Idf = new double[df.Count];
        for (int k = 0; k < df.Count; k++) Idf[k] = Math.Log((1.0 + sentences.Count) / (1.0 + df[k])) + 1.0;
        foreach (var v in Vectors)
            foreach (var k in v.Keys.ToList()) v[k] *= Idf[k];
    }

    public static double Cosine(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (k, x) in a)
            if (b.TryGetValue(k, out double y)) dot += x * y;
        return dot == 0 ? 0 : dot / (Norm(a) * Norm(b));
    }

    public static double Norm(Dictionary<int, double> v)
    {
        double s = 0;
        foreach (var x in v.Values) s += x * x;
        return Math.Sqrt(s);
    }
}
