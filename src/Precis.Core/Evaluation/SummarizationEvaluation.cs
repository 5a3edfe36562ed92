using Precis.Evaluation.Rouge;
using Precis.Input;
using Precis.Pipeline;
using Precis.Summarization;
using Precis.Text;

namespace Precis.Evaluation;

/// <summary>What to score: the protocol, the budget, and which of the project's summarizers to run.</summary>
public sealed record SummarizationEvaluationOptions
{
    /// <summary>One of <see cref="RougeProtocols.Names"/>.</summary>
    public string Protocol { get; init; } = RougeProtocols.Duc100Words;

    /// <summary>The summary budget in words; null uses the file's <c>words</c> (what its references were written for).</summary>
    public int? Words { get; init; }

    /// <summary>Names from <see cref="Summarizers.Names"/>, each run through the whole engine pipeline.</summary>
    public IReadOnlyList<string> Systems { get; init; } = [Summarizers.EngineName];

    /// <summary>Whether the other systems' summaries stored in the file ("peers") are scored in the same run.</summary>
    public bool ScorePeers { get; init; } = true;
}

/// <summary>Where a scored summary came from.</summary>
public enum SystemKind
{
    /// <summary>One of our summarizers, run through the engine pipeline in this evaluation.</summary>
    Summarizer,

    /// <summary>A summary stored in the evaluation file, written by some other system.</summary>
    Peer,
}

/// <summary>One cluster's scores.</summary>
public sealed record ClusterScores(string ClusterId, RougeScores Scores);

/// <summary>
/// A system's scores on a set: the ROUGE-1.5.5 average over its clusters, every cluster's scores, and for
/// our summarizers the throughput of the whole pipeline (clean, dedup, summarize) in clusters per second.
/// </summary>
public sealed record SystemEvaluation(string Name, SystemKind Kind, RougeScores Average, IReadOnlyList<ClusterScores> Clusters, double? ClustersPerSecond);

/// <summary>The result of one evaluation run; <see cref="Systems"/> is sorted by ROUGE-2 (the protocol's headline figure), best first.</summary>
public sealed record SummarizationEvaluationReport(
    string Protocol,
    RougeOptions Rouge,
    int Words,
    int Clusters,
    IReadOnlyList<SystemEvaluation> Systems,
    IReadOnlyList<string> Problems)
{
    /// <summary>Recall for DUC/TAC protocols, F1 for WCEP.</summary>
    public double Headline(RougeScore score) => RougeProtocols.ReportsF1(Protocol) ? score.F : score.Recall;
}

/// <summary>The report, or why the evaluation could not run.</summary>
public sealed record SummarizationEvaluationResult(SummarizationEvaluationReport? Report, string? Error);

/// <summary>
/// Scores summarizers on a multi-document summarization set (<c>../shared/eval/mds/*.jsonl</c>) the way the
/// published figures were computed: each system summarizes every cluster through the real engine path
/// (<see cref="InputReader"/> → <see cref="PrecisPipeline"/>, the file's clusters kept as events), each
/// summary is scored with ROUGE-1.5.5 against the cluster's references, and a system's score is the
/// script's average over clusters. Other systems' stored summaries are scored in the same run.
/// </summary>
public static class SummarizationEvaluation
{
    public static SummarizationEvaluationResult Run(string mdsPath, SummarizationEvaluationOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        foreach (string name in options.Systems)
        {
            if (!Summarizers.Names.Contains(name))
                return Fail($"unknown system '{name}'; known: {string.Join(", ", Summarizers.Names)}");
        }
        if (options.Words is <= 0) return Fail("the word budget must be positive");
        if (!File.Exists(mdsPath)) return Fail($"no such file: {mdsPath}");

        var file = MdsFile.Read(mdsPath);
        var problems = new List<string>(file.Problems);
        if (file.Clusters.Count == 0) return Fail($"{mdsPath} holds no readable clusters");
        int words = options.Words ?? file.Clusters[0].Words;
        var budgets = file.Clusters.Select(c => c.Words).Distinct().Order().ToList();
        if (options.Words is null && budgets.Count > 1)
            problems.Add($"clusters were written for different budgets ({string.Join(", ", budgets)}); all are scored at {words} words");
        var rouge = RougeProtocols.Get(options.Protocol, words);
        if (rouge is null) return Fail($"unknown protocol '{options.Protocol}'; known: {string.Join(", ", RougeProtocols.Names)}");

        var scorer = new RougeScorer(rouge);
        var references = file.Clusters.Select(c => (IReadOnlyList<IReadOnlyList<string>>)c.References.Select(SplitSentences).ToList()).ToList();
        var systems = new List<SystemEvaluation>();

        if (options.Systems.Count > 0)
        {
            var batch = new InputReader().Read([mdsPath]);
            foreach (var rejection in batch.Rejections) problems.Add($"input {rejection.Id} rejected: {rejection.Reason}");
            foreach (string name in options.Systems)
                systems.Add(RunSummarizer(name, words, batch, file, references, scorer, time, problems));
        }
        if (options.ScorePeers)
        {
            foreach (string peer in file.Clusters.SelectMany(c => c.Peers.Keys).Distinct(StringComparer.Ordinal))
                systems.Add(ScorePeer(peer, file, references, scorer, problems));
        }

        var report = new SummarizationEvaluationReport(options.Protocol, rouge, words, file.Clusters.Count, [], problems);
        var sorted = systems
            .OrderByDescending(s => report.Headline(s.Average.Rouge2))
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new SummarizationEvaluationResult(report with { Systems = sorted }, null);
    }

