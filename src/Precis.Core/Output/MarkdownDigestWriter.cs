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
            if (e.Quotes.Count > 0)
            {
                sb.AppendLine().AppendLine("## Who said what");
                foreach (var q in e.Quotes.Take(8))
                    sb.Append("- **").Append(q.Speaker ?? "unattributed").Append("**")
                      .Append(q.Role is null ? "" : $" ({q.Role})").Append(": “").Append(q.Text).Append("” ")
                      .AppendLine(string.Concat(q.Articles.Select(a => $"[{(numbers.TryGetValue(a, out int n) ? n : 0)}]")));
            }
            if (e.Conflicts.Count > 0)
            {
                sb.AppendLine().AppendLine("## Sources disagree");
                foreach (var c in e.Conflicts)
                    sb.Append("- ").Append(c.About).Append(": ")
                      .AppendLine(string.Join("; ", c.Values.Select(v => $"{v.Text} {string.Concat(v.Articles.Select(a => $"[{(numbers.TryGetValue(a, out int n) ? n : 0)}]"))}")));
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
}
