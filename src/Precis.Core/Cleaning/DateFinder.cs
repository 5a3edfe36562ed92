using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Precis.Model;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>How a date was written, which decides how much it can be trusted.</summary>
public enum DateForm
{
    /// <summary>Day, month and year are all written ("Friday, September 9th, 2016", "09/09/2016").</summary>
    Complete,

    /// <summary>No year ("Sept. 9"): the year comes from the reference time.</summary>
    NoYear,

    /// <summary>Relative to the time of writing ("yesterday", "2 hours ago").</summary>
    Relative,
}

/// <summary>
/// A date (and maybe a time) found in a line. <see cref="Date"/> is null when the expression cannot be
/// resolved to a calendar day: a date without a year or a relative date when no reference time is known.
/// <see cref="Span"/> covers the date and the time, relative to the searched text.
/// </summary>
public readonly record struct FoundDate(DateOnly? Date, TimeOnly? Time, DateForm Form, TextSpan Span);

/// <summary>
/// Finds publication-style dates in short lines: month names ("September 9, 2016", "9th January 2008",
/// "Sept. 9"), numeric dates ("09/09/2016" month first, "06.01.2008" day first, day first whenever
/// the first number cannot be a month), ISO 8601 ("2016-09-09T18:11"), relative dates ("yesterday",
/// "3 hours ago") and clock times ("1:52 pm", "18:11"). Month and weekday names are data
/// (Resources/cleaning-months.txt, cleaning-weekdays.txt).
/// </summary>
public static class DateFinder
{
    private static readonly Lazy<Patterns> LazyPatterns = new(Build);

    /// <summary>Finds the first date in <paramref name="text"/>; a time anywhere in the text is attached to it.</summary>
    public static FoundDate? Find(string text, int start, int length, DateTimeOffset? reference)
    {
        var patterns = LazyPatterns.Value;
        var line = text.AsSpan(start, length);
        if (!MayHoldDate(line, patterns.Months)) return null;
        if (!Ascii.IsValid(line))
        {
            for (var match = patterns.Date.Match(text, start, length); match.Success; match = match.NextMatch())
                if (Dated(text, start, length, match, patterns, reference) is { } found) return found;
            return null;
        }
        // On an ASCII line a date can only open at a word that is a number or a month, weekday or
        // relative-date word: the anchored pattern is tried there alone, left to right, which finds the
        // same dates as scanning every position (and is most of the date search's time saved).
        // A count word opens a date only in "two days ago": without "ago" on the line only the names can.
        var openers = line.Contains("ago", StringComparison.OrdinalIgnoreCase) ? patterns.Openers : patterns.Names;
        for (int at = NextOpening(line, 0, openers); at >= 0;)
        {
            var match = patterns.DateAt.Match(text, start + at, length - at);
            if (match.Success && Dated(text, start, length, match, patterns, reference) is { } found) return found;
            at = NextOpening(line, match.Success ? at + match.Length : WordEnd(line, at), openers);
        }
        return null;
    }

    /// <summary>The date a match stands for, with the first clock time of the line that is not part of it; null if it is no real date.</summary>
    private static FoundDate? Dated(string text, int start, int length, Match match, Patterns patterns, DateTimeOffset? reference)
    {
        if (Resolve(match, patterns, reference) is not { } resolved) return null;
        var (date, form) = resolved;
        // Every clock time holds the colon of "18:11" or the m of "1 pm": lines with neither are not searched.
        var time = text.AsSpan(start, length).IndexOfAny(':', 'm', 'M') >= 0 ? patterns.Time.Match(text, start, length) : Match.Empty;
        while (time.Success && Overlaps(time, match)) time = time.NextMatch();
        TimeOnly? clock = time.Success ? ParseTime(time) : null;
        int spanStart = match.Index - start, spanEnd = match.Index + match.Length - start;
        if (clock is not null)
        {
            spanStart = Math.Min(spanStart, time.Index - start);
            spanEnd = Math.Max(spanEnd, time.Index + time.Length - start);
        }
        return new FoundDate(date, clock, form, new TextSpan(spanStart, spanEnd));
    }

    /// <summary>
    /// The first word start at or after <paramref name="from"/> (of an ASCII line) where a date can open: a
    /// number, or a word in <paramref name="openers"/>; -1 if none.
    /// </summary>
    private static int NextOpening(ReadOnlySpan<char> line, int from, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> openers)
    {
        for (int i = from; i < line.Length;)
        {
            char c = line[i];
            if (!char.IsAsciiLetterOrDigit(c) || (i > 0 && IsWordChar(line[i - 1])))
            {
                i++;
                continue;
            }
            if (char.IsAsciiDigit(c)) return i;
            int end = WordEnd(line, i);
            if (openers.Contains(line[i..end])) return i;
            i = end;
        }
        return -1;
    }

