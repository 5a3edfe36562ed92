using System.Globalization;

namespace Precis.Text;

/// <summary>
/// A news-text tokenizer over spans. It keeps together what a reader sees as one unit: numbers with
/// thousands separators and decimals ("3,000", "1.5", "$6"), hyphenated words ("48-hour"), contractions
/// and possessives with straight or curly apostrophes ("it's", "Kerry’s"), initialisms ("U.S."), URLs
/// and e-mail addresses. Everything else is one punctuation or symbol token per character, except runs of
/// dashes ("--") and ellipses ("...") which are one token each.
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; offsets are relative to the span.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            int end;
            if ((end = MatchUrl(text, i)) > i) { tokens.Add(new Token(i, end - i, TokenKind.Url, TokenScript.Latin)); i = end; continue; }
            if (IsWordChar(c))
            {
                if ((end = MatchEmail(text, i)) > i) { tokens.Add(new Token(i, end - i, TokenKind.Email, TokenScript.Latin)); i = end; continue; }
                if (char.IsDigit(c)) { end = MatchNumber(text, i); tokens.Add(new Token(i, end - i, NumberOrWord(text, i, end), ScriptOf(text, i, end))); i = end; continue; }
                end = MatchWord(text, i);
                tokens.Add(new Token(i, end - i, TokenKind.Word, ScriptOf(text, i, end)));
                i = end;
                continue;
            }
            if (IsCurrency(c) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                end = MatchNumber(text, i + 1);
                tokens.Add(new Token(i, end - i, TokenKind.Number, TokenScript.None));
                i = end;
                continue;
            }
            if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
            {
                end = i + 3;
                while (end < text.Length && text[end] == '.') end++;
                tokens.Add(new Token(i, end - i, TokenKind.Punctuation, TokenScript.None));
                i = end;
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                end = i + 2;
                while (end < text.Length && text[end] == '-') end++;
                tokens.Add(new Token(i, end - i, TokenKind.Punctuation, TokenScript.None));
                i = end;
                continue;
            }
            if (c == '`' || c == '\'')
            {
                // PTB-style quotes (`` and '') count as one quote token.
                end = i + 1;
                if (end < text.Length && text[end] == c) end++;
                tokens.Add(new Token(i, end - i, TokenKind.Punctuation, TokenScript.None));
                i = end;
                continue;
            }
            int len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            tokens.Add(new Token(i, len, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, TokenScript.None));
            i += len;
        }
    }

    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var list = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, list);
        return list;
    }

    /// <summary>Counts word and number tokens without allocating.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int n = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                n++;
                i = char.IsDigit(c) ? MatchNumber(text, i) : MatchWord(text, i);
            }
            else i++;
        }
        return n;
    }

    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    internal static bool IsCurrency(char c) => c is '$' or '€' or '£' or '¥' or '₹';

    private static int MatchWord(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (true)
        {
            while (i < text.Length && IsWordChar(text[i])) i++;
            if (i < text.Length && text[i] == '.' && i - start >= 3 && IsInitialismSoFar(text, start, i)
                && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
                return i + 1;
            if (i + 1 >= text.Length) break;
            char c = text[i];
            char next = text[i + 1];
            if ((c == '-' || c == '\u2010' || c == '\u2011' || IsApostrophe(c) || c == '&') && IsWordChar(next) && !(c == '&' && char.IsLower(next)))
            {
                i++;
                continue;
            }
            // Initialisms: single letters separated by periods ("U.S.", "U.N.", "a.m."); the final period is kept.
            if (c == '.' && char.IsLetter(next) && IsInitialismSoFar(text, start, i) && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))
            {
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsInitialismSoFar(ReadOnlySpan<char> text, int start, int end)
    {
        if ((end - start) % 2 == 0) return false;
        for (int k = start; k < end; k++)
            if ((k - start) % 2 == 0 ? !char.IsLetter(text[k]) : text[k] != '.') return false;
        return true;
    }

    private static int MatchNumber(ReadOnlySpan<char> text, int i)
    {
        while (true)
        {
            while (i < text.Length && char.IsDigit(text[i])) i++;
            if (i + 1 < text.Length && (text[i] == ',' || text[i] == '.') && char.IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        // Ordinals, decades and units glued to the number ("5th", "1990s", "48-hour", "10km").
        if (i < text.Length && (char.IsLetter(text[i]) || (text[i] == '-' && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            return MatchWord(text, i);
        return i;
    }

    private static TokenKind NumberOrWord(ReadOnlySpan<char> text, int start, int end)
    {
        for (int k = start; k < end; k++) if (char.IsLetter(text[k])) return k - start <= 0 ? TokenKind.Word : TokenKind.Number;
        return TokenKind.Number;
    }

    private static int MatchUrl(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            return i;
        int end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '<' or '>' or '\u201D')) end++;
        while (end > i && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '\'' or '!' or '?') end--;
        return end;
    }

    private static int MatchEmail(ReadOnlySpan<char> text, int i)
    {
        int k = i;
        while (k < text.Length && (IsWordChar(text[k]) || text[k] is '.' or '_' or '-' or '+')) k++;
        if (k >= text.Length || text[k] != '@' || k == i) return i;
        int at = k++;
        int dot = -1;
        while (k < text.Length && (IsWordChar(text[k]) || text[k] is '.' or '-'))
        {
            if (text[k] == '.') dot = k;
            k++;
        }
        while (k > at && text[k - 1] == '.') k--;
        return dot > at + 1 && dot < k - 1 ? k : i;
    }

    internal static TokenScript ScriptOf(ReadOnlySpan<char> text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            var s = ScriptOf(text[k]);
            if (s != TokenScript.None) return s;
        }
        return TokenScript.None;
    }

    public static TokenScript ScriptOf(char c)
    {
        if (c < 0x80) return char.IsLetter(c) ? TokenScript.Latin : TokenScript.None;
        if (!char.IsLetter(c)) return TokenScript.None;
        return c switch
        {
            <= '\u024F' => TokenScript.Latin,
            >= '\u1E00' and <= '\u1EFF' => TokenScript.Latin,
            >= '\u0370' and <= '\u03FF' => TokenScript.Greek,
            >= '\u0400' and <= '\u052F' => TokenScript.Cyrillic,
            >= '\u0590' and <= '\u05FF' => TokenScript.Hebrew,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => TokenScript.Arabic,
            >= '\u0900' and <= '\u097F' => TokenScript.Devanagari,
            >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' => TokenScript.Cjk,
            _ => TokenScript.Other,
        };
    }
}
