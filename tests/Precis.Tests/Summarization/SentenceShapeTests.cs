using Precis.Summarization;

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
