using Precis.Facts;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Facts;

/// <summary>Builds small events from text written for the tests and runs the facts stage on them.</summary>
internal static class FactsTestKit
{
    /// <summary>An article whose first line is a headline and whose other lines are body paragraphs.</summary>
    public static Article Article(string id, params string[] paragraphs) =>
        new(id, "Talks resume in Geneva\n\n" + string.Join("\n\n", paragraphs));

    /// <summary>Digests the articles as one event and returns it.</summary>
    public static EventDigest Event(params Article[] articles) => Event(Trusted, articles);

    /// <summary>The test texts are article text already: the facts stage is tested, not the scraped-page cleaner.</summary>
    public static PrecisPipeline Trusted { get; } = PrecisPipeline.CreateBuilder()
        .Configure(o => o with { Cleaning = o.Cleaning with { TrustedText = true } }).Build();

    public static EventDigest Event(PrecisPipeline pipeline, params Article[] articles)
    {
        var batch = new InputBatch(articles, [], [new GivenCluster("event", articles.Select(a => a.Id).ToList())]);
        var digest = pipeline.Digest(batch);
        digest.Articles.Should().OnlyContain(a => a.Status != ArticleStatus.Rejected, "the test articles must reach the facts stage");
        return digest.Events.Single();
    }

    /// <summary>The numeric claims the facts stage finds in one body paragraph.</summary>
    public static List<NumericClaim> Claims(string paragraph)
    {
        var prepared = Trusted.Prepare(InputBatch.FromArticles([Article("a", paragraph)]));
        var document = prepared.Documents.Single();
        var lexicon = FactsLexicon.Default;
        var buffer = new WordBuffer(); // not returned: the claims keep reading the words after this method
        var paragraphs = ParagraphText.Split(document, buffer);
        var evidence = NameEvidence.Of([paragraphs]);
        var (all, mentions) = new FactsExtractor(Trusted.Options.Facts).FindMentions([paragraphs], evidence);
        new EntityResolver(lexicon).Resolve(all);
        var claims = new List<NumericClaim>();
        var claimFinder = new NumericClaimFinder(lexicon);
        for (int i = 0; i < paragraphs.Count; i++) claimFinder.Find(paragraphs[i], mentions[0][i], claims);
        return claims;
    }
}
