using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Pipeline;

/// <summary>
/// The golden end-to-end test on the user's five seed articles. It asserts structure, not wording: one
/// event, a real headline, a summary within budget that quotes no scraper noise, exact provenance.
/// </summary>
public sealed class SeedDigestTests
{
    private static readonly Lazy<Digest> SeedDigest = new(() => PrecisPipeline.Default.DigestPaths([Fixtures.Seeds]));

    private static Dictionary<string, string> SeedTexts() =>
        Directory.GetFiles(Fixtures.Seeds, "*.txt").ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => File.ReadAllText(f));

    [Fact]
    public void Seeds_form_one_event_with_all_five_articles_kept_or_merged()
    {
        var digest = SeedDigest.Value;
        digest.Events.Should().ContainSingle();
        digest.Articles.Should().HaveCount(5);
        digest.Articles.Should().OnlyContain(a => a.Status != ArticleStatus.Rejected);
        DigestAssertions.EveryInputReported(digest, SeedTexts().Keys);
    }

    [Fact]
    public void Seed_summary_fits_100_words_and_has_several_sentences()
    {
        var e = SeedDigest.Value.Events.Single();
        DigestAssertions.WordCount(e).Should().BeLessThanOrEqualTo(100).And.BeGreaterThan(40);
        e.Summary.Count.Should().BeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("Share")]
    [InlineData("Advertisement")]
    [InlineData("Follow us on")]
    [InlineData("Leave a Reply")]
    [InlineData("email address")]
    [InlineData("File photo")]
    [InlineData("Thumb Mystic")]
    [InlineData("You mean as")]
    [InlineData("Comments")]
    [InlineData("إقرأ")]
    [InlineData("Time : 18:11")]
    [InlineData("with inputs from Agencies")]
    public void Seed_summary_quotes_no_scraper_noise(string noise)
    {
        var e = SeedDigest.Value.Events.Single();
        foreach (var s in e.Summary)
            s.Text.Should().NotContain(noise);
        (e.Headline ?? "").Should().NotContain(noise);
    }

    [Fact]
    public void Seed_summary_sources_match_the_article_text_exactly()
    {
        DigestAssertions.SourcesMatchText(SeedDigest.Value, SeedTexts());
    }

    [Fact]
    public void Seed_headline_is_one_of_the_articles_real_headlines()
    {
        // The headlines as the outlets printed them (the first story line of each file).
        string[] headlines =
        [
            "Kerry, Russian counterpart to meet in Geneva for Syria talks",
            "US, Russia, holding crucial talks on Syria",
            "Geneva: Kerry, Lavrov in Syria huddle",
            "U.S. Pushes Russia on 'True' Syria Deal as Rebels Advance",
            "Kerry lands in Geneva for Syria peace talks with Russia’s Lavrov",
        ];
        SeedDigest.Value.Events.Single().Headline.Should().BeOneOf(headlines);
    }

    [Fact]
    public void Seed_digest_renders_as_markdown_with_source_markers()
    {
        string md = Precis.Output.MarkdownDigestWriter.ToMarkdown(SeedDigest.Value);
        md.Should().StartWith("# ");
        md.Should().MatchRegex(@"\[\d\]");
        md.Should().Contain("## Sources");
    }
}
