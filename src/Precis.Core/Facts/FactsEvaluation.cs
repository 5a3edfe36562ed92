using System.Globalization;
using System.Text;
using System.Text.Json;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;

namespace Precis.Facts;

/// <summary>
/// A quoted passage of the gold file: where it is, whether it is speech, and who may be credited with it:
/// any of <c>Speakers</c>, or nobody when <c>UnnamedAllowed</c> (an anonymous official, a crowd).
/// </summary>
public sealed record GoldQuote(string Document, int Start, int End, bool IsSpeech, IReadOnlyList<string> Speakers, bool UnnamedAllowed);

/// <summary>A value of a gold disagreement; an <see cref="Optional"/> value may be reported or not.</summary>
public sealed record GoldValue(double Value, string Document, int Start, int End, bool Optional);

/// <summary>A measure on which sources disagree; an uncertain one (<see cref="Certain"/> false) counts neither way.</summary>
public sealed record GoldConflict(string About, bool Certain, IReadOnlyList<GoldValue> Values);

public sealed record GoldCluster(string Set, string Cluster, IReadOnlyList<GoldQuote> Quotes, IReadOnlyList<GoldConflict> Conflicts);

/// <summary>One scored decision, for reading what went wrong.</summary>
public sealed record FactsError(string Cluster, string Document, int Start, int End, string Kind, string? Predicted, string? Expected);

