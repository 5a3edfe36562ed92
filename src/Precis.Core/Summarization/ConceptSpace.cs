using Precis.Model;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>A word of a sentence as concepts read it: where it stands in the article text, its stem's id, whether it is a function word.</summary>
internal readonly record struct WordPiece(int Start, int End, int Stem, bool Stop);

/// <summary>
/// Interns the concepts of one event: word bigrams, where a word is a run of letters and digits (as
/// ROUGE reads words), lower-cased and Porter-stemmed, and a bigram of two function words is no concept.
/// A possessive or contraction tail ("'s", "n't") is not a word of its own. Words come from the shared
/// <see cref="WordTable"/>; concept ids are numbered in the order the event first uses them, so they
/// do not depend on other events. Used by one event at a time and reused for the next (see
/// <see cref="Reset"/>); not thread-safe.
/// </summary>
internal sealed class ConceptSpace
{
    private const int StackLimit = 64;

    private readonly BigramIds _bigrams = new();
    private WordTable _words = null!;
    private Dictionary<ulong, WordInfo>? _overflow;
    private Dictionary<string, int>? _overflowStems;

    /// <summary>
    /// Empties the space for an event of about <paramref name="expectedWords"/> words whose words come from
    /// <paramref name="words"/> (its table sized once, so it need not grow; its arrays kept when large enough).
    /// </summary>
    public void Reset(WordTable words, int expectedWords)
    {
        _words = words;
        _bigrams.Reset(expectedWords);
        _overflow = null;
        _overflowStems = null;
    }

    /// <summary>Slots of the bigram table's arrays: what the space holds on to between events.</summary>
    public int TableSlots => _bigrams.Slots;

    /// <summary>How many distinct concepts have been seen.</summary>
    public int Count => _bigrams.Count;

    /// <summary>Appends the words of <paramref name="span"/> of <paramref name="text"/> to <paramref name="into"/>, with offsets into <paramref name="text"/>.</summary>
    public void Words(string text, TextSpan span, List<WordPiece> into)
    {
        int i = span.Start;
        while (i < span.End)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            ulong hash = WordTable.HashStart;
            for (; i < span.End && char.IsLetterOrDigit(text[i]); i++) hash = WordTable.Hash(hash, WordTable.ToLower(text[i]));
            if (start > span.Start && TextChars.IsApostrophe(text[start - 1]) && i - start <= 2) continue;
            var word = _words.TryGet(hash, out var known) ? known : Word(hash, text.AsSpan(start, i - start));
            into.Add(new WordPiece(start, i, word.Stem, word.Stop));
        }
    }

    /// <summary>Appends the ids of the concepts of consecutive <paramref name="words"/> to <paramref name="into"/>, in order, repeats included; new concepts are added.</summary>
    public void Add(ReadOnlySpan<WordPiece> words, List<int> into)
    {
        for (int k = 0; k + 1 < words.Length; k++)
        {
            var (first, second) = (words[k], words[k + 1]);
            if (first.Stop && second.Stop) continue;
            into.Add(_bigrams.GetOrAdd(Key(first.Stem, second.Stem)));
        }
    }

    /// <summary>
    /// Appends the ids of the known concepts that the <paramref name="words"/> lying inside
    /// <paramref name="segments"/> form, read as one text: what a compressed sentence shows.
    /// </summary>
    public void Known(ReadOnlySpan<WordPiece> words, IReadOnlyList<TextSpan> segments, List<int> into)
    {
        int segment = 0;
        WordPiece previous = default;
        bool hasPrevious = false;
        foreach (var w in words)
        {
            while (segment < segments.Count && segments[segment].End < w.End) segment++;
            if (segment == segments.Count) break;
            if (w.Start < segments[segment].Start) continue;
            if (hasPrevious && !(previous.Stop && w.Stop) && _bigrams.TryGet(Key(previous.Stem, w.Stem), out int id)) into.Add(id);
            previous = w;
            hasPrevious = true;
        }
    }

    private static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>A word the shared table does not have yet: added to it, or, when it is full, stemmed here.</summary>
    private WordInfo Word(ulong hash, ReadOnlySpan<char> piece)
    {
        Span<char> buffer = piece.Length <= StackLimit ? stackalloc char[piece.Length] : new char[piece.Length];
        for (int k = 0; k < piece.Length; k++) buffer[k] = WordTable.ToLower(piece[k]);
        if (_words.TryAdd(hash, buffer, out var word)) return word;

        // The shared table is full: this event stems the word itself, reusing the table's stem ids.
        _overflow ??= [];
        _overflowStems ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (_overflow.TryGetValue(hash, out word)) return word;
        string surface = buffer.ToString();
        string stem = PorterStemmer.Stem(surface);
        if (!_words.TryGetStem(stem, out int id) && !_overflowStems.TryGetValue(stem, out id))
        {
            id = -1 - _overflowStems.Count;
            _overflowStems[stem] = id;
        }
        word = new WordInfo(id, WordTable.IsStop(surface));
        _overflow[hash] = word;
        return word;
    }
}

/// <summary>
/// Bigram keys (two stem ids) → concept ids, numbered from 0 in the order added: a flat open-addressing
/// table with a multiplicative hash. (A <see cref="Dictionary{TKey, TValue}"/> of <see cref="long"/> hashes a key by
/// XOR-ing its halves, and small stem ids then collide so often that a 300-article event took 20 times longer than 30
/// ten-article ones.)
/// </summary>
internal sealed class BigramIds
{
    private const int MinSlots = 1024;

    private long[] _keys = new long[MinSlots];
    private int[] _ids = new int[MinSlots]; // id + 1; 0 = empty
    private int _mask = MinSlots - 1; // the slots in use are [0, _mask]; the arrays may be longer

    public int Count { get; private set; }

    /// <summary>The length of the arrays (the slots in use may be fewer).</summary>
    public int Slots => _ids.Length;

    /// <summary>Empties the table, with room for <paramref name="expected"/> keys before it grows (at most half full); its arrays are reused when long enough.</summary>
    public void Reset(int expected)
    {
        int size = (int)Math.Max(MinSlots, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, 2 * expected)));
        if (size > _ids.Length)
        {
            _keys = new long[size];
            _ids = new int[size];
        }
        else
        {
            Array.Clear(_ids, 0, size); // a key is read only where its id is set
        }
        _mask = size - 1;
        Count = 0;
    }

    public int GetOrAdd(long key)
    {
        int slot = Slot(key, _mask);
        while (_ids[slot] != 0)
        {
            if (_keys[slot] == key) return _ids[slot] - 1;
            slot = (slot + 1) & _mask;
        }
        int id = Count++;
        _keys[slot] = key;
        _ids[slot] = id + 1;
        if (2 * Count > _mask + 1) Grow();
        return id;
    }

    public bool TryGet(long key, out int id)
    {
        for (int slot = Slot(key, _mask); _ids[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_keys[slot] == key) { id = _ids[slot] - 1; return true; }
        }
        id = -1;
        return false;
    }

    private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15) >> 32) & mask;

    private void Grow()
    {
        var (keys, ids, used) = (_keys, _ids, _mask + 1);
        _keys = new long[used * 2];
        _ids = new int[used * 2];
        _mask = used * 2 - 1;
        for (int i = 0; i < used; i++)
        {
            if (ids[i] == 0) continue;
            int slot = Slot(keys[i], _mask);
            while (_ids[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = keys[i];
            _ids[slot] = ids[i];
        }
    }
}
