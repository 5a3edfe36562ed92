using System.Globalization;
using System.Text.Json;
using Precis.Model;

namespace Precis.Input;

/// <summary>Limits that keep one input from exhausting memory.</summary>
public sealed record InputOptions
{
    /// <summary>A plain-text article larger than this is rejected; real articles are a few kilobytes.</summary>
    public long MaxArticleBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>One JSONL line (an article, or a whole event cluster) larger than this is rejected.</summary>
    public int MaxJsonLineBytes { get; init; } = 16 * 1024 * 1024;
}

/// <summary>
/// Reads files and directories (recursively, in ordinal path order so runs are deterministic) into an
/// <see cref="InputBatch"/>. Supported: <c>.txt</c> (one article per file, id = file name) and
/// <c>.jsonl</c> (one article per line, or one event cluster per line with a <c>docs</c> array). Every
/// input ends up as an article or a rejection with a reason; nothing here throws for bad input.
/// </summary>
public sealed class InputReader
{
    private readonly InputOptions _options;

    public InputReader(InputOptions? options = null) => _options = options ?? new InputOptions();

    public InputBatch Read(IEnumerable<string> paths)
    {
        var state = new State();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (Path.GetFileName(file).StartsWith('.')) continue; // hidden files (.DS_Store, editor swap files)
                    ReadFile(file, state);
                }
            }
            else
            {
                ReadFile(path, state);
            }
        }
        return new InputBatch(state.Articles, state.Rejections, state.Clusters);
    }

    private void ReadFile(string path, State state)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string id = Path.GetFileNameWithoutExtension(path);
        if (!File.Exists(path))
        {
            state.Reject(id, path, Directory.Exists(Path.GetDirectoryName(path) ?? ".")
                ? "unreadable: no such file"
                : "unreadable: no such file or directory");
            return;
        }
        switch (ext)
        {
            case ".jsonl":
                ReadJsonLines(path, state);
                break;
            case ".txt":
            case "":
                ReadText(path, id, state);
                break;
            default:
                state.Reject(id, path, $"unsupported file type '{ext}': expected .txt (one article) or .jsonl");
                break;
        }
    }

    private void ReadText(string path, string id, State state)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > _options.MaxArticleBytes)
            {
                state.Reject(id, path, $"too large: {info.Length:N0} bytes, the limit for one article is {_options.MaxArticleBytes:N0} bytes");
                return;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            state.Reject(id, path, $"unreadable: {e.Message}");
            return;
        }
        var decoded = TextDecoder.Decode(bytes);
        if (!decoded.Success)
        {
            state.Reject(id, path, decoded.Rejection!);
            return;
        }
        state.Add(new Article(id, decoded.Text!) { Origin = path });
    }

    private void ReadJsonLines(string path, State state)
    {
        string fileId = Path.GetFileNameWithoutExtension(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            state.Reject(fileId, path, $"unreadable: {e.Message}");
            return;
        }
        using (stream)
        {
            int lineNo = 0;
            foreach (var line in JsonLines.Read(stream, _options.MaxJsonLineBytes))
            {
                lineNo++;
                string origin = $"{path}:{lineNo}";
                string lineId = $"{fileId}#{lineNo}";
                if (line.TooLong)
                {
                    state.Reject(lineId, origin, $"too large: line {lineNo} is over {_options.MaxJsonLineBytes:N0} bytes");
                    continue;
                }
                if (line.Bytes.IsEmpty || line.Bytes.Span.Trim((byte)' ').Trim((byte)'\r').IsEmpty) continue;
                var decoded = TextDecoder.Decode(line.Bytes.Span);
                if (!decoded.Success)
                {
                    state.Reject(lineId, origin, decoded.Rejection!);
                    continue;
                }
                try
                {
                    using var doc = JsonDocument.Parse(decoded.Text!);
                    ReadJsonRecord(doc.RootElement, lineId, origin, state);
                }
                catch (JsonException e)
                {
                    state.Reject(lineId, origin, $"malformed JSON on line {lineNo}: {e.Message}");
                }
            }
        }
    }

    private static void ReadJsonRecord(JsonElement root, string lineId, string origin, State state)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            state.Reject(lineId, origin, "malformed record: expected a JSON object");
            return;
        }
        if (root.TryGetProperty("docs", out var docs) && docs.ValueKind == JsonValueKind.Array)
        {
            string clusterId = GetString(root, "id") ?? lineId;
            var ids = new List<string>();
            int n = 0;
            foreach (var doc in docs.EnumerateArray())
            {
                n++;
                string docId = GetString(doc, "id") ?? $"{clusterId}#{n}";
                var article = ReadArticle(doc, docId, $"{origin} docs[{n - 1}]", state);
                if (article is not null) ids.Add(article.Id);
            }
            state.Clusters.Add(new GivenCluster(clusterId, ids));
            return;
        }
        ReadArticle(root, GetString(root, "id") ?? lineId, origin, state);
    }

    private static Article? ReadArticle(JsonElement obj, string id, string origin, State state)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            state.Reject(id, origin, "malformed record: expected a JSON object");
            return null;
        }
        string? text = GetString(obj, "text");
        if (text is null)
        {
            state.Reject(id, origin, "malformed record: no \"text\" field");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            state.Reject(id, origin, "empty: the article text is blank");
            return null;
        }
        DateTimeOffset? timestamp = ParseTimestamp(GetString(obj, "date"));
        var article = new Article(id, text)
        {
            Title = NullIfBlank(GetString(obj, "title")),
            Source = NullIfBlank(GetString(obj, "source")),
            Url = NullIfBlank(GetString(obj, "url")),
            Date = timestamp is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null,
            Timestamp = timestamp,
            Origin = origin,
        };
        return state.Add(article);
    }

    internal static DateTimeOffset? ParseTimestamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        return null;
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed class State
    {
        private readonly ArticleIds _ids = new();
        public List<Article> Articles { get; } = [];
        public List<Rejection> Rejections { get; } = [];
        public List<GivenCluster> Clusters { get; } = [];

        public void Reject(string id, string origin, string reason) => Rejections.Add(new Rejection(_ids.Unique(id), origin, reason));

        public Article Add(Article article)
        {
            article = _ids.Renamed(article);
            Articles.Add(article);
            return article;
        }
    }
}
