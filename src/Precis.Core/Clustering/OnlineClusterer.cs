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
/// An article that joins weakly or fits two events leaves those events in doubt; every
/// <see cref="ClusteringOptions.ReclusterInterval"/> arrivals the events in doubt are clustered again as
/// batch mode would (<see cref="Recluster"/>), so events that converge merge and an event that took in a
/// second story splits. Every <see cref="ClusteringOptions.MergeInterval"/> arrivals, events idle for longer
/// than the window (or older than <see cref="ClusteringOptions.MaxEventSpan"/>) are closed and evicted,
/// which bounds memory; the articles of the events closing together are clustered once more, weighted by
/// the IDF of that moment (<see cref="CloseRegrouped"/>). Deterministic for a given input order; not
/// thread-safe (one clusterer per stream).
/// </summary>
/// <remarks>
/// An id returned by <see cref="Add(Document)"/> is the event's id at that moment: re-clustering can fold that
/// event into another or split it. The final membership is what <see cref="TakeClosed"/> and <see cref="CloseAll"/> report.
/// </remarks>
public sealed class OnlineClusterer
{
    private readonly ClusteringOptions _options;
    private readonly TermTable _contentTerms;
    private readonly TermTable _nameTerms;
    private readonly ArticleProfiler _profiler;
    private readonly SentenceTokens _scratch = new();
    private readonly List<EventState> _open = [];
    private readonly Dictionary<int, PostingList> _postings = [];
    private readonly HashSet<EventState> _touched = [];
    private readonly HashSet<int> _staleTerms = [];
    private readonly List<EventState> _retiring = [];
    private readonly List<ClosedEvent> _closed = [];
    private readonly List<EventState> _candidates = [];
    private readonly List<double> _scores = [];
    private readonly StrongestKept<EventState> _strongest;
    private readonly Action<int, EventState> _post;
    private readonly double _contentShare;
    private readonly double _windowDays;
    private readonly double _maxSpanDays;
    private readonly double _timeScaleDays;
    private readonly bool _evictIdle;
    private long _arrivals;
    private long _lastRecluster;
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
        _strongest = new StrongestKept<EventState>(_options.ScoredCandidates, StrongestPartialFirst);
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

    /// <summary>
    /// Ends the stream: closes every open event (<see cref="CloseRegrouped"/>: their articles are clustered
    /// again together, with the IDF of the whole stream) and returns all closed events not yet taken.
    /// </summary>
    public IReadOnlyList<ClosedEvent> CloseAll()
    {
        _touched.Clear();
        CloseRegrouped([.. _open], streamEnds: true);
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
        state = target;
        if (_arrivals % _options.MergeInterval == 0)
        {
            if (_arrivals - _lastRecluster >= _options.ReclusterInterval) Recluster();
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
            if (bestScore < _options.ReclusterBelow) _touched.Add(target);
            for (int i = 0; i < _candidates.Count; i++)
            {
                if (_candidates[i] == target || _scores[i] < _options.JoinThreshold) continue;
                _touched.Add(_candidates[i]);
                _touched.Add(target);
            }
        }
        target.Add(new MemberRecord(new EventMember(profile.Id, profile.Tag), profile.Day, vectors.Content, vectors.Names, _arrivals, profile.Content), _post);
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
            int seen = 0;
            for (int k = events.Count - 1; k >= 0 && seen < _options.EventsPerTerm; k--)
            {
                var e = events[k];
                if (!e.IsOpen) continue; // closed, not yet swept from the list (see Retire)
                seen++;
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
        // The strongest ScoredCandidates through a heap (weakest on top) instead of sorting every gathered
        // event: the same events in the same order, since the order is total (sequences are unique). The
        // sort was ~5% of the cluster stage of the 100k bench (perf, 2026-11-21).
        foreach (var e in _candidates)
        {
            e.PartialScore /= e.ContentNorm;
            _strongest.Offer(e);
        }
        _candidates.Clear();
        _strongest.DrainStrongestFirst(_candidates);
    }

    /// <summary>Largest partial cosine first; the older event first on ties, so the kept set never depends on sort internals.</summary>
    private static int StrongestPartialFirst(EventState a, EventState b)
    {
        int c = b.PartialScore.CompareTo(a.PartialScore);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }

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

    private double TimeCost(double gapDays) => gapDays <= 0 ? 0 : _options.TimePenalty * Math.Log(1.0 + gapDays / _timeScaleDays);

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
        // Placement reads only a term's EventsPerTerm most recent open events; older ones matter again only
        // if that many newer events close first. Keeping 4-8 times as many bounds the list (and the sweep of
        // closed events from it) instead of letting a common term list every open event.
        int keep = PostingsKept * _options.EventsPerTerm;
        if (events.Count >= 2 * keep)
        {
            events.Sweep();
            if (events.Count >= 2 * keep) events.RemoveRange(0, events.Count - keep);
        }
    }

    /// <summary>A posting list is cut back to this many times <see cref="ClusteringOptions.EventsPerTerm"/> once it holds twice as many.</summary>
    private const int PostingsKept = 4;

