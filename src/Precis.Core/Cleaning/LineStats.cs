using System.Buffers;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// What one pass over a line's characters measures: counts of words by kind, of letters, digits and
/// punctuation, and the shape of its ends. The line scorer's features are ratios of these. ASCII
/// characters are classified by table; only other characters go through the Unicode tables.
/// </summary>
internal struct LineStats
{
    public int Chars;
    public int Words;
    public int Stopwords;
    public int Capitalized;
    public int AllCapsWords;
    public int NumberWords;
    public int PersonalWords;
    public int BoilerplateWords;
    public int Letters;
    public int OtherScriptLetters;
    public int Digits;
    public int Punctuation;
    public int Separators;
    public int SentenceEnds;
    public bool Terminal;
    public bool EndsWithColon;
    public bool EndsWithEllipsis;
    public bool StartsLower;
    public bool StartsWithQuote;
    public int Links;

    [Flags]
    private enum Kind : byte
    {
        Other = 0,
        Upper = 1,
        Lower = 2,
        Digit = 4,
        Punctuation = 8,
        Separator = 16,
        Letter = Upper | Lower,
        WordChar = Letter | Digit,
    }

    private static readonly Kind[] Ascii = BuildAscii();

    /// <summary>Characters that separate menu items and breadcrumbs ("Home | News", "Sport » Soccer").</summary>
    private static bool IsSeparator(char c) => c is '|' or '»' or '«' or '•' or '·' or '›' or '‹' or '>' or '<' or '/' or '\\';

    private static bool IsQuote(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '`';

    private static Kind KindOf(char c)
    {
        if (c < 128) return Ascii[c];
        if (char.IsUpper(c)) return Kind.Upper;
        if (char.IsLetter(c)) return Kind.Lower;
        if (char.IsDigit(c)) return Kind.Digit;
        if (char.IsPunctuation(c) || char.IsSymbol(c)) return IsSeparator(c) ? Kind.Punctuation | Kind.Separator : Kind.Punctuation;
        return Kind.Other;
    }

    public static LineStats Measure(ReadOnlySpan<char> line)
    {
        var s = new LineStats { Chars = line.Length };
        if (line.IsEmpty) return s;
        var words = CleaningResources.Words;
        bool firstLetterSeen = false;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            var kind = KindOf(c);
            if ((kind & Kind.WordChar) != 0)
            {
                int start = i;
                bool hasLetter = false, allUpper = true;
                uint hash = WordClasses.Start;
                while (i < line.Length)
                {
                    char d = line[i];
                    var k = KindOf(d);
                    if ((k & Kind.Letter) != 0)
                    {
                        hasLetter = true;
                        s.Letters++;
                        if (k == Kind.Lower) allUpper = false;
                        if (d >= 128 && Tokenizer.ScriptOf(d) is not (TokenScript.Latin or TokenScript.None)) s.OtherScriptLetters++;
                    }
                    else if (k == Kind.Digit) s.Digits++;
                    else if ((TextChars.IsApostrophe(d) || d == '-') && i + 1 < line.Length && (KindOf(line[i + 1]) & Kind.WordChar) != 0) { }
                    else break;
                    hash = WordClasses.Hash(hash, d);
                    i++;
                }
                var word = line[start..i];
                s.Words++;
                if (!firstLetterSeen && hasLetter)
                {
                    firstLetterSeen = true;
                    s.StartsLower = KindOf(word[0]) == Kind.Lower;
                }
                if (!hasLetter) { s.NumberWords++; continue; }
                if (KindOf(word[0]) == Kind.Upper) s.Capitalized++;
                if (allUpper && word.Length >= 2) s.AllCapsWords++;
                var cls = words.Of(word, hash);
                if ((cls & WordClass.Stopword) != 0) s.Stopwords++;
                if ((cls & WordClass.Personal) != 0) s.PersonalWords++;
                if ((cls & WordClass.Boilerplate) != 0) s.BoilerplateWords++;
                continue;
            }
            if ((kind & Kind.Punctuation) != 0)
            {
                s.Punctuation++;
                if ((kind & Kind.Separator) != 0) s.Separators++;
                if (c is '.' or '!' or '?' && i + 2 < line.Length && line[i + 1] == ' ' && (KindOf(line[i + 2]) == Kind.Upper || IsQuote(line[i + 2])))
                    s.SentenceEnds++;
            }
            i++;
        }
        // Most lines hold none of the link markers: one vectorised scan for all four settles it.
        s.Links = line.IndexOfAny(LinkMarkers) < 0 ? 0
            : Math.Max(Math.Max(Count(line, "://"), Count(line, "www.")), Math.Max(Count(line, ".com"), Count(line, "@")));
        s.StartsWithQuote = IsQuote(line[0]);
        ReadOnlySpan<char> end = line.TrimEnd("\"'”’)]»*");
        if (end.IsEmpty) end = line;
        char last = end[^1];
        s.Terminal = last is '.' or '!' or '?' or '…';
        s.EndsWithColon = last == ':';
        s.EndsWithEllipsis = last == '…' || end.EndsWith("...");
        if (s.Terminal) s.SentenceEnds++;
        return s;
    }

    /// <summary>What links and e-mail addresses are counted by: "://", "www.", ".com", "@".</summary>
    private static readonly SearchValues<string> LinkMarkers = SearchValues.Create(["://", "www.", ".com", "@"], StringComparison.Ordinal);

    /// <summary>Occurrences of <paramref name="what"/> (URLs and e-mail addresses: "://", "www.", ".com", "@").</summary>
    private static int Count(ReadOnlySpan<char> line, string what)
    {
        int n = 0, at;
        while ((at = line.IndexOf(what, StringComparison.Ordinal)) >= 0)
        {
            n++;
            line = line[(at + what.Length)..];
        }
        return n;
    }

    private static Kind[] BuildAscii()
    {
        var table = new Kind[128];
        for (int c = 0; c < 128; c++)
        {
            char ch = (char)c;
            table[c] = ch is >= 'A' and <= 'Z' ? Kind.Upper
                : ch is >= 'a' and <= 'z' ? Kind.Lower
                : ch is >= '0' and <= '9' ? Kind.Digit
                : char.IsPunctuation(ch) || char.IsSymbol(ch) ? (IsSeparator(ch) ? Kind.Punctuation | Kind.Separator : Kind.Punctuation)
                : Kind.Other;
        }
        return table;
    }
}
