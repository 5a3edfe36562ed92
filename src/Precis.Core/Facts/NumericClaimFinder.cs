using System.Globalization;
using Precis.Model;
using Precis.Text;

namespace Precis.Facts;

/// <summary>
/// A number in a body paragraph with what it counts: "more than 290,000 people killed" is value 290,000,
/// approximation <see cref="Approximation.Lower"/>, head "people", measure "killed". <see cref="Key"/> says
/// which claims measure the same thing and may be compared.
/// </summary>
internal sealed class NumericClaim
{
    public NumericClaim(ParagraphText paragraph, TextSpan span, double value, Approximation approximation, string key, string about)
    {
        Paragraph = paragraph;
        Span = span;
        Value = value;
        Approximation = approximation;
        Key = key;
        About = about;
    }

    public ParagraphText Paragraph { get; }
    public int Document => Paragraph.Document.Index;

    /// <summary>The claim as written: approximation, number and counted noun ("more than 290,000 people").</summary>
    public TextSpan Span { get; }
    public double Value { get; }
    public Approximation Approximation { get; }

    /// <summary>Measure, unit and counted noun (or the person, for an age): claims compare only within one key.</summary>
    public string Key { get; }

    /// <summary>What is measured, for people: "people killed", "age of Rahel Zaken".</summary>
    public string About { get; }

    /// <summary>Entities named in the claim's sentence or the one before it.</summary>
    public HashSet<int> Entities { get; } = [];

    /// <summary>Content words of the claim's sentence and the one before it (5-letter prefixes), computed when first needed.</summary>
    public HashSet<string> Words => _words ??= ContentWords?.Invoke() ?? [];

    private HashSet<string>? _words;

    internal Func<HashSet<string>>? ContentWords { get; set; }

    /// <summary>
    /// Whether two claims speak of the same thing: they name a common entity ("Syria" in "the Syrian war"
    /// and "the Syrian Civil War"); only when one of them names none, a common content word. An age is
    /// always about its person.
    /// </summary>
    public bool SharesContext(NumericClaim other)
    {
        if (Key.StartsWith("age|", StringComparison.Ordinal)) return true;
        if (Entities.Count > 0 && other.Entities.Count > 0) return Entities.Overlaps(other.Entities);
        return Words.Overlaps(other.Words);
    }
}

/// <summary>
/// Finds numeric claims in a paragraph by rules over tokens: a number (digits, or number words), scaled
/// ("1.5 million"), qualified by an approximation before it ("more than", "nearly"), followed by the noun it
/// counts ("Kurdish fighters") or a unit ("48-hour", "percent of the plane"), and tied to a measure word within
/// its clause ("killed", "wounded", "have been killed"). Ages come from "a 23-year-old" and "Name, 41,". Years,
/// days of the month, times and ordinals are not claims. Claims with neither a measure nor a unit are dropped:
/// "six" alone says nothing comparable.
/// </summary>
internal sealed class NumericClaimFinder
{
    /// <summary>How many words before the number (after its approximation) a measure word may stand: "killing six".</summary>
    private const int MeasureWordsBefore = 5;

    /// <summary>How many words after the counted noun a measure word may stand: "people have been killed".</summary>
    private const int MeasureWordsAfter = 4;

    /// <summary>The counted noun phrase is at most this long ("six US-backed Kurdish fighters").</summary>
    private const int MaxHeadWords = 4;

    private readonly FactsLexicon _lexicon;

    public NumericClaimFinder(FactsLexicon lexicon) => _lexicon = lexicon;

    /// <summary>A digit or a number word (see <see cref="TryNumber"/>): the words a claim may start from.</summary>
    public static bool MayBeNumber(in Word w) => w.IsNumber || w.IsWord && w.IsLower && (w.IsHyphenated || w.Is(Lex.NumberWord));

