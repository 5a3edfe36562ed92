using Precis.Facts;

namespace Precis.Tests.Facts;

/// <summary>Mentions merged into entities: spelling variants, surnames, country metonymy, acronyms.</summary>
public sealed class EntityTests
{
    [Theory]
    [InlineData("sergei", "sergey", true)]
    [InlineData("matt", "matthew", true)]
    [InlineData("jr", "jb", true)]
    [InlineData("", "john", true)]
    [InlineData("john", "jane", false)]
    [InlineData("edward", "edwin", false)]
    public void Given_names_are_compatible_when_variants(string a, string b, bool compatible)
    {
        EntityResolver.GivenNamesCompatible(a, b).Should().Be(compatible);
    }

    [Fact]
    public void Country_name_official_name_demonym_and_capital_are_one_entity()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "Russia said on Monday that the talks would go on.",
            "The Russian Federation has backed the government for years, and Moscow will not change course.",
            "Russian officials met their counterparts in Geneva."));

        var russia = e.Entities.Should().ContainSingle(x => x.Name == "Russia").Subject;
        russia.Kind.Should().Be("place");
        russia.Aliases.Should().Contain(["Russian Federation", "Moscow", "Russian"]);
        russia.Mentions.Should().Be(4);
    }

    [Fact]
    public void Abbreviations_of_a_country_are_one_entity()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "The United States and its allies met in Geneva.",
            "US officials said the USA would not send troops, and a U.S. envoy agreed."));

        var us = e.Entities.Should().ContainSingle(x => x.Name == "United States").Subject;
        us.Aliases.Should().Contain(["US", "USA", "U.S."]);
    }

    [Fact]
    public void Spelling_variants_and_surname_of_a_person_are_one_entity()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "Foreign Minister Sergei Lavrov arrived in Geneva on Thursday.", "Lavrov met the envoy for an hour."),
            FactsTestKit.Article("b", "Foreign Minister Sergey Lavrov said the talks were difficult."));

        var lavrov = e.Entities.Should().ContainSingle(x => x.Name.EndsWith("Lavrov", StringComparison.Ordinal)).Subject;
        lavrov.Kind.Should().Be("person");
        lavrov.Name.Should().Be("Sergei Lavrov");
        lavrov.Aliases.Should().Contain(["Sergey Lavrov", "Lavrov"]);
        lavrov.Articles.Should().Equal("a", "b");
    }

    [Fact]
    public void A_person_written_alike_everywhere_has_no_aliases_and_a_possessive_is_no_other_spelling()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "Secretary of State John Kerry arrived in Geneva on Thursday.", "John Kerry’s aides met the envoy for an hour."),
            FactsTestKit.Article("b", "Secretary of State John Kerry said the talks were difficult."));

        var kerry = e.Entities.Should().ContainSingle(x => x.Name == "John Kerry").Subject;
        kerry.Aliases.Should().BeEmpty();
        kerry.Mentions.Should().Be(3);
    }

    [Fact]
    public void The_fullest_name_written_most_often_is_the_name_and_the_other_spellings_are_aliases()
    {
        var e = FactsTestKit.Event(
            FactsTestKit.Article("a", "Foreign Minister Sergey Lavrov arrived in Geneva on Thursday.", "Lavrov met the envoy for an hour."),
            FactsTestKit.Article("b", "Foreign Minister Sergei Lavrov said the talks were difficult.", "Sergey Lavrov left on Friday."));

        var lavrov = e.Entities.Should().ContainSingle(x => x.Name.EndsWith("Lavrov", StringComparison.Ordinal)).Subject;
        lavrov.Name.Should().Be("Sergey Lavrov", "it is written twice, \"Sergei Lavrov\" once");
        lavrov.Aliases.Should().Equal("Lavrov", "Sergei Lavrov");
    }

    [Fact]
    public void An_event_extracted_after_another_has_only_its_own_mentions()
    {
        var lavrov = FactsTestKit.Article("a", "Foreign Minister Sergei Lavrov arrived in Geneva on Thursday.", "Lavrov met the envoy for an hour.");
        var first = FactsTestKit.Event(lavrov).Entities.Select(x => (x.Name, x.Mentions)).ToList();
        FactsTestKit.Event(FactsTestKit.Article("b", "Secretary of State John Kerry said he and Kerry's aides met Lavrov in Geneva."));
        var again = FactsTestKit.Event(lavrov).Entities.Select(x => (x.Name, x.Mentions)).ToList();

        again.Should().Equal(first, "the mentions of the event in between are not carried over (the mention list is reused per thread)");
        again.Should().Contain(("Sergei Lavrov", 2)).And.NotContain(x => x.Name.Contains("Kerry"));
    }

    [Fact]
    public void Acronym_joins_the_name_it_abbreviates()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "The United Nations has called for a ceasefire in the north.",
            "The UN envoy will travel to the region next week, the UN said."));

        e.Entities.Should().ContainSingle(x => x.Name == "United Nations").Which.Aliases.Should().Contain("UN");
    }

    [Fact]
    public void Different_people_with_one_surname_stay_apart()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "President John Adams met Senator Mary Adams in Boston on Friday.",
            "John Adams later spoke to reporters, and Mary Adams left the city."));

        e.Entities.Where(x => x.Kind == "person").Select(x => x.Name).Should().Contain(["John Adams", "Mary Adams"]);
    }
}
