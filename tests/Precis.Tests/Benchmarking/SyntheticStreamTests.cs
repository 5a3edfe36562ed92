using Precis.Benchmarking;
using Precis.Text;

namespace Precis.Tests.Benchmarking;

/// <summary>Loads the evaluation sets once for every test that builds a stream from them.</summary>
public sealed class SourceCorpusFixture
{
    public SourceCorpus Corpus { get; } = SourceCorpus.Load(SourceCorpus.DefaultFiles(Fixtures.Eval));
}

public class SyntheticStreamTests(SourceCorpusFixture fixture) : IClassFixture<SourceCorpusFixture>
{
    private SyntheticStream Build(int articles, int seed) =>
        SyntheticStreamBuilder.Build(fixture.Corpus, new SyntheticStreamOptions { Articles = articles, Seed = seed });

    [Fact]
    public void Corpus_keeps_a_text_that_several_files_hold_once()
    {
        var texts = fixture.Corpus.Events.SelectMany(e => e.Articles).Select(a => a.Text).ToList();

        texts.Should().OnlyHaveUniqueItems();
        fixture.Corpus.Events.Should().Contain(e => e.Name.StartsWith("duc2003/", StringComparison.Ordinal))
            .And.Contain(e => e.Name.StartsWith("ecbplus-odd-topics/", StringComparison.Ordinal))
            .And.NotContain(e => e.Name.StartsWith("pooled-dev/", StringComparison.Ordinal), "pooled-dev only repeats the MDS documents");
    }

    [Fact]
    public void Stream_has_the_requested_size_and_copy_shares_in_time_order()
    {
        var stream = Build(400, seed: 3);

        stream.Articles.Should().HaveCount(400);
        stream.ExactCopies.Should().Be(10);
        stream.NearCopies.Should().Be(10);
        stream.Articles.Select(a => a.Id).Should().OnlyHaveUniqueItems();
        stream.Articles.Select(a => a.Timestamp).Should().BeInAscendingOrder();
        var options = stream.Options;
        double days = 400 / options.ArticlesPerDay;
        stream.Articles.Should().OnlyContain(a => a.Timestamp >= options.Start
            && a.Timestamp < options.Start.AddDays(days + options.StoryDays).AddHours(12), "stories start at the publishing rate, run over StoryDays, and copies follow within 12 hours");
        stream.Span.First.Should().Be(stream.Articles.First().Timestamp);
        stream.Span.Last.Should().Be(stream.Articles.Last().Timestamp);
        stream.Stories.Should().BeGreaterThan(10);
    }

    [Fact]
    public void Stream_texts_are_distinct_except_exact_copies()
    {
        var stream = Build(400, seed: 3);
        var byId = stream.Articles.ToDictionary(a => a.Id);

        stream.Articles.Select(a => Convert.ToBase64String(a.Utf8)).Distinct().Should().HaveCount(400 - stream.ExactCopies);
        foreach (var copy in stream.Articles.Where(a => a.Kind != StreamArticleKind.Original))
        {
            var original = byId[copy.CopyOf!];
            original.Kind.Should().Be(StreamArticleKind.Original);
            original.Timestamp.Should().BeBefore(copy.Timestamp);
            if (copy.Kind == StreamArticleKind.ExactCopy) copy.Utf8.Should().Equal(original.Utf8);
            else copy.Utf8.Should().NotEqual(original.Utf8);
        }
    }

    [Fact]
    public void Stories_interleave_and_each_runs_within_its_story_days()
    {
        var stream = Build(2_000, seed: 4);
        var originals = stream.Articles.Where(a => a.Kind == StreamArticleKind.Original).ToList();

        var spans = originals.GroupBy(a => a.Story).Select(g => (g.Min(a => a.Timestamp), g.Max(a => a.Timestamp))).ToList();
        spans.Should().OnlyContain(s => s.Item2 - s.Item1 <= TimeSpan.FromDays(stream.Options.StoryDays));
        int switches = 0;
        for (int i = 1; i < originals.Count; i++)
            if (originals[i].Story != originals[i - 1].Story) switches++;
        switches.Should().BeGreaterThan(originals.Count / 2, "a feed mixes stories: consecutive articles mostly belong to different ones");
    }

