using System.Numerics;
using System.Runtime.InteropServices;
using Precis.Model;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>What the patterns in <c>Resources/</c> say about a whole line.</summary>
[Flags]
internal enum LineShape
{
    None = 0,

    /// <summary>Navigation, sharing, advertising, legal or form text (boilerplate-lines.txt).</summary>
    Boilerplate = 1,

    /// <summary>Opens a reader-comment thread or reply form (cleaning-comment-markers.txt).</summary>
    CommentMarker = 2,

    /// <summary>Starts like a photo caption or embedded media (cleaning-caption-markers.txt).</summary>
    CaptionMarker = 4,

    /// <summary>Starts like a byline or credit line (cleaning-byline-markers.txt), or is an agency name.</summary>
    Byline = 8,

    /// <summary>Holds a date or a relative date.</summary>
    HasDate = 16,

    /// <summary>Is mostly a date and time ("Friday, September 9th, 2016 | Time : 18:11").</summary>
    DateLine = 32,

    /// <summary>Occurs more than once on the page (captions and menus are printed twice).</summary>
    Repeated = 64,

    /// <summary>Written mostly in a script other than Latin: another language than the article.</summary>
    OtherScript = 128,
}

/// <summary>
/// One page of scraped text split into its non-empty lines (trimmed spans into the article text), with
/// each line's measurements and pattern shapes: everything the scorer and the labeller read.
/// </summary>
internal sealed class PageLines
{
    /// <summary>Whole-line patterns are tried only on lines up to this long: longer lines are prose, and skipping them keeps cleaning fast.</summary>
    private const int MaxPatternLineLength = 200;

    /// <summary>Comment markers are short: "Comments (14)", "Post a comment", "Have your say".</summary>
    private const int MaxCommentMarkerWords = 12;

    /// <summary>Dates are looked for in lines up to this many words: date lines, bylines and comment headers are short.</summary>
    private const int MaxDateLineWords = 25;

    /// <summary>A line that is at least this share non-Latin letters is in another language (the Arabic "read in Arabic" link).</summary>
    private const double OtherScriptShare = 0.3;

    /// <summary>The dates found in short lines, by line: a few per page, so kept apart from the per-line arrays.</summary>
    private readonly Dictionary<int, FoundDate>? _dates;

    private PageLines(string text, TextSpan[] spans, LineStats[] stats, LineShape[] shapes, Dictionary<int, FoundDate>? dates)
    {
        Text = text;
        Spans = spans;
        Stats = stats;
        Shapes = shapes;
        _dates = dates;
    }

    public string Text { get; }
    public TextSpan[] Spans { get; }
    public LineStats[] Stats { get; }
    public LineShape[] Shapes { get; }

    /// <summary>The date found in a short line (relative to the line), if any.</summary>
    public FoundDate? DateOf(int i) => _dates is not null && _dates.TryGetValue(i, out var date) ? date : null;

    public int Count => Spans.Length;

    public ReadOnlySpan<char> Line(int i) => Spans[i].Of(Text);

    public bool Has(int i, LineShape shape) => (Shapes[i] & shape) != 0;

    public static PageLines Analyze(string text, DateTimeOffset? reference)
    {
        var spans = SplitLines(text);
        var stats = new LineStats[spans.Length];
        var shapes = new LineShape[spans.Length];
        Dictionary<int, FoundDate>? dates = null;
        var firstIndex = new Dictionary<TextSpan, int>(spans.Length, new SpanTextComparer(text));
        for (int i = 0; i < spans.Length; i++)
        {
            var line = spans[i].Of(text);
            stats[i] = LineStats.Measure(line);
            shapes[i] = Shape(text, spans[i], stats[i], reference, out var date);
            if (date is { } found) (dates ??= [])[i] = found;
            if (firstIndex.TryGetValue(spans[i], out int first))
            {
                shapes[i] |= LineShape.Repeated;
                shapes[first] |= LineShape.Repeated;
            }
            else firstIndex[spans[i]] = i;
        }
        return new PageLines(text, spans, stats, shapes, dates);
    }

