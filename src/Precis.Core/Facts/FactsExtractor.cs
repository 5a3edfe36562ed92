using Precis.Dedup;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Facts;

/// <summary>What the facts stage found in one event, as the digest reports it.</summary>
public sealed record EventFacts(IReadOnlyList<EntityReport> Entities, IReadOnlyList<QuoteReport> Quotes, IReadOnlyList<ConflictReport> Conflicts)
{
    public static EventFacts Empty { get; } = new([], [], []);
}

/// <summary>
/// The facts stage: who is named (entities with their aliases), who said what (quotations with their
/// speakers, copies merged) and where sources disagree (numeric claims that measure the same thing with
/// different values). It reads only body sentences (<see cref="Document.Sentences"/>), never captions or
/// comments. Immutable and thread-safe once built; the same input gives the same output.
/// </summary>
public sealed class FactsExtractor
{
    private readonly FactsOptions _options;
    private readonly MentionFinder _mentionFinder;
    private readonly EntityResolver _resolver;
    private readonly QuoteFinder _quoteFinder;
    private readonly NumericClaimFinder _claimFinder;
    private readonly ConflictDetector _conflicts = new();

    public FactsExtractor(FactsOptions options)
    {
        _options = options;
        var lexicon = FactsLexicon.Default;
        _mentionFinder = new MentionFinder(lexicon);
        _resolver = new EntityResolver(lexicon);
        _quoteFinder = new QuoteFinder(lexicon);
        _claimFinder = new NumericClaimFinder(lexicon);
    }

    public FactsOptions Options => _options;

    /// <summary>Extracts the facts of one event from its documents (copies included) and what dedup found.</summary>
    public EventFacts Extract(IReadOnlyList<Document> documents, DedupResult dedup)
    {
        if (!_options.Enabled || documents.Count == 0) return EventFacts.Empty;
        var docs = documents.OrderBy(d => d.Index).ToList();
        using var buffer = new WordBuffer();
        var paragraphs = ParagraphText.Split(docs, buffer);

        var evidence = NameEvidence.Of(paragraphs);
        var (allMentions, mentions) = FindMentions(paragraphs, evidence);
        var entities = _resolver.Resolve(allMentions);

        var segments = new List<List<List<QuoteSegment>>>(docs.Count);
        for (int d = 0; d < docs.Count; d++)
        {
            var perParagraph = paragraphs[d].Select(_quoteFinder.FindSegments).ToList();
            _quoteFinder.Attribute(paragraphs[d], perParagraph, mentions[d]);
            segments.Add(perParagraph);
        }
        var quotes = QuoteMerger.Merge(segments, dedup, _options.MinQuoteWords);

        var claims = new List<NumericClaim>();
        for (int d = 0; d < docs.Count; d++)
            for (int p = 0; p < paragraphs[d].Count; p++)
                _claimFinder.Find(paragraphs[d][p], mentions[d][p], claims);
        var conflicts = _conflicts.Detect(claims);
        allMentions.Clear(); // the thread's list keeps no mention (nor its article) alive after the event
        if (allMentions.Capacity > MaxKeptMentions) t_mentions = null; // nor the array of an exceptionally large event

        return new EventFacts(EntityReports(entities, quotes), quotes.Select(QuoteReportOf).ToList(), conflicts.Select(ConflictReportOf).ToList());
    }

    /// <summary>
    /// The mentions of every paragraph, all in one list (in text order), and for each document and paragraph
    /// its slice of that list: one array for the event rather than a growing list per paragraph. The list is the
    /// thread's (<see cref="t_mentions"/>): read it before the thread's next call.
    /// </summary>
    internal (List<Mention> All, List<ArraySegment<Mention>[]> ByParagraph) FindMentions(List<List<ParagraphText>> paragraphs, NameEvidence evidence)
    {
        var all = t_mentions ??= new List<Mention>(InitialMentions);
        all.Clear();
        var ranges = new List<(int Start, int Count)[]>(paragraphs.Count);
        foreach (var list in paragraphs)
        {
            var perParagraph = new (int, int)[list.Count];
            for (int p = 0; p < list.Count; p++)
            {
                int start = all.Count;
                _mentionFinder.Find(list[p], evidence, all);
                perParagraph[p] = (start, all.Count - start);
            }
            ranges.Add(perParagraph);
        }
        var array = all.ToArray();
        var byParagraph = new List<ArraySegment<Mention>[]>(ranges.Count);
        foreach (var perParagraph in ranges)
        {
            var segments = new ArraySegment<Mention>[perParagraph.Length];
            for (int p = 0; p < segments.Length; p++) segments[p] = new ArraySegment<Mention>(array, perParagraph[p].Start, perParagraph[p].Count);
            byParagraph.Add(segments);
        }
        return (all, byParagraph);
    }

    /// <summary>
    /// The list <see cref="FindMentions"/> collects an event's mentions in, one per thread and reused (cleared
    /// after each event): grown from empty for every event, its arrays were most of the mention arrays the stage allocated.
    /// </summary>
    [ThreadStatic]
    private static List<Mention>? t_mentions;

