namespace Precis.Tests.Facts;

/// <summary>How quotations are found and who they are attributed to, on short articles written for the tests.</summary>
public sealed class QuoteAttributionTests
{
    public static TheoryData<string, string[], string, string?, string?> Cases => new()
    {
        { "speaker after the quotation", ["\"We are close to an agreement,\" Kerry said."], "We are close to an agreement", "Kerry", null },
        { "verb before the speaker", ["\"We are close to an agreement,\" said Secretary of State John Kerry."], "We are close to an agreement", "John Kerry", "Secretary of State" },
        { "speaker and colon before the quotation", ["Foreign Minister Sergei Lavrov said: \"There is no agreement at this time.\""], "There is no agreement at this time.", "Sergei Lavrov", "Foreign Minister" },
        { "newswire marks", ["``The talks will continue next week,'' said Ms. Jane Doe, who chairs the committee."], "The talks will continue next week", "Jane Doe", null },
        { "unnamed source keeps its role", ["\"We need to see real progress here,\" a senior US official told reporters."], "We need to see real progress here", null, "senior US official" },
        { "pronoun goes to the person named before", ["Jane Doe, the mayor, visited the site on Monday.", "\"This is a terrible tragedy for the city,\" she said."], "This is a terrible tragedy for the city", "Jane Doe", "mayor" },
        { "definite role goes to its holder", ["On Monday, Interior Ministry spokesman Ali Hassan spoke after the meeting.", "\"The border will stay closed for now,\" the spokesman said."], "The border will stay closed for now", "Ali Hassan", "Interior Ministry spokesman" },
        { "according to", ["The border will stay \"closed until further notice,\" according to police chief Omar Khaled."], "closed until further notice", "Omar Khaled", "police chief" },
        { "appositive name next to the verb", ["\"I cannot give my client a dictionary,\" a third lawyer, Bruce Miller, told the judge."], "I cannot give my client a dictionary", "Bruce Miller", null },
        { "organization named before the group", ["Amnesty International, the human rights group, criticized the decision.", "\"This sets a dangerous precedent for the region,\" the group said."], "This sets a dangerous precedent for the region", "Amnesty International", null },
        { "a government speaks as its country", ["In a statement issued in Lisbon, the Chilean government said it was \"filing a formal protest with the British government.\""], "filing a formal protest with the British government.", "Chile", null },
        { "a place after a preposition never speaks", ["Federal prosecutors in Manhattan said the accused man had \"asked him for a mission.\""], "asked him for a mission.", null, "Federal prosecutors" },
        { "they names no one", ["\"It's dangerous, stay back!\" they shouted at the crowd."], "It's dangerous, stay back!", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quotation_is_attributed(string rule, string[] paragraphs, string quote, string? speaker, string? role)
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a", paragraphs));

        var q = e.Quotes.Should().ContainSingle(x => x.Text.StartsWith(quote.TrimEnd('.', ','), StringComparison.Ordinal), rule).Subject;
        q.Speaker.Should().Be(speaker, rule);
        if (role is not null) q.Role.Should().Be(role, rule);
    }

    [Fact]
    public void Split_quotation_is_one_quote_with_both_parts()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "John Kerry arrived in Geneva on Friday.",
            "\"We are close,\" he said, \"but there is still work to do.\""));

        var q = e.Quotes.Should().ContainSingle().Subject;
        q.Speaker.Should().Be("John Kerry");
        q.Text.Should().Be("We are close … but there is still work to do.");
        q.Sources.Should().HaveCount(2);
    }

    [Fact]
    public void Paragraph_that_continues_a_quotation_keeps_its_speaker()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a",
            "``We have no choice but to act now,'' said Mary Jones, the head of the agency. ``The situation is getting worse every day.",
            "``Nobody can say we were not warned.''"));

        e.Quotes.Should().Contain(q => q.Text.StartsWith("Nobody can say", StringComparison.Ordinal)).Which.Speaker.Should().Be("Mary Jones");
    }

    [Fact]
    public void Term_in_quotation_marks_is_not_a_quote()
    {
        var e = FactsTestKit.Event(FactsTestKit.Article("a", "The so-called \"peace plan\" was criticized by the opposition on Monday."));

        e.Quotes.Should().BeEmpty();
    }

    [Fact]
    public void Copies_of_a_quotation_are_merged_with_every_article()
    {
        var first = FactsTestKit.Article("a", "\"We will not accept any delay in the talks,\" Foreign Minister Sergei Lavrov said on Friday.");
        var second = FactsTestKit.Article("b", "Russia's position was firm. \"We will not accept any delay in the talks,\" Lavrov told reporters in Geneva.");

        var e = FactsTestKit.Event(first, second);

        var q = e.Quotes.Should().ContainSingle().Subject;
        q.Speaker.Should().Be("Sergei Lavrov");
        q.Articles.Should().Equal("a", "b");
        q.Sources.Select(s => s.Article).Should().Equal("a", "b");
    }

    [Fact]
    public void Quote_sources_point_at_the_quoted_text()
    {
        var article = FactsTestKit.Article("a", "\"We are close to an agreement,\" Kerry said.");
        var e = FactsTestKit.Event(article);

        var source = e.Quotes.Single().Sources.Single();
        article.Text[source.Start..source.End].Should().Be("We are close to an agreement,");
    }
}
