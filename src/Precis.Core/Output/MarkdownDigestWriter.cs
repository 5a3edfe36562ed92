using System.Globalization;
using System.Text;
using Precis.Model;

namespace Precis.Output;

/// <summary>
/// Renders a digest for people: per event the headline, date, the summary with numbered source markers
/// [1][2] pointing into the event's source list, who said what and where sources disagree; then the
/// articles that were merged or rejected, with the reason.
/// </summary>
public static class MarkdownDigestWriter
{
    /// <summary>"Who said what" is a glance, not a transcript: the named quotes first, at most this many.</summary>
    private const int MaxQuotesShown = 8;

    /// <summary>Quotes longer than this many characters are cut at a word boundary with "…"; the JSON has them whole.</summary>
    private const int MaxQuoteChars = 240;

    public static string ToMarkdown(Digest digest)
    {
        var sb = new StringBuilder();
        var reports = digest.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var e in digest.Events)
        {
            sb.Append("# ").AppendLine(e.Headline ?? "(untitled event)");
            if (e.Date is { } d) sb.AppendLine(d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
            sb.AppendLine();
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in e.Articles) numbers[id] = numbers.Count + 1;
            foreach (var s in e.Summary)
            {
                sb.Append(s.Text);
                foreach (var article in s.Sources.Select(x => x.Article).Distinct())
                    sb.Append(" [").Append(numbers.TryGetValue(article, out int n) ? n : 0).Append(']');
                sb.AppendLine();
            }
            var quotes = e.Quotes.Where(q => q.Speaker is not null || q.Role is not null).Take(MaxQuotesShown).ToList();
            if (quotes.Count > 0)
            {
                sb.AppendLine().AppendLine("## Who said what");
                foreach (var q in quotes)
                {
                    sb.Append("- **").Append(q.Speaker ?? "Unnamed " + q.Role).Append("**");
                    if (q.Speaker is not null && !string.IsNullOrEmpty(q.Role)) sb.Append(" (").Append(q.Role).Append(')');
                    sb.Append(": “").Append(Shorten(q.Text)).Append("” ").AppendLine(Markers(q.Articles, numbers));
                }
            }
            if (e.Conflicts.Count > 0)
            {
                sb.AppendLine().AppendLine("## Sources disagree");
                foreach (var c in e.Conflicts)
                    sb.Append("- ").Append(c.About).Append(": ")
                      .AppendLine(string.Join("; ", c.Values.Select(v => $"{v.Text} {Markers(v.Articles, numbers)}")));
            }
            sb.AppendLine().AppendLine("## Sources");
            foreach (var id in e.Articles)
            {
                reports.TryGetValue(id, out var r);
                sb.Append(numbers[id]).Append(". ").Append(id);
                if (r?.Title is { } t) sb.Append(" — ").Append(t);
                if (r?.Source is { } src) sb.Append(" (").Append(src).Append(')');
                if (r?.Status == ArticleStatus.Duplicate) sb.Append(" — duplicate of ").Append(r.DuplicateOf);
                sb.AppendLine();
            }
            sb.AppendLine();
        }
        var rejected = digest.Articles.Where(a => a.Status == ArticleStatus.Rejected).ToList();
        if (rejected.Count > 0)
        {
            sb.AppendLine("# Rejected inputs");
            foreach (var r in rejected) sb.Append("- ").Append(r.Id).Append(": ").AppendLine(r.Reason);
        }
        return sb.ToString();
    }

    private static string Markers(IEnumerable<string> articles, IReadOnlyDictionary<string, int> numbers) =>
        string.Concat(articles.Select(a => $"[{(numbers.TryGetValue(a, out int n) ? n : 0)}]"));

    private static string Shorten(string text)
    {
        if (text.Length <= MaxQuoteChars) return text;
        int cut = text.LastIndexOf(' ', MaxQuoteChars);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : MaxQuoteChars), "…");
    }
}
