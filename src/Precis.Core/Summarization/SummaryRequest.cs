using Precis.Dedup;
using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>One event to summarize: its documents (duplicates included, so sources can list every copy) and what dedup found.</summary>
public sealed record SummaryRequest(string EventId, IReadOnlyList<Document> Documents, DedupResult Dedup);

public sealed record SummarizerOptions
{
    /// <summary>The budget in white-space separated words; the summary never exceeds it.</summary>
    public int MaxWords { get; init; } = 100;

    /// <summary>An optional budget in bytes (UTF-8) as well; 0 means none.</summary>
    public int MaxBytes { get; init; }
}

/// <summary>A sentence picked for the summary: the sentence and every sentence that carries the same text.</summary>
public sealed record SelectedSentence(SentenceKey Key, IReadOnlyList<SentenceKey> Carriers);

/// <summary>What a summarizer returns for one event, before rendering.</summary>
public sealed record EventSummary(IReadOnlyList<SelectedSentence> Sentences, string? Headline, DateOnly? Date);

/// <summary>A summarization strategy; the engine and the baselines share this so they run in one code path.</summary>
public interface ISummarizer
{
    string Name { get; }
    EventSummary Summarize(SummaryRequest request);
}
