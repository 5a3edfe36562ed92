using Precis.Dedup;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;
using Precis.Segmentation;
using Precis.Summarization;
using Precis.Text;

namespace Precis.Tests.Summarization;

/// <summary>The summarizer catalog and the baselines' defining behaviour, on small events written here.</summary>
public sealed class BaselineSummarizerTests
{
    private const string Older = """
        The city council approved the plan for a new bridge over the river on Monday evening.
        The bridge will cost about 40 million dollars and take three years to build, the council said.
        Work on the foundations is expected to start in the spring of next year.
        Residents have asked for a crossing at this point of the river for more than a decade.
        """;

    private const string Newer = """
        Construction of the new river bridge began on Tuesday with a ceremony on the north bank.
        The mayor laid the first stone in front of a crowd of several hundred residents and workers.
        The bridge is expected to open to traffic in three years if the work stays on schedule.
        Local shops on both banks hope the crossing will bring more customers into the town centre.
        """;

    private static SummaryRequest Event(params Article[] articles)
    {
        var documents = PrecisPipeline.Default.Prepare(InputBatch.FromArticles(articles)).Documents;
        documents.Should().HaveCount(articles.Length, "the test articles are plain English news text");
        return new SummaryRequest("event", documents, new Deduplicator().Run(documents));
    }

    [Fact]
    public void The_engine_is_the_first_name_and_every_name_creates_its_summarizer()
    {
        Summarizers.EngineName.Should().Be(Summarizers.Names[0]).And.Be(ConceptSummarizer.EngineName);
        Summarizers.Names.Should().StartWith([ConceptSummarizer.EngineName, "lead", "centroid", "lexrank"]);
        foreach (string name in Summarizers.Names)
            Summarizers.Create(name, new SummarizerOptions())!.Name.Should().Be(name);
        Summarizers.Create("no-such-system", new SummarizerOptions()).Should().BeNull();
    }

    [Fact]
    public void Lead_takes_the_first_whole_sentences_of_the_most_recent_article_in_order()
    {
        var request = Event(
            new Article("older", Older) { Date = new DateOnly(2024, 5, 6) },
            new Article("newer", Newer) { Date = new DateOnly(2024, 5, 7) });
        var newer = request.Documents.Single(d => d.Id == "newer");

        var summary = new LeadSummarizer(new SummarizerOptions { MaxWords = 40 }).Summarize(request);

        summary.Sentences.Select(s => s.Key).Should().Equal(new SentenceKey(newer.Index, 0), new SentenceKey(newer.Index, 1));
        summary.Sentences.Should().OnlyContain(s => s.Segments.Count == 1 && s.Segments[0] == newer.Sentences[s.Key.Sentence].Span.Trim(newer.Text));
        summary.Date.Should().Be(new DateOnly(2024, 5, 7));
    }

    [Fact]
    public void LexRank_ranks_the_sentence_most_like_the_others_highest()
    {
        string text = """
            The river bridge opened to traffic on Monday after three years of work.
            Traffic on the river bridge was heavy on Monday as the bridge opened.
            The bridge opened on Monday and traffic crossed the river all day.
            A bakery on the square sold cakes shaped like the new bridge.
            """;
        var request = Event(new Article("one", text));
        var doc = request.Documents[0];
        var vectors = new TermVectors(doc.Sentences.Select(s => (doc, s)).ToList());

        var rank = LexRankSummarizer.Rank(vectors);

        rank.Sum().Should().BeApproximately(1.0, 1e-6);
        rank[3].Should().BeLessThan(rank.Take(3).Min(), "the bakery sentence shares least with the rest");
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("centroid")]
    [InlineData("lexrank")]
    [InlineData(ConceptSummarizer.EngineName)]
    public void Every_summarizer_keeps_within_a_tight_budget_and_dates_the_event(string name)
    {
        var request = Event(
            new Article("older", Older) { Date = new DateOnly(2024, 5, 6) },
            new Article("newer", Newer) { Date = new DateOnly(2024, 5, 7) });

        var summary = Summarizers.Create(name, new SummarizerOptions { MaxWords = 30 })!.Summarize(request);

        var byIndex = request.Documents.ToDictionary(d => d.Index);
        summary.Sentences.Sum(s => WordCounter.Count(SegmentText.Join(byIndex[s.Key.Document].Text, s.Segments))).Should().BeInRange(1, 30);
        summary.Date.Should().NotBeNull();
    }

    [Fact]
    public void Byte_budget_is_kept_as_well()
    {
        var request = Event(new Article("older", Older), new Article("newer", Newer));

        var summary = new ConceptSummarizer(new SummarizerOptions { MaxWords = 100, MaxBytes = 120 }).Summarize(request);

        var byIndex = request.Documents.ToDictionary(d => d.Index);
        summary.Sentences.Sum(s => System.Text.Encoding.UTF8.GetByteCount(SegmentText.Join(byIndex[s.Key.Document].Text, s.Segments))).Should().BeInRange(1, 120);
    }
}
