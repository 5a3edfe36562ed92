using Precis.Dedup;
using Precis.Segmentation;

namespace Precis.Tests.Dedup;

/// <summary>Seeds 000 and 003 both reprint AFP paragraphs, lightly rewritten: dedup must see them.</summary>
public sealed class SeedCopiesTests
{
    private static readonly Lazy<DedupResult> Result = new(() => new Deduplicator().Run(DedupFixtures.Seeds));

    private static SentenceKey SentenceContaining(Document doc, string text) =>
        new(doc.Index, doc.Sentences.Single(s => doc.StringOf(s).Contains(text, StringComparison.Ordinal)).Index);

    [Fact]
    public void Army_of_Conquest_sentences_of_000_and_003_carry_each_other()
    {
        var a = SentenceContaining(DedupFixtures.Seed("000"), "top military commander of the Army of Conquest");
        var b = SentenceContaining(DedupFixtures.Seed("003"), "top military commander of the Army of Conquest");
        Result.Value.Carriers(a).Should().Contain(b);
        Result.Value.Carriers(b).Should().Contain(a);
    }

    [Fact]
    public void Seeds_000_and_003_are_listed_as_copies_sharing_several_sentences_but_are_not_duplicates()
    {
        int a = DedupFixtures.Seed("000").Index, b = DedupFixtures.Seed("003").Index;
        var pair = Result.Value.Copies.Should().ContainSingle(c => c.First == Math.Min(a, b) && c.Second == Math.Max(a, b)).Subject;
        pair.SharedSentences.Should().BeGreaterThanOrEqualTo(3);
        pair.Kind.Should().Be(CopyKind.SharedPassages);
        Result.Value.IsDuplicate(a).Should().BeFalse();
        Result.Value.IsDuplicate(b).Should().BeFalse();
    }

    [Fact]
    public void Short_seed_sentence_is_carried_by_the_longer_sentence_it_was_merged_into()
    {
        // 003 glued a second clause onto the AFP sentence that 000 prints alone, and spells the apostrophe straight.
        var a = SentenceContaining(DedupFixtures.Seed("000"), "The government advance further seals off");
        var b = SentenceContaining(DedupFixtures.Seed("003"), "The government advance further seals off");
        Result.Value.Carriers(a).Should().Equal(a, b);
    }
}
