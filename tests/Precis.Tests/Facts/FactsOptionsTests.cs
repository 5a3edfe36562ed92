using Precis.Pipeline;

namespace Precis.Tests.Facts;

public sealed class FactsOptionsTests
{
    [Fact]
    public void Disabled_facts_leave_entities_quotes_and_conflicts_empty()
    {
        var pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { Facts = o.Facts with { Enabled = false } }).Build();

        var e = FactsTestKit.Event(pipeline,
            FactsTestKit.Article("a", "\"We are close to an agreement,\" Kerry said in Geneva.", "The war in Syria has killed more than 290,000 people."),
            FactsTestKit.Article("b", "The Syrian war has claimed the lives of over 250,000 people."));

        e.Entities.Should().BeEmpty();
        e.Quotes.Should().BeEmpty();
        e.Conflicts.Should().BeEmpty();
    }
}
