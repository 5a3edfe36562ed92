using Precis.Input;
using Precis.Pipeline;
using Precis.Summarization;

namespace Precis.Tests.Summarization;

/// <summary>
/// The engine reuses its tables from event to event on a thread (<see cref="ConceptWorkspace"/>): what it
/// summarized before must never change what it summarizes next.
/// </summary>
public sealed class ConceptWorkspaceTests
{
    /// <summary>Keeps the requests the pipeline makes, and summarizes nothing.</summary>
    private sealed class RequestRecorder : ISummarizer
    {
        public List<SummaryRequest> Requests { get; } = [];
        public string Name => "recorder";

        public EventSummary Summarize(SummaryRequest request)
        {
            lock (Requests) Requests.Add(request);
            return new EventSummary([], null, null);
        }
    }

    private static readonly Lazy<List<SummaryRequest>> Tac2010 = new(() =>
    {
        var recorder = new RequestRecorder();
        var batch = new InputReader().Read([Fixtures.EvalFile("mds/tac2010.jsonl")]);
        PrecisPipeline.CreateBuilder().UseSummarizer(_ => recorder).Build().Digest(batch);
        return recorder.Requests.OrderBy(r => r.EventId, StringComparer.Ordinal).ToList();
    });

    private static string Render(EventSummary summary) =>
        summary.Headline + "|" + summary.Date + "|" + string.Join("|", summary.Sentences.SelectMany(s => s.Sources)
            .Select(x => $"{x.Sentence}:{string.Join(",", x.Segments)}"));

    /// <summary>Each request summarized on a thread of its own, by a summarizer of its own: nothing to reuse.</summary>
    private static List<string> Fresh(IReadOnlyList<SummaryRequest> requests, SummarizerOptions options) =>
        requests.Select(r =>
        {
            string? result = null;
            var thread = new Thread(() => result = Render(new ConceptSummarizer(options).Summarize(r)));
            thread.Start();
            thread.Join();
            return result!;
        }).ToList();

    [Theory]
    [InlineData(100)]
    [InlineData(250)]
    public void Summaries_do_not_depend_on_the_events_summarized_before_on_the_thread(int words)
    {
        var options = new SummarizerOptions { MaxWords = words };
        // Largest events first, then the smallest, then in the file's order: tables shrink, grow and are reused.
        var requests = Tac2010.Value.Take(12).ToList();
        var bySize = requests.OrderByDescending(r => r.Documents.Sum(d => d.Sentences.Count)).ToList();
        var expected = Fresh(requests, options).Zip(requests).ToDictionary(p => p.Second.EventId, p => p.First);

        var summarizer = new ConceptSummarizer(options);
        foreach (var r in bySize.Concat(Enumerable.Reverse(bySize)).Concat(requests))
            Render(summarizer.Summarize(r)).Should().Be(expected[r.EventId], r.EventId);
    }
}
