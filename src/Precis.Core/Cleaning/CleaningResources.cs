using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>Which of the cleaner's word lists a word is on.</summary>
[Flags]
internal enum WordClass : byte
{
    None = 0,
    Stopword = 1,
    Personal = 2,
    Boilerplate = 4,
}

/// <summary>
/// The word lists as one table of lower-case words. A word is lower-cased into a small stack buffer and
/// looked up with ordinal comparison (much cheaper than a case-insensitive hash); words longer than any
/// listed word are not looked up at all.
/// </summary>
internal sealed class WordClasses
{
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    public WordClasses(IReadOnlyDictionary<string, WordClass> classes)
    {
        _lookup = classes.ToFrozenDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = Math.Min(classes.Keys.Max(k => k.Length), 32);
    }

    public WordClass Of(ReadOnlySpan<char> word)
    {
        if (word.Length > _maxLength) return WordClass.None;
        Span<char> lower = stackalloc char[32];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        return _lookup.TryGetValue(lower[..word.Length], out var cls) ? cls : WordClass.None;
    }
}

/// <summary>
/// The cleaning heuristics that are data, loaded once from <c>Resources/</c>: whole-line boilerplate,
/// comment-thread and caption patterns, word lists, agencies, dateline places, month and weekday names.
/// Everything here is immutable and shared across threads.
/// </summary>
internal static class CleaningResources
{
    /// <summary>
    /// The line patterns are only asked "does it match?", so they run on the non-backtracking engine: linear
    /// in the line's length whatever the pattern, and it stops at the first character no pattern accepts.
    /// </summary>
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly Lazy<Regex> LazyBoilerplate = new(() => WholeLine("boilerplate-lines.txt"));
    private static readonly Lazy<Regex> LazyCommentMarkers = new(() => WholeLine("cleaning-comment-markers.txt"));
    private static readonly Lazy<Regex> LazyCaptionMarkers = new(() =>
        new Regex("^(?:" + string.Join("|", Lexicon.ReadLines("cleaning-caption-markers.txt")) + ")", Options));
    private static readonly Lazy<Regex> LazyBylineMarkers = new(() =>
        new Regex("^(?:" + string.Join("|", Lexicon.ReadLines("cleaning-byline-markers.txt")) + ")", Options));
    private static readonly Lazy<WordClasses> LazyWordClasses = new(LoadWordClasses);
    private static readonly Lazy<FrozenSet<string>> LazyPlaces = new(() => Lexicon.LoadSet("cleaning-places.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenDictionary<string, string>> LazyAgencies = new(LoadAgencies);
    private static readonly Lazy<FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> LazyAgencyLookup =
        new(() => LazyAgencies.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Navigation, sharing, advertising, legal and form lines (whole line).</summary>
    public static Regex Boilerplate => LazyBoilerplate.Value;

    /// <summary>Lines that open a reader-comment thread or a reply form (whole line).</summary>
    public static Regex CommentMarkers => LazyCommentMarkers.Value;

    /// <summary>Line openings of photo/media captions and embedded posts.</summary>
    public static Regex CaptionMarkers => LazyCaptionMarkers.Value;

    /// <summary>Line openings of bylines and credit lines.</summary>
    public static Regex BylineMarkers => LazyBylineMarkers.Value;

    /// <summary>Stopwords, personal words and boilerplate words in one table, so each word of a line is looked up once.</summary>
    public static WordClasses Words => LazyWordClasses.Value;

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Places => LazyPlaces.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every written form of an agency (case-sensitive) → the name to report.</summary>
    public static FrozenDictionary<string, string> Agencies => LazyAgencies.Value;

    /// <summary>Is this whole line an agency's name ("ASSOCIATED PRESS", "Press Trust of India")?</summary>
    public static bool IsAgency(ReadOnlySpan<char> line) => LazyAgencyLookup.Value.ContainsKey(line);

    private static WordClasses LoadWordClasses()
    {
        var map = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, WordClass c)
        {
            foreach (string w in words) map[w] = map.GetValueOrDefault(w) | c;
        }
        Add(Lexicon.Stopwords, WordClass.Stopword);
        Add(Lexicon.ReadLines("cleaning-personal-words.txt"), WordClass.Personal);
        Add(Lexicon.ReadLines("cleaning-boilerplate-words.txt"), WordClass.Boilerplate);
        return new WordClasses(map);
    }

    private static Regex WholeLine(string resource) =>
        new("^(?:" + string.Join("|", Lexicon.ReadLines(resource)) + ")$", Options);

    private static FrozenDictionary<string, string> LoadAgencies()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in Lexicon.ReadLines("cleaning-agencies.txt"))
        {
            var forms = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (string form in forms) map.TryAdd(form, forms[0]);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
