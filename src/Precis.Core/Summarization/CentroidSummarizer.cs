using Precis.Segmentation;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>
/// First engine version: centroid scoring (cosine of each sentence's TF-IDF vector to the event centroid)
/// with a lead-position prior and a bonus for text carried by several sources, then greedy MMR selection
/// under the word budget, and chronological ordering (document date, document, position).
/// </summary>
public sealed class CentroidSummarizer : ISummarizer
{
    private readonly SummarizerOptions _options;

    public CentroidSummarizer(SummarizerOptions? options = null) => _options = options ?? new SummarizerOptions();

    public string Name => "centroid";

    /// <summary>MMR trade-off: how much similarity to already chosen sentences costs.</summary>
    private const double Redundancy = 0.7;

    public EventSummary Summarize(SummaryRequest request)
    {
        var candidates = SummaryCandidates.Collect(request);
        if (candidates.Count == 0)
            return new EventSummary([], SummaryCandidates.BestTitle(request, null), SummaryCandidates.EventDate(request));

        var vectors = new TermVectors(candidates.Select(c => (c.Doc, c.Sentence)).ToList());
        var centroid = new Dictionary<int, double>();
        foreach (var v in vectors.Vectors)
            foreach (var (k, x) in v) centroid[k] = centroid.GetValueOrDefault(k) + x;

        var score = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double position = 1.0 / (1.0 + c.Sentence.Index);
            double sources = Math.Log(1 + c.Carriers.Select(k => k.Document).Distinct().Count());
            score[i] = TermVectors.Cosine(vectors.Vectors[i], centroid) + 0.25 * position + 0.1 * sources;
        }

        var chosen = new List<int>();
        int words = 0;
        var used = new bool[candidates.Count];
        while (true)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int i = 0; i < candidates.Count; i++)
            {
                if (used[i] || words + candidates[i].Sentence.WordCount > _options.MaxWords) continue;
                double maxSim = 0;
                foreach (int j in chosen) maxSim = Math.Max(maxSim, TermVectors.Cosine(vectors.Vectors[i], vectors.Vectors[j]));
                double value = score[i] - Redundancy * maxSim;
                if (maxSim > 0.6) continue; // near-repeats never take a second slot
                if (value > bestValue) { bestValue = value; best = i; }
            }
            if (best < 0) break;
            used[best] = true;
            chosen.Add(best);
            words += candidates[best].Sentence.WordCount;
        }

        var ordered = chosen.Select(i => candidates[i]).OrderBy(c => c.Doc.Date ?? DateOnly.MaxValue).ThenBy(c => c.Doc.Index).ThenBy(c => c.Sentence.Index);
        var selected = ordered.Select(c => new SelectedSentence(new SentenceKey(c.Doc.Index, c.Sentence.Index), c.Carriers)).ToList();
        int top = Enumerable.Range(0, candidates.Count).MaxBy(i => score[i]);
        return new EventSummary(selected, SummaryCandidates.BestTitle(request, candidates[top]), SummaryCandidates.EventDate(request));
    }
}

/// <summary>A sentence that may enter a summary, with the sentences elsewhere that carry the same text.</summary>
internal sealed record Candidate(Document Doc, Sentence Sentence, IReadOnlyList<SentenceKey> Carriers);

/// <summary>Candidate selection, headline and date choice shared by every summarizer.</summary>
internal static class SummaryCandidates
{
    public const int MinWords = 6;
    public const int MaxWords = 55;

    /// <summary>
    /// Sentences of non-duplicate documents that read as statements: long enough, not questions, not bare
    /// quote fragments. A sentence carried by several documents appears once (at its first carrier).
    /// </summary>
    public static List<Candidate> Collect(SummaryRequest request)
    {
        var list = new List<Candidate>();
        var seen = new HashSet<SentenceKey>();
        var members = request.Documents.Select(d => d.Index).ToHashSet();
        foreach (var doc in request.Documents)
        {
            // A copy of an article in this event adds nothing; a copy of one in another event is this event's only copy.
            if (request.Dedup.DuplicateOf.TryGetValue(doc.Index, out int original) && members.Contains(original)) continue;
            foreach (var s in doc.Sentences)
            {
                var key = new SentenceKey(doc.Index, s.Index);
                if (seen.Contains(key)) continue;
                var carriers = request.Dedup.Carriers(key);
                foreach (var k in carriers) seen.Add(k);
                if (s.WordCount < MinWords || s.WordCount > MaxWords) continue;
                var text = doc.TextOf(s);
                if (text.TrimEnd("\"'”’) ").EndsWith('?')) continue;
                list.Add(new Candidate(doc, s, carriers));
            }
        }
        return list;
    }

    /// <summary>The article title most like the event's content; else the best sentence when it is short enough to head the digest.</summary>
    public static string? BestTitle(SummaryRequest request, Candidate? topSentence)
    {
        var titles = request.Documents.Select(d => d.Title).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        if (titles.Count > 0)
        {
            var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var doc in request.Documents)
                foreach (var s in doc.Sentences)
                    foreach (var w in ContentWords(doc.TextOf(s)))
                        words[w] = words.GetValueOrDefault(w) + 1;
            return titles.MaxBy(t =>
            {
                var cw = ContentWords(t).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                return cw.Count == 0 ? 0 : cw.Sum(w => Math.Log(1 + words.GetValueOrDefault(w))) / Math.Sqrt(cw.Count);
            });
        }
        if (topSentence is null) return null;
        var text = topSentence.Doc.StringOf(topSentence.Sentence);
        return WordCounter.Count(text) <= 30 ? text : null;
    }

    /// <summary>The most common document date (the latest on a tie).</summary>
    public static DateOnly? EventDate(SummaryRequest request) =>
        request.Documents.Where(d => d.Date is not null).GroupBy(d => d.Date!.Value)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (DateOnly?)g.Key).FirstOrDefault();

    private static IEnumerable<string> ContentWords(ReadOnlySpan<char> text)
    {
        var result = new List<string>();
        foreach (var t in Tokenizer.Tokenize(text))
        {
            if (!t.IsWordLike) continue;
            var w = t.Of(text);
            if (!Lexicon.IsStopword(w)) result.Add(w.ToString());
        }
        return result;
    }
}
