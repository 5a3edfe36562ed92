using Precis.Model;
using Precis.Output;

namespace Precis.Tests.Output;

public sealed class MarkdownQuoteSelectionTests
{
    private static QuoteReport Q(string? speaker, string? role, string text, params string[] articles) => new(speaker, role, text, articles);

    [Fact]
    public void Each_speaker_is_shown_once_with_the_quote_most_articles_carry()
    {
        var shown = MarkdownDigestWriter.QuotesToShow([
            Q("Ann Lee", "minister", "We will talk again next week about the plan", "a"),
            Q("Ann Lee", "minister", "There is no agreement at this time", "a", "b"),
        ]);

        shown.Should().ContainSingle().Which.Text.Should().Be("There is no agreement at this time");
    }

    [Fact]
    public void A_whole_sentence_is_preferred_to_a_fragment_of_the_same_speaker()
    {
        var shown = MarkdownDigestWriter.QuotesToShow([
            Q("Ann Lee", "minister", "quite a long way", "a"),
            Q("Ann Lee", "minister", "We have our differences with them elsewhere", "a"),
        ]);

        shown.Should().ContainSingle().Which.Text.Should().StartWith("We have our differences");
    }

    [Fact]
    public void Speakers_with_a_role_and_more_articles_come_first_and_anonymous_quotes_are_left_out()
    {
        var shown = MarkdownDigestWriter.QuotesToShow([
            Q(null, null, "Nobody knows who said this one", "a"),
            Q("Cook", null, "There is no agreement at this time", "a", "b", "c"),
            Q("Ann Lee", "minister", "We are close to a deal on the text", "a"),
            Q("Bo Chen", "spokesman", "The talks will resume on Monday morning", "a", "b"),
            Q(null, "senior official", "We need to see a clear line drawn here", "c"),
        ]);

        shown.Select(q => q.Speaker ?? q.Role).Should().Equal("Bo Chen", "Ann Lee", "senior official", "Cook");
    }

    [Fact]
    public void At_most_eight_speakers_are_shown()
    {
        var quotes = Enumerable.Range(0, 12).Select(i => Q($"Person {i}", "envoy", $"Statement number {i} was made in full today", "a")).ToList();

        MarkdownDigestWriter.QuotesToShow(quotes).Select(q => q.Speaker).Should().Equal(Enumerable.Range(0, 8).Select(i => $"Person {i}"));
    }
}
