using System.Collections.Frozen;
using System.Reflection;

namespace Precis.Text;

/// <summary>
/// Loads the word lists in <c>src/Precis/Resources</c> (embedded into the assembly), once. Heuristics live
/// in those files, not in code: one word per line, <c>#</c> starts a comment. The sets are frozen and
/// immutable, so sharing them across threads is safe.
/// </summary>
public static class Lexicon
{
    private static readonly Lazy<FrozenSet<string>> LazyStopwords = new(() => LoadSet("stopwords-en.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> LazyAbbreviations = new(() => LoadSet("abbreviations.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyFinalAbbreviations = new(() => LoadSet("abbreviations-final.txt", StringComparer.Ordinal));

    /// <summary>English function words, case-insensitive.</summary>
    public static FrozenSet<string> Stopwords => LazyStopwords.Value;

    /// <summary>Abbreviations that never end a sentence (titles, months), without their final period.</summary>
    public static FrozenSet<string> Abbreviations => LazyAbbreviations.Value;

    /// <summary>Abbreviations that may end a sentence (Inc., U.S.), without their final period.</summary>
    public static FrozenSet<string> FinalAbbreviations => LazyFinalAbbreviations.Value;

    public static bool IsStopword(ReadOnlySpan<char> word) => Stopwords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

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
}
