using Precis.Model;

namespace Precis.Input;

/// <summary>
/// Everything a run was given, in input order: decoded articles, rejected inputs with their reasons, and
/// event clusters declared by the input (the MDS JSONL format), which are kept as events.
/// </summary>
public sealed class InputBatch
{
    public InputBatch(IReadOnlyList<Article> articles, IReadOnlyList<Rejection> rejections, IReadOnlyList<GivenCluster> clusters)
    {
        Articles = articles;
        Rejections = rejections;
        Clusters = clusters;
    }

    public IReadOnlyList<Article> Articles { get; }
    public IReadOnlyList<Rejection> Rejections { get; }
    public IReadOnlyList<GivenCluster> Clusters { get; }

    public static InputBatch FromArticles(IEnumerable<Article> articles) => new(articles.ToList(), [], []);
}

/// <summary>An event grouping that the input declared; its articles are in <see cref="InputBatch.Articles"/>.</summary>
public sealed record GivenCluster(string Id, IReadOnlyList<string> ArticleIds);
