using System.Globalization;
using System.Runtime.CompilerServices;

namespace Precis.Text;

/// <summary>
/// Character classes shared by the tokenizer and the sentence splitter. ASCII is answered inline (news text
/// is mostly ASCII); everything else falls back to the Unicode category tables.
/// </summary>
internal static class TextChars
{
    /// <summary>White space, control and format characters (zero-width space, BOM, soft hyphen): never part of a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c <= ' ' || (c >= '\u007F' && IsSpaceSlow(c));

    private static bool IsSpaceSlow(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Letters, digits and combining marks (Devanagari vowel signs, Arabic diacritics).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < '\u0080' ? char.IsAsciiLetterOrDigit(c) : IsWordCharSlow(c);

    private static bool IsWordCharSlow(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < '\u0080' ? char.IsAsciiLetter(c) : char.IsLetter(c);

    /// <summary>Han ideographs: written without spaces, so each one is a token of its own.</summary>
    public static bool IsCjkIdeograph(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Apostrophes that join the parts of a word: "it's", "Ann’s", "O'Brien".</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Hyphens that join the parts of a word: "48-hour", "anti-Semitism".</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsCurrency(char c) => c is '$' or '€' or '£' or '¥' or '₹';

    /// <summary>Characters that may stand right before an opening quote: "(“", "—“", "/\"".</summary>
    public static bool IsOpeningContext(char c) => c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or '\u2018' or '\u201C' or '`';
}
