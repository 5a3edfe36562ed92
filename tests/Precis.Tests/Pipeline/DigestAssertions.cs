using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Pipeline;

/// <summary>Checks every digest must pass whatever the input: provenance is exact, nothing is lost.</summary>
internal static class DigestAssertions
{
    /// <summary>Every summary sentence equals the text of each of its sources' spans, white space aside.</summary>
    public static void SourcesMatchText(Digest digest, IReadOnlyDictionary<string, string> textById)
    {
        foreach (var e in digest.Events)
            foreach (var s in e.Summary)
            {
                s.Sources.Should().NotBeEmpty($"summary sentence '{s.Text}' must name its source");
                foreach (var article in s.Sources.GroupBy(x => x.Article))
                {
                    textById.Should().ContainKey(article.Key);
                    string text = textById[article.Key];
                    string joined = string.Join(" ", article.OrderBy(x => x.Start).Select(x =>
                    {
                        x.Start.Should().BeGreaterThanOrEqualTo(0);
                        x.End.Should().BeLessThanOrEqualTo(text.Length).And.BeGreaterThan(x.Start);
                        return text[x.Start..x.End];
                    }));
                    if (article.Key == s.Sources[0].Article)
                        Squash(joined).Should().Be(Squash(s.Text), $"the first source of a sentence is the sentence itself ({article.Key})");
                }
            }
    }

    public static void EveryInputReported(Digest digest, IEnumerable<string> inputIds)
    {
        var reported = digest.Articles.Select(a => a.Id).ToList();
        reported.Should().OnlyHaveUniqueItems();
        reported.Should().BeEquivalentTo(inputIds);
        foreach (var a in digest.Articles.Where(a => a.Status == ArticleStatus.Rejected))
            a.Reason.Should().NotBeNullOrWhiteSpace($"rejected {a.Id} must say why");
        var inEvents = digest.Events.SelectMany(e => e.Articles).ToList();
        inEvents.Should().OnlyHaveUniqueItems("an article belongs to one event");
        inEvents.Should().BeEquivalentTo(digest.Articles.Where(a => a.Status != ArticleStatus.Rejected).Select(a => a.Id));
    }

    public static int WordCount(EventDigest e) => e.Summary.Sum(s => Precis.Text.WordCounter.Count(s.Text));

    private static string Squash(string s) => PrecisPipeline.CollapseWhitespace(s);
}
