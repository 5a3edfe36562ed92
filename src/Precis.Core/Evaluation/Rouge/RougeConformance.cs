using System.Text.Json;

namespace Precis.Evaluation.Rouge;

/// <summary>
/// One case scored by the original ROUGE-1.5.5 script: a summary, its references, the script's options
/// and the scores it printed for ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4.
/// </summary>
public sealed record RougeVector(
    string Case,
    string Protocol,
    string Options,
    IReadOnlyList<string> Summary,
    IReadOnlyList<IReadOnlyList<string>> References,
    IReadOnlyDictionary<RougeMeasure, RougeScore> Expected);

/// <summary>The vectors of a file, and the lines that could not be read (with line number and reason).</summary>
public sealed record RougeVectorFile(IReadOnlyList<RougeVector> Vectors, IReadOnlyList<string> Problems)
{
    /// <summary>The measures every vector carries, as the script printed them.</summary>
    public static IReadOnlyList<RougeMeasure> CheckedMeasures { get; } =
        [RougeMeasure.Rouge1, RougeMeasure.Rouge2, RougeMeasure.RougeL, RougeMeasure.RougeSU4];

    /// <summary>Reads a JSON Lines file of vectors (format: <c>../shared/eval/README.md</c>).</summary>
    public static RougeVectorFile Read(string path)
    {
        var (vectors, problems) = JsonLines.Read(path, ReadVector);
        return new RougeVectorFile(vectors, problems);
    }

    private static (RougeVector?, string?) ReadVector(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "expected a JSON object");
        string? name = String(root, "case"), protocol = String(root, "protocol"), options = String(root, "options");
        if (name is null || protocol is null || options is null) return (null, "needs string fields case, protocol and options");
        var summary = Strings(root, "system");
        if (summary is null) return (null, $"{name}: \"system\" must be an array of sentences");
        if (!root.TryGetProperty("references", out var refs) || refs.ValueKind != JsonValueKind.Array)
            return (null, $"{name}: \"references\" must be an array of references");
        var references = new List<IReadOnlyList<string>>();
        foreach (var reference in refs.EnumerateArray())
        {
            var sentences = SentenceArray(reference);
            if (sentences is null) return (null, $"{name}: every reference must be an array of sentences");
            references.Add(sentences);
        }
        if (!root.TryGetProperty("expected", out var expected) || expected.ValueKind != JsonValueKind.Object)
            return (null, $"{name}: no \"expected\" scores");
        var scores = new Dictionary<RougeMeasure, RougeScore>();
        foreach (var measure in CheckedMeasures)
        {
            string label = RougeScores.NameOf(measure);
            if (!expected.TryGetProperty(label, out var score) || Number(score, "R") is not { } r || Number(score, "P") is not { } p || Number(score, "F") is not { } f)
                return (null, $"{name}: expected.{label} needs numbers R, P and F");
            scores[measure] = new RougeScore(r, p, f);
        }
        return (new RougeVector(name, protocol, options, summary, references, scores), null);
    }

    private static string? String(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string>? Strings(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var v) ? SentenceArray(v) : null;

    private static List<string>? SentenceArray(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) return null;
        var sentences = new List<string>(array.GetArrayLength());
        foreach (var s in array.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String) return null;
            sentences.Add(s.GetString()!);
        }
        return sentences;
    }
}

/// <summary>A vector whose scores differ from the script's (or that could not be run), with what differs.</summary>
public sealed record RougeMismatch(string Case, string Protocol, string Reason);

/// <summary>How many vectors of one protocol match the script exactly.</summary>
public sealed record RougeProtocolResult(string Protocol, int Matched, int Total);

/// <summary>The outcome of checking a vector file: per protocol, overall, and every mismatch.</summary>
public sealed record RougeConformanceReport(IReadOnlyList<RougeProtocolResult> Protocols, IReadOnlyList<RougeMismatch> Mismatches)
{
    public int Matched => Protocols.Sum(p => p.Matched);

    public int Total => Protocols.Sum(p => p.Total);
}

/// <summary>
/// Checks our ROUGE against vectors from the original script: a vector matches when R, P and F of ROUGE-1,
/// ROUGE-2, ROUGE-L and ROUGE-SU4 all print the same to 5 decimals. Each vector's options are read from its
/// own command line, and one scorer is built per distinct option set.
/// </summary>
public static class RougeConformance
{
    public static RougeConformanceReport Check(IReadOnlyList<RougeVector> vectors)
    {
        var scorers = new Dictionary<RougeOptions, RougeScorer>();
        var protocols = new List<string>();
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var mismatches = new List<RougeMismatch>();
        foreach (var vector in vectors)
        {
            if (!totals.ContainsKey(vector.Protocol))
            {
                protocols.Add(vector.Protocol);
                totals[vector.Protocol] = 0;
                matched[vector.Protocol] = 0;
            }
            totals[vector.Protocol]++;
            var parsed = RougeOptions.Parse(vector.Options);
            if (!parsed.Success)
            {
                mismatches.Add(new RougeMismatch(vector.Case, vector.Protocol, $"cannot run '{vector.Options}': {parsed.Error}"));
                continue;
            }
            if (!scorers.TryGetValue(parsed.Options!, out var scorer)) scorers[parsed.Options!] = scorer = new RougeScorer(parsed.Options!);
            string? difference = Compare(vector, scorer.Score(vector.Summary, vector.References));
            if (difference is null) matched[vector.Protocol]++;
            else mismatches.Add(new RougeMismatch(vector.Case, vector.Protocol, difference));
        }
        return new RougeConformanceReport(protocols.Select(p => new RougeProtocolResult(p, matched[p], totals[p])).ToList(), mismatches);
    }

    /// <summary>Null when every checked measure matches, else which ones differ: expected vs got.</summary>
    public static string? Compare(RougeVector vector, RougeScores got)
    {
        List<string>? differences = null;
        foreach (var (measure, expected) in vector.Expected)
        {
            var actual = got[measure];
            if (!actual.SameTo5Decimals(expected))
                (differences ??= []).Add($"{RougeScores.NameOf(measure)} expected {expected} got {actual}");
        }
        return differences is null ? null : string.Join("; ", differences);
    }
}
