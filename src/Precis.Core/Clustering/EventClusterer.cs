using Precis.Dedup;
using Precis.Input;
using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>A group of documents about one real-world event.</summary>
public sealed record EventGroup(string Id, IReadOnlyList<int> Documents);

public sealed record ClusteringOptions;

/// <summary>
/// First version: clusters declared by the input are kept as they are; every other document forms one
/// event together.
/// </summary>
public sealed class EventClusterer
{
    private readonly ClusteringOptions _options;

    public EventClusterer(ClusteringOptions? options = null) => _options = options ?? new ClusteringOptions();

    public ClusteringOptions Options => _options;

    public IReadOnlyList<EventGroup> Cluster(IReadOnlyList<Document> documents, DedupResult dedup, IReadOnlyList<GivenCluster> given)
    {
        var byId = documents.ToDictionary(d => d.Id, d => d.Index, StringComparer.Ordinal);
        var assigned = new HashSet<int>();
        var groups = new List<EventGroup>();
        foreach (var cluster in given)
        {
            var members = cluster.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id]).Where(assigned.Add).ToList();
            if (members.Count > 0) groups.Add(new EventGroup(cluster.Id, members));
        }
        var rest = documents.Select(d => d.Index).Where(i => !assigned.Contains(i)).ToList();
        if (rest.Count > 0) groups.Add(new EventGroup($"event-{groups.Count + 1}", rest));
        return groups;
    }
}
