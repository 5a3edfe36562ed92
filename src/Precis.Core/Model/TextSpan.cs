namespace Precis.Model;

/// <summary>
/// A half-open character range [Start, End) into an article's decoded text. Everything downstream of
/// decoding (lines, sentences, tokens, summary sources) points into the article with these instead of
/// copying text, so every piece of output can be traced back to the characters it came from.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
    public string TextOf(string text) => text.Substring(Start, End - Start);

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>Shrinks the span so it neither starts nor ends with white space.</summary>
    public TextSpan Trim(string text)
    {
        int s = Start, e = End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return new TextSpan(s, e);
    }

    public override string ToString() => $"[{Start},{End})";
}
