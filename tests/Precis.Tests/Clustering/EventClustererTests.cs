using Precis.Clustering;
using Precis.Dedup;
using Precis.Input;
using Precis.Segmentation;

namespace Precis.Tests.Clustering;

public class EventClustererTests
{
    private static readonly DedupResult NoDuplicates = new(new Dictionary<int, int>(), new Dictionary<SentenceKey, IReadOnlyList<SentenceKey>>(), []);

    private static IReadOnlyList<Document> MixedFeed() => Stories.Prepare(
        Stories.Articles("orrin", Stories.OrrinValeFlood, day: 9)
            .Concat(Stories.Articles("chess", Stories.NorthfieldChess, day: 1))
            .Concat(Stories.Articles("brackwater", Stories.BrackwaterFlood, day: 0)));

    private static string[][] Members(IReadOnlyList<EventGroup> groups, IReadOnlyList<Document> documents) =>
        groups.Select(g => g.Documents.Select(i => documents[i].Id).Order(StringComparer.Ordinal).ToArray()).ToArray();

    [Fact]
    public void A_mixed_feed_becomes_one_event_per_story_largest_first()
    {
        var documents = MixedFeed();

        var groups = new EventClusterer().Cluster(documents, NoDuplicates, []);

        // Two events of two articles: the more recent one (Orrin Vale, day 9) comes first.
        Members(groups, documents).Should().BeEquivalentTo(
            new[]
            {
                new[] { "brackwater-1", "brackwater-2", "brackwater-3" },
                new[] { "orrin-1", "orrin-2" },
                new[] { "chess-1", "chess-2" },
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Event_ids_come_from_one_of_their_articles_and_do_not_depend_on_input_order()
    {
        var documents = MixedFeed();
        var reversed = Stories.Prepare(documents.Reverse().Select(d => d.Article));

        var forward = new EventClusterer().Cluster(documents, NoDuplicates, []);
        var backward = new EventClusterer().Cluster(reversed, NoDuplicates, []);

        foreach (var g in forward) g.Id.Should().BeOneOf(g.Documents.Select(i => "event-" + documents[i].Id));
        backward.Select(g => g.Id).Should().Equal(forward.Select(g => g.Id));
        Members(backward, reversed).Should().BeEquivalentTo(Members(forward, documents), o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_near_duplicate_goes_with_its_original_without_being_compared()
    {
        var documents = MixedFeed();
        int chess = documents.Single(d => d.Id == "chess-2").Index;
        int flood = documents.Single(d => d.Id == "brackwater-1").Index;
        // Declared a copy of a flood article, the chess report goes with the flood, whatever its text says.
        var dedup = new DedupResult(new Dictionary<int, int> { [chess] = flood }, new Dictionary<SentenceKey, IReadOnlyList<SentenceKey>>(), []);

        var groups = new EventClusterer().Cluster(documents, dedup, []);

        Members(groups, documents).Should().ContainEquivalentOf(new[] { "brackwater-1", "brackwater-2", "brackwater-3", "chess-2" });
    }

    [Fact]
    public void Clusters_declared_by_the_input_are_kept_as_given_and_come_first()
    {
        var documents = MixedFeed();
        var given = new GivenCluster("declared", ["chess-1", "orrin-1"]);

        var groups = new EventClusterer().Cluster(documents, NoDuplicates, [given]);

        groups[0].Id.Should().Be("declared");
        Members(groups, documents)[0].Should().Equal("chess-1", "orrin-1");
        groups.SelectMany(g => g.Documents).Should().OnlyHaveUniqueItems().And.HaveCount(documents.Count);
    }

    [Fact]
    public void A_small_batch_about_one_story_stays_one_event()
    {
        // With an IDF over five articles alone, the story's own words (in every article) would count
        // for nothing; the IDF prior keeps them.
        var documents = Stories.Prepare(Stories.Articles("flood", Stories.BrackwaterFlood));

        new EventClusterer().Cluster(documents, NoDuplicates, []).Should().ContainSingle();
    }
}
