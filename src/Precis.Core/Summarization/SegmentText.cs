using System.Text;
using Precis.Model;

namespace Precis.Summarization;

/// <summary>
/// The text a summary shows for a list of kept segments: each segment with its white space collapsed,
/// joined by single spaces. Nothing else is ever added or changed, so the text can be checked against the
/// article at the segments' offsets.
/// </summary>
public static class SegmentText
{
    public static string Join(string text, IReadOnlyList<TextSpan> segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (sb.Length > 0) sb.Append(' ');
            AppendCollapsed(sb, segment.Of(text));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The words (white-space separated pieces, as <see cref="Text.WordCounter"/> counts them) and UTF-8
    /// bytes of what <see cref="Join"/> returns, without building it.
    /// </summary>
    public static (int Words, int Bytes) Measure(string text, IReadOnlyList<TextSpan> segments)
    {
        int words = 0, bytes = 0;
        bool afterSpace = true; // the start counts as white space, as in WordCounter
        foreach (var segment in segments)
        {
            if (bytes > 0) { bytes++; afterSpace = true; }
            bool space = false, any = false;
            foreach (char c in segment.Of(text))
            {
                if (char.IsWhiteSpace(c)) { space = any; continue; }
                if (space) { bytes++; afterSpace = true; }
                if (afterSpace) words++;
                // UTF-16 to UTF-8: a surrogate is half of a 4-byte character.
                bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
                space = false;
                any = true;
                afterSpace = false;
            }
        }
        return (words, bytes);
    }

    private static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> text)
    {
        bool space = false, any = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = any; continue; }
            if (space) sb.Append(' ');
            sb.Append(c);
            space = false;
            any = true;
        }
    }
}
