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
