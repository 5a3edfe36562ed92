using Precis.Facts;

namespace Precis.Tests.Facts;

/// <summary>When sources disagree, and when different numbers are not a disagreement.</summary>
public sealed class ConflictTests
{
    [Fact]
    public void Different_tolls_from_two_articles_are_a_conflict_with_both_values()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "The Syrian war has claimed the lives of over 250,000 people, officials said."),
            FactsTestKit.Article("b", "The war in Syria has killed more than 290,000 people, monitors said."));

        var conflict = e.Conflicts.Should().ContainSingle().Subject;
        conflict.About.Should().Be("people killed");
        conflict.Values.Select(v => (v.Value, v.Text, v.Articles.Single())).Should().Equal(
            (250_000, "over 250,000 people", "a"),
            (290_000, "more than 290,000 people", "b"));
    }

    [Fact]
    public void Rounded_figures_that_agree_are_not_a_conflict()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "An official report in Chile says 3,197 political opponents died under the regime of Pinochet, and 3,197 people were killed."),
            FactsTestKit.Article("b", "In Chile, more than 3,000 people were killed under Pinochet, rights groups say."));

        e.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Counts_of_different_things_are_not_a_conflict()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "Turkish shelling in Syria killed six Kurdish fighters on Thursday."),
            FactsTestKit.Article("b", "The war in Syria has killed more than 290,000 people."));

        e.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Values_too_far_apart_are_different_scopes()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "The bomb in Tanzania killed 11 people near the embassy."),
            FactsTestKit.Article("b", "The missile strikes in Tanzania killed 26 people, officials said."));

        e.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Claims_about_unrelated_places_are_not_compared()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "The crash of the Swissair jet off Nova Scotia killed 229 people."),
            FactsTestKit.Article("b", "The explosion of the TWA jet off Long Island killed 230 people."));

        e.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void An_article_that_states_both_values_disagrees_with_no_one()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "Police in Jerusalem first said 21 people were injured.", "Later, police in Jerusalem said 24 people were injured."),
            FactsTestKit.Article("b", "In Jerusalem, the bomb injured 24 people, police said."));

        e.Conflicts.Should().BeEmpty();
    }

    [Theory]
    [InlineData(250_000, Approximation.Lower, 250_000, 275_000)]
    [InlineData(3_000, Approximation.Upper, 2_700, 3_000)]
    [InlineData(5_000, Approximation.About, 4_500, 5_500)]
    [InlineData(224, Approximation.Exact, 224, 224)]
    public void Approximation_becomes_a_range(double value, Approximation approximation, double low, double high)
    {
        var (lo, hi) = ConflictDetector.Range(value, approximation);

        lo.Should().BeApproximately(low, 1e-6);
        hi.Should().BeApproximately(high, 1e-6);
    }
}
