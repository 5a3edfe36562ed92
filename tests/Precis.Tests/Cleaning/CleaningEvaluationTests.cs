using Precis.Cleaning;
using Precis.Evaluation;
using Precis.Input;

namespace Precis.Tests.Cleaning;

/// <summary>
/// Quality gates on the shared evaluation sets (read in place). The floors are the figures measured with
/// the shipped model (docs/evaluation.md), rounded down by about 0.005: a change that lowers them fails CI
/// unless the floor is moved on purpose.
/// </summary>
public sealed class CleaningEvaluationTests
{
    [Fact]
    public void L3s_dev_F1_stays_above_its_floors()
    {
        var set = GoldSet.Read(Fixtures.EvalFile("cleaning/l3s-gn1-dev.jsonl"));
        set.Problems.Should().BeEmpty();
        set.Pages.Should().HaveCount(311);
        var report = CleaningEvaluation.Evaluate(set.Pages, new ArticleCleaner());
        report.Full.F1.Should().BeGreaterThanOrEqualTo(0.963, "measured 0.9682 on full pages");
        report.Region.F1.Should().BeGreaterThanOrEqualTo(0.980, "measured 0.9847 on article regions");
        report.RegionInPage.F1.Should().BeGreaterThanOrEqualTo(0.978, "measured 0.9832 on regions within full pages");
    }

    [Fact]
    public void Clean_newswire_keeps_its_story_lines_as_body()
    {
        var batch = new InputReader().Read([Fixtures.EvalFile("mds/duc2003.jsonl")]);
        var report = CleaningEvaluation.Retention(batch.Articles, new ArticleCleaner());
        report.Articles.Should().Be(298);
        report.BodyShare.Should().BeGreaterThanOrEqualTo(0.989, "measured 0.9948 of duc2003 words stay body");
    }

    [Fact]
    public void Scraped_boilerplate_in_multinews_never_stays_body()
    {
        string[] openings = ["Advertisement", "Image caption", "Sign up now", "Related Posts", "Media playback is unsupported"];
        var batch = new InputReader().Read([Fixtures.EvalFile("mds/multinews100.jsonl")]);
        var cleaner = new ArticleCleaner();
        var seen = new HashSet<string>();
        foreach (var article in batch.Articles)
        {
            foreach (var line in cleaner.Clean(article).Lines)
            {
                var text = line.Span.Of(article.Text);
                foreach (string opening in openings)
                {
                    if (!text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) continue;
                    seen.Add(opening);
                    line.Label.Should().NotBe(LineLabel.Body, "\"{0}\" in {1}", text.ToString(), article.Id);
                }
            }
        }
        seen.Should().BeEquivalentTo(openings, "the set has lines opening with each of them");
    }

    [Fact]
    public void Region_is_cut_from_the_page_with_its_gold_labels()
    {
        var page = new GoldPage("p", [new("Home", "boilerplate"), new("Title", "headline"), new("Story.", "body"), new("Footer", "boilerplate")], 1, 2);
        var region = page.Region();
        region.Lines.Select(l => l.Text).Should().Equal("Title", "Story.");
        region.RegionFirst.Should().Be(0);
        region.RegionLast.Should().Be(1);
    }

    [Fact]
    public void Word_score_counts_whitespace_separated_words()
    {
        GoldPage.Words("  Kerry lands   in Geneva  ").Should().Be(4);
        var score = default(WordScore).Add(kept: true, gold: true, 6).Add(kept: true, gold: false, 2).Add(kept: false, gold: true, 2);
        score.Precision.Should().Be(0.75);
        score.Recall.Should().Be(0.75);
        score.F1.Should().Be(0.75);
    }
}
