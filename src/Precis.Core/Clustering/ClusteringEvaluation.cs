using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Precis.Dedup;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;
using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>The scores of one clustering method on one evaluation run, with its speed.</summary>
/// <remarks><see cref="Predicted"/> maps every gold article id to the method's cluster label.</remarks>
public sealed record MethodResult(string Method, ClusterScores Scores, TimeSpan Elapsed, int ClusteredArticles, IReadOnlyDictionary<string, string> Predicted)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? ClusteredArticles / Elapsed.TotalSeconds : double.PositiveInfinity;
}

/// <summary>One evaluation run over a gold file, in one input order.</summary>
public sealed record ClusteringRun(int? ShuffleSeed, int Articles, int Rejected, int Duplicates, IReadOnlyList<MethodResult> Methods)
{
    public MethodResult Engine => Methods[0];
}

/// <summary>How well stories given one at a time stay whole: each should come out as a single event.</summary>
public sealed record SingleStoryResult(string Path, int Stories, int KeptWhole, double MeanEvents, double MeanLargestShare);

/// <summary>
/// A gold file read and prepared once: its documents (cleaned and segmented as for a digest), the gold
/// event of every input article by id, and how many inputs the pipeline rejected.
/// </summary>
public sealed record GoldSet(string Path, IReadOnlyList<Document> Documents, IReadOnlyDictionary<string, string> GoldById, int Rejected);

/// <summary>
/// Scores the clusterer on a gold file in the evaluation format (one article per line with an
/// <c>event</c> label). The articles go through the same reading, cleaning, segmentation and dedup as a
/// digest; the gold label is read separately, by line, and never reaches the engine. Articles that the
/// pipeline rejects still count: each is its own cluster. Three methods are scored on the same documents:
/// the engine (batch mode, as the pipeline runs it), the same clusterer fed one article at a time the way
/// a feed would deliver them (streaming, see <see cref="ArrivalOrder"/>), and the TF-IDF agglomerative
/// baseline. A shuffled run puts the documents in a seeded random order (cleaning is per article, so it is
/// done once) and runs dedup and clustering on that order.
/// </summary>
public sealed class ClusteringEvaluation
{
    private readonly PrecisPipeline _pipeline;

    public ClusteringEvaluation(PrecisPipeline? pipeline = null) => _pipeline = pipeline ?? PrecisPipeline.Default;

    /// <summary>The pipeline's options (dedup and clustering settings the evaluation runs with).</summary>
    public PrecisOptions Options => _pipeline.Options;

    /// <param name="set">The prepared gold file.</param>
    /// <param name="shuffleSeed">Seed of the input order; null keeps the file order.</param>
    /// <param name="engineOnly">Skip the streaming run, the baseline and the window's limit (for quick checks).</param>
    public ClusteringRun Run(GoldSet set, int? shuffleSeed = null, bool engineOnly = false)
    {
        var documents = Ordered(set.Documents, shuffleSeed);
        var goldById = set.GoldById;
        var dedup = new Deduplicator(_pipeline.Options.Dedup).Run(documents);

        var clusterer = new EventClusterer(_pipeline.Options.Clustering);
        var watch = Stopwatch.StartNew();
        var groups = clusterer.Cluster(documents, dedup, []);
        watch.Stop();
        var methods = new List<MethodResult>
        {
            Score("engine (batch)", goldById, Labels(groups.Select(g => g.Documents), documents), watch.Elapsed, documents.Count),
        };
        if (!engineOnly)
        {
            methods.Add(Online(documents, goldById));

            watch.Restart();
            var baselineGroups = new AgglomerativeBaseline().Cluster(documents);
            watch.Stop();
            methods.Add(Score($"baseline (tf-idf average-link, cut {AgglomerativeBaseline.DefaultThreshold:0.00})", goldById,
                Labels(baselineGroups.Select(g => g.Select(i => documents[i].Index)), documents), watch.Elapsed, documents.Count));
            methods.Add(Score(WindowLimitMethod, goldById, Labels(WindowCut(ArrivalOrder(documents), goldById, _pipeline.Options.Clustering), documents), TimeSpan.Zero, documents.Count));
        }
        return new ClusteringRun(shuffleSeed, goldById.Count, set.Rejected, dedup.DuplicateOf.Count, methods);
    }

    /// <summary>The name of the row that scores the gold events cut by the stream's window (see <see cref="WindowCut"/>).</summary>
    public const string WindowLimitMethod = "gold events cut by the stream's window";

