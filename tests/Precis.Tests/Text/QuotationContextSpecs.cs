using Precis.Text;

namespace Precis.Tests.Text;

/// <summary>
/// A quotation of several sentences is split into its sentences, and each sentence says whether it can be
/// lifted alone: the first one opens a quote it does not close, later ones continue it.
/// </summary>
public sealed class QuotationContextSpecs
{
    private const QuotationContext None = QuotationContext.None;
    private const QuotationContext Opens = QuotationContext.LeavesQuotationOpen;
    private const QuotationContext Continues = QuotationContext.ContinuesQuotation;
    private const QuotationContext Inside = QuotationContext.ContinuesQuotation | QuotationContext.LeavesQuotationOpen;

    private static (string Text, QuotationContext Context)[] Split(string text)
    {
        var sentences = new List<SentenceSpan>();
        SentenceSplitter.Split(text, 0, sentences);
        return sentences.Select(s => (s.Span.TextOf(text), s.Quotation)).ToArray();
    }

    [Fact]
    public void Splitter_flags_the_opening_fragment_of_a_two_sentence_quotation()
    {
        Split("“We hope for a good result. The talks are hard,” the envoy said. He left.").Should().Equal(
            ("“We hope for a good result.", Opens),
            ("The talks are hard,” the envoy said.", Continues),
            ("He left.", None));
    }

    [Fact]
    public void Splitter_flags_every_sentence_of_a_long_quotation()
    {
        Split("He said: “One. Two. Three.” Then silence.").Should().Equal(
            ("He said: “One.", Opens),
            ("Two.", Inside),
            ("Three.”", Continues),
            ("Then silence.", None));
    }

    [Theory]
    [InlineData("“We are ready,” she said.")]
    [InlineData("She called it “a farce.”")]
    [InlineData("``It is over,'' he said.")]
    [InlineData("He said \"It is over\" and left.")]
    [InlineData("”Yes,” he said, with the quote marks typed the wrong way round.")]
    [InlineData("Ann’s aides said it’s the students' choice.")]
    public void Splitter_marks_a_sentence_with_its_quotations_closed_as_self_contained(string text)
    {
        var sentences = new List<SentenceSpan>();
        SentenceSplitter.Split(text, 0, sentences);
        sentences.Should().ContainSingle().Which.IsSelfContained.Should().BeTrue();
    }

    [Fact]
    public void Splitter_flags_a_paragraph_that_leaves_its_quotation_open_for_the_next_one()
    {
        // News style: a quotation that runs on into the next paragraph has no closing mark; the next paragraph reopens it.
        Split("“We will rebuild.\n“It will take years,” he said.").Should().Equal(
            ("“We will rebuild.", Opens),
            ("“It will take years,” he said.", None));
    }

    [Fact]
    public void Splitter_flags_a_sentence_that_closes_a_quotation_opened_before_its_paragraph()
    {
        Split("It will take years,” he said. Then he left.").Should().Equal(
            ("It will take years,” he said.", Continues),
            ("Then he left.", None));
    }

    [Fact]
    public void Splitter_reports_the_same_spans_with_and_without_quotation_context()
    {
        const string text = "“One. Two,” he said.\n``Three. Four.'' Five.";
        var withContext = new List<SentenceSpan>();
        SentenceSplitter.Split(text, 7, withContext);
        var spans = new List<Precis.Model.TextSpan>();
        SentenceSplitter.Split(text, 7, spans);
        withContext.Select(s => s.Span).Should().Equal(spans);
    }
}
