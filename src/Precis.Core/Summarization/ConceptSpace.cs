using Precis.Text;

namespace Precis.Summarization;

/// <summary>
/// Interns the concepts of one event: word bigrams, where a word is a run of letters and digits (as
/// ROUGE reads words), lower-cased and Porter-stemmed, and a bigram of two function words is no concept.
/// A possessive or contraction tail ("'s", "n't") is not a word of its own. One instance per event; not
/// thread-safe.
/// </summary>
internal sealed class ConceptSpace
{
    private const int StackLimit = 64;

    private readonly Dictionary<string, (int Id, bool Stop)> _surfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _bigrams = [];
    private readonly List<(int Id, bool Stop)> _pieces = [];

    /// <summary>How many distinct concepts have been seen.</summary>
    public int Count => _bigrams.Count;

    /// <summary>Appends the concepts of <paramref name="text"/> to <paramref name="into"/>, in order, repeats included.</summary>
    public void Extract(ReadOnlySpan<char> text, List<int> into)
    {
        _pieces.Clear();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (start > 0 && TextChars.IsApostrophe(text[start - 1]) && i - start <= 2) continue;
            _pieces.Add(Word(text[start..i]));
        }
        for (int k = 0; k + 1 < _pieces.Count; k++)
        {
            var (first, firstStop) = _pieces[k];
            var (second, secondStop) = _pieces[k + 1];
            if (firstStop && secondStop) continue;
            long key = ((long)first << 32) | (uint)second;
            if (!_bigrams.TryGetValue(key, out int id))
            {
                id = _bigrams.Count;
                _bigrams[key] = id;
            }
            into.Add(id);
        }
    }

    private (int Id, bool Stop) Word(ReadOnlySpan<char> piece)
    {
        Span<char> lower = piece.Length <= StackLimit ? stackalloc char[piece.Length] : new char[piece.Length];
        piece.ToLowerInvariant(lower);
        var lookup = _surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var word)) return word;

        string surface = lower.ToString();
        string stem = PorterStemmer.Stem(surface);
        if (!_stems.TryGetValue(stem, out int id))
        {
            id = _stems.Count;
            _stems[stem] = id;
        }
        // A lone letter is no content word ("U" of "U.S." aside, which ROUGE splits the same way).
        word = (id, Lexicon.IsStopword(surface) || surface.Length == 1 && !char.IsDigit(surface[0]));
        _surfaces[surface] = word;
        return word;
    }
}