/// <summary>
/// Scores of the facts stage against a gold file. Attribution is scored per quoted passage in each article:
/// a predicted speaker is right when it matches one of the gold speakers (same name, or same last word, so
/// "Lavrov" matches "Sergei Lavrov"); naming anyone for a passage the gold leaves unnamed, or for text that
/// is not a gold quote, is wrong; passages the gold marks as terms (scare quotes, titles) count neither way.
/// </summary>
public sealed record FactsScore(
    int Clusters,
    int GoldSpeech,
    int GoldNamed,
    int Detected,
    int Attributed,
    int Correct,
    int Wrong,
    int CorrectOfNamed,
    int GoldConflicts,
    int PredictedConflicts,
    int ConflictsRight,
    int ConflictsNeutral,
    int ConflictsFound,
    IReadOnlyList<FactsError> Errors)
{
    /// <summary>Share of gold speech passages that were found as quotations at all.</summary>
    public double DetectionRecall => Ratio(Detected, GoldSpeech);

    /// <summary>Right speakers among all speakers named.</summary>
    public double SpeakerPrecision => Ratio(Correct, Correct + Wrong);

    /// <summary>Gold passages with a named speaker that got that speaker.</summary>
    public double SpeakerRecall => Ratio(CorrectOfNamed, GoldNamed);

    public double ConflictPrecision => Ratio(ConflictsRight, PredictedConflicts - ConflictsNeutral);
    public double ConflictRecall => Ratio(ConflictsFound, GoldConflicts);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>
/// Runs the pipeline on the MDS clusters named in a facts gold file (read in place from the shared
/// evaluation folder) and scores quotes, speakers and disagreements. The gold file refers to texts by
/// document id and character offsets only, so it holds no copy of the evaluation data.
/// </summary>
public static class FactsEvaluation
{
    public static IReadOnlyList<GoldCluster> ReadGold(string path)
    {
        var clusters = new List<GoldCluster>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var quotes = root.GetProperty("quotes").EnumerateArray().Select(q => new GoldQuote(
                q.GetProperty("doc").GetString()!,
                q.GetProperty("start").GetInt32(),
                q.GetProperty("end").GetInt32(),
                q.GetProperty("kind").GetString() == "speech",
                q.TryGetProperty("speakers", out var s) ? s.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
                q.TryGetProperty("unnamed", out var u) && u.GetBoolean())).ToList();
            var conflicts = root.GetProperty("conflicts").EnumerateArray().Select(c => new GoldConflict(
                c.GetProperty("about").GetString()!,
                c.GetProperty("certain").GetBoolean(),
                c.GetProperty("values").EnumerateArray().Select(v => new GoldValue(
                    v.GetProperty("value").GetDouble(),
                    v.GetProperty("doc").GetString()!,
                    v.GetProperty("start").GetInt32(),
                    v.GetProperty("end").GetInt32(),
                    v.TryGetProperty("optional", out var o) && o.GetBoolean())).ToList())).ToList();
            clusters.Add(new GoldCluster(root.GetProperty("set").GetString()!, root.GetProperty("cluster").GetString()!, quotes, conflicts));
        }
        return clusters;
    }

    /// <summary>Reads the gold clusters' articles from <c>{mdsDirectory}/{set}.jsonl</c>, one event per cluster.</summary>
    public static InputBatch LoadClusters(IReadOnlyList<GoldCluster> gold, string mdsDirectory)
    {
        var articles = new List<Article>();
        var clusters = new List<GivenCluster>();
        foreach (var set in gold.GroupBy(g => g.Set))
        {
            var wanted = set.Select(g => g.Cluster).ToHashSet(StringComparer.Ordinal);
            string path = Path.Combine(mdsDirectory, set.Key + ".jsonl");
            foreach (var line in File.ReadLines(path))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string id = root.GetProperty("id").GetString()!;
                if (!wanted.Contains(id)) continue;
                var ids = new List<string>();
                foreach (var doc in root.GetProperty("docs").EnumerateArray())
                {
                    string docId = doc.GetProperty("id").GetString()!;
                    ids.Add(docId);
                    articles.Add(new Article(docId, doc.GetProperty("text").GetString()!)
                    {
                        Source = doc.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null,
                        Date = doc.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String && DateOnly.TryParse(date.GetString(), CultureInfo.InvariantCulture, out var d) ? d : null,
                        Origin = $"{path} {id}",
                    });
                }
                clusters.Add(new GivenCluster(id, ids));
            }
        }
        var missing = gold.Select(g => g.Cluster).Except(clusters.Select(c => c.Id)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"gold clusters not found under {mdsDirectory}: {string.Join(", ", missing)}");
        return new InputBatch(articles, [], clusters);
    }

    public static FactsScore Evaluate(PrecisPipeline pipeline, IReadOnlyList<GoldCluster> gold, string mdsDirectory)
    {
        var digest = pipeline.Digest(LoadClusters(gold, mdsDirectory));
        var events = digest.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var errors = new List<FactsError>();
        int goldSpeech = 0, goldNamed = 0, detected = 0, attributed = 0, correct = 0, wrong = 0, correctOfNamed = 0;
        int goldConflicts = 0, predicted = 0, right = 0, neutral = 0, found = 0;
        foreach (var cluster in gold)
        {
            var e = events.GetValueOrDefault(cluster.Cluster);
            var occurrences = e?.Quotes.SelectMany(q => q.Sources.Select(s => (Source: s, q.Speaker))).ToList() ?? [];
            var matched = new Dictionary<GoldQuote, List<string?>>();
            foreach (var (source, speaker) in occurrences)
            {
                var g = BestMatch(cluster.Quotes, source);
                if (g is not null)
                {
                    if (!matched.TryGetValue(g, out var list)) matched[g] = list = [];
                    list.Add(speaker);
                }
                if (speaker is null) continue;
                attributed++;
                if (g is { IsSpeech: false }) continue;
                if (g is not null && g.Speakers.Any(n => SameSpeaker(speaker, n))) correct++;
                else
                {
                    wrong++;
                    errors.Add(new FactsError(cluster.Cluster, source.Article, source.Start, source.End,
                        g is null ? "not a gold quote" : g.Speakers.Count == 0 ? "gold speaker unnamed" : "wrong speaker",
                        speaker, g is null ? null : string.Join("|", g.Speakers)));
                }
            }
            foreach (var g in cluster.Quotes.Where(q => q.IsSpeech))
            {
                goldSpeech++;
                bool hit = matched.TryGetValue(g, out var speakers);
                if (hit) detected++;
                if (g.UnnamedAllowed || g.Speakers.Count == 0) continue;
                goldNamed++;
                if (hit && speakers!.Any(s => s is not null && g.Speakers.Any(n => SameSpeaker(s, n)))) correctOfNamed++;
                else errors.Add(new FactsError(cluster.Cluster, g.Document, g.Start, g.End, hit ? "missed speaker" : "missed quote",
                    hit ? speakers!.FirstOrDefault(s => s is not null) : null, string.Join("|", g.Speakers)));
            }

            goldConflicts += cluster.Conflicts.Count(c => c.Certain);
            var hits = new HashSet<GoldConflict>();
            foreach (var c in e?.Conflicts ?? [])
            {
                predicted++;
                var match = cluster.Conflicts.Where(g => DistinctValuesMatched(g, c) >= 2).OrderByDescending(g => g.Certain).FirstOrDefault();
                if (match is { Certain: true })
                {
                    right++;
                    hits.Add(match);
                }
                else if (match is not null) neutral++;
                else errors.Add(new FactsError(cluster.Cluster, c.Values[0].Sources[0].Article, c.Values[0].Sources[0].Start, c.Values[0].Sources[0].End,
                    "false conflict", $"{c.About}: {string.Join(" / ", c.Values.Select(v => v.Text))}", null));
            }
            found += hits.Count;
            foreach (var g in cluster.Conflicts.Where(g => g.Certain && !hits.Contains(g)))
                errors.Add(new FactsError(cluster.Cluster, g.Values[0].Document, g.Values[0].Start, g.Values[0].End, "missed conflict", null, g.About));
        }
        return new FactsScore(gold.Count, goldSpeech, goldNamed, detected, attributed, correct, wrong, correctOfNamed,
            goldConflicts, predicted, right, neutral, found, errors);
    }

    /// <summary>The gold passage that overlaps a predicted one the most, if they share at least half of the shorter.</summary>
    private static GoldQuote? BestMatch(IReadOnlyList<GoldQuote> quotes, SourceSpan source)
    {
        GoldQuote? best = null;
        int bestOverlap = 0;
        foreach (var g in quotes)
        {
            if (!g.Document.Equals(source.Article, StringComparison.Ordinal)) continue;
            int overlap = Math.Min(g.End, source.End) - Math.Max(g.Start, source.Start);
            int shorter = Math.Min(g.End - g.Start, source.End - source.Start);
            if (overlap * 2 < shorter || overlap <= bestOverlap) continue;
            best = g;
            bestOverlap = overlap;
        }
        return best;
    }

    private static int DistinctValuesMatched(GoldConflict gold, ConflictReport predicted)
    {
        var values = new HashSet<double>();
        foreach (var v in predicted.Values)
            foreach (var s in v.Sources)
                foreach (var g in gold.Values)
                    if (g.Document.Equals(s.Article, StringComparison.Ordinal) && Math.Min(g.End, s.End) > Math.Max(g.Start, s.Start))
                        values.Add(g.Value);
        return values.Count;
    }

    /// <summary>
    /// Same speaker: equal names, or equal last words ("Lavrov" and "Sergei Lavrov"), case, punctuation and a
    /// company suffix ("Kellogg Co.") aside.
    /// </summary>
    public static bool SameSpeaker(string predicted, string gold)
    {
        string a = NormalizeName(predicted), b = NormalizeName(gold);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        return LastWord(a) == LastWord(b);
    }

    private static string LastWord(string name)
    {
        int space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }

    private static string NormalizeName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '-' && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var normalized = sb.ToString().Trim();
        foreach (var suffix in CompanySuffixes)
            if (normalized.EndsWith(suffix, StringComparison.Ordinal) && normalized.Length > suffix.Length) return normalized[..^suffix.Length].Trim();
        return normalized;
    }

    private static readonly string[] CompanySuffixes = [" co", " inc", " corp", " ltd", " llc", " plc"];
}
