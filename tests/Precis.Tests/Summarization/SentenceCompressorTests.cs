using Precis.Model;
using Precis.Summarization;

namespace Precis.Tests.Summarization;

/// <summary>
/// Deletion-only compression, rule by rule. Each case gives a sentence and the text the summary shows
/// after compression (the kept segments joined by single spaces).
/// </summary>
public sealed class SentenceCompressorTests
{
    private static (string Text, CompressedSentence Result) Compress(string sentence)
    {
        var result = SentenceCompressor.Default.Compress(sentence, new TextSpan(0, sentence.Length));
        return (SegmentText.Join(sentence, result.Segments), result);
    }

    [Theory]
    [InlineData("PARIS (AP) _ The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    [InlineData("AUSTIN, Texas (AP) _ The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    [InlineData("(CNN) The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    [InlineData("OSLO _ The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    [InlineData("OSLO, May 3 -- The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    [InlineData("SAN JOSE, Costa Rica, May 3 (AP) — The mayor opened the new bridge.", "The mayor opened the new bridge.")]
    [InlineData("ACME NEWS –\u00A0\u00A0The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Monday.")]
    public void Dateline_is_deleted(string sentence, string expected)
    {
        var (text, result) = Compress(sentence);
        text.Should().Be(expected);
        result.Edits.Should().HaveFlag(CompressionEdits.Dateline);
    }

    [Theory]
    [InlineData("Paris - the capital of France - is where the mayor opened a bridge.")]
    [InlineData("NATO - the alliance - met on Monday to discuss the plan.")]
    [InlineData("Smith - the mayor - opened the new bridge on Monday.")]
    public void Text_that_only_resembles_a_dateline_is_kept(string sentence)
    {
        Compress(sentence).Text.Should().Be(sentence);
    }

    [Theory]
    [InlineData("But Smith said the bridge would open on Monday.", "Smith said the bridge would open on Monday.")]
    [InlineData("However, The Times reported that the bridge was open.", "The Times reported that the bridge was open.")]
    [InlineData("In addition, 40 buses will cross the bridge every day.", "40 buses will cross the bridge every day.")]
    [InlineData("PARIS (AP) _ Meanwhile, Smith opened the bridge.", "Smith opened the bridge.")]
    public void Leading_connective_before_a_capitalized_word_is_deleted(string sentence, string expected)
    {
        var (text, result) = Compress(sentence);
        text.Should().Be(expected);
        result.Edits.Should().HaveFlag(CompressionEdits.Connective);
    }

    [Theory]
    [InlineData("But the mayor said the bridge would open on Monday.")]
    [InlineData("However, the bridge stayed closed for a week.")]
    [InlineData("Still more people crossed the bridge than expected.")]
    public void Leading_connective_stays_when_deleting_it_would_leave_a_lower_case_start(string sentence)
    {
        Compress(sentence).Text.Should().Be(sentence);
    }

    [Theory]
    [InlineData("A 10-foot (3-meter) wall of water hit the coast on Friday.", "A 10-foot wall of water hit the coast on Friday.")]
    [InlineData("The group met in Geneva (Switzerland) and agreed on a plan.", "The group met in Geneva and agreed on a plan.")]
    public void Short_parenthetical_aside_is_deleted(string sentence, string expected)
    {
        var (text, result) = Compress(sentence);
        text.Should().Be(expected);
        result.Edits.Should().HaveFlag(CompressionEdits.Parenthetical);
    }

    [Theory]
    [InlineData("The group met in the capital (Oslo), and agreed on a plan.")]
    [InlineData("The group met (as it had promised in its letter to the members last year) and agreed on a plan.")]
    [InlineData("The plan (\"a good one\") was agreed in May by the group.")]
    public void Parenthetical_stays_when_deleting_it_would_leave_stray_punctuation_or_lose_a_clause(string sentence)
    {
        Compress(sentence).Text.Should().Be(sentence);
    }

    [Theory]
    [InlineData("The bridge will open on Monday, officials said.", "The bridge will open on Monday")]
    [InlineData("The bridge will open on Monday, a city spokeswoman said on Friday.", "The bridge will open on Monday")]
    [InlineData("The bridge will open on Monday, the mayor told reporters.", "The bridge will open on Monday")]
    [InlineData("The bridge will open on Monday, according to the city council.", "The bridge will open on Monday")]
    [InlineData("The bridge will open on Monday, said the mayor.", "The bridge will open on Monday")]
    [InlineData("The bridge will open on Monday, said Jane Doe.", "The bridge will open on Monday")]
    public void Attribution_tail_is_deleted_with_the_final_period(string sentence, string expected)
    {
        var (text, result) = Compress(sentence);
        text.Should().Be(expected);
        result.Edits.Should().HaveFlag(CompressionEdits.AttributionTail);
    }

    [Theory]
    [InlineData("\"The bridge will open on Monday,\" the mayor said.")]
    [InlineData("The bridge will open on Monday, which the mayor said was late.")]
    [InlineData("The bridge opened, officials said.")]
    [InlineData("The bridge will open on Monday, and the mayor will cut the ribbon.")]
    [InlineData("Jane Doe, the engineer who designed the bridge, told of the delays in a letter.")]
    public void Attribution_tail_stays_in_quotes_clauses_and_short_sentences(string sentence)
    {
        Compress(sentence).Text.Should().Be(sentence);
    }

    [Theory]
    [InlineData("The Labor Party on Saturday backed the request to question him.", "The Labor Party backed the request to question him.")]
    [InlineData("A car bomb blew up Friday in a crowded market.", "A car bomb blew up in a crowded market.")]
    [InlineData("Prosecutors said Wednesday that the men had met in May.", "Prosecutors said that the men had met in May.")]
    [InlineData("The rebels attacked on Sunday night near the border town.", "The rebels attacked near the border town.")]
    public void Weekday_between_words_is_deleted(string sentence, string expected)
    {
        var (text, result) = Compress(sentence);
        text.Should().Be(expected);
        result.Edits.Should().Be(CompressionEdits.DayReference);
    }

    [Theory]
    [InlineData("The talks must end by Friday under the accord they signed.")]
    [InlineData("The talks ran Thursday and Friday without any agreement.")]
    [InlineData("The talks will resume on Monday, weeks after they broke down.")]
    [InlineData("Friday's bombing at the market killed two assailants and wounded 21.")]
    [InlineData("On Friday the talks resumed without any agreement in sight.")]
    [InlineData("The talks ended last Friday without any agreement in sight.")]
    [InlineData("Clinton Friday signed the bill that Congress passed last month.")]
    public void Weekday_stays_where_a_word_needs_it_or_it_opens_or_ends_a_clause(string sentence)
    {
        Compress(sentence).Text.Should().Be(sentence);
    }

    [Fact]
    public void Leading_according_to_is_deleted_before_a_capitalized_word()
    {
        var (text, result) = Compress("According to the city council, Smith will open the bridge on Monday.");
        text.Should().Be("Smith will open the bridge on Monday.");
        result.Edits.Should().Be(CompressionEdits.LeadingAttribution);
    }

    [Fact]
    public void Several_rules_combine_and_every_segment_is_the_sentence_own_text_in_order()
    {
        const string prefix = "Some earlier text.\n";
        const string sentence = "PARIS (AP) _ But Smith opened the 10-foot (3-meter) bridge on Monday, officials said.";
        string article = prefix + sentence;
        var span = new TextSpan(prefix.Length, article.Length);

        var result = SentenceCompressor.Default.Compress(article, span);

        SegmentText.Join(article, result.Segments).Should().Be("Smith opened the 10-foot bridge on Monday");
        result.Edits.Should().Be(CompressionEdits.Dateline | CompressionEdits.Connective | CompressionEdits.Parenthetical | CompressionEdits.AttributionTail);
        result.Segments.Should().OnlyContain(s => span.Contains(s) && !s.IsEmpty);
        for (int k = 1; k < result.Segments.Count; k++)
            result.Segments[k].Start.Should().BeGreaterThan(result.Segments[k - 1].End);
    }

    [Fact]
    public void A_plain_sentence_is_one_segment_without_surrounding_white_space()
    {
        const string article = "  The mayor opened the new bridge on Monday.  ";
        var result = SentenceCompressor.Default.Compress(article, new TextSpan(0, article.Length));

        result.Edits.Should().Be(CompressionEdits.None);
        result.Segments.Should().Equal(new TextSpan(2, article.Length - 2));
    }

    [Fact]
    public void A_compressor_applies_only_the_rules_it_was_given()
    {
        const string sentence = "PARIS (AP) _ But Smith opened the bridge on Monday, officials said.";
        var datelineOnly = new SentenceCompressor(CompressionEdits.Dateline);

        var result = datelineOnly.Compress(sentence, new TextSpan(0, sentence.Length));

        SegmentText.Join(sentence, result.Segments).Should().Be("But Smith opened the bridge on Monday, officials said.");
    }
}
