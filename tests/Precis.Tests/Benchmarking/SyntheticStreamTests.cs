using Precis.Benchmarking;

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
        stream.Articles.Should().OnlyContain(a => a.Timestamp >= options.Start
            && a.Timestamp < options.Start.AddDays(7 * options.Weeks).AddHours(12), "stories start within the weeks and copies follow within 12 hours");
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

    [Fact]
    public void First_telling_is_the_source_text()
    {
        const string text = "President Alvarez visited Lima on 12 May.";

        SyntheticStreamBuilder.Retell(text, "event", 0, ["Quito", "Oslo"]).Should().BeSameAs(text);
    }

    [Fact]
    public void Later_telling_swaps_names_consistently_shifts_digits_and_keeps_other_words()
    {
        const string text = "President Alvarez visited Lima on 12 June. Alvarez said the visit was brief.";
        string[] names = ["Quito", "Oslo", "Nadia", "Kemal", "Brno"];

        string retold = SyntheticStreamBuilder.Retell(text, "event", 1, names);

        var words = retold.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        words.Should().HaveCount(13);
        string[] kept = ["visited", "on", "said", "the", "visit", "was", "brief"];
        words.Where(w => char.IsLower(w[0])).Should().Equal(kept);
        words[5].Should().Be("23", "every digit moves up by the telling number");
        foreach (int name in (int[])[0, 1, 3, 6, 7]) names.Should().Contain(words[name]);
        words[7].Should().Be(words[1], "the same name gets the same stand-in throughout a story");
    }
}
