using Precis.Model;
using Precis.Text;

namespace Precis.Tests.Text;

/// <summary>
/// The splitter's rules as a table: each row is a text and the sentences it must split into. The texts are
/// written for these tests in the style of wire copy; none is taken from the evaluation sets.
/// </summary>
public sealed class SentenceSplitterSpecs
{
    private static string[] Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.TextOf(text)).ToArray();

    [Theory]
    [InlineData("Officials in the U.S. and the U.N. disagreed. Talks resumed.", new[] { "Officials in the U.S. and the U.N. disagreed.", "Talks resumed." })]
    [InlineData("He flew to the U.S. Embassy on Monday.", new[] { "He flew to the U.S. Embassy on Monday." })]
    [InlineData("The ship docked at 9 a.m. Eastern time.", new[] { "The ship docked at 9 a.m. Eastern time." })]
    [InlineData("She earned a Ph.D. in physics.", new[] { "She earned a Ph.D. in physics." })]
    [InlineData("They led the U.S.-led coalition. It grew.", new[] { "They led the U.S.-led coalition.", "It grew." })]
    public void Splitter_keeps_initialisms_inside_a_sentence(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("The vote is due on Sept. 30 in Geneva.", new[] { "The vote is due on Sept. 30 in Geneva." })]
    [InlineData("Gen. Ana Ruiz and Sen. Tom Berg met Mr. Lee and Dr. Park.", new[] { "Gen. Ana Ruiz and Sen. Tom Berg met Mr. Lee and Dr. Park." })]
    [InlineData("Sen. Mia Holt (R-Ariz.) voted no.", new[] { "Sen. Mia Holt (R-Ariz.) voted no." })]
    [InlineData("He moved to St. Louis last year.", new[] { "He moved to St. Louis last year." })]
    [InlineData("DENVER, Colo. (AP) -- The school reopened.", new[] { "DENVER, Colo. (AP) -- The school reopened." })]
    public void Splitter_does_not_end_a_sentence_after_a_title_month_or_place_abbreviation(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("The plant is owned by Acme Corp. The company declined to comment.", new[] { "The plant is owned by Acme Corp.", "The company declined to comment." })]
    [InlineData("Shares of Acme Inc. rose. Analysts cheered.", new[] { "Shares of Acme Inc. rose.", "Analysts cheered." })]
    [InlineData("The talks were held in the U.S. But no deal came.", new[] { "The talks were held in the U.S.", "But no deal came." })]
    [InlineData("Martin Ruiz Jr. He was 40.", new[] { "Martin Ruiz Jr.", "He was 40." })]
    [InlineData("Martin Ruiz Jr. said he was 40.", new[] { "Martin Ruiz Jr. said he was 40." })]
    [InlineData("It came from the U.S. “We are ready,” she said.", new[] { "It came from the U.S.", "“We are ready,” she said." })]
    public void Splitter_ends_a_sentence_after_a_final_abbreviation_only_before_a_sentence_opener(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("John F. Kennedy was elected in 1960.", new[] { "John F. Kennedy was elected in 1960." })]
    [InlineData("It was written by J. R. Tolkien. He was a professor.", new[] { "It was written by J. R. Tolkien.", "He was a professor." })]
    [InlineData("The unit was called Company B. It had 90 men.", new[] { "The unit was called Company B.", "It had 90 men." })]
    public void Splitter_keeps_initials_with_the_name(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("Prices rose 1.5 percent. Wages fell.", new[] { "Prices rose 1.5 percent.", "Wages fell." })]
    [InlineData("It costs $6.50 now. It cost $3,000.75 then.", new[] { "It costs $6.50 now.", "It cost $3,000.75 then." })]
    [InlineData("The toll rose to 2,000. 300 more are missing.", new[] { "The toll rose to 2,000.", "300 more are missing." })]
    [InlineData("He left in 1998. 2000 was worse.", new[] { "He left in 1998.", "2000 was worse." })]
    public void Splitter_handles_decimals_and_sentences_that_start_with_a_digit(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("We will wait ... and see. Then we act.", new[] { "We will wait ... and see.", "Then we act." })]
    [InlineData("It was over… Nobody moved.", new[] { "It was over…", "Nobody moved." })]
    [InlineData("They waited. . . . Nothing came.", new[] { "They waited. . . .", "Nothing came." })]
    [InlineData("Where is he? Nobody knows! Police searched.", new[] { "Where is he?", "Nobody knows!", "Police searched." })]
    [InlineData("“Why?” he asked.", new[] { "“Why?” he asked." })]
    [InlineData("Apples, pears, etc. are sold here.", new[] { "Apples, pears, etc. are sold here." })]
    public void Splitter_handles_ellipses_and_question_marks(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("“We are ready.” The minister left.", new[] { "“We are ready.”", "The minister left." })]
    [InlineData("He said, \"It is over.\" Then he left.", new[] { "He said, \"It is over.\"", "Then he left." })]
    [InlineData("The price rose. (It fell later.) Traders shrugged.", new[] { "The price rose.", "(It fell later.)", "Traders shrugged." })]
    [InlineData("She called it “a farce.” He disagreed.", new[] { "She called it “a farce.”", "He disagreed." })]
    [InlineData("She called it 'a farce.' He disagreed.", new[] { "She called it 'a farce.'", "He disagreed." })]
    [InlineData("He quit. “I am done,” he said.", new[] { "He quit.", "“I am done,” he said." })]
    [InlineData("He said \"no way. '\" Then he left.", new[] { "He said \"no way. '\"", "Then he left." })]
    public void Splitter_keeps_closing_quotes_and_brackets_with_the_sentence_they_close(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("``We will stay,'' said Ms. Ruiz. ``And we will vote.''", new[] { "``We will stay,'' said Ms. Ruiz.", "``And we will vote.''" })]
    [InlineData("``Keep out _ now!'' the guards yelled.", new[] { "``Keep out _ now!'' the guards yelled." })]
    [InlineData("``I called her. She ran,'' he said.", new[] { "``I called her.", "She ran,'' he said." })]
    public void Splitter_reads_PTB_quotes_as_found_in_DUC_and_TAC(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("Rain hits city\nStreets flooded on Monday.", new[] { "Rain hits city", "Streets flooded on Monday." })]
    [InlineData("What we know:\n- Ten people died\n- Roads are closed", new[] { "What we know:", "- Ten people died", "- Roads are closed" })]
    [InlineData("1. Cheap fares\nTrains are popular.", new[] { "1. Cheap fares", "Trains are popular." })]
    [InlineData("First paragraph ends here.\n\nSecond one starts.", new[] { "First paragraph ends here.", "Second one starts." })]
    [InlineData("The mayor wanted to tell\nthe council about it.", new[] { "The mayor wanted to tell\nthe council about it." })]
    [InlineData("Image caption Police at the scene\nThe fire began at night.", new[] { "Image caption Police at the scene", "The fire began at night." })]
    public void Splitter_ends_headlines_and_list_items_at_the_line_break(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("GENEVA (AP) — Talks resumed. Both sides attended.", new[] { "GENEVA (AP) — Talks resumed.", "Both sides attended." })]
    [InlineData("LONDON (AP) _ A judge spoke. He left.", new[] { "LONDON (AP) _ A judge spoke.", "He left." })]
    [InlineData("BEIJING, Nov. 12 (Xinhua) -- Trade grew. Exports rose.", new[] { "BEIJING, Nov. 12 (Xinhua) -- Trade grew.", "Exports rose." })]
    public void Splitter_keeps_the_dateline_with_the_first_sentence(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Theory]
    [InlineData("….Prices rose. They fell back….In the end, we stayed.", new[] { "….Prices rose.", "They fell back….", "In the end, we stayed." })]
    [InlineData("The study ended. [...] The results were clear.", new[] { "The study ended.", "[...] The results were clear." })]
    [InlineData("Visit www.example.com. It is free.", new[] { "Visit www.example.com.", "It is free." })]
    [InlineData("Write to desk@example.org. We answer.", new[] { "Write to desk@example.org.", "We answer." })]
    public void Splitter_never_makes_a_sentence_of_punctuation_alone_or_splits_inside_addresses(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Fact]
    public void Splitter_returns_absolute_offsets_inside_the_requested_span()
    {
        const string text = "Header line. First sentence. Second one.";
        int start = text.IndexOf("First", StringComparison.Ordinal);
        var spans = SentenceSplitter.Split(text, new TextSpan(start, text.Length));
        spans.Should().Equal(new TextSpan(start, start + "First sentence.".Length), new TextSpan(text.IndexOf("Second", StringComparison.Ordinal), text.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Splitter_returns_no_sentence_for_white_space(string text) =>
        SentenceSplitter.Split(text).Should().BeEmpty();

    [Fact]
    public void Splitter_keeps_text_of_punctuation_alone_as_one_span_so_nothing_is_dropped() =>
        SentenceSplitter.Split(" “” ").Should().Equal(new TextSpan(1, 3));

    [Fact]
    public void Splitter_counts_sentences_like_it_splits_them()
    {
        const string text = "GENEVA (AP) — Talks resumed. “We are hopeful. Very,” he said.\nNext day\nMore talks.";
        SentenceSplitter.Count(text).Should().Be(SentenceSplitter.Split(text).Count).And.Be(5);
    }

    [Fact]
    public void Splitter_hands_out_each_sentence_with_the_tokens_it_consists_of()
    {
        const string text = "Intro. GENEVA (AP) — Talks resumed. “We hope,” he said.";
        int start = text.IndexOf("GENEVA", StringComparison.Ordinal);
        var sentences = new List<TokenizedSentence>();
        var tokens = new List<Token>();
        SentenceSplitter.Split(text.AsSpan(start), start, sentences, tokens);

        sentences.Select(s => s.Sentence.Span.TextOf(text)).Should().Equal("GENEVA (AP) — Talks resumed.", "“We hope,” he said.");
        tokens.Select(t => t.Of(text).ToString()).Should().Equal(Tokenizer.Tokenize(text.AsSpan(start)).Select(t => text.Substring(start + t.Start, t.Length)));
        foreach (var s in sentences)
        {
            var own = tokens.GetRange(s.FirstToken, s.TokenCount);
            own[0].Start.Should().Be(s.Sentence.Span.Start);
            own[^1].End.Should().Be(s.Sentence.Span.End);
        }
    }
}
