using System.Collections.Frozen;
using Precis.Model;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>What the compressor deleted from a sentence.</summary>
[Flags]
public enum CompressionEdits
{
    None = 0,

    /// <summary>A dateline: "PARIS (AP) _", "AUSTIN, Texas (AP) _", "(CNN)", "OSLO _".</summary>
    Dateline = 1,

    /// <summary>A leading connective before a capitalized word: "But Smith said ..." → "Smith said ...".</summary>
    Connective = 2,

    /// <summary>A short parenthetical aside in mid-sentence: "a 10-foot (3-meter) wall".</summary>
    Parenthetical = 4,

    /// <summary>
    /// A final attribution clause, deleted with the sentence's final period: "..., officials said on Friday."
    /// → "...". (A kept period would be a segment of its own and show as "... ." in text whose segments are
    /// joined by spaces.)
    /// </summary>
    AttributionTail = 8,

    /// <summary>A leading "According to X," before a capitalized word.</summary>
    LeadingAttribution = 16,

    /// <summary>
    /// A weekday naming when something happened, mid-sentence: "the Party on Saturday backed" → "the Party
    /// backed", "blew up Friday in a market" → "blew up in a market". Reference summaries seldom give the
    /// weekday (0.0–0.9 per 1,000 words on duc2003, tac2010 and multiling2011 against 4.2–4.9 in their
    /// articles), so the words go to content: duc2003 +0.19 ROUGE-1 / +0.57 ROUGE-2, tac2010 +0.04 / +0.15
    /// (session 4, docs/evaluation.md).
    /// </summary>
    DayReference = 32,
}

/// <summary>A sentence after compression: the segments kept, in order, and what was deleted.</summary>
public sealed record CompressedSentence(IReadOnlyList<TextSpan> Segments, CompressionEdits Edits);

/// <summary>
/// Deletion-only sentence compression for summaries. It removes pieces that carry no news of their own —
/// datelines, leading connectives, short parenthetical asides, weekdays and attribution tails — and never changes,
/// reorders or adds a character: every kept word is the article's own text at its own offset, so a
/// compressed summary sentence can still be traced to source spans. Each rule is conservative and
/// declines whenever the result would not read as a sentence (the next word is not capitalized, the
/// sentence quotes someone, the rest would be too short). The word lists are resources
/// (<c>summary-*.txt</c>, <c>news-agencies.txt</c>), loaded once; the compressor is immutable.
/// </summary>
public sealed class SentenceCompressor
{
    /// <summary>How far into a sentence a dateline is looked for, in characters (a place, a region or date, an agency and a dash).</summary>
    private const int MaxDatelineChars = 120;

    /// <summary>Longest parenthetical deleted, in tokens inside the brackets; longer ones usually carry content.</summary>
    private const int MaxParentheticalTokens = 8;

    /// <summary>
    /// Longest attribution tail deleted, in tokens between the comma and the final period (", according to a
    /// survey by the reserve's administration."). 12 (session 4; was 10): tac2010 +0.04 ROUGE-1, multinews100
    /// +0.08 / +0.21 ROUGE-2, duc2003 and multiling2011 unchanged, no half of any set lower; 14 measured the
    /// same, 18 cost half of tac2010 0.1.
    /// </summary>
    private const int MaxTailTokens = 12;

    /// <summary>Words a sentence must keep before a deleted tail, so that what is left is still a statement.</summary>
    private const int MinWordsLeft = 5;

    /// <summary>Every rule.</summary>
    public const CompressionEdits AllEdits = CompressionEdits.Dateline | CompressionEdits.Connective | CompressionEdits.Parenthetical
        | CompressionEdits.AttributionTail | CompressionEdits.LeadingAttribution | CompressionEdits.DayReference;

    private static readonly Lazy<WordLists> Lists = new(() => new WordLists());

    [ThreadStatic] private static List<Token>? t_tokens;

    private readonly CompressionEdits _enabled;
    private readonly string[][] _connectives;
    private readonly FrozenSet<string> _reportingVerbs;
    private readonly FrozenSet<string> _tailStoppers;
    private readonly FrozenSet<string> _agencies;
    private readonly FrozenSet<string> _weekdays;
    private readonly FrozenSet<string> _dayParts;
    private readonly FrozenSet<string> _dayKeepersBefore;
    private readonly FrozenSet<string> _dayKeepersAfter;

