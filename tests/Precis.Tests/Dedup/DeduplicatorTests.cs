using Precis.Dedup;
using Precis.Segmentation;

namespace Precis.Tests.Dedup;

/// <summary>The deduplicator on small articles written for these tests (a wire story and its copies).</summary>
public sealed class DeduplicatorTests
{
    private const string Wire =
        "The river port of Valdora reopened on Tuesday after three weeks of flooding had closed it to barges and ferries.\n" +
        "Harbour officials said the water level had dropped by more than two metres since the weekend, allowing crews to clear the debris from the main channel.\n" +
        "\"We expect traffic to return to normal within ten days,\" port director Anna Keller told reporters at the quay.\n" +
        "The United States and Russia had both sent engineering teams to help repair the damaged locks upstream of the city.\n" +
        "Farmers in the valley, who depend on the port to ship grain to the coast, said the closure had cost them much of the autumn harvest.\n" +
        "The regional government has promised compensation, but has not said how much it will pay or when the money will arrive.\n" +
        "Meteorologists warned that more heavy rain was forecast for the end of the month.";

    private const string OtherStory =
        "A new footbridge over the Lenne canal was opened by the mayor on Saturday morning before a crowd of several hundred people.\n" +
        "The bridge, designed by a local architecture firm, took two years to build and cost far less than the original estimate.\n" +
        "Cyclists had campaigned for the crossing for more than a decade, saying the nearest road bridge was too dangerous at rush hour.\n" +
        "City engineers said the structure was built to last a century and would be inspected every spring.";

    private static DedupResult Run(params (string Id, string Text)[] articles) => new Deduplicator().Run(DedupFixtures.Documents(articles));

    private static CopyPair PairOf(DedupResult result, int a, int b) =>
        result.Copies.Single(c => c.First == Math.Min(a, b) && c.Second == Math.Max(a, b));

    [Fact]
    public void Exact_copy_differing_in_quotes_case_and_spacing_is_a_duplicate_of_the_first()
    {
        string copy = Wire.Replace("\"", "“").Replace("Tuesday", "TUESDAY").Replace(". ", ".  ");
        var result = Run(("wire", Wire), ("copy", copy), ("other", OtherStory));
        result.DuplicateOf.Should().Equal(new Dictionary<int, int> { [1] = 0 });
        PairOf(result, 0, 1).Kind.Should().Be(CopyKind.Exact);
        PairOf(result, 0, 1).Similarity.Should().Be(1.0);
        result.Copies.Should().HaveCount(1);
    }

    [Fact]
    public void Rewritten_copy_with_other_names_and_spellings_is_a_near_duplicate()
    {
        string copy = Wire.Replace("The United States and Russia", "The USA and the Russian Federation")
            .Replace("Harbour officials", "Harbor officials").Replace("metres", "meters")
            .Replace("on Tuesday after", "on Tuesday, after").Replace("told reporters at the quay", "told reporters");
        var result = Run(("wire", Wire), ("copy", copy));
        result.AreNearDuplicates(0, 1).Should().BeTrue();
        result.DuplicateOf.Should().ContainKey(1).WhoseValue.Should().Be(0, "the copy lost words, the original is kept");
    }

    [Fact]
    public void Trimmed_copy_points_to_the_full_article_even_when_it_comes_first()
    {
        string trimmed = string.Join('\n', Wire.Split('\n').Take(4));
        var result = Run(("trimmed", trimmed), ("full", Wire));
        result.DuplicateOf.Should().Equal(new Dictionary<int, int> { [0] = 1 });
        PairOf(result, 0, 1).Kind.Should().Be(CopyKind.NearDuplicate);
    }

    [Fact]
    public void Article_that_reprints_two_paragraphs_shares_passages_but_is_no_duplicate()
    {
        var lines = Wire.Split('\n');
        string merged = OtherStory + "\n" + lines[1] + "\n" + lines[4];
        var result = Run(("wire", Wire), ("merged", merged));
        var pair = PairOf(result, 0, 1);
        pair.Kind.Should().Be(CopyKind.SharedPassages);
        pair.SharedSentences.Should().Be(2);
        result.DuplicateOf.Should().BeEmpty();
    }

    [Fact]
    public void Independent_articles_share_nothing()
    {
        var result = Run(("wire", Wire), ("other", OtherStory));
        result.Copies.Should().BeEmpty();
        result.DuplicateOf.Should().BeEmpty();
        result.Carriers(new SentenceKey(0, 0)).Should().Equal(new SentenceKey(0, 0));
    }

    [Fact]
    public void Every_sentence_of_a_reprinted_paragraph_lists_all_its_carriers()
    {
        string paragraph = Wire.Split('\n')[4];
        var docs = DedupFixtures.Documents(("a", OtherStory + "\n" + paragraph), ("b", paragraph + "\n" + Wire.Split('\n')[0]), ("c", Wire));
        var result = new Deduplicator().Run(docs);
        var keys = docs.Select(d => new SentenceKey(d.Index, d.Sentences.Single(s => d.StringOf(s) == paragraph).Index)).ToList();
        foreach (var key in keys) result.Carriers(key).Should().Equal(keys);
    }

