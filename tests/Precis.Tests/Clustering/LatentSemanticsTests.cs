using Precis.Clustering;

namespace Precis.Tests.Clustering;

public class LatentSemanticsTests
{
    private static SparseVector Vector(params int[] terms)
    {
        float w = (float)(1 / Math.Sqrt(terms.Length));
        return new SparseVector(terms, terms.Select(_ => w).ToArray());
    }

    /// <summary>Two topics told as chains of overlapping word pairs: 1-2, 2-3, … 7-8 and 101-102, … 105-106.</summary>
    private static (List<SparseVector> Vectors, List<string> Ids) TwoWordChains()
    {
        var vectors = new List<SparseVector>();
        var ids = new List<string>();
        foreach (var (start, length) in new[] { (1, 7), (101, 5) })
            for (int k = 0; k < length; k++)
            {
                vectors.Add(Vector(start + k, start + k + 1));
                ids.Add($"d{start + k}");
            }
        return (vectors, ids);
    }

    [Fact]
    public void Documents_of_one_topic_that_share_no_word_point_the_same_way_and_the_other_topic_stays_apart()
    {
        var (vectors, ids) = TwoWordChains();

        var latent = LatentSemantics.Embed(vectors, ids, rank: 2);

        SparseVector.Dot(vectors[0], vectors[3]).Should().Be(0, "words 1-2 and 4-5 have nothing in common");
        LatentSemantics.Cosine(latent[0], latent[3]).Should().BeGreaterThan(0.8);
        LatentSemantics.Cosine(latent[0], latent[9]).Should().BeLessThan(0.1);
    }

    [Fact]
    public void The_coordinates_do_not_depend_on_the_input_order()
    {
        var (vectors, ids) = TwoWordChains();
        var order = Enumerable.Range(0, vectors.Count).Reverse().ToArray();

        var forward = LatentSemantics.Embed(vectors, ids, rank: 4);
        var backward = LatentSemantics.Embed(order.Select(i => vectors[i]).ToList(), order.Select(i => ids[i]).ToList(), rank: 4);

        for (int a = 0; a < vectors.Count; a++)
            for (int b = 0; b < vectors.Count; b++)
                LatentSemantics.Cosine(forward[a], forward[b]).Should().BeApproximately(
                    LatentSemantics.Cosine(backward[Array.IndexOf(order, a)], backward[Array.IndexOf(order, b)]), 1e-5);
    }

    [Fact]
    public void With_as_many_dimensions_as_documents_the_latent_cosine_is_the_content_cosine()
    {
        // Why batch mode skips the step for a batch no larger than the rank: it would change nothing.
        var (vectors, ids) = TwoWordChains();

        var latent = LatentSemantics.Embed(vectors, ids, rank: vectors.Count);

        for (int a = 0; a < vectors.Count; a++)
            for (int b = 0; b < vectors.Count; b++)
                LatentSemantics.Cosine(latent[a], latent[b]).Should().BeApproximately(SparseVector.Dot(vectors[a], vectors[b]), 1e-5);
    }
}
