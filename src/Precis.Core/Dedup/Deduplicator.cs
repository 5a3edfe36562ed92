using System.Text;
using Precis.Segmentation;

namespace Precis.Dedup;

public sealed record DedupOptions
{
    /// <summary>Sentences shorter than this (in words) are not matched across documents: too generic.</summary>
    public int MinSentenceWords { get; init; } = 6;
}

/// <summary>
/// First version: exact duplicates by a normalized-text fingerprint (letters and digits, lower-cased), and
/// sentences shared verbatim (after the same normalization) across documents.
/// </summary>
public sealed class Deduplicator
{
    private readonly DedupOptions _options;

    public Deduplicator(DedupOptions? options = null) => _options = options ?? new DedupOptions();

    public DedupResult Run(IReadOnlyList<Document> documents)
    {
        var duplicateOf = new Dictionary<int, int>();
        var byFingerprint = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySentence = new Dictionary<string, List<SentenceKey>>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            var whole = new StringBuilder();
            foreach (var s in doc.Sentences)
            {
                string norm = Normalize(doc.TextOf(s));
                whole.Append(norm).Append(' ');
                if (s.WordCount < _options.MinSentenceWords) continue;
                if (!bySentence.TryGetValue(norm, out var list)) bySentence[norm] = list = [];
                list.Add(new SentenceKey(doc.Index, s.Index));
            }
            string fp = whole.ToString();
            if (fp.Length == 0) continue;
            if (byFingerprint.TryGetValue(fp, out int original)) duplicateOf[doc.Index] = original;
            else byFingerprint[fp] = doc.Index;
        }

        var carriers = new Dictionary<SentenceKey, IReadOnlyList<SentenceKey>>();
        var shared = new Dictionary<(int, int), int>();
        foreach (var list in bySentence.Values)
        {
            if (list.Count < 2) continue;
            foreach (var key in list) carriers[key] = list;
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    if (list[a].Document == list[b].Document) continue;
                    var pair = (Math.Min(list[a].Document, list[b].Document), Math.Max(list[a].Document, list[b].Document));
                    shared[pair] = shared.GetValueOrDefault(pair) + 1;
                }
        }
        var byIndex = documents.ToDictionary(d => d.Index);
        var copies = shared
            .Select(kv => new CopyPair(kv.Key.Item1, kv.Key.Item2, kv.Value,
                Math.Round((double)kv.Value / Math.Max(1, Math.Min(byIndex[kv.Key.Item1].Sentences.Count, byIndex[kv.Key.Item2].Sentences.Count)), 3)))
            .OrderBy(c => c.First).ThenBy(c => c.Second)
            .ToList();
        return new DedupResult(duplicateOf, carriers, copies);
    }

    internal static string Normalize(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }
}
