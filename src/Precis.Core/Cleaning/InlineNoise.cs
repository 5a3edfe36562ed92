using System.Text.RegularExpressions;
using Precis.Model;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>What a piece of non-story text inside a body line is.</summary>
public enum InlineKind
{
    /// <summary>A wire dateline opening the story: place, date and agency ("LITTLETON, Colo. (AP) --", "PARIS —").</summary>
    Dateline,

    /// <summary>The outlet's name opening the story the way a dateline would ("OUTLET –").</summary>
    Outlet,

    /// <summary>A subheading glued to the paragraph after it ("- 'Talks stall' -The minister said…").</summary>
    Subheading,

    /// <summary>An agency credit closing the paragraph ("[Xinhua]", "(AP)", "— AFP").</summary>
    Credit,
}

/// <summary>A piece of non-story text inside a body line, kept as its own span so a summary never quotes it.</summary>
public readonly record struct InlineSpan(TextSpan Span, InlineKind Kind);

/// <summary>What <see cref="InlineNoise.Find"/> read from the noise it cut off.</summary>
internal readonly record struct InlineFindings(string? Place, string? Outlet, string? Agency, FoundDate? Date)
{
    public bool IsEmpty => Place is null && Outlet is null && Agency is null && Date is null;
}

/// <summary>
/// Finds inline noise at the edges of a body line: a leading dateline or outlet prefix (only on the
/// story's first lines, where wire copy puts them), a glued subheading, a trailing agency credit. What is
/// left is the line's <see cref="CleanedLine.Content"/>: one contiguous span.
/// </summary>
internal static class InlineNoise
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly Lazy<Regex> LazyLeadingDateline = new(() =>
    {
        string month = MonthPattern();
        return new Regex(
            @"^(?:\((?<outlet>[^()]{2,40})\)\s*)?" +
            @"(?<place>\p{Lu}[\p{Lu}.'’-]+(?:[ ]\p{Lu}[\p{Lu}.'’-]+){0,3})" +
            @"(?:,\s*(?<region>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?))?" +
            $@"(?:,?\s+(?<date>{month}\s+\d{{1,2}}))?" +
            @"\s*(?:\((?<credit>[^()]{1,40})\))?" +
            @"\s*(?:—|–|--|-|_|:)\s+(?=\S)", Options);
    });

    private static readonly Lazy<Regex> LazyTrailingCredit = new(() =>
    {
        string agency = string.Join("|", CleaningResources.Agencies.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        return new Regex(
            @"\s*(?:\[(?<credit>\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3})\]" +
            $@"|\((?<credit>{agency})\)|\s[-–—]+\s*(?<credit>{agency}))\.?$", Options | RegexOptions.RightToLeft);
    });

    /// <summary>"- 'Talks stall' -The minister": dash, a few words without a sentence end, dash glued to the paragraph.</summary>
    private static readonly Regex GluedSubheading = new(@"^[-–—]\s*(?<sub>[^-–—.!?]{2,80}?)\s*[-–—]\s*(?=[\p{Lu}""“‘'])", Options);

    /// <summary>A glued subheading is a short phrase; a longer run between dashes is an aside inside the sentence.</summary>
    private const int SubheadingMaxWords = 8;

    /// <summary>
    /// Splits the noise off a body line. <paramref name="leading"/> allows a dateline or outlet prefix:
    /// true for the story's first lines only.
    /// </summary>
    public static TextSpan Find(string text, TextSpan line, bool leading, DateTimeOffset? reference, List<InlineSpan> noise, out InlineFindings findings)
    {
        int start = line.Start, end = line.End;
        string? place = null, outlet = null, agency = null;
        FoundDate? date = null;

        var credit = MayEndWithCredit(line.Of(text)) ? LazyTrailingCredit.Value.Match(text, start, end - start) : Match.Empty;
        if (credit.Success && credit.Index > start)
        {
            agency = Normalize(credit.Groups["credit"].Value);
            noise.Add(new InlineSpan(new TextSpan(credit.Index, end).Trim(text), InlineKind.Credit));
            end = credit.Index;
        }

        var glued = text[start] is '-' or '–' or '—' ? GluedSubheading.Match(text, start, end - start) : Match.Empty;
        if (glued.Success && Tokenizer.CountWords(glued.Groups["sub"].ValueSpan) <= SubheadingMaxWords)
        {
            noise.Add(new InlineSpan(new TextSpan(start, glued.Index + glued.Length).Trim(text), InlineKind.Subheading));
            start = glued.Index + glued.Length;
        }
        else if (leading)
        {
            var dateline = LazyLeadingDateline.Value.Match(text, start, end - start);
            if (dateline.Success && dateline.Length < end - start)
            {
                var prefix = new TextSpan(start, dateline.Index + dateline.Length).Trim(text);
                string name = dateline.Groups["place"].Value.TrimEnd('-', ' ');
                string? creditName = dateline.Groups["credit"].Success ? dateline.Groups["credit"].Value : null;
                string? outletName = dateline.Groups["outlet"].Success ? dateline.Groups["outlet"].Value : null;
                bool isPlace = creditName is not null || dateline.Groups["region"].Success || dateline.Groups["date"].Success
                    || CleaningResources.Places.Contains(name);
                if (isPlace)
                {
                    place = dateline.Groups["region"].Success ? name + ", " + dateline.Groups["region"].Value : name;
                    if (creditName is not null) agency = Normalize(creditName);
                    outlet = outletName;
                    if (dateline.Groups["date"].Success) date = DateFinder.Find(dateline.Groups["date"].Value, reference);
                    noise.Add(new InlineSpan(prefix, InlineKind.Dateline));
                }
                else
                {
                    outlet = name;
                    noise.Add(new InlineSpan(prefix, InlineKind.Outlet));
                }
                start = dateline.Index + dateline.Length;
            }
        }
        findings = new InlineFindings(place, outlet, agency, date);
        return new TextSpan(start, end).Trim(text);
    }

    /// <summary>A credit closes with "]" or ")", or its last word is an agency's name: the pattern runs only then.</summary>
    private static bool MayEndWithCredit(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd('.');
        if (line.IsEmpty) return false;
        if (line[^1] is ']' or ')') return true;
        int space = line.LastIndexOfAny(' ', '\u00A0');
        var last = line[(space + 1)..];
        return CleaningResources.IsAgency(last);
    }

    /// <summary>The agency's reporting name ("Associated Press" → "AP"); other credits as written.</summary>
    private static string Normalize(string credit) => CleaningResources.Agencies.TryGetValue(credit, out string? name) ? name : credit;

    private static string MonthPattern()
    {
        var names = Lexicon.ReadLines("cleaning-months.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return "(?i:" + string.Join("|", names.OrderByDescending(n => n.Length).Select(Regex.Escape)) + ")\\.?";
    }
}
