using System.Collections.Frozen;
using System.Text;
using Precis.Model;
using Precis.Segmentation;
using Precis.Text;

namespace Precis.Summarization;

/// <summary>How a candidate sentence reads as a summary sentence.</summary>
public enum SentenceShape
{
    /// <summary>A plain statement: may open or continue a summary.</summary>
    Statement,

    /// <summary>Starts with a word that points back ("He", "This", "But"): a poor choice while statements remain.</summary>
    UnresolvedOpener,

    /// <summary>Starts with a quotation mark: a quote-led line.</summary>
    Quotation,

    /// <summary>Ends with a question mark.</summary>
    Question,

    /// <summary>Not a whole sentence: no final punctuation, a lower-case start, a run of capitals ("TOP STORIES"), a link or a handle.</summary>
    Fragment,
}

/// <summary>
/// A sentence that may enter a summary: its kept segments (the whole sentence, or what compression left),
/// the text they show, their size, and the sentences elsewhere that carry the same text.
/// </summary>
internal sealed class Candidate
{
    public required Document Doc { get; init; }
    public required Sentence Sentence { get; init; }
    public required IReadOnlyList<SentenceKey> Carriers { get; init; }
    public required IReadOnlyList<TextSpan> Segments { get; init; }
    public required string Text { get; init; }
    public required int Words { get; init; }
    public required int Bytes { get; init; }
    public required SentenceShape Shape { get; init; }

    /// <summary>How many distinct documents carry this sentence (itself included).</summary>
    public int Documents { get; init; } = 1;

    public SentenceKey Key => new(Doc.Index, Sentence.Index);
}

/// <summary>A summary budget: words (white-space pieces) and, optionally, UTF-8 bytes.</summary>
internal readonly record struct SummaryBudget(int MaxWords, int MaxBytes)
{
    public static SummaryBudget From(SummarizerOptions options) => new(options.MaxWords, options.MaxBytes);

    public bool Fits(int words, int bytes) => words <= MaxWords && (MaxBytes <= 0 || bytes <= MaxBytes);
}

/// <summary>Candidate selection, shape rules, headline and date choice shared by every summarizer.</summary>
internal static class SummaryCandidates
{
    /// <summary>Shortest candidate, in words: shorter body sentences are mostly captions, credits and asides.</summary>
    public const int MinWords = 6;

    /// <summary>Longest candidate, in words: longer "sentences" are mostly run-ons from lost line breaks.</summary>
    public const int MaxWords = 60;

    private static readonly Lazy<FrozenSet<string>> LazyOpeners = new(() =>
        Lexicon.LoadSet("summary-unresolved-openers.txt", StringComparer.OrdinalIgnoreCase)
            .Concat(Lexicon.ReadLines("summary-leading-connectives.txt").Where(l => !l.Contains(' ')))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Sentences of non-duplicate documents within the length limits, compressed when
    /// <paramref name="compressor"/> is given. A sentence carried by several documents appears once, at
    /// its first carrier, with the number of documents that carry it.
    /// </summary>
    public static List<Candidate> Collect(SummaryRequest request, SentenceCompressor? compressor, int minWords = MinWords)
    {
        var list = new List<Candidate>();
        var seen = new HashSet<SentenceKey>();
        var independent = Independent(request);
        foreach (var doc in independent)
        {
            foreach (var s in doc.Sentences)
            {
                var key = new SentenceKey(doc.Index, s.Index);
                if (!seen.Add(key)) continue;
                var carriers = request.Dedup.Carriers(key);
                int documents = 0;
                foreach (var k in carriers)
                {
                    seen.Add(k);
                    if (IsFirstOfDocument(carriers, k) && independent.Any(d => d.Index == k.Document)) documents++;
                }
                if (s.WordCount < minWords) continue;
                var candidate = Create(doc, s, carriers, compressor, documents);
                if (candidate.Words >= minWords && candidate.Words <= MaxWords) list.Add(candidate);
            }
        }
        return list;
    }

    /// <summary>A candidate for sentence <paramref name="s"/> of <paramref name="doc"/>, compressed when <paramref name="compressor"/> is given.</summary>
    public static Candidate Create(Document doc, Sentence s, IReadOnlyList<SentenceKey> carriers, SentenceCompressor? compressor, int documents = 1)
    {
        IReadOnlyList<TextSpan> segments = compressor is null ? [s.Span.Trim(doc.Text)] : compressor.Compress(doc.Text, s.Span).Segments;
        string text = SegmentText.Join(doc.Text, segments);
        return new Candidate
        {
            Doc = doc,
            Sentence = s,
            Carriers = carriers,
            Segments = segments,
            Text = text,
            Words = WordCounter.Count(text),
            Bytes = Encoding.UTF8.GetByteCount(text),
            Shape = ShapeOf(text, doc.TextOf(s)),
            Documents = Math.Max(1, documents),
        };
    }

    /// <summary>
    /// The event's documents less the copies of other members: a copy of an article in this event adds
    /// nothing, while a copy of one in another event is this event's only copy of it.
    /// </summary>
    public static List<Document> Independent(SummaryRequest request)
    {
        var members = request.Documents.Select(d => d.Index).ToHashSet();
        return request.Documents.Where(d => !(request.Dedup.DuplicateOf.TryGetValue(d.Index, out int original) && members.Contains(original))).ToList();
    }

    private static bool IsFirstOfDocument(IReadOnlyList<SentenceKey> carriers, SentenceKey key)
    {
        foreach (var k in carriers)
        {
            if (k == key) return true;
            if (k.Document == key.Document) return false;
        }
        return true;
    }

    /// <summary>
    /// Classifies a summary sentence (see <see cref="SentenceShape"/>): how it starts and what it contains
    /// from the <paramref name="text"/> it shows, how it ends from the whole <paramref name="sentence"/>
    /// (compression may have deleted its final clause and period).
    /// </summary>
    public static SentenceShape ShapeOf(string text, ReadOnlySpan<char> sentence)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty) return SentenceShape.Fragment;
        var end = sentence.TrimEnd("\"'”’)]» \t\r\n");
        if (end.IsEmpty) return SentenceShape.Fragment;
        if (end[^1] == '?') return SentenceShape.Question;
        if (end[^1] is not ('.' or '!') || end.EndsWith("...") || end.EndsWith("…")) return SentenceShape.Fragment;
        char first = span[0];
        if (char.IsLower(first)) return SentenceShape.Fragment;
        if (span.Contains("http", StringComparison.OrdinalIgnoreCase) || span.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || span.IndexOfAny('@', '#', '|') >= 0)
            return SentenceShape.Fragment;
        if (first is '"' or '“' or '‘' or '`' or '\'' or '«') return SentenceShape.Quotation;
        if (!char.IsLetterOrDigit(first)) return SentenceShape.Fragment;

