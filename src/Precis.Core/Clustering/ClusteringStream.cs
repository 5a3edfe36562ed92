using System.Diagnostics;
using System.Globalization;
using Precis.Benchmarking;
using Precis.Cleaning;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Clustering;

/// <summary>Settings of a synthetic news stream (see <see cref="ClusteringStream"/>): the shared timing, and how often memory is sampled.</summary>
public sealed record StreamSettings : StreamTiming
{
    /// <summary>How often (in articles) memory is sampled, after a full garbage collection.</summary>
    public int SampleEvery { get; init; } = 10_000;
}

/// <summary>Memory and state of the clusterer at one point of the stream.</summary>
public sealed record StreamSample(int Articles, int OpenEvents, long HeapBytes, int Vocabulary, double Day);

/// <summary>What a stream run measured: speed of <see cref="OnlineClusterer.Add(Document)"/>, memory along the way, and quality against the stories.</summary>
public sealed record StreamResult(
    StreamSettings Settings,
    int Stories,
    int SourceArticles,
    TimeSpan AddTime,
    TimeSpan ProcessorTime,
    IReadOnlyList<StreamSample> Samples,
    int EventsClosed,
    int LargestEvent,
    ClusterScores Scores)
{
    /// <summary>Articles per second of wall-clock time spent in <see cref="OnlineClusterer.Add(Document)"/>.</summary>
    public double ArticlesPerSecond => Settings.Articles / AddTime.TotalSeconds;

    /// <summary>
    /// Articles per second of processor time (all threads of the process, garbage collection included)
    /// while the stream ran: the per-core figure, which a busy shared machine does not distort.
    /// </summary>
    public double ArticlesPerCpuSecond => Settings.Articles / ProcessorTime.TotalSeconds;
    public long PeakHeapBytes => Samples.Count == 0 ? 0 : Samples.Max(s => s.HeapBytes);
    public int PeakOpenEvents => Samples.Count == 0 ? 0 : Samples.Max(s => s.OpenEvents);
}

/// <summary>
/// Runs the streaming clusterer over a long news stream built from a small labelled set. The gold events of
/// the set are the stories, told again and again on the shared <see cref="StorySchedule"/> (the story order
/// shuffled once and repeated, each round taking <c>source articles / ArticlesPerDay</c> days), so every
/// story comes back as a new event of the same topic (same text, new time) later on — the recurrence the
/// window must tell apart. Articles are made on the fly in time order (sharing the source text and
/// sentences), so the memory measured is the clusterer's, not the stream's. <see cref="OnlineClusterer.Add(Document)"/>
/// is timed on the wall clock; the processor time covers making the articles too. Memory is sampled after a
/// full collection every <see cref="StreamSettings.SampleEvery"/> articles (outside both timings).
/// </summary>
public static class ClusteringStream
{
    /// <param name="stories">Gold events: each a list of prepared documents.</param>
    /// <param name="settings">Length, rate and timing of the stream.</param>
    /// <param name="options">The clusterer's settings.</param>
    public static StreamResult Run(IReadOnlyList<IReadOnlyList<Document>> stories, StreamSettings settings, ClusteringOptions options)
    {
        var sizes = stories.Select(s => s.Count).ToArray();

        // The run's own bookkeeping is two arrays allocated up front (story and event number per
        // article), so the heap samples grow only with what the clusterer keeps.
        var storyOf = new int[settings.Articles];
        var eventOf = new int[settings.Articles];
        int eventsClosed = 0, largestEvent = 0;
        var clusterer = new OnlineClusterer(options);
        var samples = new List<StreamSample>();
        var watch = new Stopwatch();
        var cpu = TimeSpan.Zero;
        int produced = 0;
        double latestDay = 0;
        samples.Add(new StreamSample(0, 0, GC.GetTotalMemory(forceFullCollection: true), 0, 0));
        var cpuStart = ProcessorTime();
        foreach (var at in StorySchedule.Enumerate(sizes, settings))
        {
            if (produced == settings.Articles) break;
            var source = stories[at.Event][at.Article];
            var document = Recast(source, $"{source.Id}@{at.Telling}", at.Time, produced);
            storyOf[produced] = at.Story;
            latestDay = (at.Time - settings.Start).TotalDays;
            watch.Start();
            clusterer.Add(document);
            watch.Stop();
            produced++;
            if (produced % settings.SampleEvery == 0)
            {
                cpu += ProcessorTime() - cpuStart;
                Record(clusterer.TakeClosed(), eventOf, ref eventsClosed, ref largestEvent);
                samples.Add(new StreamSample(produced, clusterer.OpenEventCount, GC.GetTotalMemory(forceFullCollection: true), clusterer.VocabularySize, latestDay));
                cpuStart = ProcessorTime();
            }
        }
        cpu += ProcessorTime() - cpuStart;
        Record(clusterer.CloseAll(), eventOf, ref eventsClosed, ref largestEvent);

        var goldLabels = new string[produced];
        var predicted = new string[produced];
        for (int i = 0; i < produced; i++)
        {
            goldLabels[i] = storyOf[i].ToString(CultureInfo.InvariantCulture);
            predicted[i] = eventOf[i].ToString(CultureInfo.InvariantCulture);
        }
        return new StreamResult(settings, sizes.Count(n => n > 0), sizes.Sum(), watch.Elapsed, cpu, samples, eventsClosed, largestEvent, ClusterScores.Compute(goldLabels, predicted));
    }

    private static void Record(IReadOnlyList<ClosedEvent> closed, int[] eventOf, ref int eventsClosed, ref int largestEvent)
    {
        foreach (var e in closed)
        {
            eventsClosed++;
            largestEvent = Math.Max(largestEvent, e.Members.Count);
            foreach (var m in e.Members) eventOf[m.Tag] = eventsClosed;
        }
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The same article under a new id and time: text, cleaning and sentences are shared, not copied.</summary>
    private static Document Recast(Document source, string id, DateTimeOffset time, int index)
    {
        var article = new Article(id, source.Text)
        {
            Title = source.Article.Title,
            Source = source.Article.Source,
            Timestamp = time,
            Date = DateOnly.FromDateTime(time.UtcDateTime),
            Origin = source.Article.Origin,
        };
        var cleaned = new CleanedArticle(article, source.Cleaned.Lines, source.Cleaned.Metadata);
        return new Document(index, cleaned, source.Sentences);
    }
}
