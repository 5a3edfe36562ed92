using Precis.Text;

namespace Precis.Tests.Text;

/// <summary>The tokenizer's rules as a table: a text and the tokens it must give, as "text/Kind".</summary>
public sealed class TokenizerSpecs
{
    private static string[] Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => $"{t.Of(text)}/{t.Kind}").ToArray();

    [Theory]
    [InlineData("3,000 people", new[] { "3,000/Number", "people/Word" })]
    [InlineData("rose 1.5 percent.", new[] { "rose/Word", "1.5/Number", "percent/Word", "./Punctuation" })]
    [InlineData("$6 and €1.5bn", new[] { "$6/Number", "and/Word", "€1.5bn/Number" })]
    [InlineData("a 48-hour truce", new[] { "a/Word", "48-hour/Number", "truce/Word" })]
    [InlineData("at 10:30 on 9/11", new[] { "at/Word", "10:30/Number", "on/Word", "9/11/Number" })]
    [InlineData("the 1990s and the '90s", new[] { "the/Word", "1990s/Number", "and/Word", "the/Word", "'90s/Number" })]
    [InlineData("the 5th floor", new[] { "the/Word", "5th/Number", "floor/Word" })]
    [InlineData("in 1998, 2000", new[] { "in/Word", "1998/Number", ",/Punctuation", "2000/Number" })]
    [InlineData("50% up 2+2", new[] { "50/Number", "%/Punctuation", "up/Word", "2/Number", "+/Symbol", "2/Number" })]
    public void Tokenizer_keeps_numbers_with_their_separators_currency_and_units(string text, string[] expected) =>
        Tokens(text).Should().Equal(expected);

    [Theory]
    [InlineData("it's Ann’s", new[] { "it's/Word", "Ann’s/Word" })]
    [InlineData("don’t O'Brien", new[] { "don’t/Word", "O'Brien/Word" })]
    [InlineData("the students' union", new[] { "the/Word", "students/Word", "'/Punctuation", "union/Word" })]
    [InlineData("anti-Semitism well‐known", new[] { "anti-Semitism/Word", "well‐known/Word" })]
    [InlineData("AT&T and S&P", new[] { "AT&T/Word", "and/Word", "S&P/Word" })]
    [InlineData("salt & pepper", new[] { "salt/Word", "&/Punctuation", "pepper/Word" })]
    public void Tokenizer_keeps_contractions_possessives_and_hyphenated_words_together(string text, string[] expected) =>
        Tokens(text).Should().Equal(expected);

    [Theory]
    [InlineData("the U.S. and U.N.", new[] { "the/Word", "U.S./Word", "and/Word", "U.N./Word" })]
    [InlineData("at 9 a.m. with a Ph.D.", new[] { "at/Word", "9/Number", "a.m./Word", "with/Word", "a/Word", "Ph.D./Word" })]
    [InlineData("the U.S.-led force", new[] { "the/Word", "U.S.-led/Word", "force/Word" })]
    [InlineData("Gen. Smith", new[] { "Gen/Word", "./Punctuation", "Smith/Word" })]
    [InlineData("John F. Kennedy", new[] { "John/Word", "F/Word", "./Punctuation", "Kennedy/Word" })]
    [InlineData("Mr.Smith", new[] { "Mr/Word", "./Punctuation", "Smith/Word" })]
    [InlineData("ended.The", new[] { "ended/Word", "./Punctuation", "The/Word" })]
    public void Tokenizer_keeps_the_final_period_of_initialisms_only(string text, string[] expected) =>
        Tokens(text).Should().Equal(expected);

    [Theory]
    [InlineData("see https://example.com/a?b=1.", new[] { "see/Word", "https://example.com/a?b=1/Url", "./Punctuation" })]
    [InlineData("at www.example.org, now", new[] { "at/Word", "www.example.org/Url", ",/Punctuation", "now/Word" })]
    [InlineData("Amazon.com said", new[] { "Amazon.com/Url", "said/Word" })]
    [InlineData("on bbc.co.uk/news today", new[] { "on/Word", "bbc.co.uk/news/Url", "today/Word" })]
    [InlineData("mail jane.doe+news@example.co.uk.", new[] { "mail/Word", "jane.doe+news@example.co.uk/Email", "./Punctuation" })]
    [InlineData("@Jane_Doe #Budget2024", new[] { "@Jane_Doe/Word", "#Budget2024/Word" })]
    public void Tokenizer_keeps_urls_emails_and_handles_whole(string text, string[] expected) =>
        Tokens(text).Should().Equal(expected);

    [Theory]
    [InlineData("“Yes,” he said", new[] { "“/Punctuation", "Yes/Word", ",/Punctuation", "”/Punctuation", "he/Word", "said/Word" })]
    [InlineData("``Yes,'' he said", new[] { "``/Punctuation", "Yes/Word", ",/Punctuation", "''/Punctuation", "he/Word", "said/Word" })]
    [InlineData("'Yes' -- no — maybe _ so", new[] { "'/Punctuation", "Yes/Word", "'/Punctuation", "--/Punctuation", "no/Word", "—/Punctuation", "maybe/Word", "_/Punctuation", "so/Word" })]
    [InlineData("wait... and . . . then…", new[] { "wait/Word", ".../Punctuation", "and/Word", ". . ./Punctuation", "then/Word", "…/Punctuation" })]
    public void Tokenizer_reads_quotes_dashes_and_ellipses_as_single_punctuation_tokens(string text, string[] expected) =>
        Tokens(text).Should().Equal(expected);

    [Theory]
    [InlineData("Москва", TokenScript.Cyrillic)]
    [InlineData("Αθήνα", TokenScript.Greek)]
    [InlineData("القاهرة", TokenScript.Arabic)]
    [InlineData("ירושלים", TokenScript.Hebrew)]
    [InlineData("नमस्ते", TokenScript.Devanagari)]
    [InlineData("서울", TokenScript.Cjk)]
    [InlineData("São", TokenScript.Latin)]
    public void Tokenizer_keeps_words_of_other_scripts_and_flags_their_script(string word, TokenScript script)
    {
        var tokens = Tokenizer.Tokenize(word);
        tokens.Should().ContainSingle();
        tokens[0].Should().Be(new Token(0, word.Length, TokenKind.Word, script));
    }

    [Fact]
    public void Tokenizer_makes_each_han_ideograph_a_token() =>
        Tokens("北京市 said").Should().Equal("北/Word", "京/Word", "市/Word", "said/Word");

    [Fact]
    public void Tokenizer_skips_zero_width_and_control_characters() =>
        Tokens("a\u200Bb\u00A0c\td").Should().Equal("a/Word", "b/Word", "c/Word", "d/Word");

    [Fact]
    public void Tokenizer_enumerator_gives_the_same_tokens_as_the_list()
    {
        const string text = "GENEVA (AP) — “We’re at 1.5%,” said U.S. envoy Ann Lee (ann@example.org).";
        var enumerated = new List<Token>();
        foreach (var token in Tokenizer.Enumerate(text)) enumerated.Add(token);
        enumerated.Should().Equal(Tokenizer.Tokenize(text));
        Tokenizer.Count(text).Should().Be(enumerated.Count);
    }

    [Theory]
    [InlineData("The U.S. paid $3,000 for it.", 6)]
    [InlineData("See www.example.com — or mail a@example.com!", 3)]
    [InlineData("“”  --", 0)]
    public void Tokenizer_counts_words_and_numbers_only(string text, int words) =>
        Tokenizer.CountWords(text).Should().Be(words);
}
