using Precis.Cleaning;
using Precis.Model;
using Precis.Segmentation;
using Precis.Summarization;
using Precis.Text;

namespace Precis.Tests.Summarization;

/// <summary>How a sentence reads as a summary sentence decides whether the engine may pick it.</summary>
public sealed class SentenceShapeTests
{
    [Theory]
    [InlineData("The mayor opened the new bridge on Monday.", SentenceShape.Statement)]
    [InlineData("U.S. officials opened the new bridge on Monday.", SentenceShape.Statement)]
    [InlineData("He opened the new bridge on Monday.", SentenceShape.UnresolvedOpener)]
    [InlineData("This was the first bridge in the town.", SentenceShape.UnresolvedOpener)]
    [InlineData("They crossed it within the hour.", SentenceShape.UnresolvedOpener)]
    [InlineData("But the bridge stayed closed for a week.", SentenceShape.UnresolvedOpener)]
    [InlineData("\"It is a great day for the town,\" the mayor said.", SentenceShape.Quotation)]
    [InlineData("“It is a great day,” the mayor said.", SentenceShape.Quotation)]
    [InlineData("``It is a great day,'' the mayor said.", SentenceShape.Quotation)]
    [InlineData("\"It is a great day for the town.\"", SentenceShape.QuoteOnly)]
    [InlineData("``It is a great day.''", SentenceShape.QuoteOnly)]
    [InlineData("Will the bridge open on Monday?", SentenceShape.Question)]
    [InlineData("\"Will the bridge open on Monday?\"", SentenceShape.Question)]
    [InlineData("the mayor opened the new bridge on Monday.", SentenceShape.Fragment)]
    [InlineData("The mayor opened the new bridge on Monday", SentenceShape.Fragment)]
    [InlineData("WATCH NOW Mayor opens the bridge in town.", SentenceShape.Fragment)]
    [InlineData("Read more at http://example.com/bridge today.", SentenceShape.Fragment)]
    [InlineData("Follow @mayor for news about the bridge.", SentenceShape.Fragment)]
    [InlineData("- The mayor opened the new bridge on Monday.", SentenceShape.Fragment)]
    public void Shape_of_a_whole_sentence(string sentence, SentenceShape expected)
    {
        SummaryCandidates.ShapeOf(sentence, sentence).Should().Be(expected);
    }

    [Fact]
    public void A_sentence_whose_final_clause_was_deleted_still_ends_like_its_source()
    {
        const string source = "The bridge will open on Monday, officials said.";
        SummaryCandidates.ShapeOf("The bridge will open on Monday", source).Should().Be(SentenceShape.Statement);
    }

    [Fact]
    public void Shape_of_a_compressed_sentence_is_read_from_its_new_start()
    {
        const string source = "OSLO _ He opened the bridge on Monday.";
        SummaryCandidates.ShapeOf("He opened the bridge on Monday.", source).Should().Be(SentenceShape.UnresolvedOpener);
    }
}

/// <summary>A sentence inside a quotation that runs over several sentences (the splitter's quotation flags).</summary>
public sealed class QuotationShapeTests
{
    [Theory]
    [InlineData(SentenceShape.Statement, QuotationContext.None, SentenceShape.Statement)]
    [InlineData(SentenceShape.Statement, QuotationContext.LeavesQuotationOpen, SentenceShape.OpensQuotation)]
    [InlineData(SentenceShape.Quotation, QuotationContext.LeavesQuotationOpen, SentenceShape.QuotationPart)]
    [InlineData(SentenceShape.Statement, QuotationContext.ContinuesQuotation, SentenceShape.QuotationPart)]
    [InlineData(SentenceShape.UnresolvedOpener, QuotationContext.ContinuesQuotation | QuotationContext.LeavesQuotationOpen, SentenceShape.QuotationPart)]
    [InlineData(SentenceShape.UnresolvedOpener, QuotationContext.LeavesQuotationOpen, SentenceShape.UnresolvedOpener)]
    [InlineData(SentenceShape.Question, QuotationContext.ContinuesQuotation, SentenceShape.Question)]
    public void Shape_of_a_sentence_in_a_quotation(SentenceShape shape, QuotationContext quotation, SentenceShape expected)
    {
        SummaryCandidates.InQuotation(shape, quotation).Should().Be(expected);
    }

    [Fact]
    public void Segmenter_keeps_the_quotation_flags_of_the_splitter()
    {
        const string text = "The town council voted on Monday to open the new bridge across the river to traffic this week.\n\n"
            + "The mayor said: “The bridge opens today. It took four years to build it.” Traffic was light on the first morning.\n\n"
            + "The old ferry will stop running at the end of the month, the council said in a statement on Monday.";
        var document = Segmenter.Segment(0, new ArticleCleaner().Clean(new Article("a", text)));

        QuotationContext Of(string start) => document.Sentences.Single(s => document.StringOf(s).StartsWith(start, StringComparison.Ordinal)).Quotation;
        Of("The mayor said").Should().Be(QuotationContext.LeavesQuotationOpen);
        Of("It took four years").Should().Be(QuotationContext.ContinuesQuotation);
        Of("Traffic was light").Should().Be(QuotationContext.None);
    }
}
