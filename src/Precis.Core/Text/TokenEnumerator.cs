namespace Precis.Text;

/// <summary>
/// Reads the tokens of a span one at a time without allocating: <c>foreach (var t in Tokenizer.Enumerate(text))</c>.
/// The rules are documented on <see cref="Tokenizer"/>.
/// </summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    public Token Current { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var text = _text;
        int i = _position;
        while (i < text.Length && TextChars.IsSpace(text[i])) i++;
        if (i >= text.Length)
        {
            _position = i;
            return false;
        }
        // Inline fast path for most tokens: an ASCII word before a space, a comma or a line break. A URL cannot
        // take it: "http://", "https://" and "www." stop the letter run at ':' or '.'.
        char c = text[i];
        if (char.IsAsciiLetter(c))
        {
            int end = i + 1;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
            if (end == text.Length || text[end] is ' ' or ',' or '\n')
            {
                Current = new Token(i, end - i, TokenKind.Word, TokenScript.Latin);
                _position = end;
                return true;
            }
        }
        Current = Read(text, i);
        _position = Current.End;
        return true;
    }

    private static Token Read(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (TextChars.IsWordChar(c))
        {
            if (char.IsDigit(c)) return ReadNumber(text, i, i);
            if ((c | 0x20) is 'h' or 'w')
            {
                int urlEnd = MatchUrl(text, i);
                if (urlEnd > i) return new Token(i, urlEnd - i, TokenKind.Url, TokenScript.Latin);
            }
            return ReadWord(text, i);
        }
        int next = i + 1 < text.Length ? text[i + 1] : -1;
        if (TextChars.IsCurrency(c) && next >= 0 && char.IsAsciiDigit((char)next))
            return ReadNumber(text, i, i + 1);
        switch (c)
        {
            case '.':
                return Punctuation(i, EllipsisEnd(text, i) - i);
            case '-' when next == '-':
                return Punctuation(i, RunEnd(text, i, '-') - i);
            case '`' or '\'' when next == c:
                // PTB quotes (`` and '') as found in DUC and TAC texts: one token.
                return Punctuation(i, 2);
            case '\'' or '\u2019' when IsDecadeAfterApostrophe(text, i):
                return ReadNumber(text, i, i + 1);
            case '@' or '#' when next >= 0 && (TextChars.IsWordChar((char)next) || next == '_') && (i == 0 || !TextChars.IsWordChar(text[i - 1])):
                return ReadHandle(text, i);
        }
        if (char.IsHighSurrogate(c) && next >= 0 && char.IsLowSurrogate((char)next))
            return new Token(i, 2, TokenKind.Symbol, TokenScript.None);
        return new Token(i, 1, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, TokenScript.None);
    }

    private static Token Punctuation(int start, int length) => new(start, length, TokenKind.Punctuation, TokenScript.None);

    /// <summary>"...", ". . ." and ". . . ." are one token; a lone period is its own token.</summary>
    private static int EllipsisEnd(ReadOnlySpan<char> text, int i)
    {
        if (i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.') return RunEnd(text, i, '.');
        if (!(i + 4 < text.Length && text[i + 1] == ' ' && text[i + 2] == '.' && text[i + 3] == ' ' && text[i + 4] == '.')) return i + 1;
        int end = i + 5;
        while (end + 1 < text.Length && text[end] == ' ' && text[end + 1] == '.') end += 2; // ". . . ." (a period and an ellipsis)
        return end;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int i, char c)
    {
        while (i < text.Length && text[i] == c) i++;
        return i;
    }

    /// <summary>"'90s", "’98": an apostrophe standing for the century, then two digits.</summary>
    private static bool IsDecadeAfterApostrophe(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]))
        && (i == 0 || !TextChars.IsWordChar(text[i - 1]));

    /// <summary>"@Jane_Doe", "#Budget2024": one word token, underscores included.</summary>
    private static Token ReadHandle(ReadOnlySpan<char> text, int i)
    {
        int end = i + 1;
        while (end < text.Length && (TextChars.IsWordChar(text[end]) || text[end] == '_')) end++;
        return new Token(i, end - i, TokenKind.Word, ScriptOf(text, i + 1, end));
    }

    /// <summary>
    /// Digits with thousands separators, decimals, times and dates ("3,000", "1.5", "10:30", "9/11"), then any
    /// glued letters or hyphenated tail ("5th", "1990s", "48-hour"). <paramref name="digits"/> is where the
    /// digits start, after a currency sign or century apostrophe.
    /// </summary>
    private static Token ReadNumber(ReadOnlySpan<char> text, int start, int digits)
    {
        int i = digits;
        while (true)
        {
            while (i < text.Length && char.IsDigit(text[i])) i++;
            if (i + 1 >= text.Length) break;
            char sep = text[i];
            if ((sep is ',' or '.' or '/') && char.IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            if (sep == ':' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                i++;
                continue;
            }
            break;
        }
        if (i < text.Length && (TextChars.IsLetter(text[i]) || (TextChars.IsHyphen(text[i]) && i + 1 < text.Length && TextChars.IsWordChar(text[i + 1]))))
        {
            var tail = ReadWord(text, i);
            return new Token(start, tail.End - start, TokenKind.Number, tail.Script);
        }
        return new Token(start, i - start, TokenKind.Number, TokenScript.None);
    }

    /// <summary>
    /// A word: letters joined by hyphens, apostrophes or "&amp;" ("AT&amp;T"), an initialism with its final period
    /// ("U.S.", "Ph.D."), a bare domain ("Amazon.com") or an e-mail address. A Han ideograph is a word by itself.
    /// </summary>
    private static Token ReadWord(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        if (char.IsAsciiLetter(text[start]))
        {
            // Fast path for the common case, a plain ASCII word followed by a space or a comma.
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
            if (i == text.Length || text[i] is ' ' or ',' or '\n') return new Token(start, i - start, TokenKind.Word, TokenScript.Latin);
            i = start;
        }
        var script = TextChars.IsLetter(text[start]) ? ScriptOf(text[start]) : TokenScript.None;
        if (TextChars.IsCjkIdeograph(text[start])) return new Token(start, 1, TokenKind.Word, TokenScript.Cjk);
        int segmentStart = start;
        int segments = 0; // letter segments of a possible initialism: "U", "S" in "U.S."
        bool initialism = true;
        while (true)
        {
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
            while (i < text.Length && text[i] >= '\u0080' && TextChars.IsWordChar(text[i]) && !TextChars.IsCjkIdeograph(text[i]))
            {
                i++;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
            }
            if (script == TokenScript.None && i > start) script = ScriptOf(text, start, i);
            if (initialism)
            {
                initialism = IsInitialismSegment(text, segmentStart, i, first: segments == 0);
                segments++;
            }
            if (i + 1 >= text.Length)
            {
                if (i < text.Length && text[i] == '.' && initialism && segments >= 2) i++; // "... the U.S." at the very end
                break;
            }
            char c = text[i];
            char next = text[i + 1];
            if (c == '.')
            {
                if (initialism && TextChars.IsLetter(next) && IsInitialismSegment(text, i + 1, SegmentEnd(text, i + 1), first: false))
                {
                    i++;
                    segmentStart = i;
                    continue;
                }
                if (initialism && segments >= 2)
                {
                    i++; // the initialism keeps its final period: "U.S."
                    if (i + 1 < text.Length && (TextChars.IsHyphen(text[i]) || TextChars.IsApostrophe(text[i])) && TextChars.IsLetter(text[i + 1]))
                    {
                        i++; // "U.S.-led", "F.B.I.'s"
                        initialism = false;
                        continue;
                    }
                    break;
                }
                if (char.IsAsciiLetter(next))
                {
                    int domainEnd = MatchDomain(text, start);
                    if (domainEnd > i) return new Token(start, domainEnd - start, TokenKind.Url, TokenScript.Latin);
                    int emailEnd = MatchEmail(text, start);
                    if (emailEnd > i) return new Token(start, emailEnd - start, TokenKind.Email, TokenScript.Latin);
                }
                break;
            }
            if ((TextChars.IsHyphen(c) || TextChars.IsApostrophe(c)) && TextChars.IsWordChar(next) && !TextChars.IsCjkIdeograph(next))
            {
                i++;
                initialism = false;
                continue;
            }
            if (c == '&' && char.IsUpper(next))
            {
                i++;
                initialism = false;
                continue;
            }
            if (c is '@' or '_' or '+')
            {
                int emailEnd = MatchEmail(text, start);
                if (emailEnd > i) return new Token(start, emailEnd - start, TokenKind.Email, TokenScript.Latin);
            }
            break;
        }
        return new Token(start, i - start, TokenKind.Word, script);
    }

    private static int SegmentEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && TextChars.IsWordChar(text[i])) i++;
        return i;
    }

    /// <summary>
    /// One piece of an initialism: a single letter ("U", "S", "a", "m"), or a capital and a small letter as the
    /// first piece ("Ph" in "Ph.D."). Longer pieces make "St.Louis" or "cnn.com" something else.
    /// </summary>
    private static bool IsInitialismSegment(ReadOnlySpan<char> text, int start, int end, bool first) =>
        (end - start) switch
        {
            1 => TextChars.IsLetter(text[start]),
            2 => first && char.IsUpper(text[start]) && char.IsLower(text[start + 1]),
            _ => false,
        };

    private static int MatchUrl(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.Length < 5 || (rest[3] | 0x20) is not ('p' or '.')) return i; // "http", "www."; most words fail here
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && TextChars.IsWordChar(rest[4]))))
            return i;
        return UrlTailEnd(text, i);
    }

    /// <summary>A URL runs to the next space or quote; trailing sentence punctuation is not part of it.</summary>
    private static int UrlTailEnd(ReadOnlySpan<char> text, int end)
    {
        int start = end;
        while (end < text.Length && !TextChars.IsSpace(text[end]) && text[end] is not ('"' or '<' or '>' or '\u201C' or '\u201D')) end++;
        while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '\'' or '!' or '?' or '\u2019') end--;
        return end;
    }

    /// <summary>"Amazon.com", "bbc.co.uk/news": labels joined by periods, the last one a known domain suffix.</summary>
    private static int MatchDomain(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int lastLabel = -1;
        while (true)
        {
            int labelStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '-' && i > labelStart))) i++;
            if (i == labelStart) return start;
            lastLabel = labelStart;
            if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        if (lastLabel == start || !Lexicon.IsDomainSuffix(text[lastLabel..i])) return start;
        if (i < text.Length && (TextChars.IsWordChar(text[i]) || text[i] == '@')) return start;
        return i < text.Length && text[i] == '/' ? UrlTailEnd(text, i) : i;
    }

    private static int MatchEmail(ReadOnlySpan<char> text, int i)
    {
        int k = i;
        while (k < text.Length && (TextChars.IsWordChar(text[k]) || text[k] is '.' or '_' or '-' or '+')) k++;
        if (k >= text.Length || text[k] != '@' || k == i) return i;
        int at = k++;
        while (k < text.Length && (TextChars.IsWordChar(text[k]) || text[k] is '.' or '-')) k++;
        while (k > at && text[k - 1] == '.') k--; // the period that ends the sentence
        int dot = text[(at + 1)..k].LastIndexOf('.') + at + 1;
        return dot > at + 1 && dot < k - 1 ? k : i;
    }

    private static TokenScript ScriptOf(ReadOnlySpan<char> text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            var s = ScriptOf(text[k]);
            if (s != TokenScript.None) return s;
        }
        return TokenScript.None;
    }

    internal static TokenScript ScriptOf(char c)
    {
        if (c < '\u0080') return char.IsAsciiLetter(c) ? TokenScript.Latin : TokenScript.None;
        if (!char.IsLetter(c)) return TokenScript.None;
        return c switch
        {
            <= '\u024F' => TokenScript.Latin,
            >= '\u1E00' and <= '\u1EFF' => TokenScript.Latin,
            >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => TokenScript.Greek,
            >= '\u0400' and <= '\u052F' => TokenScript.Cyrillic,
            >= '\u0590' and <= '\u05FF' => TokenScript.Hebrew,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => TokenScript.Arabic,
            >= '\u0900' and <= '\u097F' => TokenScript.Devanagari,
            >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' => TokenScript.Cjk,
            _ => TokenScript.Other,
        };
    }
}
