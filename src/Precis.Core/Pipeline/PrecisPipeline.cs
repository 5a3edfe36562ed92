using Precis.Cleaning;
using Precis.Clustering;
using Precis.Dedup;
using Precis.Facts;
using Precis.Input;
using Precis.Model;
using Precis.Segmentation;
using Precis.Summarization;

namespace Precis.Pipeline;

/// <summary>Progress of a run, for front ends that show it.</summary>
public readonly record struct PipelineProgress(string Stage, int Done, int Total);

/// <summary>
/// The engine: read → clean → segment → dedup → cluster → summarize → digest. Built once from options
/// (see <see cref="PrecisPipelineBuilder"/>), immutable, and safe to share across threads; every call to
/// <see cref="Digest(InputBatch, IProgress{PipelineProgress}?, CancellationToken)"/> is independent.
/// </summary>
public sealed class PrecisPipeline
{
    private readonly ArticleCleaner _cleaner;
    private readonly Deduplicator _deduplicator;
    private readonly Deduplicator _eventDeduplicator;
    private readonly EventClusterer _clusterer;
    private readonly ISummarizer _summarizer;
    private readonly FactsExtractor _facts;

    internal PrecisPipeline(PrecisOptions options, ISummarizer? summarizer = null)
    {
        Options = options;
        _cleaner = new ArticleCleaner(options.Cleaning);
        var dedup = options.Dedup with { MaxDegreeOfParallelism = Math.Min(options.Dedup.MaxDegreeOfParallelism, Math.Max(1, options.MaxDegreeOfParallelism)) };
        _deduplicator = new Deduplicator(dedup);
        // A stream deduplicates one closed event at a time: tens of articles, too few to share among threads.
        _eventDeduplicator = new Deduplicator(dedup with { MaxDegreeOfParallelism = 1 });
        _clusterer = new EventClusterer(options.Clustering);
        _summarizer = summarizer ?? Summarizers.Create(Summarizers.EngineName, options.Summarizer)!;
        _facts = new FactsExtractor(options.Facts);
    }

    public PrecisOptions Options { get; }

    public static PrecisPipelineBuilder CreateBuilder() => new();

    /// <summary>A pipeline with default options.</summary>
    public static PrecisPipeline Default { get; } = new PrecisPipelineBuilder().Build();