    /// <summary>
    /// Closes <see cref="_retiring"/>'s events. Their postings are left in place (placement skips closed
    /// events) and swept from a term's list once they may be half of it, so closing an event costs a
    /// counter per term instead of a pass over each of its terms' lists; re-clustering closes and re-posts
    /// events every <see cref="ClusteringOptions.ReclusterInterval"/> arrivals, which made those passes ~5%
    /// of the 100k bench (perf, 2026-11-21). A list reads the same to placement either way: its open events
    /// in posting order.
    /// </summary>
    private void Retire()
    {
        _staleTerms.Clear();
        foreach (var e in _retiring)
        {
            foreach (int term in e.Content.Keys)
                if (_postings.TryGetValue(term, out var events) && ++events.Stale * 2 >= events.Count) _staleTerms.Add(term);
            e.Close();
        }
        _retiring.Clear();
        foreach (int term in _staleTerms)
        {
            var events = _postings[term];
            events.Sweep();
            if (events.Count == 0) _postings.Remove(term);
        }
    }

    /// <summary>A term's open events in posting order, with a count of those closed since the last sweep (an upper bound: a cut may have dropped them already).</summary>
    private sealed class PostingList : List<EventState>
    {
        public int Stale;

        public void Sweep()
        {
            RemoveAll(IsClosed);
            Stale = 0;
        }
    }

    private static readonly Predicate<EventState> IsClosed = static e => !e.IsOpen;

    /// <summary>
    /// Clusters the articles of the open events in doubt again, as batch mode would (<see cref="ScaledLinkage"/>
    /// over the vectors they arrived with), and makes the groups open events in their place: events that
    /// converged merge, an event that took in another story's articles splits. Bounded by the window: it
    /// reads only open events, and only those an arrival left in doubt since the last time (<see cref="Regroup"/>).
    /// </summary>
    private void Recluster()
    {
        _lastRecluster = _arrivals;
        var events = new List<EventState>(_touched.Count);
        foreach (var e in _touched)
            if (e.IsOpen) events.Add(e);
        _touched.Clear();
        if (events.Count == 0) return;
        var rebuilt = new List<EventState>();
        foreach (var group in Regroup(events, reweigh: false)) rebuilt.Add(group.ToEvent());
        Open(rebuilt);
    }

    /// <summary>Lists <paramref name="rebuilt"/> (from <see cref="Regroup"/>) as open events in place of those retired, and posts them.</summary>
    private void Open(List<EventState> rebuilt)
    {
        // Postings list events oldest arrival first, as placing articles one by one leaves them.
        rebuilt.Sort(static (a, b) => a.LastArrival.CompareTo(b.LastArrival));
        foreach (var e in rebuilt)
            foreach (int term in e.Content.Keys) Post(term, e);
        _open.RemoveAll(static e => !e.IsOpen);
        if (rebuilt.Count == 0) return;
        _open.AddRange(rebuilt);
        _open.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
    }

    /// <summary>
    /// Closes <paramref name="closing"/> (open events, listed in <see cref="_open"/>; all of them when the
    /// <paramref name="streamEnds"/>) after clustering their
    /// articles together once more with <see cref="ScaledLinkage"/>, each article weighted by the IDF of
    /// this moment instead of the IDF it arrived with; each group is reported as one closed event. Events
    /// that close together are pieces of stories that went quiet together, so they may merge; an event
    /// that took in a second story splits. Early articles were placed with the little evidence a young IDF
    /// and a few events gave, and that is what made the online mode depend on the input order: ECB+
    /// (undated: every event closes at the end of the stream) went from 0.8912–0.9258 B-cubed F1 over 5
    /// shuffled orders to 0.9440 in all of them, pooled-dev from 0.8178–0.8304 to 0.8449–0.8529
    /// (before <see cref="StaysOpenUndated"/>; docs/evaluation.md). Each article is clustered again once,
    /// when its event closes.
    /// </summary>
    private void CloseRegrouped(List<EventState> closing, bool streamEnds)
    {
        if (closing.Count == 0) return;
        if (closing.Count == 1 && closing[0].Records.Count == 1)
        {
            CloseEvent(closing[0]);
            Retire();
            _open.Remove(closing[0]);
            return;
        }
        // A group that closes needs only its members and time range: no centroid is built for it.
        var undated = new List<EventState>();
        foreach (var group in Regroup(closing, reweigh: true))
        {
            var (first, last) = group.DayRange();
            if (!streamEnds && StaysOpenUndated(last, group.LastArrival))
            {
                undated.Add(group.ToEvent());
                continue;
            }
            var members = new List<EventMember>(group.Records.Count);
            foreach (var r in group.Records) members.Add(r.Member);
            _closed.Add(new ClosedEvent(group.Id, members, ToTime(first), ToTime(last)));
        }
        Open(undated);
    }

