using Precis.Clustering;

namespace Precis.Tests.Clustering;

public class ScaledLinkageTests
{
    /// <summary>A unit vector from (term, squared weight) pairs whose squared weights sum to 1.</summary>
    private static SparseVector Vector(params (int Term, double Share)[] terms) =>
        new(terms.Select(t => t.Term).ToArray(), terms.Select(t => (float)Math.Sqrt(t.Share)).ToArray());

    private static readonly ClusteringOptions TwoNeighbours = new() { NeighbourRank = 2, LinkThreshold = 0.75, MinLinkSimilarity = 0.05, ScaleFloor = 0.01 };

    private static int[][] Groups(List<List<int>> groups) =>
        groups.Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToArray();

    [Fact]
    public void A_loose_topic_joins_while_two_tight_stories_of_one_kind_stay_apart()
    {
        // Articles 0-3: a loose topic, 0.1 apart (one shared term each). Articles 4-6 and 7-9: two tight
        // stories, 0.7 inside, 0.2 across (a shared topic word). No single absolute cut separates the
        // tight pair while joining the loose topic; measured against each article's own neighbourhood, 0.1
        // among the loose articles is as close as 0.7 among the tight ones, and 0.2 across is far.
        var vectors = new List<SparseVector>();
        for (int i = 0; i < 4; i++) vectors.Add(Vector((100 + i, 0.9), (1, 0.1)));
        for (int i = 0; i < 3; i++) vectors.Add(Vector((200 + i, 0.3), (2, 0.5), (9, 0.2)));
        for (int i = 0; i < 3; i++) vectors.Add(Vector((300 + i, 0.3), (3, 0.5), (9, 0.2)));

        var groups = new ScaledLinkage(TwoNeighbours).Cluster(vectors);

        Groups(groups).Should().BeEquivalentTo(new[] { new[] { 0, 1, 2, 3 }, new[] { 4, 5, 6 }, new[] { 7, 8, 9 } }, o => o.WithStrictOrdering());
    }

    /// <summary>
    /// Two stories of three articles each: 0.6 alike inside a story, 0.5 across (scaled 0.83, over the 0.75
    /// bar), so that without dates they are one event.
    /// </summary>
    private static List<SparseVector> TwoRelatedStories()
    {
        var vectors = new List<SparseVector>();
        for (int i = 0; i < 3; i++) vectors.Add(Vector((100 + i, 0.4), (1, 0.1), (9, 0.5)));
        for (int i = 0; i < 3; i++) vectors.Add(Vector((200 + i, 0.4), (2, 0.1), (9, 0.5)));
        return vectors;
    }

    private static double?[] Days(double first, double second) => [first, first, first + 1, second, second + 1, second + 1];

    [Fact]
    public void A_story_back_after_a_quiet_window_is_a_new_event_unless_the_link_is_strong()
    {
        var linkage = new ScaledLinkage(TwoNeighbours); // window 7 days, bonus 0.25 (defaults)
        var vectors = TwoRelatedStories();

        Groups(linkage.Cluster(vectors)).Should().HaveCount(1, "undated, the ordinary link joins them");
        Groups(linkage.Cluster(vectors, days: Days(0, 4))).Should().HaveCount(1, "two days apart is one story going on");
        Groups(linkage.Cluster(vectors, days: Days(0, 20))).Should().BeEquivalentTo(new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 } }, o => o.WithStrictOrdering());
        Groups(new ScaledLinkage(TwoNeighbours with { QuietGapLinkBonus = 0 }).Cluster(vectors, days: Days(0, 20))).Should().HaveCount(1);

        // The same story told again in the same words 20 days later: a link as strong as inside the story passes.
        var same = Enumerable.Range(0, 6).Select(i => Vector((100 + i, 0.4), (1, 0.6))).ToList();
        Groups(linkage.Cluster(same, days: Days(0, 20))).Should().HaveCount(1);
    }

    [Fact]
    public void An_undated_article_does_not_count_as_a_gap()
    {
        var days = Days(0, 20);
        days[3] = days[4] = days[5] = null;

        Groups(new ScaledLinkage(TwoNeighbours).Cluster(TwoRelatedStories(), days: days)).Should().HaveCount(1);
    }

    [Fact]
    public void Articles_below_the_plain_similarity_bar_stay_apart_however_sparse_their_neighbourhood()
    {
        // Two unrelated articles in a tiny batch are each other's nearest neighbour: scaled, their 0.04
        // would read as a perfect match. The plain bar (0.05) keeps them apart.
        var vectors = new List<SparseVector> { Vector((1, 0.96), (9, 0.04)), Vector((2, 0.96), (9, 0.04)) };

        var groups = new ScaledLinkage(TwoNeighbours).Cluster(vectors);

        groups.Should().HaveCount(2);
    }

    [Fact]
    public void Every_article_lands_in_exactly_one_group()
    {
        var vectors = Enumerable.Range(0, 30).Select(i => Vector((i % 5, 0.5), (100 + i, 0.5))).ToList();

        var groups = new ScaledLinkage(new ClusteringOptions()).Cluster(vectors);

        groups.SelectMany(g => g).Should().BeEquivalentTo(Enumerable.Range(0, 30));
        Groups(groups).Should().HaveCount(5).And.OnlyContain(g => g.All(i => i % 5 == g[0] % 5));
    }

    [Fact]
    public void Each_article_keeps_its_strongest_links_in_the_order_a_full_sort_gives_ties_by_position()
    {
        // 40 articles over 6 shared terms with repeated weights: many links tie, and only 5 are kept.
        var vectors = Enumerable.Range(0, 40).Select(i => Vector((i % 6, 0.25 + 0.05 * (i % 3)), ((i + 1) % 6, 0.75 - 0.05 * (i % 3)))).ToList();
        var options = new ClusteringOptions { MaxNeighbours = 5 };

        var kept = new ScaledLinkage(options).Neighbours(vectors);

        for (int i = 0; i < vectors.Count; i++)
        {
            var all = Enumerable.Range(0, vectors.Count).Where(j => j != i)
                .Select(j => (Other: j, Similarity: Dot(vectors[i], vectors[j])))
                .Where(l => l.Similarity > 0)
                .OrderByDescending(l => l.Similarity).ThenBy(l => l.Other)
                .Take(5).ToList();
            kept[i].Select(l => l.Other).Should().Equal(all.Select(l => l.Other), $"article {i}");
        }
    }

    /// <summary>The dot product summed in the order the inverted index sums it (the article's terms in order).</summary>
    private static double Dot(SparseVector a, SparseVector b)
    {
        double dot = 0;
        for (int t = 0; t < a.Count; t++)
        {
            int k = Array.IndexOf(b.Ids, a.Ids[t]);
            if (k >= 0) dot += (double)a.Weights[t] * b.Weights[k];
        }
        return dot;
    }
}