    public void Find(ParagraphText p, ArraySegment<Mention> mentions, List<NumericClaim> claims)
    {
        var words = p.Words;
        string text = p.Text;
        int offset = p.Offset, resume = 0;
        // Only the words the scanner marked (MayBeNumber) are tried, in order; a claim resumes the search after its words.
        foreach (int number in p.Numbers)
        {
            int i = number - offset;
            if (i < resume) continue;
            if (!TryNumber(p, i, out double value, out string? glued, out int next)) continue;
            if (IsDateOrTime(p, i, value)) continue;
            int first = i;
            var approximation = Approximation.Exact;
            for (int back = Math.Max(0, i - 3); back < i; back++)
            {
                if (!words[back].IsWord || !words[back].Is(Lex.ApproximationStart)) continue;
                int n = _lexicon.Approximations.Match(text, words, back, i, out var a);
                if (back + n != i || n == 0) continue;
                approximation = a;
                first = back;
                break;
            }

            var claim = glued is not null && glued.EndsWith("old", StringComparison.Ordinal)
                ? Age(p, mentions, first, i, next, value, approximation)
                : Count(p, first, i, next, value, approximation, glued);
            if (claim is null && glued is null) claim = AgeAfterName(p, mentions, i, next, value);
            if (claim is null) continue;
            AddContext(p, mentions, claim, first, next);
            claims.Add(claim);
            resume = next;
        }
    }

