using Precis.Model;

namespace Precis.Summarization;

/// <summary>
/// Finds, in a copy of a sentence, the segments that hold the same kept words as the original's
/// segments. Copies found by deduplication have the same words but may differ in white space,
/// punctuation or case, so segments are aligned by their runs of letters and digits.
/// </summary>
internal static class CopySegments
{
    /// <summary>The segments of the copy at <paramref name="targetSentence"/>, or null when its words differ from the original's.</summary>
    public static IReadOnlyList<TextSpan>? Map(string sourceText, TextSpan sourceSentence, IReadOnlyList<TextSpan> segments, string targetText, TextSpan targetSentence)
    {
        var src = sourceSentence.Of(sourceText);
        var dst = targetSentence.Of(targetText);
        int shift = targetSentence.Start - sourceSentence.Start;
        if (src.SequenceEqual(dst))
            return segments.Select(g => new TextSpan(g.Start + shift, g.End + shift)).ToList();

        var srcRuns = Runs(src);
        var dstRuns = Runs(dst);
        if (srcRuns.Count != dstRuns.Count) return null;
        for (int i = 0; i < srcRuns.Count; i++)
            if (!src[srcRuns[i].Start..srcRuns[i].End].Equals(dst[dstRuns[i].Start..dstRuns[i].End], StringComparison.OrdinalIgnoreCase)) return null;

        var mapped = new List<TextSpan>(segments.Count);
        foreach (var g in segments)
        {
            int s = g.Start - sourceSentence.Start, e = g.End - sourceSentence.Start;
            int a = 0;
            while (a < srcRuns.Count && srcRuns[a].Start < s) a++;
            int b = srcRuns.Count - 1;
            while (b >= 0 && srcRuns[b].End > e) b--;
            int start, end;
            if (a <= b)
            {
                start = dstRuns[a].Start;
                var prefix = src[s..srcRuns[a].Start];
                if (start - prefix.Length >= 0 && dst[(start - prefix.Length)..start].SequenceEqual(prefix)) start -= prefix.Length;
                end = dstRuns[b].End;
                var suffix = src[srcRuns[b].End..e];
                if (end + suffix.Length <= dst.Length && dst[end..(end + suffix.Length)].SequenceEqual(suffix)) end += suffix.Length;
            }
            else
            {
                // Punctuation alone (the period left after a deleted tail): the same characters after the same word.
                int at = a > 0 ? dstRuns[a - 1].End : 0;
                while (at < dst.Length && char.IsWhiteSpace(dst[at])) at++;
                var piece = src[s..e];
                if (at + piece.Length > dst.Length || !dst[at..(at + piece.Length)].SequenceEqual(piece)) continue;
                start = at;
                end = at + piece.Length;
            }
            mapped.Add(new TextSpan(start + targetSentence.Start, end + targetSentence.Start));
        }
        return mapped;
    }

    private static List<(int Start, int End)> Runs(ReadOnlySpan<char> text)
    {
        var runs = new List<(int, int)>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            runs.Add((start, i));
        }
        return runs;
    }
}
