using Precis.Model;

namespace Precis.Text;

/// <summary>
/// Splits news text into sentences. It works on tokens, so numbers ("1.5"), initialisms ("U.S.") and URLs
/// never split; a period after a title or month abbreviation ("Gen.", "Sept.") or an initial ("John F.
/// Kennedy") does not end a sentence; after an abbreviation that can end one ("Inc.", "U.S.") a sentence
/// ends only if a capitalized function word follows ("... in the U.S. The talks"). Closing quotes and
/// brackets after the final mark stay with the sentence. A blank line always ends a sentence, and so does
/// a line break after terminal punctuation; headlines without a final period are one sentence.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentence spans of <paramref name="span"/> within <paramref name="text"/>, as absolute offsets.</summary>
    public static List<TextSpan> Split(string text, TextSpan span)
    {
        var result = new List<TextSpan>();
        Split(text.AsSpan(span.Start, span.Length), span.Start, result);
        return result;
    }

    public static List<TextSpan> Split(string text) => Split(text, new TextSpan(0, text.Length));

    /// <summary>Appends sentence spans of <paramref name="text"/>, shifted by <paramref name="offset"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, int offset, List<TextSpan> sentences)
    {
        var tokens = Tokenizer.Tokenize(text);
        int n = tokens.Count;
        int start = 0; // token index of the current sentence's first token
        for (int i = 0; i < n; i++)
        {
            var t = tokens[i];
            int last = i;
            bool boundary = false;
            if (IsTerminal(text, t))
            {
                while (last + 1 < n && IsCloser(text, tokens[last + 1]) && tokens[last + 1].Start == tokens[last].End) last++;
                // A closing quote separated by a space still belongs here when nothing opens after it ("said. ” He").
                while (last + 1 < n && IsCloser(text, tokens[last + 1]) && IsClosingQuoteChar(text[tokens[last + 1].Start])) last++;
                boundary = last + 1 >= n || EndsSentence(text, tokens, i, last + 1);
            }
            else if (i + 1 < n && BlankLineBetween(text, t.End, tokens[i + 1].Start))
            {
                boundary = true;
            }
            if (boundary)
            {
                sentences.Add(new TextSpan(offset + tokens[start].Start, offset + tokens[last].End));
                start = last + 1;
                i = last;
            }
        }
        if (start < n)
            sentences.Add(new TextSpan(offset + tokens[start].Start, offset + tokens[n - 1].End));
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, Token t)
    {
        var s = t.Of(text);
        if (t.Kind == TokenKind.Punctuation)
            return s is "." or "!" or "?" or "…" || s.StartsWith("...");
        // An initialism token carries its final period: "U.S."
        return t.Kind == TokenKind.Word && s.Length >= 3 && s[^1] == '.';
    }

    private static bool IsCloser(ReadOnlySpan<char> text, Token t)
    {
        if (t.Kind != TokenKind.Punctuation) return false;
        var s = t.Of(text);
        return s is "\"" or "”" or "’" or "''" or "'" or ")" or "]" or "»" or "!" or "?" or ".";
    }

    private static bool IsClosingQuoteChar(char c) => c is '”' or '»';

    private static bool BlankLineBetween(ReadOnlySpan<char> text, int from, int to)
    {
        int newlines = 0;
        for (int k = from; k < to; k++)
            if (text[k] == '\n' && ++newlines >= 2) return true;
        return false;
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, List<Token> tokens, int terminal, int next)
    {
        var t = tokens[terminal];
        var mark = t.Of(text);
        var nextToken = tokens[next];
        char first = FirstLetterOrDigit(text, tokens, next);
        bool nextLower = char.IsLower(first);
        bool lineBreak = text[t.End..nextToken.Start].Contains('\n');

        if (mark is "!" or "?" || mark.StartsWith("...") || mark is "…")
            return lineBreak || !nextLower;
        if (lineBreak) return true;
        if (nextLower) return false;

        ReadOnlySpan<char> before;
        if (t.Kind == TokenKind.Word)
        {
            before = mark[..^1]; // "U.S." -> "U.S"
        }
        else
        {
            if (terminal == 0) return true;
            var p = tokens[terminal - 1];
            if (p.End != t.Start) return true; // a free-standing period
            before = p.Of(text);
            if (p.Kind == TokenKind.Word && before.Length == 1 && char.IsUpper(before[0]))
                return false; // an initial: "John F. Kennedy"
            if (p.Kind == TokenKind.Number) return true;
        }

        var abbreviations = Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (abbreviations.Contains(before)) return false;
        var finals = Lexicon.FinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        bool isInitialism = before.Contains('.');
        if (finals.Contains(before) || isInitialism)
            return nextToken.Kind == TokenKind.Word && char.IsUpper(first) && Lexicon.IsStopword(nextToken.Of(text));
        return true;
    }

    private static char FirstLetterOrDigit(ReadOnlySpan<char> text, List<Token> tokens, int from)
    {
        for (int k = from; k < tokens.Count && k < from + 3; k++)
        {
            foreach (char c in tokens[k].Of(text))
                if (char.IsLetterOrDigit(c)) return c;
        }
        return ' ';
    }
}
