namespace Precis.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>The writing system of a token's letters; lets cleaning spot lines in another script.</summary>
public enum TokenScript : byte
{
    None,
    Latin,
    Greek,
    Cyrillic,
    Arabic,
    Hebrew,
    Devanagari,
    Cjk,
    Other,
}

/// <summary>A token as an offset and length into the text it was read from; it holds no string.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenScript Script)
{
    public int End => Start + Length;
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
    public bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number;
}
