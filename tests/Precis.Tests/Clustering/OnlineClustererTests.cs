using Precis.Cleaning;
using Precis.Clustering;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Tests.Clustering;

public class OnlineClustererTests
{
    /// <summary>Eviction is checked after every arrival, so the tests see it at once.</summary>
    private static readonly ClusteringOptions EveryArrival = new() { MergeInterval = 1 };

    [Fact]
    public void Articles_about_one_event_join_it_and_another_story_starts_its_own()
    {
        var documents = Stories.Prepare(Stories.Articles("flood", Stories.BrackwaterFlood).Concat(Stories.Articles("chess", Stories.NorthfieldChess, day: 0.5)));
        var clusterer = new OnlineClusterer(EveryArrival);

        var assignments = documents.Select(clusterer.Add).ToList();

        assignments.Select(a => a.EventId).Should().Equal("event-flood-1", "event-flood-1", "event-flood-1", "event-flood-1", "event-chess-1", "event-chess-1");
        assignments.Select(a => a.StartedEvent).Should().Equal(true, false, false, false, true, false);
        clusterer.OpenEventCount.Should().Be(2);
    }

    [Fact]
    public void Two_floods_in_different_towns_are_different_events()
    {
        var documents = Stories.Prepare(Stories.Articles("brackwater", Stories.BrackwaterFlood).Concat(Stories.Articles("orrin", Stories.OrrinValeFlood, day: 1)));
        var clusterer = new OnlineClusterer(EveryArrival);

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();

        ids.Distinct().Should().Equal("event-brackwater-1", "event-orrin-1");
    }

    [Fact]
    public void With_one_event_scanned_per_term_and_one_scored_an_article_still_finds_its_event_by_its_distinctive_terms()
    {
        // Both floods share their common words; the later one is the most recent event on each of them.
        var documents = Stories.Prepare(
            Stories.Articles("brackwater", Stories.BrackwaterFlood[..1])
                .Concat(Stories.Articles("orrin", Stories.OrrinValeFlood, day: 0.2))
                .Concat(Stories.Articles("more", Stories.BrackwaterFlood[1..], day: 0.4)));
        var clusterer = new OnlineClusterer(EveryArrival with { EventsPerTerm = 1, ScoredCandidates = 1 });

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();

        ids.Distinct().Should().Equal("event-brackwater-1", "event-orrin-1");
        ids.Skip(1 + Stories.OrrinValeFlood.Length).Should().AllBe("event-brackwater-1");
    }

    [Fact]
    public void The_same_story_within_the_window_joins_its_open_event()
    {
        var documents = Stories.Prepare(Stories.Articles("early", Stories.BrackwaterFlood[..2]).Concat(Stories.Articles("later", Stories.BrackwaterFlood[2..], day: 5)));
        var clusterer = new OnlineClusterer(EveryArrival);

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();

        ids.Should().AllBe("event-early-1");
    }

    [Fact]
    public void The_same_story_weeks_later_is_a_new_event_because_the_old_one_was_closed()
    {
        var documents = Stories.Prepare(
            Stories.Articles("first", Stories.BrackwaterFlood[..2])
                .Concat(Stories.Articles("chess", Stories.NorthfieldChess, day: 20))
                .Concat(Stories.Articles("again", Stories.BrackwaterFlood[2..], day: 21)));
        var clusterer = new OnlineClusterer(EveryArrival);

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();

        ids[^1].Should().Be("event-again-1");
        var closed = clusterer.TakeClosed();
        closed.Should().ContainSingle().Which.Members.Select(m => m.ArticleId).Should().Equal("first-1", "first-2");
        closed[0].Last.Should().Be(Stories.Start.AddHours(1));
    }

    [Fact]
    public void A_date_found_in_the_text_does_not_move_the_streams_clock()
    {
        // No feed times; the texts' found dates put the last flood article a month after the first two.
        var articles = Stories.BrackwaterFlood.Select((t, i) => new Article($"flood-{i}", t))
            .Concat(Stories.NorthfieldChess.Select((t, i) => new Article($"chess-{i}", t)))
            .Concat([new Article("flood-late", Stories.BrackwaterFlood[^1])]);
        var found = new[] { 0, 0, 0, 0, 30, 30, 31 };
        var documents = Stories.Prepare(articles).Select((d, i) => WithFoundDate(d, found[Math.Min(i, found.Length - 1)])).ToList();
        var clusterer = new OnlineClusterer(EveryArrival);

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();

        ids[^1].Should().Be("event-flood-0");
        clusterer.TakeClosed().Should().BeEmpty();
    }

