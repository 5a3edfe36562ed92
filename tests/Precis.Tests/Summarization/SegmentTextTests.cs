using Precis.Model;
using Precis.Summarization;
using Precis.Text;

namespace Precis.Tests.Summarization;

/// <summary>Measuring the text a summary shows without building it.</summary>
public sealed class SegmentTextTests
{
    [Theory]
    [InlineData("The bridge opened on Monday.", new[] { 0, 28 })]
    [InlineData("OSLO _ The  bridge\nopened , officials said.", new[] { 7, 25 })]
    [InlineData("The bridge (a 10-foot span) opened.", new[] { 0, 10, 27, 35 })]
    [InlineData("Café Zürich – opened “today”.", new[] { 0, 12, 14, 29 })]
    [InlineData("Emoji 😀 here , and   there.", new[] { 0, 13, 15, 29 })]
    public void Measure_counts_the_words_and_UTF8_bytes_that_Join_shows(string text, int[] bounds)
    {
        var segments = new List<TextSpan>();
        for (int k = 0; k < bounds.Length; k += 2) segments.Add(new TextSpan(bounds[k], Math.Min(bounds[k + 1], text.Length)));
        string joined = SegmentText.Join(text, segments);

        SegmentText.Measure(text, segments).Should().Be((WordCounter.Count(joined), System.Text.Encoding.UTF8.GetByteCount(joined)));
    }
}
