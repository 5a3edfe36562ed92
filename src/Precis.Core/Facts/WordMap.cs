namespace Precis.Facts;

/// <summary>
/// A case-insensitive hash of a word, the same whichever case it is written in (ASCII letters folded to
/// upper case, other characters by <see cref="char.ToUpperInvariant"/>, as ordinal case-insensitive
/// comparison does). <see cref="WordScanner"/> computes it in the loop that already reads every letter of a
/// word for its shape, so that the word-list lookup and the name evidence of the facts stage hash no word a
/// second time (that hashing was about a tenth of the stage in a profile).
/// </summary>
internal static class WordFold
{
    public const uint Seed = 2166136261;

    public static uint Step(uint hash, char c)
    {
        if (c < 128)
        {
            if ((uint)(c - 'a') <= 'z' - 'a') c = (char)(c - 32);
        }
        else c = char.ToUpperInvariant(c);
        return Mix(hash, c);
    }

    /// <summary>One step of the hash for a character already folded.</summary>
    public static uint Mix(uint hash, char folded) => (hash ^ folded) * 16777619;

    public static uint Hash(ReadOnlySpan<char> word)
    {
        uint hash = Seed;
        foreach (char c in word) hash = Step(hash, c);
        return hash;
    }
}

/// <summary>
/// A case-insensitive word → value map looked up by span without allocating, by the word's
/// <see cref="WordFold"/> hash (given, or computed) and an ordinal case-insensitive comparison of the words
/// whose hash matches. Open addressing over a table at most a quarter full, each slot holding the hash with
/// the entry, so that a miss (most words of a text) reads one slot and no key. Read-only after
/// construction, so safe to share across threads.
/// </summary>
internal sealed class WordMap<T>
{
    private readonly string[] _keys;
    private readonly T[] _values;
    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <summary>
    /// The keys of at most <see cref="MaxPackedLetters"/> ASCII letters (1,478 of the 1,568 facts words) again,
    /// packed (<see cref="Pack"/>) into a table at most half full, 0 for an empty slot: a word is found by one
    /// integer comparison, no key string read. In a profile of the scan the hash table's slot and key reads
    /// were about a third of the scanner's own time.
    /// </summary>
    private readonly ulong[] _packedKeys;
    private readonly T[] _packedValues;
    private readonly int _packedShift;

    /// <summary>A word's hash and its entry index + 1; entry 0 is an empty slot.</summary>
    private readonly record struct Slot(uint Hash, int Entry);

    public WordMap(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        var map = new Dictionary<string, T>(pairs, StringComparer.OrdinalIgnoreCase);
        _keys = [.. map.Keys];
        _values = [.. map.Values];
        int size = 16;
        while (size < 4 * _keys.Length) size *= 2;
        _slots = new Slot[size];
        _mask = size - 1;
        for (int e = 0; e < _keys.Length; e++)
        {
            uint hash = WordFold.Hash(_keys[e]);
            int slot = (int)(hash & (uint)_mask);
            while (_slots[slot].Entry != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot(hash, e + 1);
        }

        var packable = new List<int>();
        for (int e = 0; e < _keys.Length; e++)
            if (_keys[e].Length is > 0 and <= MaxPackedLetters && !_keys[e].AsSpan().ContainsAnyExcept(AsciiLetters)) packable.Add(e);
        int bits = 4;
        while (1 << bits < 2 * packable.Count) bits++;
        _packedKeys = new ulong[1 << bits];
        _packedValues = new T[1 << bits];
        _packedShift = 64 - bits;
        foreach (int e in packable)
        {
            ulong packed = 0;
            foreach (char c in _keys[e]) packed = Pack(packed, char.ToUpperInvariant(c));
            int slot = PackedSlot(packed);
            while (_packedKeys[slot] != 0) slot = (slot + 1) & (_packedKeys.Length - 1);
            _packedKeys[slot] = packed;
            _packedValues[slot] = _values[e];
        }
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The longest word <see cref="TryGetPacked"/> looks up: twelve letters of five bits fill 60 of a packed word's 64 bits.</summary>
    public const int MaxPackedLetters = 12;

    /// <summary>
    /// One step of packing a word of ASCII letters, each given in upper case, five bits a letter ('A' is 1, 'Z'
    /// 26): up to <see cref="MaxPackedLetters"/> letters, different words (case aside) pack differently, and
    /// none packs to 0.
    /// </summary>
    public static ulong Pack(ulong packed, char upper) => packed << 5 | (uint)(upper - '@');

    private int PackedSlot(ulong packed) => (int)((packed * 0x9E3779B97F4A7C15) >> _packedShift);

    /// <summary>Looks up a word of at most <see cref="MaxPackedLetters"/> ASCII letters by its <see cref="Pack"/>ed form.</summary>
    public bool TryGetPacked(ulong packed, out T value)
    {
        var keys = _packedKeys;
        int mask = keys.Length - 1;
        for (int slot = PackedSlot(packed); ; slot = (slot + 1) & mask)
        {
            ulong key = keys[slot];
            if (key == packed)
            {
                value = _packedValues[slot];
                return true;
            }
            if (key == 0) break;
        }
        value = default!;
        return false;
    }

    public bool TryGetValue(ReadOnlySpan<char> word, out T value) => TryGetValue(WordFold.Hash(word), word, out value);

    /// <summary>Looks a word up by its <see cref="WordFold.Hash"/>, already computed.</summary>
    public bool TryGetValue(uint hash, ReadOnlySpan<char> word, out T value)
    {
        var slots = _slots;
        for (int slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            var s = slots[slot];
            if (s.Entry == 0) break;
            if (s.Hash == hash && word.Equals(_keys[s.Entry - 1], StringComparison.OrdinalIgnoreCase))
            {
                value = _values[s.Entry - 1];
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// <see cref="TryGetValue(uint, ReadOnlySpan{char}, out T)"/> for a word of ASCII letters only: compared
    /// letter by letter with bit 5 (ASCII case) ignored, which can equal a key's character only when that
    /// character is the same letter in either case, as the ordinal case-insensitive comparison says.
    /// </summary>
    public bool TryGetLetters(uint hash, ReadOnlySpan<char> letters, out T value)
    {
        var slots = _slots;
        for (int slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            var s = slots[slot];
            if (s.Entry == 0) break;
            if (s.Hash == hash && SameLetters(letters, _keys[s.Entry - 1]))
            {
                value = _values[s.Entry - 1];
                return true;
            }
        }
        value = default!;
        return false;
    }

    private static bool SameLetters(ReadOnlySpan<char> letters, string key)
    {
        if (letters.Length != key.Length) return false;
        for (int k = 0; k < letters.Length; k++)
            if ((letters[k] | 0x20) != (key[k] | 0x20)) return false;
        return true;
    }

    public IEnumerable<string> Keys => _keys;
}
