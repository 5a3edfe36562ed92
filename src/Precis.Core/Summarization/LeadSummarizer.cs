namespace Precis.Summarization;

/// <summary>
/// Baseline: the first sentences of the most recent article (latest date, then latest in the input),
/// whole and in order; a sentence that would overrun the budget is passed over for the next that fits.
/// The classic DUC lead baseline, without cutting the last sentence.
/// </summary>
public sealed class LeadSummarizer : ISummarizer
{
    private readonly SummaryBudget _budget;

    public LeadSummarizer(SummarizerOptions? options = null) => _budget = SummaryBudget.From(options ?? new SummarizerOptions());

    public string Name => "lead";

    public EventSummary Summarize(SummaryRequest request)
    {
        var latest = SummaryCandidates.Independent(request)
            .Where(d => d.Sentences.Count > 0)
            .OrderByDescending(d => d.Date ?? DateOnly.MinValue).ThenByDescending(d => d.Index)
            .FirstOrDefault();
        var chosen = new List<Candidate>();
        if (latest is not null)
        {
            int words = 0, bytes = 0;
            foreach (var s in latest.Sentences)
            {
                var c = SummaryCandidates.Create(latest, s, request.Dedup.Carriers(new(latest.Index, s.Index)), compressor: null);
                if (!_budget.Fits(words + c.Words, bytes + c.Bytes)) continue;
                chosen.Add(c);
                words += c.Words;
                bytes += c.Bytes;
            }
        }
        var byIndex = request.Documents.ToDictionary(d => d.Index);
        var selected = chosen.Select(c => SummaryCandidates.Select(c, byIndex)).ToList();
        return new EventSummary(selected, SummaryCandidates.BestTitle(request, chosen.FirstOrDefault()), SummaryCandidates.EventDate(request));
    }
}
