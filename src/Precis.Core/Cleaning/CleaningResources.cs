using System.Collections.Frozen;
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
/// The word lists as one open-addressing hash table of lower-case words. The line scanner hashes each
/// word while it reads it (<see cref="Hash"/>), so a lookup costs one probe and one comparison; words
/// longer than any listed word are not looked up at all.
/// </summary>
internal sealed class WordClasses
{
    private readonly string?[] _words;
    private readonly WordClass[] _classes;
    private readonly int _mask;

    public WordClasses(IReadOnlyDictionary<string, WordClass> classes)
    {
        int size = 1;
        while (size < 4 * classes.Count) size <<= 1;
        _words = new string?[size];
        _classes = new WordClass[size];
        _mask = size - 1;
        foreach (var (word, cls) in classes)
        {
            string lower = word.ToLowerInvariant();
            uint h = Start;
            foreach (char c in lower) h = Hash(h, c);
            int at = (int)(h & (uint)_mask);
            while (_words[at] is { } taken && taken != lower) at = (at + 1) & _mask;
            _words[at] = lower;
            _classes[at] |= cls;
            MaxLength = Math.Max(MaxLength, lower.Length);
        }
    }

    public int MaxLength { get; }

    /// <summary>The hash before the first character (FNV-1a offset basis).</summary>
    public const uint Start = 2166136261;

    /// <summary>Adds a character, lower-cased, to a word's hash (FNV-1a).</summary>
    public static uint Hash(uint h, char c) => (h ^ (uint)Lower(c)) * 16777619;

    /// <summary><see cref="char.ToLowerInvariant"/>, answered inline for ASCII (nearly every character of a news page).</summary>
    private static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <param name="word">The word as written.</param>
    /// <param name="hash">Its hash from <see cref="Start"/> and <see cref="Hash"/> over its characters.</param>
    public WordClass Of(ReadOnlySpan<char> word, uint hash)
    {
        if (word.Length > MaxLength) return WordClass.None;
        int at = (int)(hash & (uint)_mask);
        while (_words[at] is { } candidate)
        {
            if (candidate.Length == word.Length && EqualsLower(candidate, word)) return _classes[at];
            at = (at + 1) & _mask;
        }
        return WordClass.None;
    }

    public WordClass Of(ReadOnlySpan<char> word)
    {
        uint h = Start;
        foreach (char c in word) h = Hash(h, c);
        return Of(word, h);
    }

    private static bool EqualsLower(string lower, ReadOnlySpan<char> word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (Lower(word[i]) != lower[i]) return false;
        }
        return true;
    }
}

/// <summary>
/// The cleaning heuristics that are data, loaded once from <c>Resources/</c>: whole-line boilerplate,
/// comment-thread and caption patterns, word lists, agencies, dateline places, month and weekday names.
/// Everything here is immutable and shared across threads.
/// </summary>
internal static class CleaningResources
{
    private static readonly Lazy<LinePatterns> LazyBoilerplate = new(() => new(Lexicon.ReadLines("boilerplate-lines.txt"), wholeLine: true));
    private static readonly Lazy<LinePatterns> LazyCommentMarkers = new(() => new(Lexicon.ReadLines("cleaning-comment-markers.txt"), wholeLine: true));
    private static readonly Lazy<LinePatterns> LazyCaptionMarkers = new(() => new(Lexicon.ReadLines("cleaning-caption-markers.txt"), wholeLine: false));
    private static readonly Lazy<LinePatterns> LazyBylineMarkers = new(() => new(Lexicon.ReadLines("cleaning-byline-markers.txt"), wholeLine: false));
    private static readonly Lazy<WordClasses> LazyWordClasses = new(LoadWordClasses);
    private static readonly Lazy<FrozenSet<string>> LazyPlaces = new(() => Lexicon.LoadSet("cleaning-places.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenDictionary<string, string>> LazyAgencies = new(LoadAgencies);
    private static readonly Lazy<FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> LazyAgencyLookup =
        new(() => LazyAgencies.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Navigation, sharing, advertising, legal and form lines (whole line).</summary>
    public static LinePatterns Boilerplate => LazyBoilerplate.Value;

    /// <summary>Lines that open a reader-comment thread or a reply form (whole line).</summary>
    public static LinePatterns CommentMarkers => LazyCommentMarkers.Value;

    /// <summary>Line openings of photo/media captions and embedded posts.</summary>
    public static LinePatterns CaptionMarkers => LazyCaptionMarkers.Value;

    /// <summary>Line openings of bylines and credit lines.</summary>
    public static LinePatterns BylineMarkers => LazyBylineMarkers.Value;

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