    /// <summary>The streaming clusterer alone, fed in the order a feed would deliver the documents (<see cref="ArrivalOrder"/>).</summary>
    public MethodResult RunOnline(GoldSet set, int? shuffleSeed = null) => Online(Ordered(set.Documents, shuffleSeed), set.GoldById);

    private MethodResult Online(IReadOnlyList<Document> documents, IReadOnlyDictionary<string, string> goldById)
    {
        var watch = Stopwatch.StartNew();
        var online = new OnlineClusterer(_pipeline.Options.Clustering);
        foreach (var d in ArrivalOrder(documents)) online.Add(d);
        var closed = online.CloseAll();
        watch.Stop();
        return Score("online (stream in date order)", goldById, Labels(closed.Select(e => e.Members.Select(m => m.Tag)), documents), watch.Elapsed, documents.Count);
    }

    /// <summary>
    /// The best any stream with this window can do: each gold event is cut wherever the stream would have
    /// closed it (its last dated article more than <see cref="ClusteringOptions.Window"/> before the latest
    /// article time seen, or its first more than <see cref="ClusteringOptions.MaxEventSpan"/>), and the
    /// pieces are scored as clusters. Precision is 1 by construction; the recall is the ceiling of the
    /// online mode's recall in that arrival order. The clock is the stream's: the time the feed gives
    /// (<see cref="ArticleProfiler.FeedDayOf"/>); articles without one neither move it nor get cut.
    /// </summary>
    internal static List<List<int>> WindowCut(IReadOnlyList<Document> arrivals, IReadOnlyDictionary<string, string> goldById, ClusteringOptions options)
    {
        var open = new Dictionary<string, (List<int> Members, double? First, double? Last)>(StringComparer.Ordinal);
        var pieces = new List<List<int>>();
        double? latest = null;
        foreach (var d in arrivals)
        {
            double? day = ArticleProfiler.FeedDayOf(d);
            if (day is { } now && (latest is null || now > latest)) latest = day;
            string gold = goldById[d.Id];
            if (!open.TryGetValue(gold, out var piece)
                || (latest is { } clock && piece.Last is { } last && piece.First is { } first
                    && (clock - last > options.Window.TotalDays || clock - first > options.MaxEventSpan.TotalDays)))
            {
                piece = ([], null, null);
                pieces.Add(piece.Members);
            }
            piece.Members.Add(d.Index);
            if (day is { } t) piece = (piece.Members, piece.First is { } f && f < t ? f : t, piece.Last is { } l && l > t ? l : t);
            open[gold] = piece;
        }
        return pieces;
    }

    /// <summary>
    /// Runs the streaming clusterer over a long synthetic stream built from the gold events of the given
    /// files (see <see cref="ClusteringStream"/>).
    /// </summary>
    public StreamResult RunStream(IReadOnlyList<string> paths, StreamSettings settings)
    {
        var stories = new List<IReadOnlyList<Document>>();
        foreach (string path in paths)
        {
            var set = Load(path);
            foreach (var story in set.Documents.GroupBy(d => set.GoldById[d.Id], StringComparer.Ordinal)) stories.Add(story.ToList());
        }
        return ClusteringStream.Run(stories, settings, _pipeline.Options.Clustering);
    }

    /// <summary>
    /// The digest use case: a batch that is all about one story should come out as one event. Reads a
    /// multi-document summarization file (one event cluster per line) and clusters each cluster's
    /// articles on their own, ignoring the declared grouping.
    /// </summary>
    public SingleStoryResult RunSingleStory(string path)
    {
        var batch = new InputReader(_pipeline.Options.Input).Read([path]);
        var prepared = _pipeline.Prepare(new InputBatch(batch.Articles, batch.Rejections, []));
        var byId = prepared.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var clusterer = new EventClusterer(_pipeline.Options.Clustering);
        int stories = 0, whole = 0, events = 0;
        double largestShare = 0;
        foreach (var cluster in batch.Clusters)
        {
            var members = cluster.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (members.Count < 2) continue;
            var documents = Renumbered(members);
            var groups = clusterer.Cluster(documents, new Deduplicator(_pipeline.Options.Dedup).Run(documents), []);
            stories++;
            events += groups.Count;
            if (groups.Count == 1) whole++;
            largestShare += groups.Max(g => g.Documents.Count) / (double)documents.Length;
        }
        return new SingleStoryResult(path, stories, whole, stories == 0 ? 0 : events / (double)stories, stories == 0 ? 0 : largestShare / stories);
    }

