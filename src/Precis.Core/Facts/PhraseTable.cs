using Precis.Text;

namespace Precis.Facts;

/// <summary>
/// Multi-word entries ("Secretary of State", "more than", "Russian Federation") matched against a run of
/// <see cref="Word"/>s, longest entry first. Entries are tokenized with the same <see cref="Tokenizer"/> as
/// the text, so "U.S." or "d'Ivoire" are one word on both sides. Lookups compare spans and allocate nothing.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Tail, T Value)>> _byFirst;
    private readonly Dictionary<string, List<(string[] Tail, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly StringComparison _comparison;
    private readonly bool _allowPlural;

    // Most words of a text start no entry: screened before the hash lookup (singular and plural forms).
    private readonly WordScreen _screen;

    /// <param name="entries">Phrases and their values.</param>
    /// <param name="caseSensitive">Compare words exactly (country names) instead of ignoring case (roles).</param>
    /// <param name="allowPlural">The last word may carry a plural "s" ("officials" matches "official").</param>
    public PhraseTable(IEnumerable<(string Phrase, T Value)> entries, bool caseSensitive = false, bool allowPlural = false)
    {
        _allowPlural = allowPlural;
        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _byFirst = new Dictionary<string, List<(string[], T)>>(comparer);
        foreach (var (phrase, value) in entries)
        {
            var words = Tokenizer.Tokenize(phrase).Select(t => phrase.Substring(t.Start, t.Length)).ToArray();
            if (words.Length == 0) continue;
            if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
            list.Add((words[1..], value));
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        _screen = new WordScreen(allowPlural ? _byFirst.Keys.Concat(_byFirst.Keys.Select(k => k + "s")) : _byFirst.Keys);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The number of words of the longest entry that starts at <paramref name="start"/> (0 if none). A
    /// trailing possessive on the last word is ignored ("Russia’s" matches "Russia").
    /// </summary>
    public int Match(string text, ReadOnlySpan<Word> words, int start, int end, out T value)
    {
        value = default!;
        if (start >= end) return 0;
        var first = words[start];
        if (!MayStart(text, first)) return 0;
        bool viaCore = false;
        if (!_lookup.TryGetValue(first.Text(text), out var candidates))
        {
            var core = first.CoreText(text);
            if (first.IsPossessive && _lookup.TryGetValue(core, out candidates)) viaCore = true;
            else if (_allowPlural && core.Length > 3 && core[^1] == 's' && _lookup.TryGetValue(core[..^1], out candidates)) viaCore = true;
            else return 0;
        }
        foreach (var (rest, v) in candidates)
        {
            if (rest.Length == 0)
            {
                value = v;
                return 1;
            }
            if (viaCore || first.IsPossessive || start + rest.Length >= end) continue; // a possessive can only end an entry
            bool ok = true;
            for (int k = 0; k < rest.Length && ok; k++)
            {
                var w = words[start + 1 + k];
                bool last = k == rest.Length - 1;
                var span = last ? w.CoreText(text) : w.Text(text);
                ok = (span.Equals(rest[k], _comparison) || last && _allowPlural && span.Length > 1 && span[^1] == 's' && span[..^1].Equals(rest[k], _comparison))
                     && (last || !w.IsPossessive);
            }
            if (!ok) continue;
            value = v;
            return rest.Length + 1;
        }
        return 0;
    }

    private bool MayStart(string text, Word w) =>
        _screen.May(w.Text(text)) || w.IsPossessive && _screen.May(w.CoreText(text));

    /// <summary>The first words of the entries.</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>Whether a single word (or the end of a hyphenated word, as in "48-hour") is an entry.</summary>
    public bool TryGetSingle(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (!_screen.May(word) || !_lookup.TryGetValue(word, out var candidates)) return false;
        foreach (var (rest, v) in candidates)
        {
            if (rest.Length != 0) continue;
            value = v;
            return true;
        }
        return false;
    }
}
