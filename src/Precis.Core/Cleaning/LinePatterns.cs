using System.Text;
using System.Text.RegularExpressions;

namespace Precis.Cleaning;

/// <summary>
/// A list of line patterns (one per resource line) asked only "does this line match?". Patterns that open
/// with a free window (<c>.{0,80}all rights reserved</c>) keep the non-backtracking engine's automaton alive
/// for the whole window on every line, which made these lists 16% of cleaning time on scraped pages; so each
/// such pattern gets its own regex, run only when the line holds the literal that follows the window. The
/// literal test is ordinal and ASCII, so a line with any non-ASCII character always goes to the regex
/// (case-insensitive matching of non-ASCII letters is the engine's business). The rest of the list stays
/// one regex, run only on lines whose first two characters can open one of its patterns (<see cref="LeadingChars"/>):
/// starting the engine costs about 170 ns a line even when it rejects the line at once.
/// </summary>
internal sealed class LinePatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Shorter literals would pass too many lines to be worth a separate regex.</summary>
    private const int MinLiteralLength = 4;

    private readonly Regex? _anchored;

    /// <summary>How a line must open to match <see cref="_anchored"/>; null when any line may.</summary>
    private readonly LeadingChars? _leading;

    private readonly (string Literal, Regex Pattern)[] _windowed;

    /// <param name="patterns">The patterns of one list.</param>
    /// <param name="wholeLine">Must a pattern match the whole line (else its opening)?</param>
    public LinePatterns(IEnumerable<string> patterns, bool wholeLine)
    {
        string Wrap(string alternatives) => "^(?:" + alternatives + ")" + (wholeLine ? "$" : "");
        var anchored = new List<string>();
        var windowed = new List<(string, Regex)>();
        foreach (string pattern in patterns)
        {
            if (WindowLiteral(pattern) is { } literal)
                windowed.Add((literal, new Regex(Wrap(pattern), Options)));
            else anchored.Add(pattern);
        }
        if (anchored.Count > 0)
        {
            string pattern = Wrap(string.Join("|", anchored));
            _anchored = new Regex(pattern, Options);
            _leading = LeadingChars.Of(pattern);
        }
        _windowed = [.. windowed];
    }

    public bool IsMatch(ReadOnlySpan<char> line)
    {
        if (_anchored is not null && (_leading is null || _leading.MayOpen(line)) && _anchored.IsMatch(line)) return true;
        if (_windowed.Length == 0) return false;
        bool ascii = Ascii.IsValid(line);
        foreach (var (literal, pattern) in _windowed)
        {
            if (ascii && !line.Contains(literal, StringComparison.OrdinalIgnoreCase)) continue;
            if (pattern.IsMatch(line)) return true;
        }
        return false;
    }

    /// <summary>
    /// For a pattern "<c>.{0,N}</c>[<c>\b</c>]literal…" with no alternation at its top level, the literal run of
    /// letters and spaces every match must contain; otherwise null.
    /// </summary>
    private static string? WindowLiteral(string pattern)
    {
        if (!pattern.StartsWith(".{0,", StringComparison.Ordinal) || HasTopLevelAlternation(pattern)) return null;
        int i = pattern.IndexOf('}') + 1;
        if (i == 0) return null;
        if (pattern.AsSpan(i).StartsWith(@"\b")) i += 2;
        int start = i;
        while (i < pattern.Length && (char.IsAsciiLetter(pattern[i]) || pattern[i] == ' ')) i++;
        int end = i;
        // A quantifier after the run applies to its last character, which is then not required.
        if (i < pattern.Length && pattern[i] is '?' or '*' or '{') end--;
        return end - start >= MinLiteralLength ? pattern[start..end] : null;
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        int depth = 0;
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { inClass = c != ']'; continue; }
            switch (c)
            {
                case '[': inClass = true; break;
                case '(': depth++; break;
                case ')': depth--; break;
                case '|' when depth == 0: return true;
            }
        }
        return false;
    }
}
