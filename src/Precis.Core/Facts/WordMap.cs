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
/// whose hash matches. Open addressing over a table at most half full. Read-only after construction, so safe
/// to share across threads.
/// </summary>
internal sealed class WordMap<T>
{
    private readonly string[] _keys;
    private readonly T[] _values;
    private readonly uint[] _hashes;

    /// <summary>Slot → entry index + 1; 0 is an empty slot.</summary>
    private readonly int[] _slots;
    private readonly int _mask;

    public WordMap(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        var map = new Dictionary<string, T>(pairs, StringComparer.OrdinalIgnoreCase);
        _keys = [.. map.Keys];
        _values = [.. map.Values];
        _hashes = new uint[_keys.Length];
        int size = 16;
        while (size < 2 * _keys.Length) size *= 2;
        _slots = new int[size];
        _mask = size - 1;
        for (int e = 0; e < _keys.Length; e++)
        {
            uint hash = _hashes[e] = WordFold.Hash(_keys[e]);
            int slot = (int)(hash & (uint)_mask);
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = e + 1;
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> word, out T value) => TryGetValue(WordFold.Hash(word), word, out value);

    /// <summary>Looks a word up by its <see cref="WordFold.Hash"/>, already computed.</summary>
    public bool TryGetValue(uint hash, ReadOnlySpan<char> word, out T value)
    {
        for (int slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            int e = _slots[slot] - 1;
            if (e < 0) break;
            if (_hashes[e] == hash && word.Equals(_keys[e], StringComparison.OrdinalIgnoreCase))
            {
                value = _values[e];
                return true;
            }
        }
        value = default!;
        return false;
    }

    public IEnumerable<string> Keys => _keys;
}