    /// <summary>Reads and prepares a gold file.</summary>
    public GoldSet Load(string path)
    {
        var gold = ReadGold(path);
        var batch = new InputReader(_pipeline.Options.Input).Read([path]);
        var prepared = _pipeline.Prepare(new InputBatch(batch.Articles, batch.Rejections, []));
        var goldById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in batch.Articles) goldById[a.Id] = GoldOf(gold, a.Origin, a.Id);
        foreach (var r in batch.Rejections) goldById[r.Id] = GoldOf(gold, r.Origin, r.Id);
        return new GoldSet(path, prepared.Documents, goldById, prepared.Rejected.Count + batch.Rejections.Count);
    }

    /// <summary>The documents in a seeded random order, renumbered as the pipeline numbers them (by position).</summary>
    private static IReadOnlyList<Document> Ordered(IReadOnlyList<Document> documents, int? shuffleSeed)
    {
        if (shuffleSeed is not { } seed) return documents;
        var order = documents.ToArray();
        new Random(seed).Shuffle(order);
        return Renumbered(order);
    }

    /// <summary>The documents numbered by their position, as the pipeline numbers a batch.</summary>
    private static Document[] Renumbered(IReadOnlyList<Document> documents)
    {
        var renumbered = new Document[documents.Count];
        for (int i = 0; i < renumbered.Length; i++) renumbered[i] = new Document(i, documents[i].Cleaned, Renumber(documents[i].Sentences, i));
        return renumbered;
    }

    private static Sentence[] Renumber(IReadOnlyList<Sentence> sentences, int document)
    {
        var result = new Sentence[sentences.Count];
        for (int i = 0; i < result.Length; i++) result[i] = sentences[i] with { Document = document };
        return result;
    }

    /// <summary>
    /// The order a news feed would deliver the articles in: by date, an undated article arriving with the
    /// dated one before it in the input (or first, when none is). Ties keep the input order.
    /// </summary>
    internal static IReadOnlyList<Document> ArrivalOrder(IReadOnlyList<Document> documents)
    {
        var keyed = new (double Day, int Position)[documents.Count];
        double day = double.NegativeInfinity;
        for (int i = 0; i < documents.Count; i++)
        {
            if (ArticleProfiler.DayOf(documents[i]) is { } d) day = d;
            keyed[i] = (day, i);
        }
        Array.Sort(keyed);
        var ordered = new Document[documents.Count];
        for (int i = 0; i < keyed.Length; i++) ordered[i] = documents[keyed[i].Position];
        return ordered;
    }

    private static Dictionary<string, string> Labels(IEnumerable<IEnumerable<int>> groups, IReadOnlyList<Document> documents)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        int g = 0;
        foreach (var group in groups)
        {
            string label = "c" + g++.ToString(CultureInfo.InvariantCulture);
            foreach (int index in group) labels[documents[index].Id] = label;
        }
        return labels;
    }

    /// <summary>Articles the method left out (rejected by the pipeline) are each a cluster of their own.</summary>
    private static MethodResult Score(string method, IReadOnlyDictionary<string, string> goldById, Dictionary<string, string> labels, TimeSpan elapsed, int clustered)
    {
        var gold = new List<string>(goldById.Count);
        var predicted = new List<string>(goldById.Count);
        var predictedById = new Dictionary<string, string>(goldById.Count, StringComparer.Ordinal);
        foreach (var (id, label) in goldById)
        {
            gold.Add(label);
            string p = labels.TryGetValue(id, out var l) ? l : "unclustered:" + id;
            predicted.Add(p);
            predictedById[id] = p;
        }
        return new MethodResult(method, ClusterScores.Compute(gold, predicted), elapsed, clustered, predictedById);
    }

    private static string GoldOf(Dictionary<int, string> gold, string origin, string id)
    {
        int colon = origin.LastIndexOf(':');
        if (colon >= 0 && int.TryParse(origin.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int line) && gold.TryGetValue(line, out var label))
            return label;
        throw new InvalidDataException($"No gold event for article {id} ({origin}).");
    }

    /// <summary>Line number (from 1, as InputReader counts) → gold event label.</summary>
    private static Dictionary<int, string> ReadGold(string path)
    {
        var gold = new Dictionary<int, string>();
        int lineNo = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            if (!doc.RootElement.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}:{lineNo}: no \"event\" label; not a clustering gold file.");
            gold[lineNo] = e.GetString()!;
        }
        return gold;
    }
}
