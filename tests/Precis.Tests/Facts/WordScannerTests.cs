using Precis.Facts;
using Precis.Text;

namespace Precis.Tests.Facts;

public class WordScannerTests
{
    [Theory]
    [InlineData("Kerry said.")]
    [InlineData("“We will not stop,” Lavrov said. “Never.”")]
    [InlineData("He wrote to john.smith@example.com and jane@example.org today.")]
    [InlineData("The U.S. and U.K. agreed; J. Smith and H. Ailor did not.")]
    [InlineData("Kerry’s aide and the Reuters’ desk, it's over.")]
    [InlineData("A 48-hour pause began at 5.30 with 1,200 troops.")]
    [InlineData("talks—and more – then \"quiet\"… end.")]
    [InlineData("Café owners in São Paulo said naïve things.")]
    [InlineData("AT&T and Procter & Gamble, see www.example.com/x or http://example.com.")]
    [InlineData("Internationalization counterterrorism Mr. Secretary-General")]
    public void Scanner_words_have_the_tokenizer_boundaries(string text)
    {
        var words = Scan(text);
        var tokens = Tokenizer.Tokenize(text);

        words.Select(w => (w.Start, w.End)).Should().Equal(tokens.Select(t => (t.Start, t.End)));
        for (int k = 0; k < tokens.Count; k++)
        {
            // URLs and e-mail addresses are symbols to the facts stage: no name, quote or number is read from them.
            var expected = tokens[k].Kind is TokenKind.Url or TokenKind.Email ? TokenKind.Symbol : tokens[k].Kind;
            words[k].Kind.Should().Be(expected, "of token {0} \"{1}\"", k, text[tokens[k].Start..tokens[k].End]);
        }
    }

    [Theory]
    [InlineData("The Secretary of State said the President would meet him.")]
    [InlineData("THE SECRETARY SAID. the secretary said.")]
    [InlineData("Nearly six hundred people were killed, officials told reporters.")]
    [InlineData("Internationally, spokesman Kirby said: “more than 290,000”.")]
    public void Scanner_words_carry_the_word_lists_they_are_on(string text)
    {
        var vocabulary = FactsLexicon.Default.Vocabulary;
        foreach (var w in Scan(text))
        {
            if (!w.IsWord) continue;
            var expected = vocabulary.TryGetValue(w.CoreText(text), out var lex) ? lex : Lex.None;
            w.Lex.Should().Be(expected, "\"{0}\" is looked up whatever path scanned it", text[w.Start..w.End]);
            w.Fold.Should().Be(WordFold.Hash(w.CoreText(text)));
        }
    }

    [Theory]
    [InlineData("Kerry said.", 0, (int)(WordShape.Capitalized | WordShape.SentenceStart | WordShape.Initial))]
    [InlineData("Kerry said.", 1, (int)WordShape.Lower)]
    [InlineData("the UN said", 1, (int)(WordShape.Capitalized | WordShape.AllCaps))]
    [InlineData("the UN.", 1, (int)(WordShape.Capitalized | WordShape.AllCaps))]
    [InlineData("he said “Never” then", 3, (int)(WordShape.Capitalized | WordShape.Initial))]
    public void Scanner_shapes_words_the_same_at_the_end_of_a_sentence_or_quotation(string text, int index, int shape)
    {
        Scan(text)[index].Shape.Should().Be((WordShape)shape);
    }

    [Fact]
    public void Packed_lookup_finds_the_short_letter_keys_whatever_their_case_and_nothing_else()
    {
        var map = new WordMap<int>([new("the", 1), new("Secretary", 2), new("U.S.", 3), new("internationally", 4)]);

        map.TryGetPacked(Pack("THE"), out int the).Should().BeTrue();
        the.Should().Be(1);
        map.TryGetPacked(Pack("SECRETARY"), out int secretary).Should().BeTrue("the key's case does not matter: letters are packed in upper case");
        secretary.Should().Be(2);
        map.TryGetPacked(Pack("THEN"), out _).Should().BeFalse();
        map.TryGetPacked(Pack("TH"), out _).Should().BeFalse();
        map.TryGetPacked(Pack("US"), out _).Should().BeFalse("\"U.S.\" is no word of letters only");
        // Longer than twelve letters: not packed, found by the general lookup.
        map.TryGetPacked(Pack("INTERNATIONALLY"), out _).Should().BeFalse();
        map.TryGetValue("Internationally", out int longer).Should().BeTrue();
        longer.Should().Be(4);
    }

