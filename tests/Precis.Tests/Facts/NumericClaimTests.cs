using Precis.Facts;

namespace Precis.Tests.Facts;

/// <summary>Which numbers are claims, what they count and how exact they are.</summary>
public sealed class NumericClaimTests
{
    public static TheoryData<string, string, double, Approximation, string> Claims => new()
    {
        { "The Syrian war has killed more than 290,000 people since 2011.", "more than 290,000 people", 290_000, Approximation.Lower, "killed||people" },
        { "The UN envoy estimates that over 400,000 people have been killed in Syria.", "over 400,000 people", 400_000, Approximation.Lower, "killed||people" },
        { "Turkish shelling killed six Kurdish fighters near the border.", "six Kurdish fighters", 6, Approximation.Exact, "killed||fighter" },
        { "Officials said nearly 3,000 people died in the floods in Honduras.", "nearly 3,000 people", 3_000, Approximation.Upper, "killed||people" },
        { "The bombings in Kenya injured an estimated 5,000 people.", "an estimated 5,000 people", 5_000, Approximation.About, "injured||people" },
        { "The fighting in Sudan has displaced 1.5 million people.", "1.5 million people", 1_500_000, Approximation.Exact, "displaced||people" },
        { "The envoy wants a 48-hour pause in the fighting in Aleppo.", "48-hour pause", 48, Approximation.Exact, "|hour|pause" },
        { "About 70 percent of the plane has been recovered off Nova Scotia.", "About 70 percent of the plane", 70, Approximation.About, "|percent|plane" },
        { "The Shard tower in London has 87 storeys.", "87 storeys", 87, Approximation.Exact, "|storey|storey" },
        // A nationality counts people: "wounded 21 Israelis" and "wounded 24 people" measure the same thing.
        { "The suicide bombing at the market wounded 21 Israelis on Friday.", "21 Israelis", 21, Approximation.Exact, "injured||people" },
        { "Police said the blast wounded 24 people at the market.", "24 people", 24, Approximation.Exact, "injured||people" },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Number_with_what_it_counts_is_a_claim(string sentence, string text, double value, Approximation approximation, string key)
    {
        var claim = FactsTestKit.Claims(sentence).Should().ContainSingle().Subject;

        claim.Span.TextOf(claim.Paragraph.Text).Should().Be(text);
        claim.Value.Should().Be(value);
        claim.Approximation.Should().Be(approximation);
        claim.Key.Should().Be(key);
    }

    [Theory]
    [InlineData("The talks began on Sept. 11 in Geneva and ended on September 14.")]
    [InlineData("The attack happened in 1998 and was planned in 1996.")]
    [InlineData("The blast went off at 9:45 a.m. near the market.")]
    [InlineData("The plane was bought five years ago by the airline.")]
    [InlineData("It was the 5th round of talks between the two countries.")]
    [InlineData("Six is a number that says nothing about the war.")]
    public void Dates_times_ordinals_and_bare_numbers_are_not_claims(string sentence)
    {
        FactsTestKit.Claims(sentence).Should().BeEmpty();
    }

    [Fact]
    public void Age_belongs_to_the_person_named_before_it()
    {
        var claim = FactsTestKit.Claims("\"I saw his eyes,\" said Rahel Zaken, a 23-year-old secretary.").Should().ContainSingle().Subject;

        claim.Value.Should().Be(23);
        claim.About.Should().Be("age of Rahel Zaken");
    }

    [Fact]
    public void Age_between_commas_after_a_name_is_a_claim()
    {
        var claim = FactsTestKit.Claims("Police said Jason Sylvain, 41, was arrested in Mountain View.").Should().ContainSingle().Subject;

        claim.Value.Should().Be(41);
        claim.About.Should().Be("age of Jason Sylvain");
    }
}
