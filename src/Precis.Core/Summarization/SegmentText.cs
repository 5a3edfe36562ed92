using System.Text;
using Precis.Model;

namespace Precis.Summarization;

/// <summary>
/// The text a summary shows for a list of kept segments: each segment with its white space collapsed,
/// joined by a single space, except that a segment starting with attaching punctuation (<c>. , ; : ! ?</c>)
/// follows the previous one directly, so that deleting ", officials said" before a final period reads
/// "... villages." rather than "... villages .". Nothing else is ever added or changed.
/// </summary>
public static class SegmentText
{
    public static string Join(string text, IReadOnlyList<TextSpan> segments)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < segments.Count; i++)
        {
            var piece = segments[i].Of(text);
            if (i > 0 && piece.Length > 0 && !Attaches(piece[0])) sb.Append(' ');
            AppendCollapsed(sb, piece);
        }
        return sb.ToString();
    }

    /// <summary>Punctuation that closes the words before it and so needs no space in front.</summary>
    public static bool Attaches(char c) => c is '.' or ',' or ';' or ':' or '!' or '?';

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
