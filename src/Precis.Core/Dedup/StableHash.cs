using System.Numerics;

namespace Precis.Dedup;

/// <summary>
/// Our own 64-bit hashing, stable across processes, platforms and .NET versions (unlike
/// <see cref="string.GetHashCode()"/>, which is randomized per process), so fingerprints, signatures and
/// therefore dedup results are reproducible. Words are hashed with FNV-1a over their normalized characters
/// and finished with the SplitMix64 mixer, which spreads every input bit over all output bits.
/// </summary>
internal static class StableHash
{
    public const ulong FnvOffset = 0xcbf29ce484222325;
    public const ulong FnvPrime = 0x100000001b3;

    /// <summary>The SplitMix64 finalizer (Steele et al. 2014): a bijection on 64 bits with full avalanche.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9;
        x ^= x >> 27;
        x *= 0x94d049bb133111eb;
        x ^= x >> 31;
        return x;
    }

    /// <summary>One FNV-1a step: folds a character into a running hash.</summary>
    public static ulong Step(ulong hash, char c) => (hash ^ c) * FnvPrime;

    /// <summary>Hash of an already-normalized word.</summary>
    public static ulong Word(ReadOnlySpan<char> word)
    {
        ulong h = FnvOffset;
        foreach (char c in word) h = Step(h, c);
        return Mix(h);
    }

    /// <summary>
    /// Order-sensitive hash of a run of word hashes (a shingle). Each word is rotated by a different amount
    /// before it is folded in, so "a b c" and "c b a" differ.
    /// </summary>
    public static ulong Sequence(ReadOnlySpan<ulong> words)
    {
        ulong h = 0x9e3779b97f4a7c15;
        for (int i = 0; i < words.Length; i++) h = BitOperations.RotateLeft(h, 23) ^ words[i];
        return Mix(h);
    }

    /// <summary>Folds <paramref name="value"/> into <paramref name="hash"/> (for fingerprints of sequences).</summary>
    public static ulong Combine(ulong hash, ulong value) => Mix(BitOperations.RotateLeft(hash, 27) ^ value);
}
