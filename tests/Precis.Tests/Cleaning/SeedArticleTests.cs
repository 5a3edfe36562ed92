using Precis.Cleaning;
using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Cleaning;

/// <summary>
/// The golden end-to-end check on the five seed articles (samples/seeds): every noise line the user
/// pointed out gets a non-body label, every other line of the story stays body, titles and the two
/// explicit dates are found, and a commenter's timestamp is never taken for the publication date.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly ArticleCleaner Cleaner = new();

    /// <summary>Per seed: the title, and each non-story line with the label it must get (any other line must be body).</summary>
    public static TheoryData<string, string, (string Line, LineLabel Label)[]> Seeds => new()
    {
        {
            "000_f3e49aef8655e5aa", "Kerry, Russian counterpart to meet in Geneva for Syria talks",
            [
                ("Share", LineLabel.Boilerplate),
                ("Kerry, Russian counterpart to meet in Geneva for Syria talks", LineLabel.Headline),
                ("Advertisement", LineLabel.Boilerplate),
                ("Officials unsure of deal as US Russia seek Syria cease-fire", LineLabel.Related),
            ]
        },
        {
            "001_732f6ac769fbedc7", "US, Russia, holding crucial talks on Syria",
            [
                ("Share", LineLabel.Boilerplate),
                ("US, Russia, holding crucial talks on Syria", LineLabel.Headline),
                ("Advertisement", LineLabel.Boilerplate),
                ("U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov shake hands during a bilateral meeting focused on the Syrian crisis in Geneva Switzerland", LineLabel.Caption),
            ]
        },
        {
            "002_ace8d39c98de5f89", "Geneva: Kerry, Lavrov in Syria huddle",
            [
                ("Follow us on:", LineLabel.Boilerplate),
                ("Geneva: Kerry, Lavrov in Syria huddle", LineLabel.Headline),
                ("September 9, 2016, 1:52 pm", LineLabel.Dateline),
                ("File photo of US Secretary of State John Kerry with Russian Foreign Minister Sergei Lavrov who are meeting in Geneva in another bid to reach Syria consensus [Xinhua]", LineLabel.Caption),
                ("The BRICS Post with inputs from Agencies", LineLabel.Byline),
            ]
        },
        {
            "003_e75fba113928ad04", "U.S. Pushes Russia on 'True' Syria Deal as Rebels Advance",
            [
                ("U.S. Pushes Russia on 'True' Syria Deal as Rebels Advance", LineLabel.Headline),
                ("إقرأ هذا الخبر بالعربية W460", LineLabel.Boilerplate),
                ("Comments 1", LineLabel.Comments),
                ("Thumb Mystic 09 September 2016, 11:15", LineLabel.Comments),
                ("You mean as the Syrian Army advances.", LineLabel.Comments),
            ]
        },
        {
            "004_b513992b02ca3220", "Kerry lands in Geneva for Syria peace talks with Russia’s Lavrov",
            [
                ("Date :Friday, September 9th, 2016 | Time : 18:11 |ID: 37076 | Print", LineLabel.Dateline),
                ("Kerry lands in Geneva for Syria peace talks with Russia’s Lavrov", LineLabel.Headline),
                ("0 replies", LineLabel.Boilerplate),
                ("Leave a Reply", LineLabel.Boilerplate),
                ("Want to join the discussion?", LineLabel.Boilerplate),
                ("Feel free to contribute!", LineLabel.Boilerplate),
                ("Your email address will not be published. Required fields are marked *", LineLabel.Boilerplate),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_noise_lines_get_their_labels_and_every_story_paragraph_stays_body(string id, string title, (string Line, LineLabel Label)[] noise)
    {
        var cleaned = Clean(id);
        var expected = noise.ToDictionary(n => n.Line, n => n.Label);
        foreach (var line in cleaned.Lines)
        {
            string text = line.Span.TextOf(cleaned.Article.Text);
            var want = expected.GetValueOrDefault(text, LineLabel.Body);
            line.Label.Should().Be(want, "line \"{0}\" of {1}", text, id);
        }
        cleaned.Metadata.Title.Should().Be(title);
        cleaned.BodyWordCount.Should().BeGreaterThan(200);
    }

    [Theory]
    [InlineData("002_ace8d39c98de5f89", 2016, 9, 9, 13, 52)]
    [InlineData("004_b513992b02ca3220", 2016, 9, 9, 18, 11)]
    public void Seed_explicit_date_and_time_are_found_with_full_confidence(string id, int year, int month, int day, int hour, int minute)
    {
        var meta = Clean(id).Metadata;
        meta.Date.Should().Be(new DateOnly(year, month, day));
        meta.Time.Should().Be(new TimeOnly(hour, minute));
        meta.DateConfidence.Should().Be(1.0);
    }

    [Fact]
    public void Commenter_timestamp_is_never_the_publication_date()
    {
        var meta = Clean("003_e75fba113928ad04").Metadata;
        meta.Date.Should().BeNull("the only date on the page is in the comment thread");
    }

    [Fact]
    public void Outlet_prefix_is_cut_from_the_content_and_becomes_the_source()
    {
        var cleaned = Clean("004_b513992b02ca3220");
        var first = cleaned.Lines.First(l => l.Label == LineLabel.Body);
        first.Content.TextOf(cleaned.Article.Text).Should().StartWith("John Kerry has arrived in Geneva");
        first.Inline.Should().ContainSingle(n => n.Kind == InlineKind.Outlet);
        first.Span.Contains(first.Content).Should().BeTrue();
        cleaned.Metadata.Source.Should().Be("SHAFAQNA");
    }

    [Fact]
    public void Credit_line_names_the_outlet_and_the_agencies()
    {
        var meta = Clean("002_ace8d39c98de5f89").Metadata;
        meta.Source.Should().Be("The BRICS Post");
        meta.Credits.Should().Equal("Agencies");
    }

    [Fact]
    public void Glued_subheadings_are_cut_from_the_paragraph_they_open()
    {
        var cleaned = Clean("003_e75fba113928ad04");
        string text = cleaned.Article.Text;
        var glued = cleaned.Lines.Where(l => l.Inline.Any(n => n.Kind == InlineKind.Subheading)).ToList();
        glued.Select(l => l.Content.TextOf(text)[..10]).Should().Equal("Washington", "Ahead of t", "While dipl");
        foreach (var line in cleaned.Lines.Where(l => l.IsSummarizable))
            line.Content.TextOf(text).Should().NotStartWith("-");
    }

    [Fact]
    public void No_document_sentence_overlaps_inline_noise()
    {
        var article = new Article("003", File.ReadAllText(Path.Combine(Fixtures.Seeds, "003_e75fba113928ad04.txt")));
        var document = PrecisPipeline.Default.Prepare(Precis.Input.InputBatch.FromArticles([article]), cancellationToken: TestContext.Current.CancellationToken)
            .Documents.Should().ContainSingle().Which;
        var noise = document.Cleaned.Lines.SelectMany(l => l.Inline).ToList();
        noise.Count(n => n.Kind == InlineKind.Subheading).Should().Be(3);
        foreach (var sentence in document.Sentences)
            noise.Should().NotContain(n => n.Span.Start < sentence.Span.End && sentence.Span.Start < n.Span.End,
                "sentence \"{0}\" must not quote inline noise", document.StringOf(sentence));
    }

    [Fact]
    public void Pipeline_documents_take_the_cleaned_date_when_the_input_declares_none()
    {
        var article = new Article("004", File.ReadAllText(Path.Combine(Fixtures.Seeds, "004_b513992b02ca3220.txt")));
        var prepared = PrecisPipeline.Default.Prepare(Precis.Input.InputBatch.FromArticles([article]), cancellationToken: TestContext.Current.CancellationToken);
        prepared.Documents.Should().ContainSingle().Which.Date.Should().Be(new DateOnly(2016, 9, 9));
    }

    private static CleanedArticle Clean(string id) =>
        Cleaner.Clean(new Article(id, File.ReadAllText(Path.Combine(Fixtures.Seeds, id + ".txt"))));
}