    /// <summary>The end of the run of word characters (as the regex's <c>\b</c> sees them on ASCII text) starting at <paramref name="i"/>.</summary>
    private static int WordEnd(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && IsWordChar(line[i])) i++;
        return i;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static FoundDate? Find(string line, DateTimeOffset? reference = null) => Find(line, 0, line.Length, reference);

    /// <summary>
    /// A quick scan that rules out most lines before the date pattern runs: a date needs a month name in a
    /// line with digits, digits separated by '/', '.' or '-', or a relative-date word.
    /// </summary>
    private static bool MayHoldDate(ReadOnlySpan<char> line, FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> months)
    {
        bool digit = line.IndexOfAnyInRange('0', '9') >= 0;
        Span<char> lower = stackalloc char[MaxNameLength];
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsAsciiDigit(c))
            {
                while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
                if (i + 1 < line.Length && line[i] is '/' or '.' or '-' && char.IsAsciiDigit(line[i + 1])) return true;
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                int start = i;
                while (i < line.Length && char.IsAsciiLetter(line[i])) i++;
                int n = i - start;
                if (n > MaxNameLength || (!digit && n is not (3 or 5 or 9))) continue;
                for (int k = 0; k < n; k++) lower[k] = (char)(line[start + k] | 0x20);
                var word = lower[..n];
                if (word is "ago" or "today" or "yesterday") return true;
                if (digit && months.ContainsKey(word)) return true;
                continue;
            }
            i++;
        }
        return false;
    }

    /// <summary>Longer than any month name or relative-date word.</summary>
    private const int MaxNameLength = 9;

    private static bool Overlaps(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    private static (DateOnly? Date, DateForm Form)? Resolve(Match m, Patterns p, DateTimeOffset? reference)
    {
        if (m.Groups["iso"].Success)
            return Make(Int(m, "iy"), Int(m, "im"), Int(m, "id"), DateForm.Complete);
        if (m.Groups["mdy"].Success)
            return Named(p, m.Groups["m1"].ValueSpan, Int(m, "d1"), m.Groups["y1"], reference);
        if (m.Groups["dmy"].Success)
            return Named(p, m.Groups["m2"].ValueSpan, Int(m, "d2"), m.Groups["y2"], reference);
        if (m.Groups["num"].Success)
        {
            int a = Int(m, "na"), b = Int(m, "nb"), year = Year(m.Groups["ny"].ValueSpan);
            // Slashes are month first (US usage, the common case in English news); dots are day first
            // (European usage); whichever order is impossible is swapped.
            bool dayFirst = m.Groups["sep"].ValueSpan[0] == '.' || a > 12;
            if (dayFirst && b > 12) return null;
            return dayFirst ? Make(year, b, a, DateForm.Complete) : Make(year, a, b, DateForm.Complete);
        }
        if (m.Groups["rel"].Success)
        {
            if (reference is null) return (null, DateForm.Relative);
            var at = reference.Value;
            var word = m.Groups["rel"].ValueSpan;
            if (word.Equals("yesterday", StringComparison.OrdinalIgnoreCase)) at = at.AddDays(-1);
            else if (m.Groups["ru"].Success)
            {
                int n = Amount(m.Groups["rn"].ValueSpan);
                var unit = m.Groups["ru"].ValueSpan;
                at = unit[0] is 'd' or 'D' ? at.AddDays(-n)
                    : unit[0] is 'w' or 'W' ? at.AddDays(-7 * n)
                    : unit[0] is 'h' or 'H' ? at.AddHours(-n)
                    : at.AddMinutes(-n);
            }
            return (DateOnly.FromDateTime(at.DateTime), DateForm.Relative);
        }
        return null;
    }

    private static (DateOnly?, DateForm)? Named(Patterns p, ReadOnlySpan<char> monthName, int day, Group yearGroup, DateTimeOffset? reference)
    {
        if (!p.Months.TryGetValue(monthName.TrimEnd('.'), out int month)) return null;
        if (yearGroup.Success) return Make(Year(yearGroup.ValueSpan), month, day, DateForm.Complete);
        if (day is < 1 or > 31) return null;
        if (reference is null) return (null, DateForm.NoYear);
        // No year: the most recent such day that is not after the reference (a page is dated when it is
        // written, so "Dec. 30" read on January 2 is last year's), with a day of slack for time zones.
        var refDay = DateOnly.FromDateTime(reference.Value.DateTime);
        for (int year = refDay.Year; year >= refDay.Year - 1; year--)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var candidate = new DateOnly(year, month, day);
            if (candidate <= refDay.AddDays(1)) return (candidate, DateForm.NoYear);
        }
        return null;
    }

    private static (DateOnly?, DateForm)? Make(int year, int month, int day, DateForm form)
    {
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return (new DateOnly(year, month, day), form);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Four digits, or two ("Jan 08", "01/13/08") read as 2000-2069 or 1970-1999.</summary>
    private static int Year(ReadOnlySpan<char> text)
    {
        text = text.TrimStart('\'');
        int y = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return text.Length == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
    }

    private static int Amount(ReadOnlySpan<char> word)
    {
        if (char.IsDigit(word[0])) return int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
        ReadOnlySpan<string> numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        for (int i = 0; i < numbers.Length; i++)
            if (word.Equals(numbers[i], StringComparison.OrdinalIgnoreCase)) return i;
        return 1; // "a day ago", "an hour ago"
    }

    private static TimeOnly? ParseTime(Match m)
    {
        int hour = Int(m, m.Groups["h"].Success ? "h" : "h2");
        int minute = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        var ampm = m.Groups["ap"].Success ? m.Groups["ap"].ValueSpan : m.Groups["ap2"].ValueSpan;
        if (!ampm.IsEmpty)
        {
            if (hour is < 1 or > 12) return null;
            bool pm = ampm[0] is 'p' or 'P';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) return null;
        return new TimeOnly(hour, minute);
    }

    /// <param name="Date">The date expressions, with the groups that <see cref="Resolve"/> reads.</param>
    /// <param name="Time">Clock times.</param>
    /// <param name="DateAt"><paramref name="Date"/> anchored at the start of the searched text.</param>
    /// <param name="Months">Month names and abbreviations → month number.</param>
    /// <param name="Names">Month and weekday names and the one-word relative dates: words a date can open with.</param>
    /// <param name="Openers"><paramref name="Names"/> and the count words of relative dates: every word a date can open with.</param>
    private sealed record Patterns(
        Regex Date, Regex DateAt, Regex Time,
        FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Names,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers);

    /// <summary>Relative dates that are one word.</summary>
    private static readonly string[] RelativeDays = ["today", "yesterday"];

    /// <summary>Words that count the units of a relative date ("an hour ago", "two days ago"); "an" before "a" so the longer one is tried first.</summary>
    private static readonly string[] CountWords = ["an", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>
    /// The names as one alternation, longest first so "sept" wins over "sep" and "march" over "mar", with an
    /// optional final period. A lookahead for the names' first letters lets the interpreter give up at once
    /// where no name starts, instead of trying every name in turn (the same matches, found faster).
    /// </summary>
    private static string NameAlternation(IEnumerable<string> names)
    {
        var list = names.OrderByDescending(k => k.Length).ToList();
        string firstLetters = "";
        foreach (string name in list)
        {
            char first = char.ToLowerInvariant(name[0]);
            if (!firstLetters.Contains(first)) firstLetters += first;
        }
        return "(?=[" + Regex.Escape(firstLetters) + "])(?:" + string.Join("|", list.Select(Regex.Escape)) + ")\\.?";
    }

    private static Patterns Build()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int number = 0;
        foreach (string line in Lexicon.ReadLines("cleaning-months.txt"))
        {
            number++;
            foreach (string name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) months[name] = number;
        }
        var weekdays = Lexicon.ReadLines("cleaning-weekdays.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string month = NameAlternation(months.Keys);
        string weekday = NameAlternation(weekdays);
        string date =
            @"(?<iso>\b(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})(?=\b|T))" +
            $@"|(?<mdy>\b(?:{weekday},?\s+)?(?<m1>{month})\s+(?<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?<y1>\d{{4}})\b)?)" +
            $@"|(?<dmy>\b(?:{weekday},?\s+)?(?<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?<m2>{month})(?![a-z])(?:,?\s+(?<y2>\d{{4}}|'?\d{{2}})\b)?)" +
            @"|(?<num>\b(?<na>\d{1,2})(?<sep>[/.-])(?<nb>\d{1,2})\k<sep>(?<ny>\d{4}|\d{2})\b)" +
            $@"|(?<rel>\b(?:{string.Join("|", RelativeDays)}|(?<rn>\d+|{string.Join("|", CountWords)})\s+(?<ru>minute|min|hour|hr|day|week)s?\s+ago)\b)";
        string time = @"(?:(?<![\p{L}\d])|(?<=\dT))(?<h>\d{1,2}):(?<mi>\d{2})(?::\d{2})?(?:\s*(?<ap>[ap]\.?\s?m)\b\.?)?|\b(?<h2>\d{1,2})\s*(?<ap2>[ap]\.m\.|[ap]m\b)";
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        var names = months.Keys.Concat(weekdays).Concat(RelativeDays).ToList();
        var openers = names.Concat(CountWords).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        return new Patterns(new Regex(date, options), new Regex(@"\G(?:" + date + ")", options), new Regex(time, options),
            months.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            names.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            openers.GetAlternateLookup<ReadOnlySpan<char>>());
    }
}