    /// <summary>A compressor that applies the rules in <paramref name="enabled"/>.</summary>
    public SentenceCompressor(CompressionEdits enabled = AllEdits)
    {
        _enabled = enabled;
        var lists = Lists.Value;
        _connectives = lists.Connectives;
        _reportingVerbs = lists.ReportingVerbs;
        _tailStoppers = lists.TailStoppers;
        _agencies = lists.Agencies;
        _weekdays = lists.Weekdays;
        _dayParts = lists.DayParts;
        _dayKeepersBefore = lists.DayKeepersBefore;
        _dayKeepersAfter = lists.DayKeepersAfter;
    }

    /// <summary>The compressor with every rule.</summary>
    public static SentenceCompressor Default { get; } = new();

    private sealed class WordLists
    {
        public string[][] Connectives { get; } = Lexicon.ReadLines("summary-leading-connectives.txt")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .OrderByDescending(p => p.Length)
            .ToArray();

        public FrozenSet<string> ReportingVerbs { get; } = Lexicon.LoadSet("summary-reporting-verbs.txt", StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> TailStoppers { get; } = Lexicon.LoadSet("summary-tail-stoppers.txt", StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> Agencies { get; } = Lexicon.LoadSet("news-agencies.txt", StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> Weekdays { get; } = Lexicon.ReadLines("cleaning-weekdays.txt").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> DayParts { get; } = Lexicon.LoadSet("summary-day-parts.txt", StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> DayKeepersBefore { get; } = Lexicon.LoadSet("summary-day-keepers-before.txt", StringComparer.OrdinalIgnoreCase);
        public FrozenSet<string> DayKeepersAfter { get; } = Lexicon.LoadSet("summary-day-keepers-after.txt", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Compresses the sentence at <paramref name="sentence"/> in <paramref name="text"/>.</summary>
    public CompressedSentence Compress(string text, TextSpan sentence)
    {
        var s = sentence.Of(text);
        // The sentence's tokens, in a list this thread reuses: one per candidate was most of what compressing allocated.
        var tokens = t_tokens ??= new List<Token>(64);
        tokens.Clear();
        Tokenizer.Tokenize(s, tokens);
        var deletions = new List<(int Start, int End)>(4);
        var edits = CompressionEdits.None;
        if (tokens.Count == 0) return new CompressedSentence([sentence.Trim(text)], edits);

        int first = 0;
        int afterDateline = Enabled(CompressionEdits.Dateline) ? DatelineEnd(s, tokens) : 0;
        if (afterDateline > 0)
        {
            deletions.Add((0, tokens[afterDateline].Start));
            edits |= CompressionEdits.Dateline;
            first = afterDateline;
        }

        int afterConnective = Enabled(CompressionEdits.Connective) ? LeadingConnectiveEnd(s, tokens, first) : first;
        if (afterConnective > first)
        {
            deletions.Add((tokens[first].Start, tokens[afterConnective].Start));
            edits |= CompressionEdits.Connective;
            first = afterConnective;
        }
        else
        {
            int afterAccording = Enabled(CompressionEdits.LeadingAttribution) ? LeadingAttributionEnd(s, tokens, first) : first;
            if (afterAccording > first)
            {
                deletions.Add((tokens[first].Start, tokens[afterAccording].Start));
                edits |= CompressionEdits.LeadingAttribution;
                first = afterAccording;
            }
        }

        int last = tokens.Count;
        var tail = Enabled(CompressionEdits.AttributionTail) ? AttributionTail(s, tokens, first) : (Comma: -1, Final: -1);
        if (tail.Comma >= 0)
        {
            deletions.Add((tokens[tail.Comma].Start, s.Length));
            edits |= CompressionEdits.AttributionTail;
            last = tail.Comma;
        }

        for (int i = first + 1; i < last && Enabled(CompressionEdits.Parenthetical); i++)
        {
            if (!Is(s, tokens[i], "(")) continue;
            int close = i + 1;
            while (close < last && close - i - 1 <= MaxParentheticalTokens && !Is(s, tokens[close], ")") && !Is(s, tokens[close], "(") && !IsQuote(s, tokens[close])) close++;
            if (close >= last || !Is(s, tokens[close], ")") || close == i + 1 || close - i - 1 > MaxParentheticalTokens) continue;
            // Followed by punctuation, what is left would read "word , more" (segments are joined by spaces): keep the aside.
            if (close + 1 < tokens.Count && tokens[close + 1].Start == tokens[close].End && tokens[close + 1].Kind == TokenKind.Punctuation && !IsQuote(s, tokens[close + 1])) continue;
            deletions.Add((tokens[i - 1].End, tokens[close].End));
            edits |= CompressionEdits.Parenthetical;
            i = close;
        }

        for (int i = first + 1; i < last - 1 && Enabled(CompressionEdits.DayReference); i++)
        {
            var (start, end) = DayReference(s, tokens, i, first, last);
            if (start < 0) continue;
            deletions.Add((tokens[start].Start, tokens[end - 1].End));
            edits |= CompressionEdits.DayReference;
            i = end;
        }

        if (deletions.Count == 0) return new CompressedSentence([sentence.Trim(text)], edits);
        deletions.Sort();
        var segments = new List<TextSpan>(deletions.Count + 1);
        int at = 0;
        foreach (var (start, end) in deletions)
        {
            AddSegment(segments, text, sentence.Start + at, sentence.Start + start);
            at = Math.Max(at, end);
        }
        AddSegment(segments, text, sentence.Start + at, sentence.End);
        return new CompressedSentence(segments, edits);
    }

    private bool Enabled(CompressionEdits edit) => (_enabled & edit) != 0;

    private static void AddSegment(List<TextSpan> segments, string text, int start, int end)
    {
        if (end <= start) return;
        var span = new TextSpan(start, end).Trim(text);
        if (!span.IsEmpty) segments.Add(span);
    }

    /// <summary>
    /// The index of the first token after a dateline, or 0 when there is none: a wire dateline as the
    /// text stage recognizes it (<see cref="Dateline"/>: "PARIS (AP) _", "OSLO, May 3 --"), or a
    /// bracketed wire-service name alone before the first word ("(CNN) The ...", as web copies print it).
    /// </summary>
    private int DatelineEnd(ReadOnlySpan<char> s, List<Token> tokens)
    {
        int next;
        int length = Dateline.Length(PlainSpaces(s[..Math.Min(s.Length, MaxDatelineChars)], stackalloc char[MaxDatelineChars]));
        if (length > 0)
        {
            next = 0;
            while (next < tokens.Count && tokens[next].Start < length) next++;
        }
        else if (tokens.Count > 3 && Is(s, tokens[0], "(") && Is(s, tokens[2], ")") && _agencies.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[1].Of(s)))
        {
            next = 3;
        }
        else
        {
            return 0;
        }
        return next < tokens.Count && StartsSentence(s, tokens[next]) ? next : 0;
    }

    /// <summary>
    /// <paramref name="text"/> copied with no-break spaces as plain ones (same length, same offsets):
    /// <see cref="Dateline"/> expects a plain space after the dash, and web copies often put no-break
    /// spaces there ("ACME –\u00A0\u00A0The ...").
    /// </summary>
    private static ReadOnlySpan<char> PlainSpaces(ReadOnlySpan<char> text, Span<char> buffer)
    {
        text.CopyTo(buffer);
        buffer = buffer[..text.Length];
        buffer.Replace('\u00A0', ' ');
        return buffer;
    }

    /// <summary>The index of the first token after a leading connective (and its comma), or <paramref name="first"/>.</summary>
    private int LeadingConnectiveEnd(ReadOnlySpan<char> s, List<Token> tokens, int first)
    {
        foreach (var phrase in _connectives)
        {
            int end = MatchWords(s, tokens, first, phrase);
            if (end < 0) continue;
            if (end < tokens.Count && Is(s, tokens[end], ",")) end++;
            return end < tokens.Count && StartsSentence(s, tokens[end]) && !IsQuote(s, tokens[end]) ? end : first;
        }
        return first;
    }

    /// <summary>"According to X, Y ..." → "Y ...": the index of Y, or <paramref name="first"/>.</summary>
    private int LeadingAttributionEnd(ReadOnlySpan<char> s, List<Token> tokens, int first)
    {
        int end = MatchWords(s, tokens, first, ["according", "to"]);
        if (end < 0) return first;
        for (int i = end; i < tokens.Count && i - end <= MaxTailTokens; i++)
        {
            var t = tokens[i];
            if (Is(s, t, ","))
                return i + 1 < tokens.Count && StartsSentence(s, tokens[i + 1]) && !IsQuote(s, tokens[i + 1]) ? i + 1 : first;
            if (!t.IsWordLike && !Is(s, t, ".") || _tailStoppers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t.Of(s))) return first;
        }
        return first;
    }

    /// <summary>
    /// A final ", officials said Sunday." clause: the comma's and the final period's token indexes, or
    /// (-1, -1). Declines in sentences that quote (the tail then names the speaker of the quote).
    /// </summary>
    private (int Comma, int Final) AttributionTail(ReadOnlySpan<char> s, List<Token> tokens, int first)
    {
        int final = tokens.Count - 1;
        if (!(Is(s, tokens[final], ".") || Is(s, tokens[final], "!"))) return (-1, -1);
        for (int i = first; i < final; i++)
            if (IsQuote(s, tokens[i])) return (-1, -1);
        int comma = final - 1;
        while (comma > first && !Is(s, tokens[comma], ",")) comma--;
        if (comma <= first || final - comma - 1 < 1 || final - comma - 1 > MaxTailTokens) return (-1, -1);
        bool reporting = false;
        var verbs = _reportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        var stoppers = _tailStoppers.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = comma + 1; i < final; i++)
        {
            var t = tokens[i];
            if (!t.IsWordLike && !Is(s, t, ".")) return (-1, -1);
            var w = t.Of(s);
            if (stoppers.Contains(w)) return (-1, -1);
            if (verbs.Contains(w)) reporting = true;
            else if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < final && Is(s, tokens[i + 1], "to")) reporting = true;
        }
        if (!reporting || !InvertedOrHasSubject(s, tokens, comma + 1, final)) return (-1, -1);
        int wordsLeft = 0;
        for (int i = first; i < comma; i++) if (tokens[i].IsWordLike) wordsLeft++;
        return wordsLeft >= MinWordsLeft ? (comma, final) : (-1, -1);
    }

    /// <summary>
    /// A weekday at token <paramref name="i"/> that can go: capitalized, with "on" before it or not, a part of
    /// the day ("night") after it or not, a word before it (lower-case unless "on" comes between) and a
    /// lower-case word after it, neither of which needs it ("by Friday", "Friday and Saturday" stay). The
    /// token range [start, end) to delete, or (-1, -1).
    /// </summary>
    private (int Start, int End) DayReference(ReadOnlySpan<char> s, List<Token> tokens, int i, int first, int last)
    {
        var day = tokens[i].Of(s);
        if (!char.IsUpper(day[0]) || !_weekdays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(day)) return (-1, -1);
        int start = i, end = i + 1;
        if (Is(s, tokens[i - 1], "on")) start--;
        if (end < last && _dayParts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[end].Of(s))) end++;
        if (start <= first || end >= last) return (-1, -1);
        var (before, after) = (tokens[start - 1], tokens[end]);
        bool freeBefore = (start < i ? before.Kind == TokenKind.Word : LowerWord(s, before)) && !_dayKeepersBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before.Of(s));
        bool freeAfter = LowerWord(s, after) && !_dayKeepersAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(after.Of(s));
        return freeBefore && freeAfter && after.Start > tokens[end - 1].End ? (start, end) : (-1, -1);
    }

