using Precis.Text;

namespace Precis.Tests.Text;

public sealed class LexiconSpecs
{
    [Theory]
    [InlineData("the", true)]
    [InlineData("The", true)]
    [InlineData("THEIR", true)]
    [InlineData("don't", true)]
    [InlineData("It’s", true)]
    [InlineData("Geneva", false)]
    [InlineData("talks", false)]
    [InlineData("", false)]
    public void Stopwords_are_matched_ignoring_case_and_apostrophe_style(string word, bool stopword) =>
        Lexicon.IsStopword(word).Should().Be(stopword);

    [Theory]
    [InlineData("Gen", true, false)]
    [InlineData("Sept", true, false)]
    [InlineData("Inc", false, true)]
    [InlineData("Colo", false, true)]
    [InlineData("gen", false, false)]
    public void Abbreviation_lists_are_case_sensitive_and_disjoint(string word, bool neverFinal, bool mayEnd)
    {
        Lexicon.IsAbbreviation(word).Should().Be(neverFinal);
        Lexicon.IsFinalAbbreviation(word).Should().Be(mayEnd);
    }

    [Fact]
    public void No_abbreviation_is_in_both_lists() =>
        Lexicon.Abbreviations.Intersect(Lexicon.FinalAbbreviations).Should().BeEmpty();

    [Fact]
    public void Every_word_list_has_entries_without_comments_or_padding()
    {
        foreach (var name in new[] { "stopwords-en.txt", "abbreviations.txt", "abbreviations-final.txt", "domain-suffixes.txt" })
            Lexicon.ReadLines(name).Should().NotBeEmpty().And.OnlyContain(l => l.Length > 0 && l[0] != '#' && l.Trim() == l, name);
    }
}
