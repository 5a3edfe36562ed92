using FluentAssertions;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;
using Xunit;

namespace Precis.Tests.Input;

public class InputBatchTests
{
    private const string Story =
        "Rescue teams reached the flooded villages on Tuesday after two days of heavy rain. " +
        "Officials said more than 300 homes were damaged and roads remained closed across the region.";

    [Fact]
    public void In_memory_articles_with_a_repeated_id_are_renamed_and_all_reported()
    {
        var batch = InputBatch.FromArticles([new Article("a", Story), new Article("b", Story), new Article("a", Story + " More rain is forecast.")]);

        batch.Articles.Select(a => a.Id).Should().Equal("a", "b", "a~2");

        var digest = PrecisPipeline.Default.Digest(batch);
        digest.Articles.Select(r => r.Id).Should().BeEquivalentTo(["a", "b", "a~2"]);
    }

    [Fact]
    public void A_batch_built_by_hand_with_a_repeated_id_is_refused_with_the_id_named()
    {
        var build = () => new InputBatch([new Article("x", Story), new Article("x", Story)], [], []);

        build.Should().Throw<ArgumentException>().WithMessage("*\"x\"*more than once*");
    }
}