    [Fact]
    public void Sentence_with_a_clause_inserted_still_carries_the_original()
    {
        string edited = Wire.Replace("Farmers in the valley, who depend", "Angry farmers in the flooded valley, many of whom depend");
        var docs = DedupFixtures.Documents(("wire", Wire), ("edited", OtherStory + "\n" + edited.Split('\n')[4]));
        var result = new Deduplicator().Run(docs);
        var original = new SentenceKey(0, 4);
        result.Carriers(original).Should().Contain(new SentenceKey(1, docs[1].Sentences.Count - 1));
    }

    [Fact]
    public void Carrier_group_holds_at_most_one_sentence_per_article()
    {
        var lines = Wire.Split('\n');
        // One article prints two sentences of the wire glued into one; another prints them apart.
        string glued = OtherStory + "\n" + lines[1].TrimEnd('.') + ", and " + char.ToLowerInvariant(lines[5][0]) + lines[5][1..];
        var docs = DedupFixtures.Documents(("wire", Wire), ("glued", glued));
        var result = new Deduplicator().Run(docs);
        foreach (var d in docs)
            foreach (var s in d.Sentences)
                result.Carriers(new SentenceKey(d.Index, s.Index)).GroupBy(k => k.Document).Should().OnlyContain(g => g.Count() == 1);
        result.Carriers(new SentenceKey(1, docs[1].Sentences.Count - 1)).Should().HaveCount(2);
    }

    [Fact]
    public void Results_do_not_depend_on_parallelism_or_repetition()
    {
        var lines = Wire.Split('\n');
        var docs = DedupFixtures.Documents(("wire", Wire), ("trim", string.Join('\n', lines.Take(5))), ("merged", OtherStory + "\n" + lines[2] + "\n" + lines[3]), ("other", OtherStory));
        var one = new Deduplicator(new DedupOptions { MaxDegreeOfParallelism = 1 }).Run(docs);
        var many = new Deduplicator(new DedupOptions { MaxDegreeOfParallelism = 8 }).Run(docs);
        many.Copies.Should().Equal(one.Copies);
        many.DuplicateOf.Should().Equal(one.DuplicateOf);
        foreach (var d in docs)
            foreach (var s in d.Sentences)
                many.Carriers(new SentenceKey(d.Index, s.Index)).Should().Equal(one.Carriers(new SentenceKey(d.Index, s.Index)));
    }

    [Fact]
    public void Stock_sentence_in_many_articles_is_carried_by_all_of_them_though_each_is_compared_with_few()
    {
        const string stock = "The views expressed in this article are those of the author and not of the newspaper.";
        string[] vocabulary = OtherStory.Split([' ', '\n', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(5);
        string Salad() => string.Join(' ', Enumerable.Range(0, 14).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
        var articles = Enumerable.Range(0, 40).Select(i => ($"a{i}", Salad() + "\n" + stock + "\n" + Salad())).ToArray();
        var docs = DedupFixtures.Documents(articles);
        var result = new Deduplicator(new DedupOptions { MaxSentencePartners = 2 }).Run(docs);
        var first = new SentenceKey(0, docs[0].Sentences.Single(s => docs[0].StringOf(s) == stock).Index);
        result.Carriers(first).Select(k => k.Document).Should().Equal(Enumerable.Range(0, 40));
        result.Copies.Should().BeEmpty("one shared sentence is not a copy");
    }

    [Fact]
    public void Empty_batch_has_no_copies() =>
        new Deduplicator().Run([]).Copies.Should().BeEmpty();

    [Fact]
    public void Lone_article_is_kept_and_each_sentence_carried_by_itself_only()
    {
        var result = Run(("a", Wire + "\n" + Wire));
        result.DuplicateOf.Should().BeEmpty();
        result.Copies.Should().BeEmpty();
        result.Carriers(new SentenceKey(0, 0)).Should().Equal(new SentenceKey(0, 0));
        result.AreNearDuplicates(0, 0).Should().BeTrue();
    }

    [Fact]
    public void Long_article_postings_are_sorted_and_distinct_and_count_each_sentences_shingles()
    {
        string text = string.Join("\n", Enumerable.Range(0, 6).Select(i => $"Report {i}: " + Wire + "\n" + OtherStory));
        var print = new Fingerprinter().Fingerprint(DedupFixtures.Documents(("long", text))[0]);
        print.Postings.Length.Should().BeGreaterThan(1000, "long enough for the radix sort of the postings");
        print.Postings.ToArray().Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var perSentence = new int[print.SentenceCount];
        foreach (ulong p in print.Postings.ToArray()) perSentence[(int)(uint)p]++;
        perSentence.Should().Equal(print.SentenceShingles);
    }
}
