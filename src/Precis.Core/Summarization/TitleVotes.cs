using System.Runtime.InteropServices;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>
/// Chooses the event's headline among its articles' titles: the title whose content words (by stem,
/// function words left out) the event's sentences use most — the sum of log(1 + uses) over its distinct
/// content words, divided by the square root of their number, so a long title does not win by length.
/// The engine counts the uses while it reads the sentences for their concepts, so choosing costs
/// nothing more than a lookup per word.
/// </summary>
internal sealed class TitleVotes
{
    private readonly List<(string Title, int[] Stems)> _titles = [];
    private readonly Dictionary<int, int> _uses = [];

    public TitleVotes(IReadOnlyList<Document> documents, ConceptSpace concepts)
    {
        var words = new List<WordPiece>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            if (string.IsNullOrWhiteSpace(doc.Title) || !seen.Add(doc.Title)) continue;
            words.Clear();
            concepts.Words(doc.Title, new TextSpan(0, doc.Title.Length), words);
            var stems = new List<int>();
            foreach (var w in words)
            {
                if (w.Stop || stems.Contains(w.Stem)) continue;
                stems.Add(w.Stem);
                _uses[w.Stem] = 0;
            }
            _titles.Add((doc.Title, stems.ToArray()));
        }
    }

    /// <summary>Counts the content words of one sentence.</summary>
    public void Count(ReadOnlySpan<WordPiece> words)
    {
        if (_uses.Count == 0) return;
        foreach (var w in words)
        {
            if (w.Stop) continue;
            ref int uses = ref CollectionsMarshal.GetValueRefOrNullRef(_uses, w.Stem);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref uses)) uses++;
        }
    }

    /// <summary>The best title (the first of equals), or null when no article has one.</summary>
    public string? Best()
    {
        string? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (var (title, stems) in _titles)
        {
            double score = 0;
            foreach (int stem in stems) score += Math.Log(1 + _uses[stem]);
            if (stems.Length > 0) score /= Math.Sqrt(stems.Length);
            if (score > bestScore) { bestScore = score; best = title; }
        }
        return best;
    }
}