    /// <summary>
    /// Whether a tail that opens with its verb is an inverted attribution (", said the mayor", ", added
    /// Smith"): the verb is followed by a name or an article. Otherwise the verb is the main verb of the
    /// sentence's subject ("Smith, the mayor, told of his plans.") and deleting the tail would leave no verb.
    /// </summary>
    private bool InvertedOrHasSubject(ReadOnlySpan<char> s, List<Token> tokens, int start, int final)
    {
        if (!_reportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[start].Of(s))) return true;
        if (start + 1 >= final) return false;
        var next = tokens[start + 1].Of(s);
        return char.IsUpper(next[0]) || next is "the" or "a" or "an";
    }

    /// <summary>Matches <paramref name="words"/> at token <paramref name="at"/> (the first capitalized); the index after, or -1.</summary>
    private static int MatchWords(ReadOnlySpan<char> s, List<Token> tokens, int at, string[] words)
    {
        if (at >= tokens.Count || !char.IsUpper(s[tokens[at].Start])) return -1;
        for (int k = 0; k < words.Length; k++)
        {
            if (at + k >= tokens.Count) return -1;
            var t = tokens[at + k];
            if (!t.IsWordLike || !t.Of(s).Equals(words[k], StringComparison.OrdinalIgnoreCase)) return -1;
        }
        return at + words.Length;
    }

    private static bool LowerWord(ReadOnlySpan<char> s, Token t) => t.Kind == TokenKind.Word && char.IsLower(s[t.Start]);

    private static bool StartsSentence(ReadOnlySpan<char> s, Token t)
    {
        char c = s[t.Start];
        return char.IsUpper(c) || char.IsDigit(c) || IsQuote(s, t);
    }

    internal static bool IsQuote(ReadOnlySpan<char> s, Token t)
    {
        if (t.Kind is not (TokenKind.Punctuation or TokenKind.Symbol)) return false;
        char c = s[t.Start];
        return c is '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '`' or '\'' or '\u00AB' or '\u00BB';
    }

    private static bool Is(ReadOnlySpan<char> s, Token t, string value) => t.Of(s).SequenceEqual(value);
}
