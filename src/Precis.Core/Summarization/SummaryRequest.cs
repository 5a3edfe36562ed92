using Precis.Dedup;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Summarization;

/// <summary>One event to summarize: its documents (duplicates included, so sources can list every copy) and what dedup found.</summary>
public sealed record SummaryRequest(string EventId, IReadOnlyList<Document> Documents, DedupResult Dedup);

public sealed record SummarizerOptions
{
    /// <summary>The budget in white-space separated words (as <see cref="Text.WordCounter"/> counts them); the summary never exceeds it.</summary>
    public int MaxWords { get; init; } = 100;

    /// <summary>
    /// An optional budget in UTF-8 bytes as well, counted over the sentences' texts without separators (as
    /// ROUGE-1.5.5's <c>-b</c> counts them); 0 means none.
    /// </summary>
    public int MaxBytes { get; init; }
}

/// <summary>
/// The pieces of one sentence that a summary keeps: character spans into the document's text, in order.
/// A sentence kept whole has one segment; deletion-only compression leaves several.
/// </summary>
public sealed record SentenceSegments(SentenceKey Sentence, IReadOnlyList<TextSpan> Segments);

/// <summary>
/// A sentence picked for the summary. <see cref="Sources"/> starts with the sentence the text is taken
/// from; every further entry is a copy of it in another document, with the segments that carry the same
/// words there.
/// </summary>
public sealed record SelectedSentence(IReadOnlyList<SentenceSegments> Sources)
{
    public SentenceKey Key => Sources[0].Sentence;
    public IReadOnlyList<TextSpan> Segments => Sources[0].Segments;
}

/// <summary>What a summarizer returns for one event, before rendering.</summary>
public sealed record EventSummary(IReadOnlyList<SelectedSentence> Sentences, string? Headline, DateOnly? Date);

/// <summary>A summarization strategy; the engine and the baselines share this so they run in one code path.</summary>
public interface ISummarizer
{
    string Name { get; }
    EventSummary Summarize(SummaryRequest request);
}
