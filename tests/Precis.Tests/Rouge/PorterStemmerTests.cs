using Precis.Text;

namespace Precis.Tests.Rouge;

public sealed class PorterStemmerTests
{
    /// <summary>Examples from Porter's 1980 paper and his published vocabulary/output files.</summary>
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("connections", "connect")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("adjustable", "adjust")]
    [InlineData("effective", "effect")]
    [InlineData("electrical", "electr")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("abilities", "abil")]
    [InlineData("abandoned", "abandon")]
    [InlineData("absolutely", "absolut")]
    [InlineData("accompanying", "accompani")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("apology", "apolog")]
    [InlineData("sensibility", "sensibl")]
    public void Stemmer_follows_the_reference_algorithm(string word, string stem) =>
        PorterStemmer.Stem(word).Should().Be(stem);

    /// <summary>
    /// ROUGE-1.5.5's 2004 change to step 4: "ement" is tried first, then "ment" and "ent" separately, so a
    /// word whose "ement" stem is too short still loses "ent" (the textbook stemmer keeps "agreement").
    /// </summary>
    [Theory]
    [InlineData("agreement", "agreem")]
    [InlineData("settlement", "settlem")]
    [InlineData("movement", "movem")]
    public void Step_4_tries_ment_and_ent_after_a_failed_ement(string word, string stem) =>
        PorterStemmer.Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("yelling", "yell")]
    [InlineData("yearly", "yearli")]
    [InlineData("youth", "youth")]
    public void Initial_y_is_a_consonant_and_stays_lower_case(string word, string stem) =>
        PorterStemmer.Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("as")]
    public void Words_shorter_than_three_letters_are_unchanged(string word) =>
        PorterStemmer.Stem(word).Should().BeSameAs(word);

    [Fact]
    public void Span_overload_stems_in_place_and_returns_the_length()
    {
        Span<char> buffer = "generalizations".ToCharArray();

        int length = PorterStemmer.Stem(buffer, buffer);

        buffer[..length].ToString().Should().Be("gener");
    }
}
