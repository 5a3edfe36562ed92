namespace Precis.Text;

/// <summary>
/// Recognises the dateline that opens a wire story: "GENEVA (AP) —", "LONDON (AP) _ ", "DENVER, Colo. (AP) --",
/// "BEIJING, Nov. 12 (Xinhua) --", "WASHINGTON _ ", "(CNN) —". The splitter keeps a dateline with the first
/// sentence (it has no final mark); a summarizer that lifts that sentence can cut the dateline off with
/// <see cref="Length"/>.
/// </summary>
public static class Dateline
{
    /// <summary>The longest region ("Colo.", "Iraq", "Nov. 12") between the place and the agency or dash.</summary>
    private const int MaxRegionLength = 40;

    /// <summary>The longest agency name in brackets ("AP", "Reuters", "Xinhua", "CNN").</summary>
    private const int MaxAgencyLength = 25;

    /// <summary>
    /// Length of the dateline at the start of <paramref name="text"/>, with its dash and the spaces after it, so
    /// <c>text[Length(text)..]</c> is the story's first word; 0 when the text does not open with one. A dateline
    /// is an upper-case place ("NEW YORK"), optionally a region after a comma, then an agency in brackets, a
    /// dash ("—", "–", "--", "-", "_"), or both; or an agency in brackets alone followed by a dash.
    /// </summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        int i = SkipSpaces(text, 0);
        int placeEnd = UpperCasePlaceEnd(text, i);
        bool hasPlace = placeEnd > i;
        if (hasPlace)
        {
            i = placeEnd;
            if (i < text.Length && text[i] == ',') i = RegionEnd(text, i + 1);
            if (i < 0) return 0;
        }
        int afterAgency = AgencyEnd(text, SkipSpaces(text, i));
        bool hasAgency = afterAgency > 0;
        if (hasAgency) i = afterAgency;
        if (!hasPlace && !hasAgency) return 0;
        int afterDash = DashEnd(text, SkipSpaces(text, i));
        return afterDash > 0 ? SkipSpaces(text, afterDash) : 0;
    }

    /// <summary>Upper-case words ("NEW YORK", "ST. LOUIS", "U.N."), at least two capitals in all; stops before a word with a small letter.</summary>
    private static int UpperCasePlaceEnd(ReadOnlySpan<char> text, int i)
    {
        int end = i;
        int capitals = 0;
        int k = i;
        while (k < text.Length)
        {
            int wordStart = k;
            int wordCapitals = 0;
            bool hasLower = false;
            while (k < text.Length && (char.IsLetter(text[k]) || text[k] is '.' or '\'' or '-'))
            {
                if (char.IsUpper(text[k])) wordCapitals++;
                else if (char.IsLower(text[k])) hasLower = true;
                k++;
            }
            if (k == wordStart || hasLower || wordCapitals == 0) break;
            capitals += wordCapitals;
            end = k;
            if (k + 1 < text.Length && text[k] == ' ' && char.IsUpper(text[k + 1])) k++;
            else break;
        }
        return capitals >= 2 ? end : i;
    }

    /// <summary>After the comma: a region or a date, up to the agency bracket or the dash; -1 when none follows in reach.</summary>
    private static int RegionEnd(ReadOnlySpan<char> text, int i)
    {
        int limit = Math.Min(text.Length, i + MaxRegionLength);
        for (int k = i; k < limit; k++)
        {
            char c = text[k];
            if (c == '(' || (IsDashChar(c) && k > i && text[k - 1] == ' ')) return k;
            if (c is '\n' or '"' or '\u201C' or '\u201D') return -1;
        }
        return -1;
    }

    private static int AgencyEnd(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length || text[i] != '(') return -1;
        int limit = Math.Min(text.Length, i + 2 + MaxAgencyLength);
        if (i + 1 >= text.Length || !char.IsUpper(text[i + 1])) return -1;
        for (int k = i + 1; k < limit; k++)
        {
            if (text[k] == ')') return k + 1;
            if (text[k] == '\n') return -1;
        }
        return -1;
    }

    /// <summary>"—", "–", "--", "-" or "_" followed by a space, a tab or a no-break space (web copy often has "PARIS —&amp;nbsp;").</summary>
    private static int DashEnd(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length || !IsDashChar(text[i])) return -1;
        int k = i + 1;
        if (text[i] == '-' && k < text.Length && text[k] == '-') k++;
        return k < text.Length && IsSpace(text[k]) ? k : -1;
    }

    private static bool IsDashChar(char c) => c is '\u2014' or '\u2013' or '-' or '_';

    /// <summary>The spaces a dateline's parts are separated by: space, tab, no-break space.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0';

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsSpace(text[i])) i++;
        return i;
    }
}
