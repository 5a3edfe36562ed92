using Precis.Evaluation.Rouge;

namespace Precis.Tests.Rouge;

/// <summary>ROUGE-1.5.5's reading, counting and rounding rules (SPEC §1-4, 6), one rule per test.</summary>
public sealed class RougeScorerTests
{
    private static readonly RougeScorer Plain = new(new RougeOptions());
    private static readonly RougeScorer Stemmed = new(new RougeOptions { Stem = true });

    private static RougeScores Score(RougeScorer scorer, string[] summary, params string[][] references) => scorer.Score(summary, references);

    [Theory]
    [InlineData("Kerry\u2019s plan", "kerry s plan")] // curly apostrophe: three UTF-8 bytes, all separators
    [InlineData("\u201cKerry's plan\u201d", "kerry s plan")]
    [InlineData("r\u00e9sum\u00e9 sent", "r sum sent")] // é splits a word in two
    [InlineData("state-of-the-art", "state of the art")]
    [InlineData("U.S.-led FORCES", "u s led forces")]
    [InlineData("$6 billion", "6 billion")]
    [InlineData("A\tB", "a b")]
    public void Words_are_runs_of_ASCII_letters_and_digits_lower_cased(string summary, string reference)
    {
        var scores = Score(Plain, [summary], [reference]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
        scores.Rouge2.Recall.Should().Be(1);
    }

    [Fact]
    public void A_non_ASCII_letter_is_not_a_letter()
    {
        var scores = Score(Plain, ["café"], ["cafe"]);

        scores.Rouge1.Recall.Should().Be(0);
    }

    [Fact]
    public void Stopwords_are_dropped_only_with_s()
    {
        string[] summary = ["the cat sat"];
        string[] reference = ["a cat sat"];

        Score(Plain, summary, reference).Rouge1.Recall.Should().Be(0.66667);
        Score(new RougeScorer(new RougeOptions { RemoveStopwords = true }), summary, reference).Rouge1.Should().Be(new RougeScore(1, 1, 1));
    }

    [Fact]
    public void SMART_stopword_list_has_every_line_of_the_script_file() =>
        RougeData.SmartStopwords.Should().HaveCount(596).And.Contain("reuters").And.Contain("ain't"); // 598 lines: "may" and "would" twice

    [Theory]
    [InlineData("children", "child")] // WordNet irregular form
    [InlineData("went", "go")]
    [InlineData("dogs", "dog")] // Porter
    [InlineData("agreement", "agreem")] // Porter with the 2004 step-4 change
    public void Stemming_maps_words_longer_than_three_bytes_to_their_lemma_or_stem(string word, string same)
    {
        Score(Stemmed, [word], [same]).Rouge1.Recall.Should().Be(1);
        Score(Plain, [word], [same]).Rouge1.Recall.Should().Be(0);
    }

    [Fact]
    public void Words_of_three_bytes_or_fewer_are_not_stemmed() =>
        Score(Stemmed, ["ads"], ["ad"]).Rouge1.Recall.Should().Be(0);

    [Fact]
    public void Word_limit_counts_white_space_pieces_before_cleaning()
    {
        // "U.S.-led" is one piece but three words: -l 2 keeps "U.S.-led forces" (and the reference) whole.
        var scorer = new RougeScorer(new RougeOptions { WordLimit = 2 });

        var scores = Score(scorer, ["U.S.-led forces attacked"], ["u.s.-led forces"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
    }

    [Fact]
    public void Word_limit_takes_whole_sentences_then_the_first_pieces_of_the_one_that_reaches_it()
    {
        var scorer = new RougeScorer(new RougeOptions { WordLimit = 4 });

        var scores = Score(scorer, ["alpha beta gamma", "delta epsilon zeta"], ["alpha beta gamma delta"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
    }

    [Fact]
    public void Word_limit_cuts_references_too()
    {
        var scorer = new RougeScorer(new RougeOptions { WordLimit = 2 });

        var scores = Score(scorer, ["alpha beta"], ["alpha beta gamma delta"]);

        scores.Rouge1.Recall.Should().Be(1);
    }

    [Fact]
    public void Byte_limit_cuts_the_sentence_that_reaches_it_at_the_remaining_bytes()
    {
        // "alpha" (5 bytes) is kept whole; 5 + 10 ≥ 8, so 3 bytes of "beta gamma" remain: "bet".
        var scorer = new RougeScorer(new RougeOptions { ByteLimit = 8 });

        var scores = Score(scorer, ["alpha", "beta gamma"], ["alpha", "bet"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
    }

    [Fact]
    public void Byte_limit_counts_UTF8_bytes_and_may_cut_inside_a_character()
    {
        // "é" is two bytes: the 7-byte limit ends with the first byte of the second "é", leaving "r sum".
        var scorer = new RougeScorer(new RougeOptions { ByteLimit = 7 });

        var scores = Score(scorer, ["r\u00e9sum\u00e9 sent"], ["r sum"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
    }

    [Fact]
    public void Byte_limit_for_ROUGE_L_holds_each_sentence_against_the_whole_limit()
    {
        // Counts: "delta alpha beta" (16 bytes) + the first 4 bytes of the second sentence ("gamm").
        // ROUGE-L sentences: both whole, because the script never adds 16 to its running total; the
        // second one marks "delta" in the reference, which the cumulative reading would not.
        var scorer = new RougeScorer(new RougeOptions { ByteLimit = 20 });

        var scores = Score(scorer, ["delta alpha beta", "gamma delta epsilon"], ["beta delta"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 0.5, 0.66667));
        scores.RougeL.Should().Be(new RougeScore(1, 0.5, 0.66667));
    }

    [Fact]
    public void Word_limit_for_ROUGE_L_counts_words_across_sentences()
    {
        // Same summary under -l 4: the second sentence is cut to "gamma" for ROUGE-L too.
        var scorer = new RougeScorer(new RougeOptions { WordLimit = 4 });

        var scores = Score(scorer, ["delta alpha beta", "gamma delta epsilon"], ["beta delta"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 0.5, 0.66667));
        scores.RougeL.Should().Be(new RougeScore(0.5, 0.25, 0.33333));
    }

    [Fact]
    public void ROUGE_L_is_the_union_of_the_LCS_of_each_reference_sentence_with_every_summary_sentence()
    {
        // Reference "a b c d e": LCS with "a b x" marks a, b; with "d y e" marks d, e. Union: 4 of 5.
        var scores = Score(Plain, ["aa bb xx", "dd yy ee"], ["aa bb cc dd ee"]);

        scores.RougeL.Should().Be(new RougeScore(0.8, 0.66667, 0.72727));
    }

    [Fact]
    public void ROUGE_L_counts_each_summary_word_once_across_reference_sentences()
    {
        // Both reference sentences mark "aa", but the summary has one "aa" to give.
        var scores = Score(Plain, ["aa"], ["aa", "aa"]);

        scores.RougeL.Should().Be(new RougeScore(0.5, 1, 0.66667));
    }

    [Fact]
    public void SU4_pairs_words_with_up_to_four_words_between_them()
    {
        // Summary grams: "alpha", "alpha omega" (the last word's unigram never counts).
        var four = Score(Plain, ["alpha omega"], ["alpha one two three four omega"]);
        var five = Score(Plain, ["alpha omega"], ["alpha one two three four five omega"]);

        four.RougeSU4.Should().Be(new RougeScore(0.1, 1, 0.18182)); // 20 reference grams: 5 unigrams + 15 pairs
        five.RougeSU4.Precision.Should().Be(0.5);
    }

    [Fact]
    public void A_one_word_summary_has_no_SU4_grams()
    {
        var scores = Score(Plain, ["alpha"], ["alpha"]);

        scores.Rouge1.Should().Be(new RougeScore(1, 1, 1));
        scores.RougeSU4.Should().Be(new RougeScore(0, 0, 0));
    }

    [Fact]
    public void References_are_pooled_by_summing_counts_and_the_summary_counts_once_per_reference()
    {
        // Hits 1 + 2 of 1 + 3 reference words; the 2 summary words count twice.
        var scores = Score(Plain, ["alpha beta"], ["alpha"], ["alpha beta gamma"]);

        scores.Rouge1.Should().Be(new RougeScore(0.75, 0.75, 0.75));
    }

    [Fact]
    public void An_empty_summary_scores_zero()
    {
        var scores = Score(Stemmed, [], ["alpha beta"]);

        foreach (var measure in RougeScores.Measures) scores[measure].Should().Be(new RougeScore(0, 0, 0));
    }

    [Fact]
    public void Lines_inside_a_sentence_are_separate_sentences_and_blank_lines_are_skipped()
    {
        var joined = Score(Plain, ["aa bb xx\n\n  dd yy ee  "], ["aa bb cc dd ee"]);
        var split = Score(Plain, ["aa bb xx", "dd yy ee"], ["aa bb cc dd ee"]);

        joined.Should().Be(split);
    }

    [Theory]
    [InlineData(1 / 64.0, 0.01562)] // exactly halfway: to even, as C's printf does
    [InlineData(3 / 64.0, 0.04688)]
    [InlineData(0.123455, 0.12345)] // the double is just below halfway; scaling by 10^5 first would round up
    [InlineData(0.123465, 0.12347)]
    [InlineData(2 / 3.0, 0.66667)]
    [InlineData(0.0, 0.0)]
    public void Scores_are_rounded_like_sprintf_on_the_exact_binary_value(double value, double printed) =>
        RougeRounding.Round5(value).Should().Be(printed);

    [Fact]
    public void F_is_computed_from_the_rounded_recall_and_precision()
    {
        // R = 1, P = 1/6: from the exact values F = 2/7 = 0.28571; from the printed 0.16667 it is 0.28572.
        var score = RougeScore.FromCounts(hits: 1, referenceGrams: 1, peerGrams: 6, alpha: 0.5);

        score.Should().Be(new RougeScore(1, 0.16667, 0.28572));
    }

    [Fact]
    public void A_set_averages_the_rounded_scores_of_its_summaries()
    {
        var third = Score(Plain, ["alpha"], ["alpha beta gamma"]); // R1 = 0.33333, P = 1, F = 0.5
        var half = Score(Plain, ["alpha"], ["alpha beta"]); // R1 = 0.5, P = 1, F = 0.66667

        var average = RougeScores.Average([third, half]);

        average.Rouge1.Should().Be(new RougeScore(0.41667, 1, 0.58333)); // (0.5 + 0.66667) / 2 is a hair below 0.583335 in binary
    }
}