    [Fact]
    public void Schedule_tells_every_event_once_a_round_and_all_its_articles_at_full_share()
    {
        int[] sizes = [3, 0, 5, 2];
        var timing = new StreamTiming { ArticlesPerDay = 10, StoryDays = 1, Seed = 2 };

        // A round of 10 articles takes a day and its stories run a day more; everything before day 3 is in the first 40.
        var schedule = StorySchedule.Enumerate(sizes, timing).Take(40).ToList();
        var twoRounds = schedule.Where(a => a.Telling < 2).ToList();

        schedule.Select(a => a.Time).Should().BeInAscendingOrder();
        twoRounds.GroupBy(a => a.Telling).Should().HaveCount(2).And.OnlyContain(round => round.Count() == 10);
        twoRounds.Should().NotContain(a => a.Event == 1, "an event without articles is never told");
        twoRounds.GroupBy(a => a.Story).Should().HaveCount(6).And.OnlyContain(story => story.Select(a => a.Article).Distinct().Count() == sizes[story.First().Event]);
    }

    [Fact]
    public void Same_seed_gives_the_same_stream_byte_for_byte()
    {
        var first = Build(300, seed: 11);
        var second = Build(300, seed: 11);
        var other = Build(300, seed: 12);

        first.Articles.Select(a => (a.Id, a.Timestamp, Convert.ToBase64String(a.Utf8)))
            .Should().Equal(second.Articles.Select(a => (a.Id, a.Timestamp, Convert.ToBase64String(a.Utf8))));
        other.Articles.Select(a => Convert.ToBase64String(a.Utf8))
            .Should().NotEqual(first.Articles.Select(a => Convert.ToBase64String(a.Utf8)));
    }

    private static readonly SyntheticStreamBuilder.WordPools Pools = new(
        ["Quito", "Oslo", "Nadia", "Kemal", "Brno"], ["harbor", "lantern", "meadow", "ribbon", "quarry"], new HashSet<string>(["Advertisement"]));

    [Fact]
    public void First_telling_is_the_source_text()
    {
        const string text = "President Alvarez visited Lima on 12 June.";

        SyntheticStreamBuilder.Retell(text, "event", 0, Pools).Should().BeSameAs(text);
    }

    [Fact]
    public void Later_telling_rewords_prose_consistently_and_keeps_function_words()
    {
        const string text = "President Alvarez visited Lima on 12 June. Alvarez said the visit was brief and the talks were brief.";

        string retold = SyntheticStreamBuilder.Retell(text, "event", 1, Pools);

        var source = text.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        var words = retold.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        words.Should().HaveCount(source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            string because = $"word {i} is \"{source[i]}\"";
            if (Lexicon.IsStopword(source[i])) words[i].Should().Be(source[i], because);
            else if (source[i] == "12") words[i].Should().Be("23", "every digit moves up by the telling number");
            else if (char.IsUpper(source[i][0])) Pools.Names.Should().Contain(words[i], because);
            else Pools.Words.Should().Contain(words[i], because);
        }
        words[7].Should().Be(words[1], "the same name gets the same stand-in throughout a story");
        words[17].Should().Be(words[12], "the same word gets the same stand-in throughout a story");
    }

    [Fact]
    public void Later_telling_keeps_lower_case_words_and_page_furniture_of_short_lines()
    {
        const string text = "Sign up for our newsletter\nAdvertisement";

        var lines = SyntheticStreamBuilder.Retell(text, "event", 2, Pools).Split('\n');

        lines.Should().HaveCount(2);
        lines[0].Should().EndWith(" up for our newsletter");
        Pools.Names.Should().Contain(lines[0].Split(' ')[0], "a capitalized word of a short line is taken for a name");
        lines[1].Should().Be("Advertisement", "page furniture stays as it is");
    }
}