    private static SummarizationEvaluationResult Fail(string error) => new(null, error);

    /// <summary>A reference is free text: the engine's sentence splitter gives ROUGE-L its sentences.</summary>
    private static IReadOnlyList<string> SplitSentences(string text) =>
        SentenceSplitter.Split(text).Select(span => text.Substring(span.Start, span.Length)).ToList();

    private static SystemEvaluation RunSummarizer(
        string name, int words, InputBatch batch, MdsFile file, List<IReadOnlyList<IReadOnlyList<string>>> references,
        RougeScorer scorer, TimeProvider time, List<string> problems)
    {
        // A byte-limited protocol (-b 665) tells the summarizer its byte budget too, so it fills what is scored.
        var pipeline = PrecisPipeline.CreateBuilder()
            .WithSummaryWords(words)
            .Configure(o => o with { Summarizer = o.Summarizer with { MaxBytes = scorer.Options.ByteLimit } })
            .UseSummarizer(o => Summarizers.Create(name, o.Summarizer)!)
            .Build();
        long started = time.GetTimestamp();
        var digest = pipeline.Digest(batch);
        double seconds = time.GetElapsedTime(started).TotalSeconds;

        var summaries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var e in digest.Events) summaries[e.Id] = e.Summary.Select(s => s.Text).ToList();
        var clusters = new List<ClusterScores>(file.Clusters.Count);
        for (int i = 0; i < file.Clusters.Count; i++)
        {
            string id = file.Clusters[i].Id;
            if (!summaries.TryGetValue(id, out var summary))
            {
                problems.Add($"{name}: no digest for cluster {id} (every article rejected?); it scores 0");
                summary = [];
            }
            clusters.Add(new ClusterScores(id, scorer.Score(summary, references[i])));
        }
        double? perSecond = seconds > 0 ? file.Clusters.Count / seconds : null;
        return new SystemEvaluation(name, SystemKind.Summarizer, RougeScores.Average(clusters.Select(c => c.Scores).ToList()), clusters, perSecond);
    }

    private static SystemEvaluation ScorePeer(string peer, MdsFile file, List<IReadOnlyList<IReadOnlyList<string>>> references, RougeScorer scorer, List<string> problems)
    {
        var clusters = new List<ClusterScores>(file.Clusters.Count);
        for (int i = 0; i < file.Clusters.Count; i++)
        {
            var cluster = file.Clusters[i];
            if (!cluster.Peers.TryGetValue(peer, out string? summary)) continue;
            clusters.Add(new ClusterScores(cluster.Id, scorer.Score(summary.Split('\n'), references[i])));
        }
        if (clusters.Count < file.Clusters.Count)
            problems.Add($"peer {peer} has summaries for {clusters.Count} of {file.Clusters.Count} clusters; it is averaged over those");
        var average = RougeScores.Average(clusters.Select(c => c.Scores).ToList());
        return new SystemEvaluation(peer, SystemKind.Peer, average, clusters, null);
    }
}
