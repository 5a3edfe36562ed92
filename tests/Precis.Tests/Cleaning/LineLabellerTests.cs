using Precis.Cleaning;
using Precis.Model;

namespace Precis.Tests.Cleaning;

/// <summary>Shapes of scraped pages the cleaner must recognise whatever the outlet, written for these tests.</summary>
public sealed class LineLabellerTests
{
    private const string Story =
        "The city council voted on Tuesday to expand the bus network into the northern suburbs, ending a two-year dispute over funding.\n" +
        "Supporters said the new routes would cut commuting times by a third for thousands of workers who now rely on cars.\n" +
        "Opponents argued that the plan would raise property taxes and warned that ridership forecasts were too optimistic.\n" +
        "The mayor, who backed the proposal, said construction of the first depot would begin in the spring.\n";

    private static CleanedArticle Clean(string text, DateTimeOffset? reference = null) =>
        new ArticleCleaner(new CleaningOptions { ReferenceTime = reference }).Clean(new Article("t", text));

    private static LineLabel LabelOf(CleanedArticle cleaned, string line) =>
        cleaned.Lines.Single(l => l.Span.TextOf(cleaned.Article.Text) == line).Label;

    [Theory]
    [InlineData("Share this article")]
    [InlineData("Advertisement")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Follow us on: Facebook Twitter")]
    [InlineData("Copyright © 2024 Example Media. All rights reserved.")]
    [InlineData("Your email address will not be published. Required fields are marked *")]
    public void Boilerplate_lines_inside_a_story_are_boilerplate(string noise)
    {
        var cleaned = Clean("Council expands bus network\n" + Story.Replace("\nOpponents", "\n" + noise + "\nOpponents", StringComparison.Ordinal));
        LabelOf(cleaned, noise).Should().Be(LineLabel.Boilerplate);
        cleaned.Lines.Count(l => l.Label == LineLabel.Body).Should().Be(4);
    }

    [Fact]
    public void A_comment_thread_after_the_story_is_comments_and_its_date_is_ignored()
    {
        var cleaned = Clean("Council expands bus network\n" + Story + "3 Comments\nJaneDoe42 March 3, 2024, 9:15 am\nI think this is a waste of my money, honestly.\n");
        LabelOf(cleaned, "3 Comments").Should().Be(LineLabel.Comments);
        LabelOf(cleaned, "JaneDoe42 March 3, 2024, 9:15 am").Should().Be(LineLabel.Comments);
        LabelOf(cleaned, "I think this is a waste of my money, honestly.").Should().Be(LineLabel.Comments);
        cleaned.Metadata.Date.Should().BeNull();
    }

    [Fact]
    public void Headline_date_line_and_byline_above_the_story_are_labelled_and_read()
    {
        var cleaned = Clean("Council expands bus network\nPublished: March 2, 2024 10:05 am\nBy Jane Smith, Associated Press\n" + Story);
        LabelOf(cleaned, "Council expands bus network").Should().Be(LineLabel.Headline);
        LabelOf(cleaned, "Published: March 2, 2024 10:05 am").Should().Be(LineLabel.Dateline);
        LabelOf(cleaned, "By Jane Smith, Associated Press").Should().Be(LineLabel.Byline);
        cleaned.Metadata.Title.Should().Be("Council expands bus network");
        cleaned.Metadata.Date.Should().Be(new DateOnly(2024, 3, 2));
        cleaned.Metadata.Time.Should().Be(new TimeOnly(10, 5));
        cleaned.Metadata.Credits.Should().Equal("AP");
    }

    [Fact]
    public void Relative_date_line_needs_the_reference_time()
    {
        string text = "Council expands bus network\nUpdated 2 hours ago\n" + Story;
        Clean(text).Metadata.Date.Should().BeNull();
        var dated = Clean(text, new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero)).Metadata;
        dated.Date.Should().Be(new DateOnly(2024, 3, 2));
        dated.DateConfidence.Should().BeLessThan(1);
    }

    [Fact]
    public void Wire_dateline_opening_the_story_gives_place_and_agency_and_is_not_content()
    {
        var cleaned = Clean("Council expands bus network\nSPRINGFIELD, Ill. (AP) — " + Story);
        var first = cleaned.Lines.First(l => l.Label == LineLabel.Body);
        first.Content.TextOf(cleaned.Article.Text).Should().StartWith("The city council voted");
        cleaned.Metadata.Place.Should().Be("SPRINGFIELD, Ill.");
        cleaned.Metadata.Credits.Should().Equal("AP");
        cleaned.Metadata.Source.Should().Be("AP");
    }

    [Fact]
    public void Subheading_between_paragraphs_is_kept_out_of_the_summary()
    {
        var cleaned = Clean("Council expands bus network\n" + Story.Replace("\nOpponents", "\nA fight over taxes\nOpponents", StringComparison.Ordinal));
        LabelOf(cleaned, "A fight over taxes").Should().Be(LineLabel.Subheading);
        cleaned.Lines.Single(l => l.Label == LineLabel.Subheading).IsSummarizable.Should().BeFalse();
    }

    [Fact]
    public void Every_nonempty_input_line_is_one_trimmed_labelled_line_in_order()
    {
        string text = "  Council expands bus network  \n\n\r\n" + Story + "\n   \nAdvertisement\n";
        var cleaned = Clean(text);
        cleaned.Lines.Select(l => l.Span.TextOf(text)).Should().Equal(
            text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        foreach (var line in cleaned.Lines)
        {
            line.Span.Contains(line.Content).Should().BeTrue();
            if (line.Label != LineLabel.Body) line.Content.IsEmpty.Should().BeTrue();
            if (line.Label == LineLabel.Body) line.Content.Should().Be(line.Span, "this story has no inline noise");
        }
    }
}