    /// <summary>The non-empty lines of <paramref name="text"/>, trimmed, in order.</summary>
    public static TextSpan[] SplitLines(string text)
    {
        var spans = new TextSpan[text.AsSpan().Count('\n') + 1];
        int count = 0, start = 0;
        while (start <= text.Length)
        {
            int end = text.AsSpan(start).IndexOf('\n');
            end = end < 0 ? text.Length : start + end;
            var span = new TextSpan(start, end).Trim(text);
            if (!span.IsEmpty) spans[count++] = span;
            start = end + 1;
        }
        return count == spans.Length ? spans : spans[..count];
    }

    private static LineShape Shape(string text, TextSpan span, in LineStats stats, DateTimeOffset? reference, out FoundDate? date)
    {
        var line = span.Of(text);
        var shape = LineShape.None;
        date = null;
        if (stats.Letters > 0 && stats.OtherScriptLetters >= OtherScriptShare * stats.Letters) shape |= LineShape.OtherScript;
        if (CleaningResources.CaptionMarkers.IsMatch(line)) shape |= LineShape.CaptionMarker;
        if (line.Length > MaxPatternLineLength) return shape;
        if (CleaningResources.Boilerplate.IsMatch(line)) shape |= LineShape.Boilerplate;
        if (stats.Words <= MaxCommentMarkerWords && CleaningResources.CommentMarkers.IsMatch(line)) shape |= LineShape.CommentMarker;
        if (stats.Words <= 25 && (CleaningResources.BylineMarkers.IsMatch(line) || CleaningResources.IsAgency(line)))
            shape |= LineShape.Byline;
        if (stats.Words <= MaxDateLineWords)
        {
            date = DateFinder.Find(text, span.Start, span.Length, reference);
            if (date is { } found)
            {
                shape |= LineShape.HasDate;
                int dateWords = Tokenizer.CountWords(line.Slice(found.Span.Start, found.Span.Length));
                int otherWords = stats.Words - dateWords;
                // A date line carries little besides the date: "Published: January 09, 2008",
                // "Date :Friday, September 9th, 2016 | Time : 18:11 |ID: 37076 | Print".
                if (otherWords <= 6 || otherWords <= dateWords) shape |= LineShape.DateLine;
            }
        }
        return shape;
    }

    /// <summary>
    /// Compares line spans by their text, so repeated lines are found without copying them into strings.
    /// The hash reads the length and the first and last <see cref="HashedEnds"/> characters only, eight
    /// bytes at a time (no need for the randomised string hash: nothing depends on the table's order): a
    /// paragraph is hashed in constant time, and lines that share both ends are told apart by
    /// <see cref="Equals(TextSpan, TextSpan)"/>, so the answer is the same as hashing every character.
    /// </summary>
    private sealed class SpanTextComparer(string text) : IEqualityComparer<TextSpan>
    {
        private const int HashedEnds = 16;

        public bool Equals(TextSpan x, TextSpan y) => x.Of(text).SequenceEqual(y.Of(text));

        public int GetHashCode(TextSpan span)
        {
            var line = span.Of(text);
            ulong h = Mix(0, (ulong)line.Length);
            if (line.Length <= 2 * HashedEnds) h = Mix(h, line);
            else h = Mix(Mix(h, line[..HashedEnds]), line[^HashedEnds..]);
            return (int)(h ^ (h >> 32));
        }

        private static ulong Mix(ulong h, ReadOnlySpan<char> chars)
        {
            foreach (ulong four in MemoryMarshal.Cast<char, ulong>(chars)) h = Mix(h, four);
            for (int i = chars.Length & ~3; i < chars.Length; i++) h = Mix(h, chars[i]);
            return h;
        }

        private static ulong Mix(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * 0x9E3779B97F4A7C15UL, 31);
    }
}
