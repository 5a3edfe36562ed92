using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Facts;

/// <summary>
/// The golden end-to-end case: the five seed articles through the real pipeline. The seed names appear here
/// only; the engine knows none of them.
/// </summary>
public sealed class SeedFactsTests
{
    private static readonly Lazy<EventDigest> Seeds = new(() =>
        PrecisPipeline.Default.DigestPaths([Fixtures.Seeds]).Events.Should().ContainSingle().Subject);

    private static EventDigest Event => Seeds.Value;

    [Fact]
    public void Death_toll_disagreement_is_reported_with_its_three_values_and_sources()
    {
        var toll = Event.Conflicts.Should().ContainSingle(c => c.About == "people killed").Subject;

        toll.Values.Select(v => (v.Value, v.Articles.Single())).Should().Equal(
            (250_000, "002_ace8d39c98de5f89"),
            (290_000, "003_e75fba113928ad04"),
            (400_000, "004_b513992b02ca3220"));
        toll.Values.Select(v => v.Text).Should().Equal("over 250,000 people", "more than 290,000 people", "over 400,000 people");
    }

    [Fact]
    public void Casualties_of_one_strike_are_not_taken_for_a_disagreement_on_the_war()
    {
        Event.Conflicts.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Without a delineation between normal, healthy opposition forces", "Sergei Lavrov")]
    [InlineData("We are close", "John Kerry")]
    [InlineData("We do not want to make an announcement", "John Kerry")]
    [InlineData("We are all hoping for positive conclusions", "Staffan de Mistura")]
    [InlineData("a major difference on the renewal of the cessation", "Staffan de Mistura")]
    [InlineData("We’re not at a point where we can confirm", "Mark Toner")]
    [InlineData("not worth his while to go have a meeting", "Mark Toner")]
    [InlineData("will focus on reducing violence", "John Kirby")]
    [InlineData("quite a long way to go", "Ash Carter")]
    [InlineData("Unfortunately so far, Russia, with its support for the Assad regime", "Ash Carter")]
    public void Quotation_is_attributed_to_its_speaker(string quote, string speaker)
    {
        Event.Quotes.Should().ContainSingle(q => q.Text.StartsWith(quote, StringComparison.Ordinal))
            .Which.Speaker.Should().Be(speaker);
    }

    [Fact]
    public void Speakers_carry_their_roles()
    {
        Event.Quotes.First(q => q.Speaker == "Sergei Lavrov").Role.Should().Be("Russian Foreign Minister");
        Event.Quotes.First(q => q.Speaker == "Mark Toner").Role.Should().Be("State Department spokesman");
    }

    [Fact]
    public void Unnamed_official_stays_unnamed()
    {
        Event.Quotes.Should().ContainSingle(q => q.Text.StartsWith("We need to see a situation", StringComparison.Ordinal))
            .Which.Should().Match<QuoteReport>(q => q.Speaker == null && q.Role == "senior US official");
    }

    [Fact]
    public void Russia_Russian_Federation_and_Moscow_are_one_actor()
    {
        Event.Entities.Should().ContainSingle(e => e.Name == "Russia")
            .Which.Aliases.Should().Contain(["Russian Federation", "Moscow", "Russian"]);
        Event.Entities.Should().NotContain(e => e.Name == "Russian Federation" || e.Name == "Moscow");
    }

    [Fact]
    public void Sergei_and_Sergey_Lavrov_are_one_person()
    {
        var lavrov = Event.Entities.Should().ContainSingle(e => e.Name == "Sergei Lavrov").Subject;
        lavrov.Kind.Should().Be("person");
        lavrov.Aliases.Should().Contain(["Sergey Lavrov", "Lavrov"]);
        Event.Entities.Should().NotContain(e => e.Name == "Sergey Lavrov");
    }

    [Fact]
    public void US_abbreviations_are_one_country()
    {
        Event.Entities.Should().ContainSingle(e => e.Name == "United States")
            .Which.Aliases.Should().Contain(["US", "U.S.", "USA"]);
    }

    [Fact]
    public void Markdown_shows_who_said_what_and_where_sources_disagree()
    {
        var digest = PrecisPipeline.Default.DigestPaths([Fixtures.Seeds], cancellationToken: TestContext.Current.CancellationToken);
        var markdown = Precis.Output.MarkdownDigestWriter.ToMarkdown(digest);

        markdown.Should().Contain("## Who said what").And.Contain("- **Sergei Lavrov** (Russian Foreign Minister): “Without a delineation");
        markdown.Should().Contain("## Sources disagree").And.Contain("- people killed: over 250,000 people [3]; more than 290,000 people [4]; over 400,000 people [5]");
    }

    [Fact]
    public void Markdown_names_the_people_and_places_most_mentioned_first()
    {
        var digest = PrecisPipeline.Default.DigestPaths([Fixtures.Seeds], cancellationToken: TestContext.Current.CancellationToken);
        var lines = Precis.Output.MarkdownDigestWriter.ToMarkdown(digest).Split('\n')
            .SkipWhile(l => l != "## People and places").Skip(1).TakeWhile(l => l.StartsWith("- ")).ToList();

        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("- People: John Kerry, Sergei Lavrov");
        lines[1].Should().StartWith("- Places: Syria, Russia, United States, Geneva");
        lines[2].Should().StartWith("- Organizations: ").And.Contain("United Nations");
        lines.Should().OnlyContain(l => l.Split(", ").Length <= 8);
    }

    [Fact]
    public void Markdown_quotes_each_named_official_once()
    {
        var digest = PrecisPipeline.Default.DigestPaths([Fixtures.Seeds], cancellationToken: TestContext.Current.CancellationToken);
        var lines = Precis.Output.MarkdownDigestWriter.ToMarkdown(digest).Split('\n')
            .SkipWhile(l => l != "## Who said what").Skip(1).TakeWhile(l => l.StartsWith("- **")).ToList();
        string[] speakers = ["Staffan de Mistura", "John Kerry", "Sergei Lavrov", "Mark Toner", "John Kirby", "Ash Carter"];

        lines.Should().HaveCountLessThanOrEqualTo(8);
        foreach (var speaker in speakers)
            lines.Should().ContainSingle(l => l.StartsWith($"- **{speaker}** ("), "{0} is quoted with a role in the seeds", speaker);
    }
}
