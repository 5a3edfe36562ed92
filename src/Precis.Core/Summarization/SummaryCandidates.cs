using System.Collections.Frozen;
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

    /// <summary>Starts with a quotation mark and names its speaker after the quotation ("“We will win,” she said."): may continue a summary, never open it.</summary>
    Quotation,

    /// <summary>Nothing but a quotation, no speaker named ("“We will win.”"): never a summary sentence.</summary>
    QuoteOnly,

    /// <summary>
    /// Names its speaker, then opens a quotation that the next sentences continue ("She said: “We will win.");
    /// it shows an opening quote mark that nothing closes: may continue a summary, never open it.
    /// </summary>
    OpensQuotation,

    /// <summary>
    /// Continues a quotation an earlier sentence opened (see <see cref="QuotationContext"/>): somebody's words
    /// without the speaker or the opening quote mark: never a summary sentence.
    /// </summary>
    QuotationPart,

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
    private string? _text;

    public required Document Doc { get; init; }
    public required Sentence Sentence { get; init; }
    public required IReadOnlyList<SentenceKey> Carriers { get; init; }
    public required IReadOnlyList<TextSpan> Segments { get; init; }

    /// <summary>What the candidate shows: its segments joined (<see cref="SegmentText.Join"/>), built when first asked for.</summary>
    public string Text => _text ??= SegmentText.Join(Doc.Text, Segments);

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
        var independent = Independent(request);
        var unique = new UniqueSentences(request, independent);
        foreach (var doc in independent)
        {
            foreach (var s in doc.Sentences)
            {
                if (!unique.TryTake(doc, s, out var carriers, out int documents) || s.WordCount < minWords) continue;
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
        var (words, bytes) = SegmentText.Measure(doc.Text, segments);
        var shape = InQuotation(ShapeOf(doc.Text, segments, s.Span), s.Quotation);
        return new Candidate
        {
            Doc = doc,
            Sentence = s,
            Carriers = carriers,
            Segments = segments,
            Words = words,
            Bytes = bytes,
            Shape = shape,
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

    /// <summary>The shape of a sentence that is part of a quotation running over several sentences (<paramref name="quotation"/>).</summary>
    public static SentenceShape InQuotation(SentenceShape shape, QuotationContext quotation)
    {
        if (quotation == QuotationContext.None || shape is SentenceShape.Question or SentenceShape.Fragment) return shape;
        if ((quotation & QuotationContext.ContinuesQuotation) != 0 || shape is SentenceShape.Quotation or SentenceShape.QuoteOnly) return SentenceShape.QuotationPart;
        return shape is SentenceShape.Statement ? SentenceShape.OpensQuotation : shape;
    }

    /// <summary>Whether a summary may open with a sentence of this shape.</summary>
    public static bool CanLead(SentenceShape shape) => shape is SentenceShape.Statement;

    /// <summary>
    /// Classifies a summary sentence (see <see cref="SentenceShape"/>): how it starts and what it contains
    /// from the <paramref name="text"/> it shows, how it ends from the whole <paramref name="sentence"/>
    /// (compression may have deleted its final clause and period).
    /// </summary>
    public static SentenceShape ShapeOf(string text, ReadOnlySpan<char> sentence) => ShapeOf(text.AsSpan().Trim(), HasLinkOrHandle(text), sentence);

    /// <summary>The shape of what <paramref name="segments"/> of sentence <paramref name="sentence"/> in <paramref name="text"/> show, read as one text.</summary>
    public static SentenceShape ShapeOf(string text, IReadOnlyList<TextSpan> segments, TextSpan sentence)
    {
        if (segments.Count == 0) return SentenceShape.Fragment;
        bool link = false;
        foreach (var segment in segments) link |= HasLinkOrHandle(segment.Of(text));
        return ShapeOf(segments[0].Of(text).Trim(), link, sentence.Of(text));
    }

    private static bool HasLinkOrHandle(ReadOnlySpan<char> text) =>
        text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.IndexOfAny('@', '#', '|') >= 0;

    /// <summary>The shape from how the shown text opens (<paramref name="span"/>: its first segment), whether it holds a link or handle, and how the whole sentence ends.</summary>
    private static SentenceShape ShapeOf(ReadOnlySpan<char> span, bool linkOrHandle, ReadOnlySpan<char> sentence)
    {
        if (span.IsEmpty) return SentenceShape.Fragment;
        var end = sentence.TrimEnd("\"'”’)]» \t\r\n");
        if (end.IsEmpty) return SentenceShape.Fragment;
        if (end[^1] == '?') return SentenceShape.Question;
        if (end[^1] is not ('.' or '!') || end.EndsWith("...") || end.EndsWith("…")) return SentenceShape.Fragment;
        char first = span[0];
        if (char.IsLower(first)) return SentenceShape.Fragment;
        if (linkOrHandle) return SentenceShape.Fragment;
        if (first is '"' or '“' or '‘' or '`' or '\'' or '«')
            return sentence.TrimEnd(" \t\r\n")[^1] is '"' or '”' or '’' or '\'' or '»' ? SentenceShape.QuoteOnly : SentenceShape.Quotation;
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

    /// <summary>
    /// Chronological order: document date, then the document's place in the input, then the sentence's
    /// place in it; except that when the earliest sentence may not open a summary (<see cref="CanLead"/>:
    /// a quotation), the earliest one that may is moved to the front.
    /// </summary>
    public static List<Candidate> Chronological(IEnumerable<Candidate> chosen)
    {
        var ordered = chosen.OrderBy(c => c.Doc.Date ?? DateOnly.MaxValue).ThenBy(c => c.Doc.Index).ThenBy(c => c.Sentence.Index).ToList();
        int lead = ordered.FindIndex(c => CanLead(c.Shape));
        if (lead > 0)
        {
            var first = ordered[lead];
            ordered.RemoveAt(lead);
            ordered.Insert(0, first);
        }
        return ordered;
    }

    /// <summary>Orders, maps copies and packs the chosen candidates into an <see cref="EventSummary"/>.</summary>
    public static EventSummary ToSummary(SummaryRequest request, IEnumerable<Candidate> chosen, Candidate? top) =>
        ToSummary(request, chosen, BestTitle(request, top));

    /// <summary>Orders, maps copies and packs the chosen candidates into an <see cref="EventSummary"/> with the given headline.</summary>
    public static EventSummary ToSummary(SummaryRequest request, IEnumerable<Candidate> chosen, string? headline)
    {
        var byIndex = request.Documents.ToDictionary(d => d.Index);
        var selected = Chronological(chosen).Select(c => Select(c, byIndex)).ToList();
        return new EventSummary(selected, headline, EventDate(request));
    }

    /// <summary>The fallback headline for events without titles: the given sentence when it is short enough to head the digest.</summary>
    public static string? HeadlineOf(Candidate? sentence) => sentence is { Words: <= MaxHeadlineWords } ? sentence.Text : null;

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
        if (titles.Count == 0) return HeadlineOf(fallback);

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

/// <summary>
/// Walks the sentences of an event's independent documents and lets each group of copies (a sentence and
/// its carriers, see <see cref="Dedup.DedupResult.Carriers"/>) through once, at its first sentence met.
/// </summary>
internal sealed class UniqueSentences(SummaryRequest request, List<Document> independent)
{
    private readonly HashSet<SentenceKey> _seen = new(independent.Sum(d => d.Sentences.Count)); // sized once: its growth was a tenth of what summarizing allocated
    private readonly HashSet<int> _independent = independent.Select(d => d.Index).ToHashSet();

    /// <summary>
    /// False when a copy of <paramref name="s"/> was met before; else its carriers and how many
    /// independent documents carry it (a sentence an article repeats counts once).
    /// </summary>
    public bool TryTake(Document doc, Sentence s, out IReadOnlyList<SentenceKey> carriers, out int documents)
    {
        var key = new SentenceKey(doc.Index, s.Index);
        carriers = [];
        documents = 0;
        if (!_seen.Add(key)) return false;
        carriers = request.Dedup.Carriers(key);
        for (int i = 0; i < carriers.Count; i++)
        {
            var k = carriers[i];
            _seen.Add(k);
            if (_independent.Contains(k.Document) && IsFirstOfDocument(carriers, i)) documents++;
        }
        return true;
    }

    private static bool IsFirstOfDocument(IReadOnlyList<SentenceKey> carriers, int at)
    {
        for (int i = 0; i < at; i++)
            if (carriers[i].Document == carriers[at].Document) return false;
        return true;
    }
}
