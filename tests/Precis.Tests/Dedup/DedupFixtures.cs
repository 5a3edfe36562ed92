using Precis.Input;
using Precis.Model;
using Precis.Pipeline;
using Precis.Segmentation;

namespace Precis.Tests.Dedup;

/// <summary>Documents for dedup tests: the seed articles, or articles written here, cleaned and segmented the way the pipeline does it.</summary>
internal static class DedupFixtures
{
    private static readonly Lazy<IReadOnlyList<Document>> LazySeeds = new(() =>
        PrecisPipeline.Default.Prepare(new InputReader().Read([Fixtures.Seeds])).Documents);

    public static IReadOnlyList<Document> Seeds => LazySeeds.Value;

    public static Document Seed(string idPrefix) => Seeds.Single(d => d.Id.StartsWith(idPrefix, StringComparison.Ordinal));

    /// <summary>Articles given as (id, text); each paragraph on its own line.</summary>
    public static IReadOnlyList<Document> Documents(params (string Id, string Text)[] articles) =>
        PrecisPipeline.Default.Prepare(InputBatch.FromArticles(articles.Select(a => new Article(a.Id, a.Text)))).Documents;
}
