using System.Collections.Frozen;
using System.Reflection;

namespace Precis.Text;

/// <summary>
/// Loads the word lists in <c>src/Precis.Core/Resources</c> (embedded into the assembly), once. Heuristics
/// live in those files, not in code: one entry per line, <c>#</c> starts a comment. The sets are frozen and
/// immutable, so sharing them across threads is safe; the span lookups below do not allocate.
/// </summary>
public static class Lexicon
{
    private static readonly Lazy<FrozenSet<string>> LazyStopwords = new(() => LoadSet("stopwords-en.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> LazyAbbreviations = new(() => LoadSet("abbreviations.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyFinalAbbreviations = new(() => LoadSet("abbreviations-final.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyDomainSuffixes = new(() => LoadSet("domain-suffixes.txt", StringComparer.Ordinal));

    /// <summary>English function words and contractions, case-insensitive, apostrophes as "'".</summary>
    public static FrozenSet<string> Stopwords => LazyStopwords.Value;

    /// <summary>Abbreviations that never end a sentence (titles, months), without their final period.</summary>
    public static FrozenSet<string> Abbreviations => LazyAbbreviations.Value;

    /// <summary>Abbreviations that may end a sentence (Inc., Colo.), without their final period.</summary>
    public static FrozenSet<string> FinalAbbreviations => LazyFinalAbbreviations.Value;

    /// <summary>Last labels of bare domain names ("com" in "Amazon.com").</summary>
    public static FrozenSet<string> DomainSuffixes => LazyDomainSuffixes.Value;

    /// <summary>Whether <paramref name="word"/> is a stopword, ignoring case and the kind of apostrophe ("It’s").</summary>
    public static bool IsStopword(ReadOnlySpan<char> word)
    {
        var lookup = Lookups.Stopwords;
        if (word.IndexOfAny('\u2019', '\u02BC') < 0) return lookup.Contains(word);
        if (word.Length > CaseFolding.StackLimit) return false;
        Span<char> folded = stackalloc char[word.Length];
        CaseFolding.Fold(word, folded);
        return lookup.Contains(folded);
    }

    public static bool IsAbbreviation(ReadOnlySpan<char> word) => Lookups.Abbreviations.Contains(word);

    public static bool IsFinalAbbreviation(ReadOnlySpan<char> word) => Lookups.FinalAbbreviations.Contains(word);

    public static bool IsDomainSuffix(ReadOnlySpan<char> label) => Lookups.DomainSuffixes.Contains(label);

    /// <summary>Reads an embedded resource as non-empty, non-comment, trimmed lines.</summary>
    public static IEnumerable<string> ReadLines(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Precis.Resources." + resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the Precis assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            lines.Add(trimmed);
        }
        return lines;
    }

    public static FrozenSet<string> LoadSet(string resourceName, StringComparer comparer) => ReadLines(resourceName).ToFrozenSet(comparer);

    /// <summary>Span lookups of the sets, created once (the class initializer runs on first use, thread-safely).</summary>
    private static class Lookups
    {
        public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stopwords = Lexicon.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinalAbbreviations = Lexicon.FinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DomainSuffixes = Lexicon.DomainSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
