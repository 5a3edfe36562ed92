using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// What one pass over a line's characters measures: counts of words by kind, of letters, digits and
/// punctuation, and the shape of its ends. The line scorer's features are ratios of these.
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
    public bool HasLink;

    /// <summary>Characters that separate menu items and breadcrumbs ("Home | News", "Sport » Soccer").</summary>
    public static bool IsSeparator(char c) => c is '|' or '»' or '«' or '•' or '·' or '›' or '‹' or '>' or '<' or '/' or '\\';

    public static bool IsQuote(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '`';

    public static LineStats Measure(ReadOnlySpan<char> line)
    {
        var s = new LineStats { Chars = line.Length };
        if (line.IsEmpty) return s;
        var stopwords = Lexicon.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        var personal = CleaningResources.PersonalWords;
        var boilerplate = CleaningResources.BoilerplateWords;
        bool firstLetterSeen = false;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                bool hasLetter = false, allUpper = true;
                while (i < line.Length)
                {
                    char d = line[i];
                    if (char.IsLetter(d))
                    {
                        hasLetter = true;
                        s.Letters++;
                        if (char.IsLower(d)) allUpper = false;
                        if (Tokenizer.ScriptOf(d) is not (TokenScript.Latin or TokenScript.None)) s.OtherScriptLetters++;
                    }
                    else if (char.IsDigit(d)) s.Digits++;
                    else if ((Tokenizer.IsApostrophe(d) || d == '-') && i + 1 < line.Length && char.IsLetterOrDigit(line[i + 1])) { }
                    else break;
                    i++;
                }
                var word = line[start..i];
                s.Words++;
                if (!firstLetterSeen && hasLetter)
                {
                    firstLetterSeen = true;
                    s.StartsLower = char.IsLower(word[0]);
                }
                if (!hasLetter) { s.NumberWords++; continue; }
                if (char.IsUpper(word[0])) s.Capitalized++;
                if (allUpper && word.Length >= 2) s.AllCapsWords++;
                if (stopwords.Contains(word)) s.Stopwords++;
                if (personal.Contains(word)) s.PersonalWords++;
                if (boilerplate.Contains(word)) s.BoilerplateWords++;
                continue;
            }
            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                s.Punctuation++;
                if (IsSeparator(c)) s.Separators++;
                if (c is '.' or '!' or '?' && i + 2 < line.Length && line[i + 1] == ' ' && (char.IsUpper(line[i + 2]) || IsQuote(line[i + 2])))
                    s.SentenceEnds++;
            }
            i++;
        }
        s.HasLink = line.Contains("://", StringComparison.Ordinal) || line.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || line.Contains(".com", StringComparison.OrdinalIgnoreCase) || (line.Contains('@') && line.LastIndexOf('.') > line.IndexOf('@'));
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
}
