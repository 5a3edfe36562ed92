using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>Where an arriving article went: the event's id at that moment, and how well it matched.</summary>
public readonly record struct Assignment(string EventId, bool StartedEvent, double Similarity);

/// <summary>An event that left the clusterer's memory, with every article it holds (merged events included).</summary>
public sealed record ClosedEvent(string Id, IReadOnlyList<EventMember> Members, DateTimeOffset? First, DateTimeOffset? Last);

/// <summary>The two vectors of an article: content words and names.</summary>
internal readonly record struct ArticleVectors(SparseVector Content, SparseVector Names);

/// <summary>
/// Groups a stream of articles into events, one article at a time. Each article is profiled once
/// (content words and names, weighted by an IDF that grows with the stream), compared with the open
/// events that share one of its strongest terms (an inverted index), and joins the best one when the
/// similarity reaches <see cref="ClusteringOptions.JoinThreshold"/>; otherwise it starts an event.
/// An article that fits two events marks them as converging; every
/// <see cref="ClusteringOptions.MergeInterval"/> arrivals, converging events whose average link reaches
/// <see cref="ClusteringOptions.MergeThreshold"/> are merged, and events idle for longer than the window
/// (or older than <see cref="ClusteringOptions.MaxEventSpan"/>) are closed and evicted, which bounds
/// memory. Deterministic for a given input order; not thread-safe (one clusterer per stream).
/// </summary>
/// <remarks>
/// An id returned by <see cref="Add(Document)"/> is the event's id at that moment: a later merge can fold that event
/// into an older one. The final membership is what <see cref="TakeClosed"/> and <see cref="CloseAll"/> report.
/// </remarks>
public sealed class OnlineClusterer
{
    private readonly ClusteringOptions _options;
    private readonly TermTable _contentTerms;
    private readonly TermTable _nameTerms;
    private readonly ArticleProfiler _profiler;
    private readonly SentenceTokens _scratch = new();
    private readonly List<EventState> _open = [];
    private readonly Dictionary<int, List<EventState>> _postings = [];
    private readonly List<(EventState Joined, EventState Other)> _converging = [];
    private readonly List<ClosedEvent> _closed = [];
    private readonly List<EventState> _candidates = [];
    private readonly List<double> _scores = [];
    private readonly Action<int, EventState> _post;
    private readonly double _contentShare;
    private readonly double _windowDays;
    private readonly double _maxSpanDays;
    private readonly double _timeScaleDays;
    private readonly bool _evictIdle;
    private long _arrivals;
    private long _stamp;
    private int _sequence;
    private double? _latestDay;

    public OnlineClusterer(ClusteringOptions? options = null)
        : this(options, evictIdle: true)
    {
    }

    /// <param name="options">Settings; the defaults when null.</param>
    /// <param name="evictIdle">False for batch mode, which holds the whole corpus anyway: events stay open to the end.</param>
    internal OnlineClusterer(ClusteringOptions? options, bool evictIdle)
    {
        _evictIdle = evictIdle;
        _options = options ?? new ClusteringOptions();
        _contentTerms = new TermTable(_options.IdfPriorDocuments);
        _nameTerms = new TermTable(_options.IdfPriorDocuments);
        _profiler = new ArticleProfiler(_contentTerms, _nameTerms, _options);
        _post = Post;
        _contentShare = _options.ContentWeight / (_options.ContentWeight + _options.NameWeight);
        _windowDays = _options.Window.TotalDays;
        _maxSpanDays = _options.MaxEventSpan.TotalDays;
        _timeScaleDays = _options.TimeScale.TotalDays;
    }

    public ClusteringOptions Options => _options;

    /// <summary>Events currently in memory.</summary>
    public int OpenEventCount => _open.Count;

    /// <summary>Articles seen so far.</summary>
    public long Arrivals => _arrivals;

    /// <summary>Distinct content terms and names seen so far (the IDF tables grow with the vocabulary, not with the stream).</summary>
    public int VocabularySize => _contentTerms.Count + _nameTerms.Count;

    /// <summary>
    /// Adds one article; returns the event it joined or started. The stream's clock (time decay and closing
    /// idle events) runs on the time the feed gives the article (<see cref="ArticleProfiler.FeedDayOf"/>),
    /// never on a date found in its text: a date in the body is often about something else (ECB+ articles of
    /// one event carry found dates years apart), and one such date closed events mid-story. With the feed's
    /// time only, B-cubed F1 of the online mode went from 0.8120 to 0.8169 on pooled-dev in the input order
    /// (0.8014 / 0.7981 to 0.8081 / 0.8062 in shuffled orders 1 / 2) and from 0.8288 to 0.8571 on ECB+
    /// (0.7906 / 0.7742 to 0.8491 / 0.8273); see docs/evaluation.md.
    /// </summary>
    public Assignment Add(Document document)
    {
        _scratch.Read(document);
        return Add(document, _scratch);
    }

