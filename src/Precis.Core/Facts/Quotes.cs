using Precis.Model;

namespace Precis.Facts;

/// <summary>
/// The words between a pair of quotation marks in one paragraph: words (<see cref="Open"/>,
/// <see cref="Close"/>) of the paragraph, where <see cref="Close"/> is the paragraph's word count when the
/// quotation runs on to the end of the paragraph (the newswire convention for a quote that continues in the
/// next paragraph).
/// </summary>
internal sealed class QuoteSegment
{
    public QuoteSegment(ParagraphText paragraph, int open, int close, TextSpan span)
    {
        Paragraph = paragraph;
        Open = open;
        Close = close;
        Span = span;
    }

    public ParagraphText Paragraph { get; }
    public int Open { get; }
    public int Close { get; }

    /// <summary>The quoted text, without the marks and surrounding white space.</summary>
    public TextSpan Span { get; }

    public bool RunsToParagraphEnd => Close >= Paragraph.Words.Length;

    public int WordCount
    {
        get
        {
            int n = 0;
            for (int k = Open + 1; k < Close && k < Paragraph.Words.Length; k++)
                if (Paragraph.Words[k].IsWord || Paragraph.Words[k].IsNumber) n++;
            return n;
        }
    }

    public bool Contains(int word) => word > Open && word < Close;

    public Attribution? Attribution { get; set; }
}

/// <summary>
/// Who a quotation is attributed to: a named entity (a person, or an organization or country speaking as one),
/// or an unnamed source described by a role ("a State Department official"), with the role either way.
/// </summary>
internal sealed record Attribution(Entity? Speaker, string? Role)
{
    public static readonly Attribution Unattributed = new(null, null);
    public bool IsNamed => Speaker is not null;
}

/// <summary>A quotation of an event after copies are merged: its segments in every article that carries it.</summary>
internal sealed class MergedQuote
{
    public MergedQuote(IReadOnlyList<QuoteSegment> segments, Attribution attribution)
    {
        Segments = segments;
        Attribution = attribution;
    }

    /// <summary>Every segment, in every article; the first article's segments come first.</summary>
    public IReadOnlyList<QuoteSegment> Segments { get; }
    public Attribution Attribution { get; }
}
