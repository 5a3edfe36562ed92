using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Precis.Text;

namespace Precis.Evaluation.Rouge;

/// <summary>
/// What a lower-case word counts as under one scorer's options: itself, its WordNet lemma or Porter stem
/// (<c>-m</c>, words longer than 3 bytes), or nothing (<c>-s</c> stopwords). Each word is worked out once
/// per scorer and remembered, so scoring many summaries does not stem the same words again. The memo is
/// thread-safe, and its answers depend only on the word and the options, so scores stay deterministic.
/// </summary>
internal sealed class RougeWordTerms
{
    /// <summary>
    /// Words remembered at most (about 25 MB). Everything in the four MDS sets, documents included, is
    /// 27,957 distinct words; past the cap new words are worked out each time instead of growing without bound.
    /// </summary>
    private const int MaxRemembered = 1 << 18;

    private readonly RougeOptions _options;
    private readonly ConcurrentDictionary<string, string?> _remembered = new(StringComparer.Ordinal);
    private int _rememberedCount;
    private readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopwords;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lemmas;

    public RougeWordTerms(RougeOptions options)
    {
        _options = options;
        _lookup = _remembered.GetAlternateLookup<ReadOnlySpan<char>>();
        _stopwords = RougeData.SmartStopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        _lemmas = RougeData.WordNetExceptions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The term of a lower-case word, or null when <c>-s</c> drops it.</summary>
    public string? TermOf(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out string? term)) return term;
        string key = new(word);
        term = Compute(key);
        // ConcurrentDictionary.Count takes every lock of the table: on a cold scorer, where every word is
        // new, asking it here cost more CPU than stemming (perf, `precis eval rouge --vectors`). A counter
        // of our own answers the same question; it can overshoot the cap by the number of racing threads.
        if (Volatile.Read(ref _rememberedCount) < MaxRemembered && _remembered.TryAdd(key, term)) Interlocked.Increment(ref _rememberedCount);
        return term;
    }

    private string? Compute(string word)
    {
        if (_options.RemoveStopwords && _stopwords.Contains(word)) return null;
        if (!_options.Stem || word.Length <= 3) return word;
        if (_lemmas.TryGetValue(word, out string? lemma)) return lemma;
        return PorterStemmer.Stem(word);
    }
}

/// <summary>
/// Term ids for one scoring: dense ids 0 … <see cref="Count"/>-1, shared by the summary and its references
/// so that grams can be counted in arrays.
/// </summary>
internal sealed class RougeTermTable
{
    /// <summary>The id of a word that <c>-s</c> drops.</summary>
    public const int Dropped = -1;

    private const int StackWordLength = 64;

    private readonly RougeWordTerms _words;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public RougeTermTable(RougeWordTerms words) => _words = words;

    public int Count => _ids.Count;

    /// <summary>The term id of an ASCII word (any case), or <see cref="Dropped"/> for a stopword under <c>-s</c>.</summary>
    public int IdOf(ReadOnlySpan<byte> asciiWord)
    {
        char[]? rented = null;
        Span<char> word = asciiWord.Length <= StackWordLength
            ? stackalloc char[StackWordLength]
            : (rented = ArrayPool<char>.Shared.Rent(asciiWord.Length));
        try
        {
            word = word[..asciiWord.Length];
            for (int i = 0; i < asciiWord.Length; i++)
            {
                byte b = asciiWord[i];
                word[i] = (char)(b is >= (byte)'A' and <= (byte)'Z' ? b | 0x20 : b);
            }
            string? term = _words.TermOf(word);
            if (term is null) return Dropped;
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term, out bool exists);
            if (!exists) id = _ids.Count - 1;
            return id;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }
}
