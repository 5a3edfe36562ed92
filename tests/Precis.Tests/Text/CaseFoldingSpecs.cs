using Precis.Text;

namespace Precis.Tests.Text;

public sealed class CaseFoldingSpecs
{
    [Theory]
    [InlineData("Ann’s", "ann's")]
    [InlineData("ÉLYSÉE", "élysée")]
    [InlineData("Well‑Known", "well-known")]
    [InlineData("МОСКВА", "москва")]
    [InlineData("already folded", "already folded")]
    public void Fold_lowers_case_and_unifies_apostrophes_and_hyphens(string word, string folded)
    {
        CaseFolding.Fold(word).Should().Be(folded);
        CaseFolding.ToFoldedString(word).Should().Be(folded);
        Span<char> buffer = stackalloc char[word.Length];
        CaseFolding.Fold(word, buffer).Should().Be(word.Length);
        buffer.ToString().Should().Be(folded);
    }

    [Fact]
    public void Fold_returns_the_same_string_when_nothing_changes()
    {
        const string word = "geneva";
        CaseFolding.Fold(word).Should().BeSameAs(word);
        CaseFolding.IsFolded(word).Should().BeTrue();
        CaseFolding.IsFolded("Geneva").Should().BeFalse();
    }

    [Theory]
    [InlineData("It’s", "it's", true)]
    [InlineData("GENEVA", "Geneva", true)]
    [InlineData("Geneva", "Genoa", false)]
    [InlineData("Geneva", "Genev", false)]
    public void EqualsFolded_compares_as_folded(string a, string b, bool equal) =>
        CaseFolding.EqualsFolded(a, b).Should().Be(equal);

    [Fact]
    public void Fold_refuses_a_destination_shorter_than_the_source()
    {
        var act = () => CaseFolding.Fold("Geneva", new char[3]);
        act.Should().Throw<ArgumentException>();
    }
}