    [Fact]
    public void Packing_tells_words_of_different_lengths_apart()
    {
        Pack("A").Should().NotBe(Pack("AA"));
        Pack("AB").Should().NotBe(Pack("B"));
        Pack("Z").Should().NotBe(0UL);
    }

    [Theory]
    [InlineData("Foreign Minister Sergei  Lavrov spoke.", "Sergei", 2, "Sergei Lavrov", true)]
    [InlineData("Kerry’s aides met.", "Kerry", 1, "Kerry", true)]
    [InlineData("The U.N. envoy spoke.", "U.N.", 1, "U.N.", true)]
    [InlineData("Foreign Minister Sergei Lavrov spoke.", "Sergei", 2, "Sergey Lavrov", false)]
    [InlineData("Foreign Minister Sergei Lavrov spoke.", "Sergei", 2, "sergei lavrov", false)]
    [InlineData("Kerry’s aides met.", "Kerry", 1, "Kerry’s", false)]
    public void Mention_name_comparison_without_the_string_agrees_with_the_name(string text, string firstWord, int words, string other, bool equal)
    {
        var article = FactsTestKit.Article("a", text);
        var document = FactsTestKit.Trusted.Prepare(Precis.Input.InputBatch.FromArticles([article])).Documents.Single();
        using var buffer = new WordBuffer();
        var paragraph = ParagraphText.Split(document, buffer).Single();
        int first = -1;
        for (int k = 0; k < paragraph.Words.Length && first < 0; k++)
            if (paragraph.Words[k].CoreText(paragraph.Text).SequenceEqual(firstWord)) first = k;
        first.Should().BeGreaterThanOrEqualTo(0);

        new Mention(paragraph, first, first + words).NameEquals(other).Should().Be(equal);
        var named = new Mention(paragraph, first, first + words);
        (named.Name == other).Should().Be(equal);
        named.NameEquals(other).Should().Be(equal, "a name already made is compared as a string");
    }

    [Fact]
    public void Paragraph_marks_are_the_marks_of_its_own_words()
    {
        var article = FactsTestKit.Article("a", "“Peace is near,” Kerry said on Monday.", "Lavrov said 250,000 people died.");
        var document = FactsTestKit.Trusted.Prepare(Precis.Input.InputBatch.FromArticles([article])).Documents.Single();
        using var buffer = new WordBuffer();
        var paragraphs = ParagraphText.Split(document, buffer);

        foreach (var p in paragraphs)
        {
            int end = p.Offset + p.Words.Length;
            foreach (var marks in new[] { p.NameStarts.ToArray(), p.Numbers.ToArray(), p.Openers.ToArray(), p.QuoteMarks.ToArray() })
                marks.Where(i => i < p.Offset || i >= end).Should().BeEmpty();
        }
        var quoted = paragraphs.Single(p => p.Text[p.Span.Start..p.Span.End].Contains("Kerry"));
        var counted = paragraphs.Single(p => p.Text[p.Span.Start..p.Span.End].Contains("Lavrov"));
        Texts(quoted, quoted.NameStarts).Should().Contain("Kerry").And.Contain("Monday").And.NotContain("Lavrov");
        Texts(quoted, quoted.QuoteMarks).Should().Equal("“", "”");
        Texts(counted, counted.NameStarts).Should().Contain("Lavrov").And.NotContain("Kerry");
        Texts(counted, counted.Numbers).Should().Equal("250,000");
        Texts(counted, counted.QuoteMarks).Should().BeEmpty();
    }

    private static string[] Texts(ParagraphText p, ReadOnlySpan<int> marks)
    {
        var texts = new string[marks.Length];
        for (int k = 0; k < marks.Length; k++) texts[k] = p.Words[marks[k] - p.Offset].Text(p.Text).ToString();
        return texts;
    }

    /// <summary>Packs a word given in upper case, as the scanner does.</summary>
    private static ulong Pack(string upper)
    {
        ulong packed = 0;
        foreach (char c in upper) packed = WordMap<int>.Pack(packed, c);
        return packed;
    }

    private static List<Word> Scan(string text)
    {
        using var buffer = new WordBuffer();
        WordScanner.Scan(text, 0, text.Length, 0, buffer);
        return buffer.Words.AsSpan(0, buffer.Count).ToArray().ToList();
    }
}
