using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// The cleaning heuristics that are data, loaded once from <c>Resources/</c>: whole-line boilerplate,
/// comment-thread and caption patterns, word lists, agencies, dateline places, month and weekday names.
/// Everything here is immutable and shared across threads.
/// </summary>
internal static class CleaningResources
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Lazy<Regex> LazyBoilerplate = new(() => WholeLine("boilerplate-lines.txt"));
    private static readonly Lazy<Regex> LazyCommentMarkers = new(() => WholeLine("cleaning-comment-markers.txt"));
    private static readonly Lazy<Regex> LazyCaptionMarkers = new(() =>
        new Regex("^(?:" + string.Join("|", Lexicon.ReadLines("cleaning-caption-markers.txt")) + ")", Options));
    private static readonly Lazy<Regex> LazyBylineMarkers = new(() =>
        new Regex("^(?:" + string.Join("|", Lexicon.ReadLines("cleaning-byline-markers.txt")) + ")", Options));
    private static readonly Lazy<FrozenSet<string>> LazyBoilerplateWords = new(() => Lexicon.LoadSet("cleaning-boilerplate-words.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> LazyPersonalWords = new(() => Lexicon.LoadSet("cleaning-personal-words.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> LazyPlaces = new(() => Lexicon.LoadSet("cleaning-places.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenDictionary<string, string>> LazyAgencies = new(LoadAgencies);

    /// <summary>Navigation, sharing, advertising, legal and form lines (whole line).</summary>
    public static Regex Boilerplate => LazyBoilerplate.Value;

    /// <summary>Lines that open a reader-comment thread or a reply form (whole line).</summary>
    public static Regex CommentMarkers => LazyCommentMarkers.Value;

    /// <summary>Line openings of photo/media captions and embedded posts.</summary>
    public static Regex CaptionMarkers => LazyCaptionMarkers.Value;

    /// <summary>Line openings of bylines and credit lines.</summary>
    public static Regex BylineMarkers => LazyBylineMarkers.Value;

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateWords => LazyBoilerplateWords.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonalWords => LazyPersonalWords.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Places => LazyPlaces.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every written form of an agency (case-sensitive) → the name to report.</summary>
    public static FrozenDictionary<string, string> Agencies => LazyAgencies.Value;

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