    /// <summary>Room for the mentions of a large event before the thread's list first grows.</summary>
    private const int InitialMentions = 1024;

    /// <summary>A thread's list grown past this (128 KB of references) is dropped after its event rather than kept.</summary>
    private const int MaxKeptMentions = 16 * 1024;

    private List<EntityReport> EntityReports(List<Entity> entities, List<MergedQuote> quotes)
    {
        var speakers = new HashSet<Entity>();
        foreach (var q in quotes) if (q.Attribution.Speaker is { } speaker) speakers.Add(speaker);
        var reported = new List<Entity>();
        foreach (var e in entities)
            if (e.Kind != EntityKind.Unknown && (e.Mentions.Length >= 2 || speakers.Contains(e))) reported.Add(e);
        // Most mentioned first; among equals, the first named (entities are listed in order of first mention).
        reported.Sort((a, b) => a.Mentions.Length != b.Mentions.Length ? b.Mentions.Length.CompareTo(a.Mentions.Length) : a.Id.CompareTo(b.Id));
        int count = _options.MaxEntities > 0 ? Math.Min(_options.MaxEntities, reported.Count) : reported.Count;
        var reports = new List<EntityReport>(count);
        for (int k = 0; k < count; k++)
        {
            var e = reported[k];
            reports.Add(new EntityReport(
                e.Name,
                e.Kind switch { EntityKind.Person => EntityReport.Person, EntityKind.Place => EntityReport.Place, _ => EntityReport.Organization },
                e.Aliases,
                e.Mentions.Length,
                ArticlesOf(e)));
        }
        return reports;
    }

    /// <summary>The ids of the articles that name the entity, in document order.</summary>
    private static List<string> ArticlesOf(Entity e)
    {
        var documents = new List<Document>();
        foreach (var m in e.Mentions)
        {
            var document = m.Paragraph.Document;
            // Mentions come mostly in text order: the last document added is the likeliest, then the others.
            if (documents.Count > 0 && documents[^1] == document || documents.Contains(document)) continue;
            documents.Add(document);
        }
        documents.Sort((a, b) => a.Index.CompareTo(b.Index));
        var ids = new List<string>(documents.Count);
        foreach (var d in documents) ids.Add(d.Id);
        return ids;
    }

    private static QuoteReport QuoteReportOf(MergedQuote q)
    {
        // Segments come by document: the first article's first, each article's together.
        var segments = q.Segments;
        var first = segments[0].Paragraph.Document;
        int bound = 0;
        foreach (var s in segments) if (s.Paragraph.Document == first) bound += s.Span.Length + QuoteSeparator.Length;
        Span<char> text = bound <= 2048 ? stackalloc char[bound] : new char[bound];
        int length = 0;
        var articles = new List<string>();
        var sources = new List<SourceSpan>(segments.Count);
        for (int k = 0; k < segments.Count; k++)
        {
            var s = segments[k];
            var document = s.Paragraph.Document;
            if (k == 0 || document != segments[k - 1].Paragraph.Document) articles.Add(document.Id);
            sources.Add(new SourceSpan(document.Id, s.Span.Start, s.Span.End));
            if (document != first) continue;
            // The first article's segments joined; a quotation's own trailing comma ("…difficult issues," de
            // Mistura said) is punctuation of the attribution.
            if (k > 0)
            {
                QuoteSeparator.CopyTo(text[length..]);
                length += QuoteSeparator.Length;
            }
            int start = length;
            length += CollapseInto(s.Span.Of(first.Text), text[length..]);
            while (length > start && text[length - 1] is ',' or ' ') length--;
        }
        var speaker = q.Attribution.Speaker;
        return new QuoteReport(speaker?.Name, speaker is null ? q.Attribution.Role : speaker.Role, new string(text[..length]), articles) { Sources = sources };
    }

    private static ConflictReport ConflictReportOf(NumericConflict c) => new(c.About, c.Values.Select(v =>
    {
        var first = v.Claims[0];
        return new ConflictValue(v.Value, Collapse(first.Span.Of(first.Paragraph.Text)),
            v.Claims.Select(x => x.Paragraph.Document).Distinct().OrderBy(d => d.Index).Select(d => d.Id).ToList())
        {
            Sources = v.Claims.Select(x => new SourceSpan(x.Paragraph.Document.Id, x.Span.Start, x.Span.End)).ToList(),
        };
    }).ToList());

    /// <summary>Between the segments of a quotation split around its attribution.</summary>
    private const string QuoteSeparator = " … ";

    private static string Collapse(ReadOnlySpan<char> text)
    {
        // Never longer than the text: written into a buffer on the stack rather than a StringBuilder.
        Span<char> collapsed = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(collapsed[..CollapseInto(text, collapsed)]);
    }

    /// <summary>The text with white space runs made one space and none at the ends, written into <paramref name="into"/> (as long as the text); its length.</summary>
    private static int CollapseInto(ReadOnlySpan<char> text, Span<char> into)
    {
        int length = 0;
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = length > 0; continue; }
            if (space) into[length++] = ' ';
            into[length++] = c;
            space = false;
        }
        return length;
    }
}
