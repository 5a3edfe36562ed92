using Precis.Dedup;

namespace Precis.Tests.Dedup;

/// <summary>What dedup considers the same words: the rules of <see cref="WordHasher"/> and the alias table.</summary>
public sealed class TextNormalizationTests
{
    private static ulong[] Words(string text) => WordHasher.HashToArray(text);

    private static ulong[] Folded(string text, AliasTable? table = null)
    {
        var words = WordHasher.HashToArray(text);
        var folded = new PooledBuffer<ulong>(16);
        try
        {
            (table ?? AliasTable.Default).Apply(words, ref folded);
            return folded.Span.ToArray();
        }
        finally
        {
            folded.Dispose();
        }
    }

    [Theory]
    [InlineData("Aleppo’s eastern districts", "Aleppo's eastern districts")]
    [InlineData("“We need peace,” he said.", "\"We need peace\" he said")]
    [InlineData("opposition-held areas", "opposition held areas")]
    [InlineData("  spread\tover\n lines ", "spread over lines")]
    [InlineData("KERRY Met Lavrov", "kerry met lavrov")]
    [InlineData("Cafe\u0301 talks", "Cafe talks")]
    public void Punctuation_quote_style_case_and_spacing_do_not_change_the_words(string a, string b) =>
        Words(a).Should().Equal(Words(b));

    [Theory]
    [InlineData("Russian Federation", "Russia")]
    [InlineData("the USA and the U.S.", "the United States and the US")]
    [InlineData("United States of America", "U.S.A.")]
    [InlineData("Britain-based observers", "UK based observers")]
    [InlineData("Great Britain", "United Kingdom")]
    [InlineData("opposition-held neighbourhoods", "opposition held neighborhoods")]
    [InlineData("a cease-fire in Syria", "a ceasefire in Syrian Arab Republic")]
    public void Name_and_spelling_variants_fold_to_the_same_words(string a, string b) =>
        Folded(a).Should().Equal(Folded(b));

    [Theory]
    [InlineData("Russian officials", "Russia officials")]
    [InlineData("North Korea", "South Korea")]
    [InlineData("Democratic Republic of Congo", "Republic of Congo")]
    public void Different_names_stay_different(string a, string b) =>
        Folded(a).Should().NotEqual(Folded(b));

    [Fact]
    public void Longest_variant_wins_so_a_long_name_is_one_word()
    {
        Folded("United States of America").Should().HaveCount(1);
        Folded("the Russian Federation said").Should().HaveCount(3);
    }

    [Fact]
    public void Variant_listed_in_two_groups_is_a_data_error()
    {
        var act = () => AliasTable.FromLines(["Burma | Myanmar", "Birma | burma"]);
        act.Should().Throw<InvalidOperationException>().WithMessage("*two groups*");
    }

    [Fact]
    public void Shipped_tables_load_names_and_spellings()
    {
        AliasTable.Default.GroupCount.Should().BeGreaterThan(100);
        AliasTable.Default.Groups.Should().Contain(g => g.Contains("Russian Federation"));
        AliasTable.Default.Groups.Should().Contain(g => g.Contains("neighbourhood"));
    }

    [Fact]
    public void Empty_table_changes_nothing() =>
        Folded("Russian Federation", AliasTable.Empty).Should().Equal(Words("Russian Federation"));
}
