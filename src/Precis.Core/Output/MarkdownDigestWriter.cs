using System.Globalization;
using System.Text;
using Precis.Model;
using Precis.Text;

namespace Precis.Output;

/// <summary>
/// Renders a digest for people: per event the headline, date, the summary with numbered source markers
/// [1][2] pointing into the event's source list, the people and places, who said what and where sources disagree; then the
/// articles that were merged or rejected, with the reason.
/// </summary>
public static class MarkdownDigestWriter
{
    /// <summary>"Who said what" is a glance, not a transcript: one quote for each of at most this many speakers.</summary>
    private const int MaxSpeakersShown = 8;

    /// <summary>
    /// A quote shorter than this many words ("what is necessary") is a fragment of someone's words; a speaker's
    /// fuller quote is shown instead when there is one.
    /// </summary>
    private const int FragmentWords = 5;

    /// <summary>"People and places" names at most this many of each kind, the most mentioned first; the JSON lists them all with aliases.</summary>
    private const int MaxEntitiesShown = 8;

    /// <summary>The kinds of entity in the order shown, with their labels.</summary>
    private static readonly (string Kind, string Label)[] EntityKinds = [(EntityReport.Person, "People"), (EntityReport.Place, "Places"), (EntityReport.Organization, "Organizations")];

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
            if (e.Entities.Count > 0)
            {
                sb.AppendLine().AppendLine("## People and places");
                foreach (var (kind, label) in EntityKinds)
                {
                    var names = e.Entities.Where(x => x.Kind == kind).Take(MaxEntitiesShown).Select(x => x.Name).ToList();
                    if (names.Count > 0) sb.Append("- ").Append(label).Append(": ").AppendLine(string.Join(", ", names));
                }
            }
            var quotes = QuotesToShow(e.Quotes);
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

    /// <summary>
    /// One quote per speaker (a named person, or for an unnamed one the role), the speakers ranked by
    /// whether their role is known, then by how many articles quote them, how many quotes they have and
    /// where they first appear; each speaker's quote the one carried by the most articles, whole sentences
    /// before fragments, the longer first. Quotes with neither speaker nor role are left to the JSON.
    /// </summary>
    internal static IReadOnlyList<QuoteReport> QuotesToShow(IReadOnlyList<QuoteReport> quotes)
    {
        var speakers = new List<(List<QuoteReport> Quotes, int First)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            string? key = q.Speaker is not null ? "s:" + q.Speaker : q.Role is not null ? "r:" + q.Role : null;
            if (key is null) continue;
            if (!byKey.TryGetValue(key, out int at))
            {
                byKey[key] = at = speakers.Count;
                speakers.Add(([], i));
            }
            speakers[at].Quotes.Add(q);
        }
        static int Articles(List<QuoteReport> qs) => qs.SelectMany(q => q.Articles).Distinct(StringComparer.Ordinal).Count();
        return speakers
            .OrderByDescending(s => s.Quotes.Any(q => !string.IsNullOrEmpty(q.Role)))
            .ThenByDescending(s => Articles(s.Quotes))
            .ThenByDescending(s => s.Quotes.Count)
            .ThenBy(s => s.First)
            .Take(MaxSpeakersShown)
            .Select(s => s.Quotes
                .OrderByDescending(q => q.Articles.Count)
                .ThenByDescending(q => WordCounter.Count(q.Text) >= FragmentWords)
                .ThenByDescending(q => q.Text.Length)
                .First())
            .ToList();
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