    /// <summary>
    /// A group of undated articles that the closing pass took out of a dated event has no time of its own
    /// to say that its story went quiet: it stays open, as an undated event always does until the window's
    /// arrivals pass it (<see cref="ClusteringOptions.WindowArticles"/>) or the stream ends. Closing such
    /// groups with the event they left gave pooled-dev 0.8449–0.8529 B-cubed F1 over 5 shuffled orders
    /// (halves of its events 0.8589–0.8671 / 0.8466–0.8853), keeping them open 0.8474–0.8558
    /// (0.8589–0.8679 / 0.8532–0.8861); undated articles land anywhere in a shuffled order.
    /// </summary>
    private bool StaysOpenUndated(double? lastDay, long lastArrival) =>
        lastDay is null && _latestDay is not null && _arrivals - lastArrival <= _options.WindowArticles;

    /// <summary>
    /// Retires <paramref name="events"/> and returns their articles grouped by <see cref="ScaledLinkage"/>
    /// (each group to become an event, not yet built, posted nor listed). <paramref name="reweigh"/>: weigh the articles by the IDF of
    /// this moment (from their term counts) instead of using the vectors they arrived with. A group keeps
    /// the id of the event that gave it most members (the older on ties) unless a group before it kept that
    /// id; otherwise it is a new event named after its earliest member.
    /// </summary>
    private List<RegroupedEvent> Regroup(List<EventState> events, bool reweigh)
    {
        events.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var records = new List<MemberRecord>();
        var from = new List<EventState>();
        foreach (var e in events)
        {
            foreach (var r in e.Records)
            {
                records.Add(r);
                from.Add(e);
            }
            _retiring.Add(e);
        }
        Retire();
        var content = new SparseVector[records.Count];
        for (int i = 0; i < content.Length; i++)
            content[i] = reweigh ? SparseVector.Weigh(records[i].Counts, _contentTerms, _options.MaxContentTerms) : records[i].Content;

        var heirs = new HashSet<EventState>();
        var shares = new Dictionary<EventState, int>();
        var rebuilt = new List<RegroupedEvent>();
        foreach (var group in new ScaledLinkage(_options).Cluster(content))
        {
            group.Sort((a, b) => records[a].Arrival.CompareTo(records[b].Arrival));
            shares.Clear();
            foreach (int i in group) shares[from[i]] = shares.GetValueOrDefault(from[i]) + 1;
            EventState? heir = null;
            foreach (var (e, n) in shares)
            {
                if (heirs.Contains(e)) continue;
                if (heir is null || n > shares[heir] || (n == shares[heir] && e.Sequence < heir.Sequence)) heir = e;
            }
            var groupRecords = new List<MemberRecord>(group.Count);
            foreach (int i in group) groupRecords.Add(records[i] with { Content = content[i] });
            if (heir is null)
            {
                rebuilt.Add(new RegroupedEvent(_sequence++, "event-" + records[group[0]].Member.ArticleId, groupRecords));
            }
            else
            {
                heirs.Add(heir);
                rebuilt.Add(new RegroupedEvent(heir.Sequence, heir.Id, groupRecords));
            }
        }
        return rebuilt;
    }

    /// <summary>A group <see cref="Regroup"/> formed: the event it continues or starts (sequence, id) and its members' records, earliest arrival first.</summary>
    private sealed record RegroupedEvent(int Sequence, string Id, List<MemberRecord> Records)
    {
        public long LastArrival => Records[^1].Arrival;

        /// <summary>The earliest and latest article time of the members; null when none is dated.</summary>
        public (double? First, double? Last) DayRange()
        {
            double? first = null, last = null;
            foreach (var r in Records)
            {
                if (r.Day is not { } d) continue;
                if (first is null || d < first) first = d;
                if (last is null || d > last) last = d;
            }
            return (first, last);
        }

        /// <summary>The open event of these members (centroid and all).</summary>
        public EventState ToEvent()
        {
            var e = new EventState(Sequence, Id);
            foreach (var r in Records) e.Add(r, null);
            return e;
        }
    }

    /// <summary>
    /// Closes events idle for longer than the window (by article time or, for undated streams, by
    /// arrivals) and events older than <see cref="ClusteringOptions.MaxEventSpan"/> (<see cref="CloseRegrouped"/>).
    /// </summary>
    private void EvictIdle()
    {
        var closing = new List<EventState>();
        foreach (var e in _open)
        {
            bool idleInTime = _latestDay is { } latest && e.LastDay is { } last && latest - last > _windowDays;
            bool tooLong = _latestDay is { } now && e.FirstDay is { } first && now - first > _maxSpanDays;
            bool idleInArrivals = _arrivals - e.LastArrival > _options.WindowArticles;
            if (idleInTime || tooLong || idleInArrivals) closing.Add(e);
        }
        CloseRegrouped(closing, streamEnds: false);
    }

    /// <summary>Reports the event as closed and queues it for <see cref="Retire"/>.</summary>
    private void CloseEvent(EventState e)
    {
        _closed.Add(new ClosedEvent(e.Id, e.Members, ToTime(e.FirstDay), ToTime(e.LastDay)));
        _retiring.Add(e);
    }

    internal static DateTimeOffset? ToTime(double? day) =>
        day is { } d ? new DateTimeOffset((long)(d * TimeSpan.TicksPerDay), TimeSpan.Zero) : null;
}
