using System.Globalization;
using System.Text;
using System.Text.Json;
using Precis.Dedup;
using Precis.Input;
using Precis.Model;
using Precis.Output;
using Precis.Pipeline;

namespace Precis.Clustering;

/// <summary>One event of a clustering run: its id and its article ids (near-duplicates included).</summary>
public sealed record ReportedCluster(string Id, IReadOnlyList<string> Articles, IReadOnlyList<string> Titles);

/// <summary>
/// What <c>precis cluster</c> shows: the events found, and every input that could not be clustered with
/// the reason. Every input article appears exactly once, in a cluster or among the rejections.
/// </summary>
public sealed record ClusterReport(IReadOnlyList<ReportedCluster> Clusters, IReadOnlyList<Rejection> Rejected)
{
    /// <summary>Reads, cleans, segments and deduplicates the batch as a digest would, then groups it into events.</summary>
    public static ClusterReport Build(PrecisPipeline pipeline, InputBatch batch)
    {
        var prepared = pipeline.Prepare(batch);
        var documents = prepared.Documents;
        var dedup = new Deduplicator(pipeline.Options.Dedup).Run(documents);
        var groups = new EventClusterer(pipeline.Options.Clustering).Cluster(documents, dedup, batch.Clusters);
        var clusters = new List<ReportedCluster>(groups.Count);
        foreach (var g in groups)
        {
            var ids = new List<string>(g.Documents.Count);
            var titles = new List<string>();
            foreach (int i in g.Documents)
            {
                ids.Add(documents[i].Id);
                if (documents[i].Title is { } title && !titles.Contains(title)) titles.Add(title);
            }
            clusters.Add(new ReportedCluster(g.Id, ids, titles));
        }
        var rejected = new List<Rejection>(batch.Rejections);
        foreach (var article in batch.Articles)
            if (prepared.Rejected.TryGetValue(article.Id, out var reason)) rejected.Add(new Rejection(article.Id, article.Origin, reason));
        return new ClusterReport(clusters, rejected);
    }

    /// <summary><c>{"clusters": [{"id", "articles": [...]}], "rejected": [{"id", "reason"}]}</c>.</summary>
    public string ToJson() =>
        JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("clusters");
            foreach (var c in Clusters)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteStartArray("articles");
                foreach (string id in c.Articles) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            JsonText.WriteRejections(w, Rejected);
            w.WriteEndObject();
        });

    /// <summary>A plain listing for people: one block per event, largest first, with the titles found.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var c in Clusters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Id} ({c.Articles.Count} article{(c.Articles.Count == 1 ? "" : "s")})\n");
            foreach (string title in c.Titles.Take(3)) sb.Append("  \"").Append(title).Append("\"\n");
            sb.Append("  ").AppendJoin(' ', c.Articles).Append('\n');
        }
        foreach (var r in Rejected) sb.Append("rejected ").Append(r.Id).Append(": ").Append(r.Reason).Append('\n');
        return sb.ToString();
    }
}
