using Precis.Model;

namespace Precis.Input;

/// <summary>
/// Everything a run was given, in input order: decoded articles, rejected inputs with their reasons, and
/// event clusters declared by the input (the MDS JSONL format), which are kept as events.
/// </summary>
public sealed class InputBatch
{
    /// <summary>
    /// A batch as given. Article ids must be unique (every input is reported by its id, and declared clusters
    /// name their articles by id): a repeated id is a caller's bug and throws <see cref="ArgumentException"/>.
    /// <see cref="FromArticles"/> and <see cref="InputReader"/> rename repeats instead ("id~2").
    /// </summary>
    public InputBatch(IReadOnlyList<Article> articles, IReadOnlyList<Rejection> rejections, IReadOnlyList<GivenCluster> clusters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
            if (!seen.Add(article.Id))
                throw new ArgumentException($"Article id \"{article.Id}\" appears more than once; ids must be unique in a batch.", nameof(articles));
        Articles = articles;
        Rejections = rejections;
        Clusters = clusters;
    }

    public IReadOnlyList<Article> Articles { get; }
    public IReadOnlyList<Rejection> Rejections { get; }
    public IReadOnlyList<GivenCluster> Clusters { get; }

    /// <summary>A batch of in-memory articles; a repeated id gets a "~2", "~3"… suffix, as files read by <see cref="InputReader"/> do.</summary>
    public static InputBatch FromArticles(IEnumerable<Article> articles)
    {
        var ids = new ArticleIds();
        return new(articles.Select(ids.Renamed).ToList(), [], []);
    }
}

/// <summary>Hands out unique article ids: the first use of an id keeps it, a repeat gets "~2", "~3"….</summary>
internal sealed class ArticleIds
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public string Unique(string id)
    {
        if (_ids.Add(id)) return id;
        for (int k = 2; ; k++)
        {
            string candidate = $"{id}~{k}";
            if (_ids.Add(candidate)) return candidate;
        }
    }

    /// <summary>The article itself when its id is new, else a copy under a unique id.</summary>
    public Article Renamed(Article article)
    {
        string id = Unique(article.Id);
        return ReferenceEquals(id, article.Id) ? article : new Article(id, article.Text)
        {
            Title = article.Title, Date = article.Date, Source = article.Source, Url = article.Url,
            Origin = article.Origin, Timestamp = article.Timestamp,
        };
    }
}

/// <summary>An event grouping that the input declared; its articles are in <see cref="InputBatch.Articles"/>.</summary>
public sealed record GivenCluster(string Id, IReadOnlyList<string> ArticleIds);
