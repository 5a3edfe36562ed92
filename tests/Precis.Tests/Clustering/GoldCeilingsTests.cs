using Precis.Clustering;
using Precis.Dedup;
using Precis.Model;

namespace Precis.Tests.Clustering;

public class GoldCeilingsTests
{
    /// <summary>One gold event: the Brackwater flood in two bursts 40 days apart, plus an undated article.</summary>
    private static GoldSet TwoBurstFlood()
    {
        var articles = Stories.Articles("early", Stories.BrackwaterFlood[..3], day: 0)
            .Concat(Stories.Articles("late", Stories.BrackwaterFlood[3..], day: 40))
            .Append(new Article("undated-1", Stories.OrrinValeFlood[0]))
            .ToList();
        var documents = Stories.Prepare(articles);
        var gold = documents.ToDictionary(d => d.Id, _ => "flood", StringComparer.Ordinal);
        return new GoldSet("test", documents, gold, 0);
    }

    [Fact]
    public void A_quiet_gap_longer_than_the_rule_cuts_the_event_and_undated_articles_join_the_largest_piece()
    {
        var set = TwoBurstFlood();

        var cut = GoldCeilings.CutAtQuietGaps(set.Documents, set.GoldById, days: 30);

        cut["early-1"].Should().Be(cut["early-3"]);
        cut["late-1"].Should().NotBe(cut["early-1"], "40 quiet days are more than 30");
        cut["undated-1"].Should().Be(cut["early-1"], "the early piece (3 articles) is the largest");
    }

    [Fact]
    public void A_quiet_gap_within_the_rule_keeps_the_event_whole()
    {
        var set = TwoBurstFlood();

        var cut = GoldCeilings.CutAtQuietGaps(set.Documents, set.GoldById, days: 45);

        cut.Values.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void A_near_duplicate_takes_its_originals_label_even_when_the_gold_puts_it_elsewhere()
    {
        // The same text under two ids, given two different gold events: no clusterer that keeps copies with
        // their original can match both.
        var articles = Stories.Articles("a", Stories.NorthfieldChess).Append(new Article("copy", Stories.NorthfieldChess[0])).ToList();
        var documents = Stories.Prepare(articles);
        var gold = documents.ToDictionary(d => d.Id, d => d.Id == "copy" ? "other" : "chess", StringComparer.Ordinal);
        var dedup = new Deduplicator(new DedupOptions()).Run(documents);
        dedup.DuplicateOf.Should().NotBeEmpty("an identical text is a near-duplicate");

        var relabelled = GoldCeilings.WithOriginals(gold, documents, dedup);

        relabelled["copy"].Should().Be("chess");
        var ceilings = GoldCeilings.Measure(new GoldSet("test", documents, gold, 0), new DedupOptions());
        ceilings[0].Scores.BCubed.F1.Should().BeLessThan(1.0);
        ceilings[0].Scores.BCubed.Precision.Should().BeLessThan(1.0, "the chess event took in the article of another");
    }

    [Fact]
    public void A_gold_that_obeys_every_rule_has_ceilings_of_one()
    {
        var articles = Stories.Articles("flood", Stories.BrackwaterFlood).Concat(Stories.Articles("chess", Stories.NorthfieldChess, day: 2)).ToList();
        var documents = Stories.Prepare(articles);
        var gold = documents.ToDictionary(d => d.Id, d => d.Id.Split('-')[0], StringComparer.Ordinal);

        var ceilings = GoldCeilings.Measure(new GoldSet("test", documents, gold, 0), new DedupOptions());

        ceilings.Should().HaveCount(1 + 2 * GoldCeilings.QuietGapDays.Count);
        ceilings.Should().OnlyContain(c => c.Scores.BCubed.F1 == 1.0 && c.Scores.Pairwise.F1 == 1.0);
    }
}
