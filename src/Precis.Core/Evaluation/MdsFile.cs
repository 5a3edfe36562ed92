using System.Text.Json;

namespace Precis.Evaluation;

/// <summary>
/// What the evaluation needs from one cluster of a multi-document summarization file
/// (<c>../shared/eval/mds/*.jsonl</c>): its id, the budget its references were written for, the human
/// references (free text) and other systems' summaries for it ("peers", one sentence per line). The
/// documents themselves are read by <see cref="Input.InputReader"/>, like any engine input.
/// </summary>
public sealed record MdsCluster(string Id, int Words, IReadOnlyList<string> References, IReadOnlyDictionary<string, string> Peers);

/// <summary>The clusters of an MDS file, and the lines that could not be used (with line number and reason).</summary>
public sealed record MdsFile(IReadOnlyList<MdsCluster> Clusters, IReadOnlyList<string> Problems)
{
    public static MdsFile Read(string path)
    {
        var (clusters, problems) = JsonLines.Read(path, ReadCluster);
        return new MdsFile(clusters, problems);
    }

    private static (MdsCluster?, string?) ReadCluster(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "expected a JSON object");
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) return (null, "no string \"id\"");
        string name = id.GetString()!;
        if (!root.TryGetProperty("words", out var words) || !words.TryGetInt32(out int budget) || budget <= 0)
            return (null, $"{name}: \"words\" must be a positive whole number");
        if (!root.TryGetProperty("references", out var refs) || refs.ValueKind != JsonValueKind.Array || refs.GetArrayLength() == 0)
            return (null, $"{name}: \"references\" must be a non-empty array of summaries");
        var references = new List<string>();
        foreach (var reference in refs.EnumerateArray())
        {
            if (reference.ValueKind != JsonValueKind.String) return (null, $"{name}: every reference must be a string");
            references.Add(reference.GetString()!);
        }
        var peers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("peers", out var peerObject))
        {
            if (peerObject.ValueKind != JsonValueKind.Object) return (null, $"{name}: \"peers\" must map system names to summaries");
            foreach (var peer in peerObject.EnumerateObject())
            {
                if (peer.Value.ValueKind != JsonValueKind.String) return (null, $"{name}: peer {peer.Name} must be a string");
                peers[peer.Name] = peer.Value.GetString()!;
            }
        }
        return (new MdsCluster(name, budget, references, peers), null);
    }
}
