using Precis.Clustering;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Pipeline;

/// <summary>
/// A digest of an endless feed (open one with <see cref="PrecisPipeline.OpenStream"/>). Each article is
/// cleaned, segmented and placed by the online clusterer as it arrives; when the clusterer closes an event
/// (no article for longer than <see cref="ClusteringOptions.Window"/>, or the event older than
/// <see cref="ClusteringOptions.MaxEventSpan"/>), the event is deduplicated, summarized and given its facts,
/// handed back, and its documents are dropped. So only the articles of open events are held, and memory
/// is bounded by the window, not by the length of the feed.
/// </summary>
/// <remarks>
/// Differences from the batch <see cref="PrecisPipeline.Digest(Input.InputBatch, IProgress{PipelineProgress}?, CancellationToken)"/>,
/// which sees the whole input at once: clustering is the online clusterer (each article placed as it comes,
/// events left in doubt clustered again within the window), so copies go through it like any article and join their original's event; copies
/// are then found within each event (syndicated copies follow their original within hours, well inside
/// the window). Articles should arrive in publication order; the window is measured against the latest
/// time seen. Not thread-safe: one stream per feed.
/// </remarks>
public sealed class StreamingDigest
{
    private readonly PrecisPipeline _pipeline;
    private readonly OnlineClusterer _clusterer;
    private readonly Action<ArticleReport>? _onArticle;
    private readonly IProgress<PipelineProgress>? _progress;
    private readonly Dictionary<int, Document> _open = [];
    private readonly SentenceTokens _tokens = new();
    private int _articles;
    private int _documents;
    private int _events;
    private bool _completed;

    internal StreamingDigest(PrecisPipeline pipeline, Action<ArticleReport>? onArticle, IProgress<PipelineProgress>? progress)
    {
        _pipeline = pipeline;
        _clusterer = new OnlineClusterer(pipeline.Options.Clustering);
        _onArticle = onArticle;
        _progress = progress;
    }

    /// <summary>Articles whose events are still open: the documents this stream holds in memory.</summary>
    public int OpenArticles => _open.Count;

    /// <summary>Events still open in the clusterer.</summary>
    public int OpenEvents => _clusterer.OpenEventCount;

    /// <summary>Takes one article; returns the events that its arrival closed, digested (usually none).</summary>
    public IReadOnlyList<EventDigest> Add(Article article)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _progress?.Report(new PipelineProgress("clean", _articles, _articles + 1));
        _articles++;
        var (cleaned, rejection) = _pipeline.CleanOne(article);
        if (rejection is not null)
        {
            _onArticle?.Invoke(PrecisPipeline.Report(article, cleaned, rejection));
            return [];
        }
        _progress?.Report(new PipelineProgress("segment", _documents, _documents + 1));
        var document = Segmenter.Segment(_documents++, cleaned!, _tokens);
        _open.Add(document.Index, document);
        _progress?.Report(new PipelineProgress("cluster", _documents - 1, _documents));
        _clusterer.Add(document, _tokens);
        return DigestClosed(_clusterer.TakeClosed());
    }

    /// <summary>Ends the feed: closes every open event and returns them digested. The stream takes no more articles.</summary>
    public IReadOnlyList<EventDigest> Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        _progress?.Report(new PipelineProgress("cluster", _documents, _documents + 1));
        return DigestClosed(_clusterer.CloseAll());
    }

    private IReadOnlyList<EventDigest> DigestClosed(IReadOnlyList<ClosedEvent> closed)
    {
        if (closed.Count == 0) return [];
        var digests = new EventDigest[closed.Count];
        for (int e = 0; e < closed.Count; e++)
        {
            var members = new Document[closed[e].Members.Count];
            for (int m = 0; m < members.Length; m++)
            {
                int index = closed[e].Members[m].Tag;
                members[m] = _open[index];
                _open.Remove(index);
            }
            Array.Sort(members, static (a, b) => a.Index.CompareTo(b.Index));
            _progress?.Report(new PipelineProgress("dedup", _events, _events + 1));
            var dedup = _pipeline.EventDeduplicator.Run(members);
            digests[e] = _pipeline.DigestEvent(closed[e].Id, members, dedup, _progress, _events, _events + 1);
            _events++;
            if (_onArticle is not null)
            {
                var byIndex = members.ToDictionary(d => d.Index);
                foreach (var d in members)
                    _onArticle(PrecisPipeline.Report(d.Article, d.Cleaned, dedup, d.Index, i => byIndex[i].Id));
            }
        }
        return digests;
    }
}
