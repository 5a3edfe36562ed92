using System.Buffers;
using System.Globalization;

namespace Precis.Dedup;

/// <summary>
/// Turns text into the word hashes that dedup compares. A word is a run of letters and digits, lower-cased;
/// everything else (punctuation, quote marks of any style, apostrophes, hyphens, white space) separates
/// words, so "Aleppo’s" and "Aleppo's", or «cease-fire» and "cease fire", give the same words. Combining
/// marks are skipped rather than splitting a word. Works on spans, allocates nothing.
/// </summary>
internal static class WordHasher
{
    /// <summary>Appends the hash of each word of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Hash(ReadOnlySpan<char> text, ref PooledBuffer<ulong> words)
    {
        ulong h = StableHash.FnvOffset;
        bool inWord = false;
        foreach (char c in text)
        {
            char lower;
            if (c < 128)
            {
                if ((uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9) lower = c;
                else if ((uint)(c - 'A') <= 'Z' - 'A') lower = (char)(c | 0x20);
                else lower = '\0';
            }
            else if (char.IsLetterOrDigit(c))
            {
                lower = char.ToLowerInvariant(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else
            {
                lower = '\0';
            }

            if (lower != '\0')
            {
                h = StableHash.Step(h, lower);
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(StableHash.Mix(h));
                h = StableHash.FnvOffset;
                inWord = false;
            }
        }
        if (inWord) words.Add(StableHash.Mix(h));
    }

    /// <summary>The word hashes of <paramref name="text"/> as an array (for loading tables, not for hot paths).</summary>
    public static ulong[] HashToArray(ReadOnlySpan<char> text)
    {
        var buffer = new PooledBuffer<ulong>(16);
        try
        {
            Hash(text, ref buffer);
            return buffer.Span.ToArray();
        }
        finally
        {
            buffer.Dispose();
        }
    }
}

/// <summary>
/// A growable buffer over an <see cref="ArrayPool{T}"/> array, for per-document scratch space in hot loops.
/// A mutable struct: pass it by <c>ref</c>, and <see cref="Dispose"/> it in a <c>finally</c>.
/// </summary>
internal struct PooledBuffer<T> : IDisposable
{
    private T[] _items;
    private int _count;

    public PooledBuffer(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(4, capacity));
        _count = 0;
    }

    public readonly int Count => _count;
    public readonly Span<T> Span => _items.AsSpan(0, _count);

    public void Add(T item)
    {
        if (_count == _items.Length) Grow();
        _items[_count++] = item;
    }

    public void Clear() => _count = 0;

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_items);
        _items = bigger;
    }

    public void Dispose()
    {
        if (_items is null) return;
        ArrayPool<T>.Shared.Return(_items);
        _items = null!;
        _count = 0;
    }
}
