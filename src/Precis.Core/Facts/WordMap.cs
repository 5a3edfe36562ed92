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
