using System.Runtime.CompilerServices;

namespace Precis.Text;

/// <summary>
/// Folds words to the form they are compared in: lower case (culture-invariant, so the result never depends
/// on the machine's locale), curly and modifier apostrophes as "'", non-breaking hyphens as "-". Folding never
/// changes the length, so a caller can fold into a stack buffer of the word's size and look the result up
/// with a <c>GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c> without allocating a string.
/// </summary>
public static class CaseFolding
{
    /// <summary>Words up to this length fold on the stack in the helpers below; longer ones are rare enough to allocate.</summary>
    public const int StackLimit = 128;

    /// <summary>Writes the folded form of <paramref name="source"/> into <paramref name="destination"/> and returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        for (int i = 0; i < source.Length; i++) destination[i] = Fold(source[i]);
        return source.Length;
    }

    /// <summary>The folded form as a new string; returns <paramref name="source"/> itself when it is already folded.</summary>
    public static string Fold(string source)
    {
        int first = FirstUnfolded(source);
        if (first < 0) return source;
        return string.Create(source.Length, (source, first), static (span, state) =>
        {
            state.source.AsSpan(0, state.first).CopyTo(span);
            for (int i = state.first; i < span.Length; i++) span[i] = Fold(state.source[i]);
        });
    }

    /// <summary>The folded form as a new string (one allocation).</summary>
    public static string ToFoldedString(ReadOnlySpan<char> source)
    {
        if (source.Length <= StackLimit)
        {
            Span<char> buffer = stackalloc char[source.Length];
            Fold(source, buffer);
            return new string(buffer);
        }
        var chars = new char[source.Length];
        Fold(source, chars);
        return new string(chars);
    }

    /// <summary>True when <paramref name="source"/> is already in folded form.</summary>
    public static bool IsFolded(ReadOnlySpan<char> source) => FirstUnfolded(source) < 0;

    /// <summary>Compares two words as folded, without allocating.</summary>
    public static bool EqualsFolded(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i] && Fold(a[i]) != Fold(b[i])) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < '\u0080') return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' => '\'',
            '\u2010' or '\u2011' => '-',
            _ => char.ToLowerInvariant(c),
        };
    }

    private static int FirstUnfolded(ReadOnlySpan<char> source)
    {
        for (int i = 0; i < source.Length; i++)
            if (Fold(source[i]) != source[i]) return i;
        return -1;
    }
}
