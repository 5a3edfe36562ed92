using System.Globalization;
using Precis.Text;

namespace Precis.Facts;

/// <summary>
/// The facts stage's word scanner: the same word boundaries as <see cref="Tokenizer"/> (numbers with
/// separators, hyphenated words, possessives, initialisms, ``…'' marks), written straight into
/// <see cref="Word"/>s with their shape in one pass. The facts stage reads every body word of every article
/// once more after the earlier stages; with the general tokenizer (scripts, URL and e-mail kinds, an
/// intermediate token list) that pass was about a quarter of the stage's time in a profile. Here URLs and
/// e-mail addresses are simply symbols, since no name, quote or number is read from them; on the dev
/// clusters the boundaries and kinds of all 56,996 tokens match the tokenizer's. A word of plain ASCII letters
/// (most words) is bounded, hashed and shaped in one loop (<see cref="PlainWordEnd"/>); on the 666,151 tokens
/// of the four MDS sets that path gives the same words as the general one, and the scan a third less time.
/// </summary>
internal static class WordScanner
{
    private static readonly WordMap<Lex> Vocabulary = FactsLexicon.Default.Vocabulary;

    /// <summary>The ASCII characters other than letters and digits that start a word of the lists ("%").</summary>
    private static readonly System.Buffers.SearchValues<char> SymbolStarts = System.Buffers.SearchValues.Create(
        Vocabulary.Keys.Where(k => k.Length > 0 && k[0] < 128 && !char.IsAsciiLetterOrDigit(k[0])).Select(k => k[0]).Distinct().ToArray());