    /// <summary>
    /// Adds one article from the tokens its segmentation read (<see cref="Segmenter.Segment(int, Cleaning.CleanedArticle, SentenceTokens?)"/>),
    /// so it is not tokenized a second time; otherwise as <see cref="Add(Document)"/>.
    /// </summary>
    public Assignment Add(Document document, SentenceTokens tokens)
    {
        var profile = _profiler.Profile(document, tokens, ArticleProfiler.FeedDayOf(document));
        CountDocument(profile);
        return Assign(profile, Vectorize(profile));
    }

    /// <summary>Events closed since the last call (idle past the window, or merged away is never reported: merged members travel with the survivor).</summary>
    public IReadOnlyList<ClosedEvent> TakeClosed()
    {
        var taken = _closed.ToArray();
        _closed.Clear();
        return taken;
    }

    /// <summary>Ends the stream: merges what converged, closes every open event and returns all closed events not yet taken.</summary>
    public IReadOnlyList<ClosedEvent> CloseAll()
    {
        MergeConverging();
        foreach (var e in _open) CloseEvent(e);
        _open.Clear();
        return TakeClosed();
    }

    /// <summary>Batch mode's profile: the article time is the feed's, else a date found in the text (<see cref="ArticleProfiler.DayOf"/>).</summary>
    internal ArticleProfile Profile(Document document)
    {
        _scratch.Read(document);
        return _profiler.Profile(document, _scratch, ArticleProfiler.DayOf(document));
    }

    /// <summary>Counts the article into the document frequencies (the stream's IDF).</summary>
    internal void CountDocument(ArticleProfile profile)
    {
        _contentTerms.CountDocument(profile.Content.Ids);
        _nameTerms.CountDocument(profile.Names.Ids);
    }

    internal ArticleVectors Vectorize(ArticleProfile profile) => new(
        SparseVector.Weigh(profile.Content, _contentTerms, _options.MaxContentTerms),
        SparseVector.Weigh(profile.Names, _nameTerms, _options.MaxNameTerms));

    internal Assignment Assign(ArticleProfile profile, ArticleVectors vectors) => Assign(profile, vectors, out _);

    internal Assignment Assign(ArticleProfile profile, ArticleVectors vectors, out EventState state)
    {
        _arrivals++;
        if (profile.Day is { } day && (_latestDay is null || day > _latestDay)) _latestDay = day;
        var (target, started, score) = Place(profile, vectors);
        target.LastArrival = _arrivals;
        state = target;
        if (_arrivals % _options.MergeInterval == 0)
        {
            MergeConverging();
            if (_evictIdle) EvictIdle();
        }
        return new Assignment(target.Id, started, score);
    }

    private (EventState Target, bool Started, double Score) Place(ArticleProfile profile, ArticleVectors vectors)
    {
        long stamp = ++_stamp;
        EventState? best = null;
        double bestScore = double.NegativeInfinity;
        GatherCandidates(vectors.Content, stamp);
        _scores.Clear();
        foreach (var candidate in _candidates)
        {
            double score = Similarity(vectors, profile.Day, candidate);
            _scores.Add(score);
            if (score > bestScore || (score == bestScore && candidate.Sequence < best!.Sequence))
            {
                best = candidate;
                bestScore = score;
            }
        }

        bool started = best is null || bestScore < _options.JoinThreshold;
        var target = started ? StartEvent(profile.Id) : best!;
        if (!started)
        {
            for (int i = 0; i < _candidates.Count; i++)
                if (_candidates[i] != target && _scores[i] >= _options.JoinThreshold)
                    _converging.Add((target, _candidates[i]));
        }
        target.Add(new EventMember(profile.Id, profile.Tag), vectors.Content, vectors.Names, profile.Day, _post);
        return (target, started, started ? 0 : bestScore);
    }

    /// <summary>
    /// Collects the open events that share one of the article's <see cref="ClusteringOptions.CandidateTerms"/>
    /// strongest content terms, accumulating on each the part of the content dot product those terms give
    /// (one centroid lookup per posting). A term shared by many open events says little about which one the
    /// article belongs to: only its <see cref="ClusteringOptions.EventsPerTerm"/> most recently posted events
    /// are looked at. When more than <see cref="ClusteringOptions.ScoredCandidates"/> events are gathered,
    /// only those with the largest partial cosine get the full similarity. Scoring every gathered event made
    /// placement cost grow with the number of open events (docs/benchmarks.md, Clustering).
    /// </summary>
    private void GatherCandidates(SparseVector content, long stamp)
    {
        _candidates.Clear();
        int terms = Math.Min(content.Count, _options.CandidateTerms);
        for (int i = 0; i < terms; i++)
        {
            int term = content.Ids[i];
            if (!_postings.TryGetValue(term, out var events)) continue;
            float weight = content.Weights[i];
            int oldest = Math.Max(0, events.Count - _options.EventsPerTerm);
            for (int k = events.Count - 1; k >= oldest; k--)
            {
                var e = events[k];
                if (e.CandidateStamp != stamp)
                {
                    e.CandidateStamp = stamp;
                    e.PartialScore = 0;
                    _candidates.Add(e);
                }
                e.PartialScore += weight * e.Content.GetValueOrDefault(term);
            }
        }
        if (_candidates.Count <= _options.ScoredCandidates) return;
        foreach (var e in _candidates) e.PartialScore /= e.ContentNorm;
        _candidates.Sort(StrongestPartialFirst);
        _candidates.RemoveRange(_options.ScoredCandidates, _candidates.Count - _options.ScoredCandidates);
    }

