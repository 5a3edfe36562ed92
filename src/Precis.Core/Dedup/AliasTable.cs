using System.Collections.Frozen;
using Precis.Text;

namespace Precis.Dedup;

/// <summary>
/// Names and spellings that a copy editor swaps without changing what a text says ("Russian Federation"
/// for "Russia", "U.S." for "United States", "neighbourhood" for "neighborhood"). Each group of variants
/// collapses to one canonical word before shingling, so a lightly rewritten copy hashes like its source.
/// The groups are data: <c>Resources/aliases.txt</c> (names) and <c>Resources/spelling-variants.txt</c>
/// (British/American spellings, compounds), one group per line, variants separated by <c>|</c>.
/// Immutable and thread-safe.
/// </summary>
public sealed class AliasTable
{
    private static readonly Lazy<AliasTable> LazyDefault = new(() =>
        FromLines(Lexicon.ReadLines("aliases.txt").Concat(Lexicon.ReadLines("spelling-variants.txt"))));

    /// <summary>A variant phrase (its word hashes) and the canonical word it stands for.</summary>
    private readonly record struct Variant(ulong[] Words, ulong Canonical);

    /// <summary>Variants keyed by their first word, longest first so the longest match wins.</summary>
    private readonly FrozenDictionary<ulong, Variant[]> _byFirstWord;

    /// <summary>
    /// One bit per value of a word hash's low <see cref="FilterBits"/> bits, set for the first words of the
    /// variants: most words of a text start no variant, and one bit test rules them out before the
    /// dictionary lookup (word hashes are mixed, so their low bits are uniform).
    /// </summary>
    private readonly ulong[] _firstWordFilter = new ulong[(1 << FilterBits) / 64];

    /// <summary>4,096 bits (512 bytes): the shipped tables have about 260 distinct first words, so about 6% of other words pass the test.</summary>
    private const int FilterBits = 12;

    private AliasTable(FrozenDictionary<ulong, Variant[]> byFirstWord, int groups, IReadOnlyList<IReadOnlyList<string>> groupTexts)
    {
        _byFirstWord = byFirstWord;
        foreach (ulong word in byFirstWord.Keys) _firstWordFilter[FilterSlot(word) >> 6] |= 1UL << FilterSlot(word);
        GroupCount = groups;
        Groups = groupTexts;
    }

    /// <summary>The shipped table: <c>aliases.txt</c> and <c>spelling-variants.txt</c>, loaded once.</summary>
    public static AliasTable Default => LazyDefault.Value;

    /// <summary>A table that changes nothing.</summary>
    public static AliasTable Empty { get; } = FromLines([]);

    public int GroupCount { get; }

    /// <summary>The variants of each group as written in the data (the evaluation swaps them to make test copies).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>
    /// Parses groups, one per line: <c>United States | US | U.S. | USA</c>. A variant that appears in two
    /// groups is a data error (the table would be ambiguous) and throws.
    /// </summary>
    public static AliasTable FromLines(IEnumerable<string> lines)
    {
        var byFirst = new Dictionary<ulong, List<Variant>>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new List<IReadOnlyList<string>>();
        foreach (string line in lines)
        {
            var variants = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (variants.Length < 2) continue;
            ulong canonical = StableHash.Combine(0xa11a5, StableHash.Sequence(WordHasher.HashToArray(variants[0])));
            foreach (string variant in variants)
            {
                var words = WordHasher.HashToArray(variant);
                if (words.Length == 0) continue;
                string key = string.Join(' ', words);
                if (seen.TryGetValue(key, out var other))
                {
                    if (other == variants[0]) continue; // "U.S." and "U S" normalize alike within one group
                    throw new InvalidOperationException($"Alias '{variant}' is in two groups: '{other}' and '{variants[0]}'.");
                }
                seen[key] = variants[0];
                if (!byFirst.TryGetValue(words[0], out var list)) byFirst[words[0]] = list = [];
                list.Add(new Variant(words, canonical));
            }
            groups.Add(variants);
        }
        var frozen = byFirst.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(v => v.Words.Length).ToArray());
        return new AliasTable(frozen, groups.Count, groups);
    }

    private static int FilterSlot(ulong word) => (int)(word & ((1 << FilterBits) - 1));

    /// <summary>
    /// Copies <paramref name="words"/> to <paramref name="output"/>, replacing every variant phrase (longest
    /// match first) with its group's canonical word.
    /// </summary>
    internal void Apply(ReadOnlySpan<ulong> words, ref PooledBuffer<ulong> output)
    {
        int i = 0;
        while (i < words.Length)
        {
            int slot = FilterSlot(words[i]);
            if ((_firstWordFilter[slot >> 6] & (1UL << slot)) != 0 && _byFirstWord.TryGetValue(words[i], out var variants))
            {
                int matched = 0;
                foreach (var v in variants)
                {
                    if (v.Words.Length <= words.Length - i && words.Slice(i, v.Words.Length).SequenceEqual(v.Words))
                    {
                        output.Add(v.Canonical);
                        matched = v.Words.Length;
                        break;
                    }
                }
                if (matched > 0)
                {
                    i += matched;
                    continue;
                }
            }
            output.Add(words[i]);
            i++;
        }
    }
}
