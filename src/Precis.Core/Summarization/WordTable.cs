using Precis.Text;

namespace Precis.Summarization;

/// <summary>A word as concepts see it: the id of its Porter stem, and whether it is a function word.</summary>
internal readonly record struct WordInfo(int Stem, bool Stop);

/// <summary>
/// The words a summarizer has met, shared by every event it summarizes: a word, by the 64-bit hash of its
/// lower-cased letters (<see cref="Hash"/>), → its <see cref="WordInfo"/>. Stemming each distinct word
/// of an event, and looking words up by their strings, were the largest costs of summarizing it; an
/// event's words are mostly words earlier events used, so the table is shared and grows up to
/// <see cref="Capacity"/> words (then an event stems its new words itself, see <see cref="ConceptSpace"/>).
/// Two words share an entry only if their 64-bit hashes collide (for half a million words, a chance of
/// about 10^-8), and the hash is fixed, so summaries stay deterministic.
/// <para>
/// Thread-safe: readers probe a flat open-addressing array without locks (an entry's key is published
/// after its value); writers take a lock, and a grown array replaces the old one whole. A stem keeps its
/// id for the table's life; ids are only compared, never ordered, so a summary does not depend on which
/// event met a word first.
/// </para>
/// </summary>
internal sealed class WordTable
{
    /// <summary>
    /// 2^19 words: the table then holds at most a 2^20-entry array (16 MB) and the stems' strings. A day's
    /// feed of news repeats most of its words; beyond this bound new words still work, only slower.
    /// </summary>
    public const int DefaultCapacity = 1 << 19;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private struct Entry
    {
        public ulong Key;
        public WordInfo Word;
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private Entry[] _entries = new Entry[1 << 12];
    private int _count;

    public WordTable(int capacity = DefaultCapacity) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>Starts a word's hash (FNV-1a over its lower-cased UTF-16 units).</summary>
    public static ulong HashStart => FnvOffset;

    /// <summary>Adds the lower-cased character <paramref name="lower"/> to hash <paramref name="hash"/>.</summary>
    public static ulong Hash(ulong hash, char lower) => (hash ^ lower) * FnvPrime;

    /// <summary>The hash of <paramref name="word"/> as <see cref="Hash"/> builds it from its lower-cased characters.</summary>
    public static ulong HashOf(ReadOnlySpan<char> word)
    {
        ulong h = HashStart;
        foreach (char c in word) h = Hash(h, ToLower(c));
        return h;
    }

    /// <summary>Lower case as <see cref="MemoryExtensions.ToLowerInvariant(ReadOnlySpan{char}, Span{char})"/> maps a character, with a fast path for ASCII.</summary>
    public static char ToLower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <summary>The word whose hash is <paramref name="hash"/>, when the table has it.</summary>
    public bool TryGet(ulong hash, out WordInfo word)
    {
        ulong key = hash == 0 ? 1 : hash;
        var entries = Volatile.Read(ref _entries);
        int mask = entries.Length - 1;
        for (int slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            ulong k = Volatile.Read(ref entries[slot].Key);
            if (k == key) { word = entries[slot].Word; return true; }
            if (k == 0) { word = default; return false; }
        }
    }

    /// <summary>
    /// Adds <paramref name="lower"/> (the word, lower-cased; <paramref name="hash"/> its hash) and returns
    /// it; false when the table is full and does not have it.
    /// </summary>
    public bool TryAdd(ulong hash, ReadOnlySpan<char> lower, out WordInfo word)
    {
        ulong key = hash == 0 ? 1 : hash;
        lock (_lock)
        {
            if (TryGet(key, out word)) return true;
            if (_count >= Capacity) return false;
            string surface = lower.ToString();
            string stem = PorterStemmer.Stem(surface);
            if (!_stems.TryGetValue(stem, out int id))
            {
                id = _stems.Count;
                _stems[stem] = id;
            }
            word = new WordInfo(id, IsStop(surface));
            // Keep the array at most half full so that probes stay short.
            if (2 * (_count + 1) > _entries.Length) Volatile.Write(ref _entries, Grown(_entries));
            Insert(_entries, key, word);
            _count++;
            return true;
        }
    }

    /// <summary>The id of <paramref name="stem"/> when the table has it.</summary>
    public bool TryGetStem(string stem, out int id)
    {
        lock (_lock) return _stems.TryGetValue(stem, out id);
    }

    /// <summary>A function word, or a lone letter ("U" of "U.S.", which ROUGE splits the same way): no concept is two of them.</summary>
    public static bool IsStop(string surface) => Lexicon.IsStopword(surface) || surface.Length == 1 && !char.IsDigit(surface[0]);

    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15) >> 32) & mask;

    private static void Insert(Entry[] entries, ulong key, WordInfo word)
    {
        int mask = entries.Length - 1;
        int slot = Slot(key, mask);
        while (entries[slot].Key != 0) slot = (slot + 1) & mask;
        entries[slot].Word = word;
        Volatile.Write(ref entries[slot].Key, key);
    }

    private static Entry[] Grown(Entry[] entries)
    {
        var grown = new Entry[entries.Length * 2];
        foreach (var e in entries)
            if (e.Key != 0) Insert(grown, e.Key, e.Word);
        return grown;
    }
}
