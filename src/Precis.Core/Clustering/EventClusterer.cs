using Precis.Dedup;
using Precis.Input;
using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>A group of documents about one real-world event.</summary>
public sealed record EventGroup(string Id, IReadOnlyList<int> Documents);

/// <summary>
/// Groups a whole batch of documents into events: the pipeline's clustering stage. Clusters declared by
/// the input are kept as given. Near-duplicates go with their original without being compared to
/// anything. Every other document is clustered in batch mode (<see cref="ClusterBatch"/>). Discovered events come largest first, then most recent, then by id; an event's
/// id is derived from its first article's id, so it is stable across runs. Immutable and thread-safe: every
/// call uses its own clusterer.
/// </summary>
public sealed class EventClusterer
{
    private readonly ClusteringOptions _options;

    public EventClusterer(ClusteringOptions? options = null) => _options = options ?? new ClusteringOptions();

    public ClusteringOptions Options => _options;

    public IReadOnlyList<EventGroup> Cluster(IReadOnlyList<Document> documents, DedupResult dedup, IReadOnlyList<GivenCluster> given)
    {
        var groupOf = new Dictionary<int, int>();
        var members = new List<List<int>>();
        var ids = new List<string>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byIndex = new Dictionary<int, Document>();
        foreach (var d in documents)
        {
            byId[d.Id] = d.Index;
            byIndex[d.Index] = d;
        }
        foreach (var cluster in given)
        {
            var list = new List<int>();
            foreach (string articleId in cluster.ArticleIds)
                if (byId.TryGetValue(articleId, out int index) && groupOf.TryAdd(index, members.Count)) list.Add(index);
            if (list.Count == 0) continue;
            members.Add(list);
            ids.Add(cluster.Id);
        }
        int givenCount = members.Count;

        var originals = new List<Document>();
        foreach (var d in documents)
            if (!groupOf.ContainsKey(d.Index) && !dedup.IsDuplicate(d.Index)) originals.Add(d);
        foreach (var e in ClusterBatch(originals))
        {
            var list = new List<int>(e.Members.Count);
            foreach (var m in e.Members)
            {
                groupOf[m.Tag] = members.Count;
                list.Add(m.Tag);
            }
            members.Add(list);
            ids.Add(e.Id);
        }

        // A duplicate follows its original (through chains of copies) without costing a comparison.
        foreach (var d in documents)
        {
            if (groupOf.ContainsKey(d.Index) || !dedup.DuplicateOf.TryGetValue(d.Index, out int original)) continue;
            while (!groupOf.ContainsKey(original) && dedup.DuplicateOf.TryGetValue(original, out int earlier) && earlier != original) original = earlier;
            if (groupOf.TryGetValue(original, out int group))
            {
                members[group].Add(d.Index);
                groupOf[d.Index] = group;
            }
            else
            {
                groupOf[d.Index] = members.Count;
                members.Add([d.Index]);
                ids.Add("event-" + d.Id);
            }
        }

        var groups = new List<EventGroup>(members.Count);
        for (int g = 0; g < givenCount; g++) groups.Add(new EventGroup(ids[g], members[g]));
        var discovered = new List<(EventGroup Group, double LatestDay)>();
        for (int g = givenCount; g < members.Count; g++)
        {
            members[g].Sort();
            double latest = double.NegativeInfinity;
            foreach (int i in members[g])
                if (ArticleProfiler.DayOf(byIndex[i]) is { } day && day > latest) latest = day;
            discovered.Add((new EventGroup(ids[g], members[g]), latest));
        }
        discovered.Sort(static (a, b) =>
        {
            int c = b.Group.Documents.Count.CompareTo(a.Group.Documents.Count);
            if (c == 0) c = b.LatestDay.CompareTo(a.LatestDay);
            return c != 0 ? c : string.CompareOrdinal(a.Group.Id, b.Group.Id);
        });
        foreach (var (group, _) in discovered) groups.Add(group);
        return groups;
    }

    /// <summary>
    /// Batch mode: the IDF over all of <paramref name="documents"/> first, then every article's vectors and
    /// their coordinates in the batch's latent space (<see cref="LatentSemantics"/>), then locally scaled
    /// average-link agglomeration (<see cref="ScaledLinkage"/>). The input order does
    /// not matter. Nothing is evicted: the batch is in memory anyway. Members are tagged with
    /// <see cref="Document.Index"/>; an event's id comes from its ordinally first article id.
    /// </summary>
    public IReadOnlyList<ClosedEvent> ClusterBatch(IReadOnlyList<Document> documents)
    {
        var clusterer = new OnlineClusterer(_options, evictIdle: false);
        int n = documents.Count;
        var profiles = new ArticleProfile[n];
        for (int i = 0; i < n; i++)
        {
            profiles[i] = clusterer.Profile(documents[i]);
            clusterer.CountDocument(profiles[i]);
        }
        var content = new SparseVector[n];
        for (int i = 0; i < n; i++) content[i] = clusterer.Vectorize(profiles[i]).Content;
        var events = new List<ClosedEvent>();
        // With no more articles than latent dimensions the latent space keeps every direction: its cosines
        // are the content cosines, and blending them changes nothing.
        float[][]? latent = n > _options.LatentRank && _options.LatentWeight > 0
            ? LatentSemantics.Embed(content, profiles.Select(static p => p.Id).ToList(), _options.LatentRank)
            : null;
        foreach (var group in new ScaledLinkage(_options).Cluster(content, latent, documents.Select(ArticleProfiler.FeedDayOf).ToList()))
        {
            var members = new List<EventMember>(group.Count);
            string first = profiles[group[0]].Id;
            double? earliest = null, latest = null;
            foreach (int i in group)
            {
                members.Add(new EventMember(profiles[i].Id, profiles[i].Tag));
                if (string.CompareOrdinal(profiles[i].Id, first) < 0) first = profiles[i].Id;
                if (profiles[i].Day is not { } d) continue;
                if (earliest is null || d < earliest) earliest = d;
                if (latest is null || d > latest) latest = d;
            }
            events.Add(new ClosedEvent("event-" + first, members, OnlineClusterer.ToTime(earliest), OnlineClusterer.ToTime(latest)));
        }
        return events;
    }
}