    /// <summary>Appends the words of text[start..end) to <paramref name="words"/>, as sentence <paramref name="sentence"/>.</summary>
    public static void Scan(string text, int start, int end, int sentence, WordBuffer words)
    {
        bool sentenceStart = true;
        int i = start;
        char opener = '\0'; // the punctuation token just before, if any
        while (i < end)
        {
            char c = text[i];
            if (c <= ' ' || (c >= 127 && (char.IsWhiteSpace(c) || char.IsControl(c)))) { i++; continue; }
            int tokenEnd;
            TokenKind kind;
            bool initial = sentenceStart || opener is '"' or '“' or '`' or '\'' or '‘' or ':' or '—' or '–' or '-' or '(' or '[';
            if ((c | 0x20) is 'h' or 'w' && (tokenEnd = MatchUrl(text, i, end)) > i) kind = TokenKind.Symbol; // "http", "www."
            else if (IsAsciiLetter(c) && PlainWordEnd(text, i, end, out uint fold, out ulong packed, out int upper) is int plainEnd && plainEnd > i
                     && !(plainEnd < end && text[plainEnd] == '.' && MayContinueEmail(text, plainEnd + 1, end) && MatchEmail(text, i, end) > i))
            {
                int letters = plainEnd - i;
                var shape = (sentenceStart ? WordShape.SentenceStart : WordShape.None) | (initial ? WordShape.Initial : WordShape.None)
                    | (c <= 'Z' ? WordShape.Capitalized : WordShape.Lower) | (letters >= 2 && upper == letters ? WordShape.AllCaps : WordShape.None);
                bool listed = letters <= WordMap<Lex>.MaxPackedLetters ? Vocabulary.TryGetPacked(packed, out var found) : Vocabulary.TryGetLetters(fold, text.AsSpan(i, letters), out found);
                var lex = listed ? found : Lex.None;
                words.Add(new Word(i, plainEnd, sentence, TokenKind.Word, shape, 0, lex, fold), text);
                sentenceStart = false;
                opener = '\0';
                i = plainEnd;
                continue;
            }
            else if (IsWordChar(c))
            {
                bool digit = IsDigit(c);
                tokenEnd = digit ? MatchNumber(text, i, end) : MatchWord(text, i, end);
                kind = digit ? TokenKind.Number : TokenKind.Word;
                // An e-mail address is a symbol: tried only where a word stops at "@" or ".".
                if (tokenEnd < end && text[tokenEnd] is '@' or '.' && MatchEmail(text, i, end) is int email && email > i)
                {
                    tokenEnd = email;
                    kind = TokenKind.Symbol;
                }
            }
            else if (TextChars.IsCurrency(c) && i + 1 < end && IsDigit(text[i + 1]))
            {
                tokenEnd = MatchNumber(text, i + 1, end);
                kind = TokenKind.Number;
            }
            else
            {
                tokenEnd = MatchPunctuation(text, i, end);
                kind = char.IsPunctuation(c) || c is '`' ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            var word = Make(text, i, tokenEnd, kind, sentence, sentenceStart, initial);
            if (kind is TokenKind.Word or TokenKind.Number) sentenceStart = false;
            opener = kind is TokenKind.Punctuation or TokenKind.Symbol ? c : '\0';
            words.Add(word, text);
            i = tokenEnd;
        }
    }

    private static Word Make(string text, int start, int end, TokenKind kind, int sentence, bool sentenceStart, bool initial)
    {
        int coreEnd = end;
        var shape = (sentenceStart ? WordShape.SentenceStart : WordShape.None) | (initial ? WordShape.Initial : WordShape.None);
        var vocabulary = Vocabulary;
        if (kind == TokenKind.Number) return new Word(start, end, sentence, kind, shape | WordShape.Number, 0, Lex.None);
        if (kind != TokenKind.Word)
        {
            // "%": punctuation is looked up only when its first character starts a word of the lists (an ASCII
            // character that is no letter compares exactly); URLs and e-mail addresses, which start with letters, always.
            char head = text[start];
            bool listed = head >= 128 || char.IsAsciiLetterOrDigit(head) || SymbolStarts.Contains(head);
            return new Word(start, end, sentence, kind, shape, 0, listed && vocabulary.TryGetValue(text.AsSpan(start, end - start), out var symbolLex) ? symbolLex : Lex.None);
        }
        int length = end - start;
        if (length > 2 && (text[end - 1] is 's' or 'S') && TextChars.IsApostrophe(text[end - 2])) coreEnd = end - 2;
        else if (length > 1 && TextChars.IsApostrophe(text[end - 1])) coreEnd = end - 1; // "Reuters’" (plural possessive)
        int letters = 0, upper = 0;
        bool first = true;
        uint fold = WordFold.Seed;
        for (int k = start; k < coreEnd; k++)
        {
            char c = text[k];
            fold = WordFold.Step(fold, c);
            bool isUpper;
            if (c < 128)
            {
                if (c == '-') shape |= WordShape.Hyphenated;
                if ((uint)((c | 0x20) - 'a') > 'z' - 'a') continue;
                isUpper = c <= 'Z';
            }
            else
            {
                if (c is '\u2010' or '\u2011') shape |= WordShape.Hyphenated;
                if (!char.IsLetter(c)) continue;
                isUpper = char.IsUpper(c);
            }
            letters++;
            if (isUpper) upper++;
            if (first)
            {
                shape |= isUpper ? WordShape.Capitalized : char.IsLower(c) ? WordShape.Lower : WordShape.None;
                first = false;
            }
        }
        if (letters >= 2 && upper == letters) shape |= WordShape.AllCaps;
        var lex = vocabulary.TryGetValue(fold, text.AsSpan(start, coreEnd - start), out var found) ? found : Lex.None;
        return new Word(start, end, sentence, kind, shape, (byte)(end - coreEnd), lex, fold);
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>
    /// The end of a word of ASCII letters that nothing else joins (no digit, hyphen, apostrophe, "&amp;" or "@",
    /// no letter of another script after it), with its <see cref="WordFold"/> hash, its <see cref="WordMap{T}.Pack"/>ed letters (up to twelve) and upper-case count; else
    /// <paramref name="i"/>, and the general path reads the word. A period ends a word of two letters or more
    /// as <see cref="MatchWord"/> ends it (only a single letter can start an initialism such as "U.S."); the
    /// caller still tries an e-mail address there. Closing quotation marks, dashes and other non-ASCII
    /// punctuation end it as well: with the period, the words before them (a sentence's last word, a quotation's
    /// last word) took the general path, which reads a word three more times, before this.
    /// </summary>
    /// <remarks>
    /// Not inlined, and its results kept in locals until the end: inlined into the scan loop, the hash was
    /// written to and read back from the stack for every letter (the loop has too many live values).
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int PlainWordEnd(string text, int i, int end, out uint fold, out ulong packed, out int upper)
    {
        uint hash = WordFold.Seed;
        ulong letters = 0;
        int upperCase = 0;
        int j = i;
        char c = '\0';
        for (; j < end; j++)
        {
            c = text[j];
            if ((uint)(c - 'a') <= 'z' - 'a') c = (char)(c - 32);
            else if ((uint)(c - 'A') <= 'Z' - 'A') upperCase++;
            else break;
            hash = WordFold.Mix(hash, c);
            letters = WordMap<Lex>.Pack(letters, c);
        }
        fold = hash;
        packed = letters;
        upper = upperCase;
        if (j == end) return j;
        if (c < 128) return c is '-' or '\'' or '&' or '@' || (uint)(c - '0') <= 9 || c == '.' && j - i < 2 ? i : j;
        return IsWordChar(c) || TextChars.IsApostrophe(c) || TextChars.IsHyphen(c) ? i : j;
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (c > 127 && char.IsDigit(c));

    private static bool IsWordChar(char c)
    {
        if (c < 128) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static int MatchWord(string text, int i, int end)
    {
        int start = i;
        while (true)
        {
            while (i < end && IsWordChar(text[i])) i++;
            // "U.S." keeps its final period; "H." after a single initial does not (it may end the sentence).
            if (i < end && text[i] == '.' && i - start >= 3 && IsInitialismSoFar(text, start, i) && (i + 1 >= end || !char.IsLetter(text[i + 1])))
                return i + 1;
            if (i + 1 >= end) break;
            char c = text[i], next = text[i + 1];
            if ((c is '-' or '\u2010' or '\u2011' || TextChars.IsApostrophe(c) || c == '&') && IsWordChar(next) && !(c == '&' && char.IsLower(next)))
            {
                i++;
                continue;
            }
            if (c == '.' && char.IsLetter(next) && IsInitialismSoFar(text, start, i) && (i + 2 >= end || !IsWordChar(text[i + 2])))
            {
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsInitialismSoFar(string text, int start, int end)
    {
        if ((end - start) % 2 == 0) return false;
        for (int k = start; k < end; k++)
            if ((k - start) % 2 == 0 ? !char.IsLetter(text[k]) : text[k] != '.') return false;
        return true;
    }

    private static int MatchNumber(string text, int i, int end)
    {
        while (true)
        {
            while (i < end && IsDigit(text[i])) i++;
            if (i + 1 < end && text[i] is ',' or '.' && IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        // Ordinals, decades and units glued to the number ("5th", "1990s", "48-hour").
        if (i < end && (char.IsLetter(text[i]) || (text[i] == '-' && i + 1 < end && IsWordChar(text[i + 1]))))
            return MatchWord(text, i, end);
        return i;
    }

    private static int MatchPunctuation(string text, int i, int end)
    {
        char c = text[i];
        int j = i + 1;
        if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
        {
            while (j < end && text[j] == '.') j++;
            return j;
        }
        if (c == '-' && j < end && text[j] == '-')
        {
            while (j < end && text[j] == '-') j++;
            return j;
        }
        if (c is '`' or '\'') return j < end && text[j] == c ? j + 1 : j; // `` and ''
        return char.IsHighSurrogate(c) && j < end && char.IsLowSurrogate(text[j]) ? j + 1 : j;
    }

    private static int MatchUrl(string text, int i, int end)
    {
        char c = text[i];
        if (c is not ('h' or 'H' or 'w' or 'W') || i + 4 > end || (text[i + 1] | 0x20) != (c is 'h' or 'H' ? 't' : 'w')) return i;
        var rest = text.AsSpan(i, end - i);
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            return i;
        int j = i;
        while (j < end && !char.IsWhiteSpace(text[j]) && text[j] is not ('"' or '<' or '>' or '\u201D')) j++;
        while (j > i && text[j - 1] is '.' or ',' or ';' or ':' or ')' or '\'' or '!' or '?') j--;
        return j;
    }

    /// <summary>
    /// Whether an e-mail address may go on past a period at <paramref name="next"/> - 1 (<see cref="MatchEmail"/>
    /// reads on only over these characters): after a sentence's last word it does not, and the address is not tried.
    /// </summary>
    private static bool MayContinueEmail(string text, int next, int end) =>
        next < end && (IsWordChar(text[next]) || text[next] is '.' or '_' or '-' or '+' or '@');

    private static int MatchEmail(string text, int i, int end)
    {
        int k = i;
        while (k < end && (IsWordChar(text[k]) || text[k] is '.' or '_' or '-' or '+')) k++;
        if (k >= end || text[k] != '@' || k == i) return i;
        int at = k++, dot = -1;
        while (k < end && (IsWordChar(text[k]) || text[k] is '.' or '-'))
        {
            if (text[k] == '.') dot = k;
            k++;
        }
        while (k > at && text[k - 1] == '.') k--;
        return dot > at + 1 && dot < k - 1 ? k : i;
    }
}
