using Precis.Cleaning;
using Precis.Clustering;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Tests.Clustering;

public class ArticleProfilerTests
{
    private static (string[] Names, string[] Content) Profile(string text)
    {
        var content = new TermTable();
        var names = new TermTable();
        var profiler = new ArticleProfiler(content, names, new ClusteringOptions { LeadRepeat = 1, TitleRepeat = 1 });
        var cleaned = new CleanedArticle(new Article("a", text), [], new ArticleMetadata());
        var document = new Document(0, cleaned, [new Sentence(0, 0, new TextSpan(0, text.Length), 0, 0, 0)]);
        var tokens = new SentenceTokens();
        tokens.Read(document);
        var profile = profiler.Profile(document, tokens, null);
        return (profile.Names.Ids.Select(id => names[id]).ToArray(), profile.Content.Ids.Select(id => content[id]).ToArray());
    }

    [Theory]
    [InlineData("She checked into the Betty Ford Center on Friday.", "betty ford center")]
    [InlineData("Police said Lindsay Lohan was not driving.", "lindsay lohan")]
    [InlineData("Officials in Kestrel County ordered an evacuation.", "kestrel county")]
    [InlineData("The rescue teams thanked Voss's office.", "voss")]
    public void Runs_of_capitalized_words_are_names(string text, string name)
    {
        Profile(text).Names.Should().Contain(name);
    }

    [Theory]
    [InlineData("Perennial party girls checked into rehab.", "perennial")]
    [InlineData("It rained on Monday in the hills.", "monday")]
    [InlineData("The Mayor spoke to reporters at noon.", "mayor")]
    public void Sentence_openers_days_and_common_words_are_not_names(string text, string notAName)
    {
        Profile(text).Names.Should().NotContain(notAName);
    }

    [Fact]
    public void A_sentence_opener_counts_as_a_name_when_the_article_names_it_elsewhere()
    {
        var (names, _) = Profile("Pinochet, 82, was arrested in London. Spain wants to question Pinochet on charges.");
        names.Should().Contain("pinochet");
    }

    [Fact]
    public void Content_terms_are_lower_cased_words_without_stopwords()
    {
        var (_, content) = Profile("The River rose two metres and the Bridge fell.");
        content.Should().BeEquivalentTo(["river", "rose", "two", "metres", "bridge", "fell"]);
    }
}