    /// <summary>Reads files and directories, then digests them.</summary>
    public Digest DigestPaths(IEnumerable<string> paths, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Digest(new InputReader(Options.Input).Read(paths), progress, cancellationToken);

    /// <summary>Digests articles given in memory.</summary>
    public Digest Digest(IEnumerable<Article> articles, CancellationToken cancellationToken = default) =>
        Digest(InputBatch.FromArticles(articles), null, cancellationToken);

    public Digest Digest(InputBatch batch, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(batch, progress, cancellationToken);
        var documents = prepared.Documents;

        progress?.Report(new PipelineProgress("dedup", 0, documents.Count));
        var dedup = _deduplicator.Run(documents);

        progress?.Report(new PipelineProgress("cluster", 0, documents.Count));
        var groups = _clusterer.Cluster(documents, dedup, batch.Clusters);

        var events = new List<EventDigest>(groups.Count);
        for (int g = 0; g < groups.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = groups[g].Documents.Select(i => documents[i]).ToList();
            events.Add(DigestEvent(groups[g].Id, members, dedup, progress, g, groups.Count));
        }
        progress?.Report(new PipelineProgress("summarize", groups.Count, groups.Count));
        progress?.Report(new PipelineProgress("facts", groups.Count, groups.Count));

        return new Digest(events, Reports(batch, prepared, dedup));
    }

    /// <summary>
    /// Opens a streaming digest: articles go in one at a time (in publication order), and each event comes out
    /// digested as soon as the clusterer's window closes it, after which its texts are dropped. Memory is
    /// bounded by the window, not by the length of the stream. See <see cref="StreamingDigest"/>.
    /// </summary>
    /// <param name="onArticle">Told the fate of every article once it is final (rejected at once; kept or duplicate when its event closes).</param>
    /// <param name="progress">Told each stage as it starts work on an article or an event.</param>
    public StreamingDigest OpenStream(Action<ArticleReport>? onArticle = null, IProgress<PipelineProgress>? progress = null) =>
        new(this, onArticle, progress);

    /// <summary>Digests a stream of articles (in publication order), yielding each event as its window closes.</summary>
    public IEnumerable<EventDigest> DigestStream(IEnumerable<Article> articles, Action<ArticleReport>? onArticle = null, CancellationToken cancellationToken = default)
    {
        var stream = OpenStream(onArticle);
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var e in stream.Add(article)) yield return e;
        }
        foreach (var e in stream.Complete()) yield return e;
    }

    /// <summary>The asynchronous form of <see cref="DigestStream"/>, for feeds that arrive over time.</summary>
    public async IAsyncEnumerable<EventDigest> DigestStreamAsync(IAsyncEnumerable<Article> articles, Action<ArticleReport>? onArticle = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = OpenStream(onArticle);
        await foreach (var article in articles.WithCancellation(cancellationToken))
            foreach (var e in stream.Add(article)) yield return e;
        foreach (var e in stream.Complete()) yield return e;
    }

    /// <summary>Cleans and segments every article; articles with no usable English body become rejections.</summary>
    public PreparedBatch Prepare(InputBatch batch, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new (CleanedArticle? Cleaned, string? Reason)[batch.Articles.Count];
        int done = 0;
        progress?.Report(new PipelineProgress("clean", 0, outcomes.Length));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, batch.Articles.Count, parallel, i =>
        {
            outcomes[i] = CleanOne(batch.Articles[i]);
            int n = Interlocked.Increment(ref done);
            if (progress is not null && (n % 256 == 0 || n == outcomes.Length)) progress.Report(new PipelineProgress("clean", n, outcomes.Length));
        });

        progress?.Report(new PipelineProgress("segment", 0, outcomes.Length));
        var documents = new List<Document>();
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanedById = new Dictionary<string, CleanedArticle>(StringComparer.Ordinal);
        for (int i = 0; i < outcomes.Length; i++)
        {
            var (cleaned, reason) = outcomes[i];
            if (cleaned is not null) cleanedById[cleaned.Article.Id] = cleaned;
            if (reason is not null) { rejected[batch.Articles[i].Id] = reason; continue; }
            documents.Add(Segmenter.Segment(documents.Count, cleaned!));
        }
        progress?.Report(new PipelineProgress("segment", outcomes.Length, outcomes.Length));
        return new PreparedBatch(documents, rejected, cleanedById);
    }

    internal (CleanedArticle?, string?) CleanOne(Article article)
    {
        if (LanguageCheck.CheckScript(article.Text) is { } script)
            return (null, script);
        var cleaned = _cleaner.Clean(article);
        int bodyWords = cleaned.BodyWordCount;
        if (bodyWords == 0)
            return (cleaned, $"no article body: none of its {cleaned.Lines.Count} lines reads as article text");
        string? language = LanguageCheck.Check(cleaned);
        return language is null ? (cleaned, null) : (cleaned, language);
    }

    /// <summary>The deduplicator a stream runs on each closed event.</summary>
    internal Deduplicator EventDeduplicator => _eventDeduplicator;

    /// <summary>Summary and facts of one event; <paramref name="done"/> of <paramref name="total"/> events are digested before it.</summary>
    internal EventDigest DigestEvent(string id, IReadOnlyList<Document> members, DedupResult dedup, IProgress<PipelineProgress>? progress, int done, int total)
    {
        progress?.Report(new PipelineProgress("summarize", done, total));
        var summarized = SummarizeEvent(id, members, dedup);
        progress?.Report(new PipelineProgress("facts", done, total));
        var facts = _facts.Extract(members, dedup);
        return summarized with { Entities = facts.Entities, Quotes = facts.Quotes, Conflicts = facts.Conflicts };
    }

    private EventDigest SummarizeEvent(string id, IReadOnlyList<Document> members, DedupResult dedup)
    {
        var summary = _summarizer.Summarize(new SummaryRequest(id, members, dedup));
        var byIndex = members.ToDictionary(d => d.Index);
        var sentences = summary.Sentences.Select(s => Render(s, byIndex)).ToList();
        var memberSet = members.Select(d => d.Index).ToHashSet();
        var copies = dedup.CopiesAmong(memberSet)
            .Select(c => new CopyGroup([byIndex[c.First].Id, byIndex[c.Second].Id], c.SharedSentences, c.Similarity))
            .ToList();
        return new EventDigest(id, summary.Headline, summary.Date, sentences, members.Select(d => d.Id).ToList()) { Copies = copies };
    }

    /// <summary>
    /// The summary sentence as shown: the first source's segments joined (see <see cref="SegmentText"/>),
    /// with every segment of every copy as a source span.
    /// </summary>
    private static SummarySentence Render(SelectedSentence selected, IReadOnlyDictionary<int, Document> byIndex)
    {
        var first = byIndex[selected.Key.Document];
        var sources = new List<SourceSpan>();
        foreach (var copy in selected.Sources)
        {
            if (!byIndex.TryGetValue(copy.Sentence.Document, out var doc)) continue;
            foreach (var segment in copy.Segments) sources.Add(new SourceSpan(doc.Id, segment.Start, segment.End));
        }
        return new SummarySentence(SegmentText.Join(first.Text, selected.Segments), sources);
    }

    internal static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            sb.Append(c);
            space = false;
        }
        return sb.ToString();
    }

    private static List<ArticleReport> Reports(InputBatch batch, PreparedBatch prepared, DedupResult dedup)
    {
        var reports = new List<ArticleReport>(batch.Articles.Count + batch.Rejections.Count);
        var docById = prepared.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var article in batch.Articles)
        {
            var cleaned = prepared.Cleaned.GetValueOrDefault(article.Id);
            if (prepared.Rejected.TryGetValue(article.Id, out var reason))
            {
                reports.Add(Report(article, cleaned, reason));
                continue;
            }
            var doc = docById[article.Id];
            reports.Add(Report(article, cleaned, dedup, doc.Index, i => prepared.Documents[i].Id));
        }
        foreach (var r in batch.Rejections)
            reports.Add(new ArticleReport(r.Id, null, null, null, ArticleStatus.Rejected, r.Reason));
        return reports;
    }

    /// <summary>The report of a rejected article, with what metadata the input declared or cleaning found.</summary>
    internal static ArticleReport Report(Article article, CleanedArticle? cleaned, string rejection)
    {
        var meta = cleaned?.Metadata;
        return new ArticleReport(article.Id, article.Title ?? meta?.Title, article.Date ?? meta?.Date, article.Source ?? meta?.Source, ArticleStatus.Rejected, rejection);
    }

    /// <summary>The report of a document that went on: kept, or a duplicate of the document <paramref name="idOf"/> names.</summary>
    internal static ArticleReport Report(Article article, CleanedArticle? cleaned, DedupResult dedup, int index, Func<int, string> idOf)
    {
        var meta = cleaned?.Metadata;
        string? title = article.Title ?? meta?.Title;
        DateOnly? date = article.Date ?? meta?.Date;
        string? source = article.Source ?? meta?.Source;
        if (!dedup.DuplicateOf.TryGetValue(index, out int original))
            return new ArticleReport(article.Id, title, date, source, ArticleStatus.Kept, null);
        string of = idOf(original);
        return new ArticleReport(article.Id, title, date, source, ArticleStatus.Duplicate, $"duplicate of {of}", of);
    }
}

/// <summary>Articles after cleaning and segmentation: the documents that go on, and the ones rejected with a reason.</summary>
public sealed record PreparedBatch(
    IReadOnlyList<Document> Documents,
    IReadOnlyDictionary<string, string> Rejected,
    IReadOnlyDictionary<string, CleanedArticle> Cleaned);
