namespace Precis.Text;

/// <summary>
/// A news-text tokenizer over spans. It keeps together what a reader sees as one unit:
/// <list type="bullet">
/// <item>numbers with thousands separators, decimals, times and dates, currency signs and glued units
/// ("3,000", "1.5", "10:30", "9/11", "$6", "48-hour", "1990s", "'90s");</item>
/// <item>words joined by hyphens or apostrophes, straight or curly ("anti-Semitism", "it's", "Ann’s",
/// "O'Brien"), and "AT&amp;T";</item>
/// <item>initialisms with their final period ("U.S.", "a.m.", "Ph.D.", "U.S.-led");</item>
/// <item>URLs, bare domains with a known suffix ("Amazon.com"), e-mail addresses, "@handles" and "#tags";</item>
/// <item>runs of dashes ("--") and ellipses ("...", ". . .") and PTB quotes (`` and '') as one punctuation token.</item>
/// </list>
/// Every other character is a punctuation or symbol token of its own (curly quotes, "—", "_", "%"). Words in other
/// scripts are kept and flagged with their <see cref="TokenScript"/>; a Han ideograph is one token, since
/// Chinese and Japanese text has no spaces. A possessive's trailing apostrophe ("students'") is a token of its
/// own, because it cannot be told from a closing single quote.
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, one at a time, without allocating.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; offsets are relative to the span.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        foreach (var token in Enumerate(text)) tokens.Add(token);
    }

    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var list = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, list);
        return list;
    }

    /// <summary>Number of tokens of every kind, without allocating.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var _ in Enumerate(text)) n++;
        return n;
    }

    /// <summary>Number of word and number tokens (not punctuation, symbols, URLs or e-mails), without allocating.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var token in Enumerate(text))
            if (token.IsWordLike) n++;
        return n;
    }

    /// <summary>The writing system of a letter; <see cref="TokenScript.None"/> for anything that is not a letter.</summary>
    public static TokenScript ScriptOf(char c) => TokenEnumerator.ScriptOf(c);
}