        // Words here are runs of letters and digits: enough to see the first word and a leading run of capitals.
        int capitals = 0, at = 0;
        ReadOnlySpan<char> firstWord = default;
        while (at < span.Length)
        {
            if (!char.IsLetterOrDigit(span[at])) { at++; continue; }
            int start = at;
            while (at < span.Length && char.IsLetterOrDigit(span[at])) at++;
            var w = span[start..at];
            if (firstWord.IsEmpty) firstWord = w;
            if (w.Length < 2 || !IsAllCapitals(w)) break;
            capitals++;
        }
        if (capitals >= 2) return SentenceShape.Fragment;
        return LazyOpeners.Value.GetAlternateLookup<ReadOnlySpan<char>>().Contains(firstWord) ? SentenceShape.UnresolvedOpener : SentenceShape.Statement;
    }

    private static bool IsAllCapitals(ReadOnlySpan<char> w)
    {
        foreach (char c in w)
            if (char.IsLower(c)) return false;
        return true;
    }

    /// <summary>
    /// The segments of every copy of <paramref name="c"/>: its own first, then its first carrier in each
    /// other document of the event whose words are the same, with the segments that hold the kept words there.
    /// </summary>
    public static SelectedSentence Select(Candidate c, IReadOnlyDictionary<int, Document> byIndex)
    {
        var sources = new List<SentenceSegments> { new(c.Key, c.Segments) };
        var documents = new HashSet<int> { c.Key.Document };
        foreach (var key in c.Carriers)
        {
            // One copy per other document of this event: a sentence an article repeats is not a second source.
            if (!byIndex.TryGetValue(key.Document, out var doc) || !documents.Add(key.Document)) continue;
            var mapped = CopySegments.Map(c.Doc.Text, c.Sentence.Span, c.Segments, doc.Text, doc.Sentences[key.Sentence].Span);
            if (mapped is not null) sources.Add(new SentenceSegments(key, mapped));
        }
        return new SelectedSentence(sources);
    }

    /// <summary>Chronological order: document date, then the document's place in the input, then the sentence's place in it.</summary>
    public static IEnumerable<Candidate> Chronological(IEnumerable<Candidate> chosen) =>
        chosen.OrderBy(c => c.Doc.Date ?? DateOnly.MaxValue).ThenBy(c => c.Doc.Index).ThenBy(c => c.Sentence.Index);

    /// <summary>Orders, maps copies and packs the chosen candidates into an <see cref="EventSummary"/>.</summary>
    public static EventSummary ToSummary(SummaryRequest request, IEnumerable<Candidate> chosen, Candidate? top)
    {
        var byIndex = request.Documents.ToDictionary(d => d.Index);
        var selected = Chronological(chosen).Select(c => Select(c, byIndex)).ToList();
        return new EventSummary(selected, BestTitle(request, top), EventDate(request));
    }

    /// <summary>Longest sentence (in words) that may stand as the headline when no article has a title.</summary>
    public const int MaxHeadlineWords = 30;

    /// <summary>
    /// The article title most like the event's content — the one whose content words the event's
    /// sentences use most (log counts, normalized by the square root of the title's length) — else the
    /// given sentence when it is short enough to head the digest.
    /// </summary>
    public static string? BestTitle(SummaryRequest request, Candidate? fallback)
    {
        var titles = request.Documents.Select(d => d.Title).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
        if (titles.Count == 0) return fallback is { Words: <= MaxHeadlineWords } ? fallback.Text : null;

        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var title in titles)
            foreach (var w in ContentWords(title)) counts[w] = 0;
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = new List<Token>();
        foreach (var doc in request.Documents)
            foreach (var s in doc.Sentences)
            {
                var text = doc.TextOf(s);
                tokens.Clear();
                Tokenizer.Tokenize(text, tokens);
                foreach (var t in tokens)
                    if (t.IsWordLike && lookup.TryGetValue(t.Of(text), out int n)) lookup[t.Of(text)] = n + 1;
            }
        return titles.MaxBy(t =>
        {
            var words = ContentWords(t).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return words.Count == 0 ? 0 : words.Sum(w => Math.Log(1 + counts[w])) / Math.Sqrt(words.Count);
        });
    }

    /// <summary>The most common document date (the latest on a tie).</summary>
    public static DateOnly? EventDate(SummaryRequest request) =>
        request.Documents.Where(d => d.Date is not null).GroupBy(d => d.Date!.Value)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (DateOnly?)g.Key).FirstOrDefault();

    private static List<string> ContentWords(ReadOnlySpan<char> text)
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