    /// <summary>A number at word i: its value, the unit glued to it ("48-hour" → "hour"), and the word after it.</summary>
    private bool TryNumber(ParagraphText p, int i, out double value, out string? glued, out int next)
    {
        var words = p.Words;
        string text = p.Text;
        value = 0;
        glued = null;
        next = i + 1;
        var w = words[i];
        var s = w.Text(text);
        if (w.IsNumber)
        {
            if (!char.IsDigit(s[0])) return false; // currency ("$6"): amounts are left out
            int k = 0;
            while (k < s.Length && (char.IsDigit(s[k]) || s[k] is ',' or '.')) k++;
            var digits = s[..k];
            if (k < s.Length)
            {
                if (s[k] != '-') return false; // "5th", "1990s", "10km"
                glued = s[(k + 1)..].ToString().ToLowerInvariant();
            }
            if (!double.TryParse(digits.ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
            // "4,000" has a thousands separator; "1998" without one and in the range of years is a year.
            if (digits.IndexOf(',') < 0 && digits.IndexOf('.') < 0 && value is >= 1800 and <= 2100 && glued is null) return false;
        }
        else if (w.IsWord && w.IsLower)
        {
            if (!w.IsHyphenated && !w.Is(Lex.NumberWord)) return false;
            int dash = w.IsHyphenated ? s.IndexOf('-') : -1;
            if (dash > 0 && _lexicon.TryNumberWord(s[..dash], out double tens) && _lexicon.TryNumberWord(s[(dash + 1)..], out double units) && tens >= 20 && units < 10)
                value = tens + units; // "twenty-five"
            else if (dash > 0 && _lexicon.TryNumberWord(s[..dash], out double number) && number < 100)
            {
                value = number; // "five-year", "six-month"
                glued = s[(dash + 1)..].ToString().ToLowerInvariant();
            }
            else if (!_lexicon.TryNumberWord(s, out value) || value >= 100) return false;
        }
        else return false;

        // "1.5 million", "two thousand"
        if (glued is null && next < words.Length && words[next].IsWord && words[next].Is(Lex.NumberWord) && _lexicon.TryNumberWord(words[next].Text(text), out double scale) && scale >= 100)
        {
            value *= scale;
            next++;
        }
        return value > 0;
    }

    private bool IsDateOrTime(ParagraphText p, int i, double value)
    {
        var words = p.Words;
        string text = p.Text;
        // "Sept. 11", "September 5", "on Sept. 2"
        int prev = i - 1;
        if (prev >= 0 && words[prev].IsPunctuation && text[words[prev].Start] == '.') prev--;
        if (prev >= 0 && IsCalendar(words[prev])) return true;
        // "9:45", "11:15"
        if (i + 1 < words.Length && words[i + 1].IsPunctuation && text[words[i + 1].Start] == ':' && words[i + 1].Start == words[i].End) return true;
        if (i > 0 && words[i - 1].IsPunctuation && text[words[i - 1].Start] == ':' && words[i - 1].End == words[i].Start) return true;
        // "5 September"
        return value <= 31 && i + 1 < words.Length && IsCalendar(words[i + 1]);
    }

    private static bool IsCalendar(Word w) => w.IsWord && w.IsCapitalized && !w.IsPossessive && w.Is(Lex.Calendar);

    private static int NoUnit(out Unit? unit)
    {
        unit = null;
        return 0;
    }

    private NumericClaim? Count(ParagraphText p, int first, int number, int next, double value, Approximation approximation, string? glued)
    {
        var words = p.Words;
        string text = p.Text;
        Unit? unit = null;
        int k = next;
        if (glued is not null)
        {
            if (!_lexicon.Units.TryGetSingle(glued, out var u)) return null;
            unit = u;
        }
        else if (k < words.Length)
        {
            int n = words[k].Is(Lex.UnitStart) ? _lexicon.Units.Match(text, words, k, words.Length, out var u) : NoUnit(out u);
            if (n > 0)
            {
                unit = u;
                k += n;
            }
        }

        // "percent of the plane": the noun after "of".
        if (unit is not null && !unit.IsCount && k + 1 < words.Length && words[k].Text(text) is "of")
        {
            k++;
            if (k < words.Length && words[k].Text(text) is "the" or "its" or "their" or "his" or "her") k++;
        }
        int headStart = k;
        if (unit is not null && k < words.Length && words[k].IsWord && words[k].Is(Lex.NotCounted)) return null; // "three months ago"
        string head = Head(p, ref k);
        // "the 400-meter and 200-meter individual medleys": the first number counts what the second does.
        if (head.Length == 0 && k + 1 < words.Length && words[k].IsWord && words[k].Text(text) is "and" or "or" or "to" && words[k + 1].IsNumber)
        {
            int after = k + 2;
            head = Head(p, ref after);
        }
        if (head.Length == 0 && unit is { IsCount: true }) head = unit.Name;
        if (head.Length == 0) return null;
        // "wounded 21 Israelis" and "wounded 24 people" count the same victims: a nationality counts people. On
        // the 186 MDS clusters this adds one conflict, a labelled dev one (21 vs 24 injured), and changes no other.
        if (unit is null && IsNationality(p, k)) head = "people";

        string? measure = MeasureBefore(p, first) ?? MeasureAfter(p, k);
        if (measure is null && unit is null) return null;
        if (unit is not null && unit.Name == "age") return null;
        // A unit says what is measured by itself ("60 percent of the plane" whether "recovered" or not).
        string key = unit is not null ? $"|{unit.Name}|{head}" : $"{measure}||{head}";
        string about = unit is null ? $"{Plural(head)} {measure}"
            : unit.Name == "percent" ? $"share of the {head} (percent)"
            : unit.IsCount ? Plural(head)
            : $"{head} ({Plural(unit.Name)})";
        int end = Math.Max(k, headStart);
        var span = new TextSpan(words[first].Start, words[Math.Max(end, next) - 1].End);
        return new NumericClaim(p, span, value, approximation, key, about);
    }

    /// <summary>
    /// The noun counted after the number: words up to a stop (punctuation, a function word, a verb form or a
    /// measure word), the last of them singularized. "Kurdish fighters aligned" → "fighter".
    /// </summary>
    private string Head(ParagraphText p, ref int k)
    {
        var words = p.Words;
        string text = p.Text;
        while (k < words.Length && words[k].IsWord && words[k].Text(text) is "other" or "more" or "additional" or "fewer") k++;
        int start = k, last = -1;
        while (k < words.Length && k - start < MaxHeadWords)
        {
            var w = words[k];
            if (!w.IsWord) break;
            var s = w.CoreText(text);
            if (w.Is(Lex.Stopword | Lex.Measure | Lex.NumberWord | Lex.NotCounted)) break;
            if (last >= 0 && (s.EndsWith("ed", StringComparison.Ordinal) || s.EndsWith("ing", StringComparison.Ordinal))) break;
            last = k;
            k++;
            if (w.IsPossessive) break;
        }
        if (last < 0) return "";
        var head = words[last].CoreText(text).ToString().ToLowerInvariant();
        return Singular(head);
    }

    /// <summary>The counted noun (the word before <paramref name="end"/>) is a nationality in the plural ("Israelis").</summary>
    private bool IsNationality(ParagraphText p, int end)
    {
        if (end == 0 || !p.Words[end - 1].IsWord || !p.Words[end - 1].IsCapitalized) return false;
        var word = p.Words[end - 1].CoreText(p.Text);
        return word.Length > 3 && word[^1] == 's' && _lexicon.CountryAliases.TryGetSingle(word[..^1], out _);
    }

    /// <summary>"people" stays, "fighter" → "fighters", "storey" → "storeys": for labels only.</summary>
    private static string Plural(string word) =>
        word is "people" or "police" || word.EndsWith('s') ? word : word + "s";

    private static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3) return word[..^1];
        return word;
    }

    private string? MeasureBefore(ParagraphText p, int first)
    {
        var words = p.Words;
        string text = p.Text;
        int seen = 0;
        for (int k = first - 1; k >= 0 && seen < MeasureWordsBefore; k--)
        {
            var w = words[k];
            if (w.IsPunctuation) return null;
            if (!w.IsWord) return null;
            seen++;
            if (w.Is(Lex.Measure) && _lexicon.TryMeasure(w.Text(text), out var measure)) return measure;
        }
        return null;
    }