    /// <summary>Largest partial cosine first; the older event first on ties, so the kept set never depends on sort internals.</summary>
    private static readonly Comparison<EventState> StrongestPartialFirst = (a, b) =>
    {
        int c = b.PartialScore.CompareTo(a.PartialScore);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    };

    private double Similarity(ArticleVectors article, double? day, EventState e)
    {
        double content = e.ContentNormSquared > 0 ? article.Content.Dot(e.Content) / e.ContentNorm : 0;
        double score = content;
        if (!article.Names.IsEmpty && e.NameNormSquared > 0)
        {
            double names = article.Names.Dot(e.Names) / e.NameNorm;
            score = _contentShare * content + (1 - _contentShare) * names;
        }
        return score - TimeCost(e.GapDays(day));
    }

    /// <summary>
    /// Average link of two events: the mean similarity over all pairs of their members, computed from the
    /// centroid sums (members are unit vectors, so the mean pair similarity is the dot product of the sums
    /// divided by the number of pairs), less the time cost of the gap between them. Unlike the cosine of
    /// the centroids it does not grow with event size, so two large events of the same kind stay apart.
    /// </summary>
    internal double AverageLink(EventState a, EventState b)
    {
        double content = Dot(a.Content, b.Content) / ((double)a.Members.Count * b.Members.Count);
        double score = content;
        if (a.NamedMembers > 0 && b.NamedMembers > 0)
            score = _contentShare * content + (1 - _contentShare) * Dot(a.Names, b.Names) / ((double)a.NamedMembers * b.NamedMembers);
        return score - TimeCost(a.GapDays(b));
    }

    private double TimeCost(double gapDays) => gapDays <= 0 ? 0 : _options.TimePenalty * Math.Log(1.0 + gapDays / _timeScaleDays);

    private static double Dot(Dictionary<int, float> a, Dictionary<int, float> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (id, w) in a)
            if (b.TryGetValue(id, out float v)) dot += (double)w * v;
        return dot;
    }

    private EventState StartEvent(string firstArticleId)
    {
        var e = new EventState(_sequence++, "event-" + firstArticleId);
        _open.Add(e);
        return e;
    }

    private void Post(int term, EventState e)
    {
        if (!_postings.TryGetValue(term, out var events)) _postings[term] = events = [];
        events.Add(e);
    }

    private void Unpost(EventState e)
    {
        foreach (int term in e.Content.Keys)
        {
            var events = _postings[term];
            events.Remove(e);
            if (events.Count == 0) _postings.Remove(term);
        }
    }

    private static EventState Root(EventState e)
    {
        while (e.MergedInto is { } next) e = next;
        return e;
    }

    /// <summary>Merges converging pairs whose centroids reach <see cref="ClusteringOptions.MergeThreshold"/>; the older event survives.</summary>
    private void MergeConverging()
    {
        if (_converging.Count == 0) return;
        bool merged = false;
        foreach (var (joined, other) in _converging)
        {
            var a = Root(joined);
            var b = Root(other);
            if (a == b || !a.IsOpen || !b.IsOpen) continue;
            if (AverageLink(a, b) < _options.MergeThreshold) continue;
            var (survivor, absorbed) = a.Sequence < b.Sequence ? (a, b) : (b, a);
            Unpost(absorbed);
            survivor.Absorb(absorbed, _post);
            merged = true;
        }
        _converging.Clear();
        if (merged) _open.RemoveAll(static e => !e.IsOpen);
    }

    /// <summary>
    /// Closes events idle for longer than the window (by article time or, for undated streams, by
    /// arrivals) and events older than <see cref="ClusteringOptions.MaxEventSpan"/>.
    /// </summary>
    private void EvictIdle()
    {
        int kept = 0;
        for (int i = 0; i < _open.Count; i++)
        {
            var e = _open[i];
            bool idleInTime = _latestDay is { } latest && e.LastDay is { } last && latest - last > _windowDays;
            bool tooLong = _latestDay is { } now && e.FirstDay is { } first && now - first > _maxSpanDays;
            bool idleInArrivals = _arrivals - e.LastArrival > _options.WindowArticles;
            if (idleInTime || tooLong || idleInArrivals) CloseEvent(e);
            else _open[kept++] = e;
        }
        _open.RemoveRange(kept, _open.Count - kept);
    }

    private void CloseEvent(EventState e)
    {
        Unpost(e);
        _closed.Add(new ClosedEvent(e.Id, e.Members, ToTime(e.FirstDay), ToTime(e.LastDay)));
        e.Close();
    }

    internal static DateTimeOffset? ToTime(double? day) =>
        day is { } d ? new DateTimeOffset((long)(d * TimeSpan.TicksPerDay), TimeSpan.Zero) : null;
}
