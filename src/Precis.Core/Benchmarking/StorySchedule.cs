namespace Precis.Benchmarking;

/// <summary>
/// When the articles of a synthetic stream appear: the one timing model that every synthetic stream of the
/// project shares (the pipeline bench's <see cref="SyntheticStreamBuilder"/> and the clusterer's
/// <see cref="Clustering.ClusteringStream"/>).
/// </summary>
public record StreamTiming
{
    /// <summary>Articles in the stream.</summary>
    public int Articles { get; init; } = 100_000;

    /// <summary>Seeds every random choice: the same seed and sources give the same stream.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Articles published per day: with the clusterer's window this sets how many events are open at once.</summary>
    public double ArticlesPerDay { get; init; } = 100;

    /// <summary>A story's articles are spread over this many days from its start.</summary>
    public double StoryDays { get; init; } = 2;

    /// <summary>Chance that a source article appears in a given telling of its event (1: every telling has them all).</summary>
    public double ArticleShareOfStory { get; init; } = 1;

    /// <summary>The first instant of the stream; fixed so streams do not depend on the clock.</summary>
    public DateTimeOffset Start { get; init; } = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// One article of the schedule: article <see cref="Article"/> of source event <see cref="Event"/>, in its
/// <see cref="Telling"/>-th telling (0 for the first), as story <see cref="Story"/> of the stream, at <see cref="Time"/>.
/// </summary>
public readonly record struct ScheduledArticle(int Event, int Article, int Telling, int Story, DateTimeOffset Time);

/// <summary>
/// Turns a few labelled source events into an endless news stream. The source events are shuffled once
/// and told again and again in that order (one round after another), each telling a new story; a story
/// starts when the stories before it have published their articles at <see cref="StreamTiming.ArticlesPerDay"/>,
/// and its articles appear at random within <see cref="StreamTiming.StoryDays"/> of its start, so stories
/// interleave. Every event recurs once a round, as a topic recurs in the news. Articles come out in time
/// order. Deterministic for a seed.
/// </summary>
public static class StorySchedule
{
    /// <param name="eventSizes">How many articles each source event has.</param>
    /// <param name="timing">Rate, spread, seed and start; <see cref="StreamTiming.Articles"/> is not used (the schedule is endless: take what you need).</param>
    public static IEnumerable<ScheduledArticle> Enumerate(IReadOnlyList<int> eventSizes, StreamTiming timing)
    {
        if (timing.ArticlesPerDay <= 0 || timing.StoryDays < 0) throw new ArgumentOutOfRangeException(nameof(timing), "ArticlesPerDay must be positive and StoryDays not negative.");
        if (timing.ArticleShareOfStory is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(timing), "ArticleShareOfStory must be in (0, 1].");
        var order = Enumerable.Range(0, eventSizes.Count).Where(e => eventSizes[e] > 0).ToArray();
        if (order.Length == 0) throw new ArgumentException("No source event has an article.", nameof(eventSizes));
        return Enumerate(order, eventSizes, timing);
    }

    private static IEnumerable<ScheduledArticle> Enumerate(int[] order, IReadOnlyList<int> eventSizes, StreamTiming timing)
    {
        var random = new Random(timing.Seed);
        random.Shuffle(order);
        var pending = new PriorityQueue<ScheduledArticle, (double Day, long Sequence)>();
        long sequence = 0;
        double storyStart = 0;
        int story = 0;
        for (int telling = 0; ; telling++)
        {
            foreach (int e in order)
            {
                while (pending.TryPeek(out var next, out var at) && at.Day < storyStart)
                {
                    pending.Dequeue();
                    yield return next;
                }
                int kept = 0;
                for (int a = 0; a < eventSizes[e]; a++)
                {
                    if (timing.ArticleShareOfStory < 1 && random.NextDouble() >= timing.ArticleShareOfStory) continue;
                    double day = storyStart + random.NextDouble() * timing.StoryDays;
                    pending.Enqueue(new ScheduledArticle(e, a, telling, story, timing.Start.AddDays(day)), (day, sequence++));
                    kept++;
                }
                if (kept == 0) continue;
                story++;
                storyStart += kept / timing.ArticlesPerDay;
            }
        }
    }
}
