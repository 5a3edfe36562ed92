using System.Text.RegularExpressions;
using Precis.Model;

namespace Precis.Cleaning;

/// <summary>
/// Reads an article's metadata from its labelled lines. Title: the headline line. Date: the best-trusted
/// date among the date lines, bylines and the story's dateline (see <see cref="DateConfidence"/>);
/// comment threads and lines after the story are never read, so a commenter's timestamp is never taken
/// for the publication date. Source: an outlet prefix, or the outlet of a credit line ("Outlet with inputs
/// from Agencies"). Credits: agencies named in the dateline, bylines, credit lines and trailing tags.
/// </summary>
internal static class MetadataFinder
{
    private static readonly Regex CreditLine = new(
        @"^(?<outlet>.{2,60}?)\s+with (?:inputs?|reporting|additional reporting|contributions?) from (?<from>.+?)\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>How much a date is trusted, by where it was found and how completely it was written.</summary>
    internal static class DateConfidence
    {
        /// <summary>A complete date on a date line above the story or just below the headline.</summary>
        public const double DateLineAtTop = 1.0;

        /// <summary>A complete date in a byline ("By Chris Wilson 14/01/2008").</summary>
        public const double Byline = 0.9;

        /// <summary>A complete date on a date line further down (a "Published …" footer).</summary>
        public const double DateLineElsewhere = 0.8;

        /// <summary>A date opening the story's first line ("16 January 2008 — The Security Council…").</summary>
        public const double StoryOpening = 0.7;

        /// <summary>Multiplier for a date without a year: the year is a guess from the reference time.</summary>
        public const double NoYearFactor = 0.7;

        /// <summary>Multiplier for a relative date ("yesterday"): right only if the reference time is the time of writing.</summary>
        public const double RelativeFactor = 0.6;
    }

    /// <summary>Lines after the headline within which a date line still counts as "at the top".</summary>
    private const int TopReach = 4;

    /// <summary>
    /// Whether a headline line can stand as the article's title: not a line that introduces what follows
    /// (ends with ':', as "The Times said in an editorial for Wednesday:"), and free of wire-feed markup
    /// codes ("&amp;QL;", "&amp;UR;": an ampersand, two or three capitals, a semicolon). Such lines keep their
    /// label; they only do not become the title (on duc2003, 9 of 30 events were headed by one; ROUGE unchanged).
    /// </summary>
    internal static bool IsTitleShaped(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        if (line.IsEmpty || line[^1] == ':') return false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] != '&') continue;
            int caps = 0;
            while (i + 1 + caps < line.Length && char.IsAsciiLetterUpper(line[i + 1 + caps])) caps++;
            if (caps is 2 or 3 && i + 1 + caps < line.Length && line[i + 1 + caps] == ';') return false;
        }
        return true;
    }

    /// <param name="page">The page.</param>
    /// <param name="labels">Each line's label.</param>
    /// <param name="inline">What was read from the inline noise of body lines, for the lines where something was, in line order.</param>
    /// <param name="firstStory">The first body line, or -1.</param>
    public static ArticleMetadata Find(PageLines page, LineLabel[] labels, IReadOnlyList<(int Line, InlineFindings Found)> inline, int firstStory)
    {
        string text = page.Text;
        int headline = Array.IndexOf(labels, LineLabel.Headline);
        int lastStory = Array.FindLastIndex(labels, l => l is LineLabel.Body or LineLabel.Subheading);
        string? title = headline >= 0 ? page.Spans[headline].TextOf(text) : null;
        if (title is not null && !IsTitleShaped(title)) title = null;

        FoundDate? bestDate = null;
        double bestConfidence = 0;
        int bestLine = -1;
        void Consider(FoundDate? found, double confidence, int line)
        {
            if (found is not { Date: not null } date) return;
            confidence *= date.Form switch
            {
                DateForm.NoYear => DateConfidence.NoYearFactor,
                DateForm.Relative => DateConfidence.RelativeFactor,
                _ => 1,
            };
            if (confidence > bestConfidence) { bestDate = date; bestConfidence = confidence; bestLine = line; }
        }

        int top = Math.Max(headline, firstStory) + TopReach;
        string? source = null, place = null;
        var credits = new List<string>();
        int nextInline = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            while (nextInline < inline.Count && inline[nextInline].Line < i) nextInline++;
            if (labels[i] is LineLabel.Comments || (lastStory >= 0 && i > lastStory && labels[i] is LineLabel.Related)) continue;
            if (labels[i] is LineLabel.Dateline && (lastStory < 0 || i <= lastStory + 2))
                Consider(page.DateOf(i), i <= top ? DateConfidence.DateLineAtTop : DateConfidence.DateLineElsewhere, i);
            else if (labels[i] is LineLabel.Byline)
            {
                if (i <= top) Consider(page.DateOf(i), DateConfidence.Byline, i);
                ReadCredits(page.Line(i), credits, ref source);
            }
            if (nextInline < inline.Count && inline[nextInline].Line == i)
            {
                var found = inline[nextInline].Found;
                place ??= found.Place;
                source ??= found.Outlet;
                if (found.Agency is not null && !credits.Contains(found.Agency)) credits.Add(found.Agency);
                Consider(found.Date, DateConfidence.StoryOpening, i);
            }
            if (i == firstStory && page.DateOf(i) is { Span.Start: 0 } opening) Consider(opening, DateConfidence.StoryOpening, i);
        }
        source ??= credits.Count > 0 && credits[0] != "Agencies" ? credits[0] : null;
        return new ArticleMetadata
        {
            Title = title,
            Date = bestDate?.Date,
            Time = bestDate?.Time,
            DateConfidence = bestConfidence,
            DateLine = bestLine,
            Source = source,
            Credits = credits,
            Place = place,
        };
    }

    /// <summary>Agencies named in a byline or credit line; "Outlet with inputs from Agencies" also names the outlet.</summary>
    private static void ReadCredits(ReadOnlySpan<char> line, List<string> credits, ref string? source)
    {
        var credit = CreditLine.Match(line.ToString());
        if (credit.Success) source ??= credit.Groups["outlet"].Value.Trim();
        var named = new List<(int At, string Name)>();
        foreach (var (form, name) in CleaningResources.Agencies)
        {
            int at = line.IndexOf(form, StringComparison.Ordinal);
            if (at < 0) continue;
            bool wordStart = at == 0 || !char.IsLetterOrDigit(line[at - 1]);
            bool wordEnd = at + form.Length == line.Length || !char.IsLetterOrDigit(line[at + form.Length]);
            if (wordStart && wordEnd) named.Add((at, name));
        }
        named.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.Name, b.Name));
        foreach (var (_, name) in named)
            if (!credits.Contains(name)) credits.Add(name);
    }
}
