using Precis.Benchmarking;
using Precis.Model;
using Precis.Pipeline;
using Precis.Tests.Benchmarking;

namespace Precis.Tests.Pipeline;

/// <summary>One streaming digest of a synthetic feed that runs longer than the clusterer's window, shared by the tests that inspect it.</summary>
public sealed class StreamRun
{
    public const int Articles = 240;

    public static readonly PrecisPipeline Pipeline = PrecisPipeline.CreateBuilder().Configure(o => o with { MaxDegreeOfParallelism = 1 }).Build();

    public StreamRun()
    {
        var corpus = new SourceCorpusFixture().Corpus;
        // 20 articles a day: the feed covers 12 days, so the 7-day window closes the first stories before it ends.
        Feed = SyntheticStreamBuilder.Build(corpus, new SyntheticStreamOptions { Articles = Articles, Seed = 3, ArticlesPerDay = 20, CopyShare = 0.1 })
            .Articles.Select(a => PipelineBench.ToArticle(a, System.Text.Encoding.UTF8.GetString(a.Utf8))).ToList();
        var stream = Pipeline.OpenStream(Reports.Add);
        foreach (var article in Feed)
        {
            ClosedBeforeTheEnd.AddRange(stream.Add(article));
            MostHeld = Math.Max(MostHeld, stream.OpenArticles);
        }
        HeldAtTheEnd = stream.OpenArticles;
        ClosedAtTheEnd = stream.Complete();
        HeldAfterCompletion = stream.OpenArticles + stream.OpenEvents;
        Stream = stream;
    }

    public IReadOnlyList<Article> Feed { get; }
    public StreamingDigest Stream { get; }
    public List<ArticleReport> Reports { get; } = [];
    public List<EventDigest> ClosedBeforeTheEnd { get; } = [];
    public IReadOnlyList<EventDigest> ClosedAtTheEnd { get; }
    public int MostHeld { get; }
    public int HeldAtTheEnd { get; }
    public int HeldAfterCompletion { get; }
    public IEnumerable<EventDigest> Events => ClosedBeforeTheEnd.Concat(ClosedAtTheEnd);
}

public class StreamingDigestTests(StreamRun run) : IClassFixture<StreamRun>
{
    [Fact]
    public void Stream_hands_events_back_as_the_window_closes_them_and_drops_their_articles()
    {
        run.ClosedBeforeTheEnd.Should().NotBeEmpty("stories of the first days are closed by the window while the feed goes on");
        run.MostHeld.Should().BeLessThan(StreamRun.Articles, "closed events' articles are dropped");
        run.HeldAtTheEnd.Should().Be(run.ClosedAtTheEnd.Sum(e => e.Articles.Count));
        run.HeldAfterCompletion.Should().Be(0);
    }

    [Fact]
    public void Stream_reports_every_article_once_and_puts_every_digested_article_in_one_event()
    {
        var events = run.Events.ToList();

        run.Reports.Select(r => r.Id).Should().BeEquivalentTo(run.Feed.Select(a => a.Id));
        var inEvents = events.SelectMany(e => e.Articles).ToList();
        inEvents.Should().OnlyHaveUniqueItems();
        inEvents.Should().BeEquivalentTo(run.Reports.Where(r => r.Status != ArticleStatus.Rejected).Select(r => r.Id));
        events.Should().OnlyContain(e => e.Articles.Count > 0);
        var eventOf = events.SelectMany(e => e.Articles.Select(a => (Article: a, Event: e.Id))).ToDictionary(x => x.Article, x => x.Event);
        foreach (var duplicate in run.Reports.Where(r => r.Status == ArticleStatus.Duplicate))
            eventOf[duplicate.Id].Should().Be(eventOf[duplicate.DuplicateOf!], "a copy is found within its original's event");
        run.Reports.Count(r => r.Status == ArticleStatus.Duplicate).Should().BeGreaterThanOrEqualTo(StreamRun.Articles / 20, "half the injected 10% are byte-for-byte copies");
    }

    [Fact]
    public async Task Async_stream_gives_the_same_events_as_the_synchronous_one()
    {
        var expected = run.Events.Select(e => (e.Id, string.Join(' ', e.Summary.Select(s => s.Text)))).ToList();

        var actual = new List<(string, string)>();
        await foreach (var e in StreamRun.Pipeline.DigestStreamAsync(run.Feed.ToAsyncEnumerable(), cancellationToken: TestContext.Current.CancellationToken))
            actual.Add((e.Id, string.Join(' ', e.Summary.Select(s => s.Text))));

        actual.Should().Equal(expected);
    }

    [Fact]
    public void Completed_stream_takes_no_more_articles()
    {
        run.Stream.Invoking(s => s.Add(new Article("late", "Too late."))).Should().Throw<ObjectDisposedException>();
    }
}