    private static Document WithFoundDate(Document d, int day) =>
        new(d.Index, new CleanedArticle(d.Article, d.Cleaned.Lines, d.Cleaned.Metadata with { Date = DateOnly.FromDateTime(Stories.Start.UtcDateTime).AddDays(day) }), d.Sentences);

    [Fact]
    public void Undated_streams_close_events_after_a_number_of_arrivals()
    {
        var articles = Stories.BrackwaterFlood.Select((t, i) => new Article($"flood-{i}", t))
            .Concat(Stories.NorthfieldChess.Select((t, i) => new Article($"chess-{i}", t)));
        var clusterer = new OnlineClusterer(EveryArrival with { WindowArticles = 1 });

        foreach (var d in Stories.Prepare(articles)) clusterer.Add(d);

        clusterer.TakeClosed().Select(e => e.Id).Should().Equal("event-flood-0");
        clusterer.OpenEventCount.Should().Be(1);
    }

    [Fact]
    public void Closing_the_stream_reports_every_article_once()
    {
        var documents = Stories.Prepare(Stories.Articles("flood", Stories.BrackwaterFlood).Concat(Stories.Articles("chess", Stories.NorthfieldChess, 2)).Concat(Stories.Articles("orrin", Stories.OrrinValeFlood, 3)));
        var clusterer = new OnlineClusterer(EveryArrival);
        foreach (var d in documents) clusterer.Add(d);

        var events = clusterer.CloseAll();

        events.SelectMany(e => e.Members.Select(m => m.ArticleId)).Should().BeEquivalentTo(documents.Select(d => d.Id));
        clusterer.OpenEventCount.Should().Be(0);
    }

    [Fact]
    public void Events_that_close_together_are_clustered_again_and_pieces_of_one_story_merge()
    {
        // A join bar above any similarity makes every article start its own event, and no re-clustering runs
        // while the stream goes on: only the pass over the events that close puts the story back together.
        var documents = Stories.Prepare(Stories.Articles("flood", Stories.BrackwaterFlood).Concat(Stories.Articles("chess", Stories.NorthfieldChess[..1], day: 10)));
        var clusterer = new OnlineClusterer(EveryArrival with { JoinThreshold = 2, ReclusterInterval = int.MaxValue });

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();
        var closed = clusterer.TakeClosed();

        ids.Distinct().Should().HaveCount(documents.Count);
        closed.Should().ContainSingle().Which.Members.Select(m => m.ArticleId).Should().Equal(
            documents.Where(d => d.Id.StartsWith("flood", StringComparison.Ordinal)).Select(d => d.Id));
        closed[0].Id.Should().Be("event-flood-1");
        clusterer.OpenEventCount.Should().Be(1);
    }

    [Fact]
    public void An_event_that_took_in_another_story_is_split_when_it_is_clustered_again()
    {
        // A join bar below any similarity, and every term looking up events, put the second flood into the first
        // one's event; each such join is weak, so re-clustering with batch mode's linkage (at the end of the
        // stream) takes the second flood out.
        var documents = Stories.Prepare(Stories.Articles("brackwater", Stories.BrackwaterFlood).Concat(Stories.Articles("orrin", Stories.OrrinValeFlood, day: 1)));
        var clusterer = new OnlineClusterer(EveryArrival with { JoinThreshold = -1, CandidateTerms = 80 });

        var ids = documents.Select(d => clusterer.Add(d).EventId).ToList();
        var events = clusterer.CloseAll();

        ids.Should().AllBe("event-brackwater-1");
        events.Select(e => e.Members.Select(m => m.ArticleId).ToArray()).Should().BeEquivalentTo(
            [documents.Where(d => d.Id.StartsWith("brackwater", StringComparison.Ordinal)).Select(d => d.Id).ToArray(),
             documents.Where(d => d.Id.StartsWith("orrin", StringComparison.Ordinal)).Select(d => d.Id).ToArray()]);
        events.Select(e => e.Id).Should().BeEquivalentTo("event-brackwater-1", "event-orrin-1");
    }
}
