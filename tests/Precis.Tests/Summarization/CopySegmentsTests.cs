using Precis.Model;
using Precis.Summarization;

namespace Precis.Tests.Summarization;

/// <summary>Kept segments are found again in a copy of the sentence that differs in spacing, case or punctuation.</summary>
public sealed class CopySegmentsTests
{
    private static TextSpan Find(string text, string piece) => new(text.IndexOf(piece, StringComparison.Ordinal), text.IndexOf(piece, StringComparison.Ordinal) + piece.Length);

    [Fact]
    public void An_identical_copy_gets_the_same_segments_shifted()
    {
        const string source = "Intro. The bridge opened on Monday, officials said.";
        const string copy = "Other intro text here. The bridge opened on Monday, officials said.";
        var sentence = Find(source, "The bridge opened on Monday, officials said.");
        var target = Find(copy, "The bridge opened on Monday, officials said.");

        var mapped = CopySegments.Map(source, sentence, [Find(source, "The bridge opened on Monday")], copy, target);

        mapped.Should().Equal(Find(copy, "The bridge opened on Monday"));
    }

    [Fact]
    public void A_copy_with_other_spacing_and_quotes_gets_segments_holding_the_same_words()
    {
        const string source = "PARIS (AP) _ The \"new\" bridge (3-meter) opened on Monday.";
        const string copy = "PARIS (AP) -- The ``new''  bridge (3-meter)\nopened on Monday .";
        var segments = new[] { Find(source, "The \"new\" bridge"), Find(source, "opened on Monday.") };

        var mapped = CopySegments.Map(source, new TextSpan(0, source.Length), segments, copy, new TextSpan(0, copy.Length))!;

        mapped.Select(s => copy[s.Start..s.End]).Should().Equal("The ``new''  bridge", "opened on Monday");
    }

    [Fact]
    public void A_sentence_with_other_words_is_no_copy()
    {
        const string source = "The bridge opened on Monday.";
        const string other = "The bridge opened on Tuesday.";

        CopySegments.Map(source, new TextSpan(0, source.Length), [new TextSpan(0, source.Length)], other, new TextSpan(0, other.Length)).Should().BeNull();
    }
}
