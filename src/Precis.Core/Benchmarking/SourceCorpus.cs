using System.Text.Json;

namespace Precis.Benchmarking;

/// <summary>A real article that synthetic streams are built from.</summary>
public sealed record SourceArticle(string Text, string? Title, string? Source);

/// <summary>Real articles about one event, as an evaluation file groups them.</summary>
public sealed record SourceEvent(string Name, IReadOnlyList<SourceArticle> Articles);

/// <summary>
/// The real texts a synthetic stream is made of, grouped by event: the clusters of an MDS file
/// (<c>{"id", "docs": [...]}</c> per line) and the articles of a clustering file (<c>{"event", "text"}</c>
/// per line). A text that several files hold (pooled-dev repeats the MDS documents) is kept once, at its first
/// occurrence. Lines that cannot be used are counted in <see cref="SkippedLines"/>, not thrown.
/// </summary>
public sealed class SourceCorpus
{
    private SourceCorpus(IReadOnlyList<SourceEvent> events, int skippedLines)
    {
        Events = events;
        SkippedLines = skippedLines;
    }

    public IReadOnlyList<SourceEvent> Events { get; }

    /// <summary>Lines that were not JSON objects with a text (or a docs array); they add nothing to the corpus.</summary>
    public int SkippedLines { get; }

    public int ArticleCount => Events.Sum(e => e.Articles.Count);

    /// <summary>The evaluation files a bench stream is built from by default: every MDS set, then the clustering sets.</summary>
    public static IReadOnlyList<string> DefaultFiles(string evalDirectory) =>
        ((string[])["mds", "clustering"])
            .Select(folder => Path.Combine(evalDirectory, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
            .ToList();

    /// <summary>
    /// The nearest <c>shared/eval</c> folder at or above <paramref name="start"/> (the checkout has it at
    /// <c>../shared/eval</c>), or null when there is none.
    /// </summary>
    public static string? FindEvalDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(Path.Combine(candidate, "mds"))) return candidate;
        }
        return null;
    }

    /// <summary>Reads the files in order; an article's event is its cluster id, else its "event" field, else its own id.</summary>
    public static SourceCorpus Load(IEnumerable<string> files)
    {
        var events = new Dictionary<string, List<SourceArticle>>(StringComparer.Ordinal);
        var order = new List<string>();
        var seenTexts = new HashSet<string>(StringComparer.Ordinal);
        int skipped = 0;

        void Add(string eventName, SourceArticle article)
        {
            if (!seenTexts.Add(article.Text)) return;
            if (!events.TryGetValue(eventName, out var list))
            {
                events[eventName] = list = [];
                order.Add(eventName);
            }
            list.Add(article);
        }

        foreach (string file in files)
        {
            string fileName = Path.GetFileNameWithoutExtension(file);
            int lineNo = 0;
            foreach (string line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(line);
                }
                catch (JsonException)
                {
                    skipped++;
                    continue;
                }
                using (doc)
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) { skipped++; continue; }
                    string lineId = GetString(root, "id") ?? $"{fileName}#{lineNo}";
                    if (root.TryGetProperty("docs", out var docs) && docs.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var d in docs.EnumerateArray())
                            if (ReadArticle(d) is { } article) Add($"{fileName}/{lineId}", article);
                        continue;
                    }
                    if (ReadArticle(root) is { } single) Add($"{fileName}/{GetString(root, "event") ?? lineId}", single);
                    else skipped++;
                }
            }
        }
        return new SourceCorpus(order.Select(name => new SourceEvent(name, events[name])).ToList(), skipped);
    }

    private static SourceArticle? ReadArticle(JsonElement obj)
    {
        string? text = GetString(obj, "text");
        if (string.IsNullOrWhiteSpace(text)) return null;
        return new SourceArticle(text, NullIfBlank(GetString(obj, "title")), NullIfBlank(GetString(obj, "source")));
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