    private string? MeasureAfter(ParagraphText p, int k)
    {
        var words = p.Words;
        string text = p.Text;
        for (int seen = 0; k < words.Length && seen < MeasureWordsAfter; k++, seen++)
        {
            var w = words[k];
            if (!w.IsWord) return null;
            if (w.Is(Lex.Measure) && _lexicon.TryMeasure(w.Text(text), out var measure)) return measure;
            if (w.Text(text) is not ("have" or "has" or "had" or "been" or "were" or "was" or "are" or "is" or "be" or "being" or "reportedly" or "also" or "now")) return null;
        }
        return null;
    }

    /// <summary>"a 23-year-old secretary" after "Zaken,", or "41-year-old Jason Sylvain": the age of that person.</summary>
    private NumericClaim? Age(ParagraphText p, ArraySegment<Mention> mentions, int first, int number, int next, double value, Approximation approximation)
    {
        var words = p.Words;
        Mention? person = null;
        foreach (var m in mentions)
            if (m.Paragraph == p && m.First == next && m.Entity is { Kind: EntityKind.Person }) person = m;
        if (person is null)
        {
            // "Zaken, a 23-year-old secretary": name, comma, determiner, age.
            int k = first - 1;
            if (k >= 0 && words[k].IsWord && words[k].Text(p.Text) is "a" or "an" or "the") k--;
            if (k >= 0 && words[k].IsPunctuation && p.Text[words[k].Start] == ',')
                foreach (var m in mentions)
                    if (m.Paragraph == p && m.End == k && m.Entity is { Kind: EntityKind.Person }) person = m;
        }
        if (person?.Entity is null) return null;
        var span = new TextSpan(words[first].Start, words[number].End);
        return new NumericClaim(p, span, value, approximation, $"age|{person.Entity.Id}", $"age of {person.Entity.Name}");
    }

    /// <summary>"Jason Sylvain, 41, knocked…": a person's name, a comma, a small number, a comma.</summary>
    private static NumericClaim? AgeAfterName(ParagraphText p, ArraySegment<Mention> mentions, int number, int next, double value)
    {
        var words = p.Words;
        string text = p.Text;
        if (value is < 1 or > 120 || value != Math.Floor(value) || number < 2 || next >= words.Length) return null;
        if (!(words[number - 1].IsPunctuation && text[words[number - 1].Start] == ',' && words[next].IsPunctuation && text[words[next].Start] == ',')) return null;
        foreach (var m in mentions)
        {
            if (m.Paragraph != p || m.End != number - 1 || m.Entity is not { Kind: EntityKind.Person } e) continue;
            var span = new TextSpan(words[number].Start, words[number].End);
            return new NumericClaim(p, span, value, Approximation.Exact, $"age|{e.Id}", $"age of {e.Name}");
        }
        return null;
    }

    private void AddContext(ParagraphText p, ArraySegment<Mention> mentions, NumericClaim claim, int first, int next)
    {
        int sentence = p.Words[first].Sentence;
        foreach (var m in mentions)
            if (m.Entity is not null && (m.Sentence == sentence || m.Sentence == sentence - 1)) claim.Entities.Add(m.Entity.Id);
        // Content words are the fallback when a claim names no entity: collected only if asked for.
        claim.ContentWords = () => ContentWords(p, claim, first, next);
    }

    private HashSet<string> ContentWords(ParagraphText p, NumericClaim claim, int first, int next)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var words = p.Words;
        string text = p.Text;
        int sentence = words[first].Sentence;
        for (int k = 0; k < words.Length; k++)
        {
            var w = words[k];
            if (w.Sentence != sentence && w.Sentence != sentence - 1) continue;
            if (k >= first && k < next || claim.Span.Contains(new TextSpan(w.Start, w.End)) || !w.IsWord) continue;
            var s = w.CoreText(text);
            if (s.Length < 3 || Lexicon.IsStopword(s) || _lexicon.IsSpeechVerb(s) || _lexicon.TryMeasure(s, out _)
                || _lexicon.TryNumberWord(s, out _) || _lexicon.IsCalendarWord(s) || _lexicon.Units.TryGetSingle(s, out _))
                continue;
            int length = Math.Min(5, s.Length);
            result.Add(s[..length].ToString().ToLowerInvariant());
        }
        return result;
    }
}
