using Precis.Model;

namespace Precis.Text;

/// <summary>
/// How a sentence sits in the quotations of its paragraph. A quotation of several sentences is split into
/// several sentences (that is what they are), but only the whole quotation can be lifted out of the article
/// faithfully: its first sentence alone opens a quote mark that nothing closes, and a later one alone is
/// somebody's speech without the quote marks or the speaker. An extractive summarizer should take a sentence
/// with any of these flags only together with its neighbours up to a <see cref="None"/> boundary.
/// </summary>
[Flags]
public enum QuotationContext : byte
{
    /// <summary>Every quotation the sentence contains opens and closes inside it (or there is none).</summary>
    None = 0,

    /// <summary>The sentence begins inside a quotation opened by an earlier sentence (or closes a quote it did not open).</summary>
    ContinuesQuotation = 1,

    /// <summary>The sentence ends inside a quotation: it opens a quote (or continues one) that a later sentence closes.</summary>
    LeavesQuotationOpen = 2,
}

/// <summary>A sentence as a span of the text it was split from, with its place in the paragraph's quotations.</summary>
public readonly record struct SentenceSpan(TextSpan Span, QuotationContext Quotation)
{
    /// <summary>True when the sentence can be shown on its own without breaking a quotation.</summary>
    public bool IsSelfContained => Quotation == QuotationContext.None;
}

/// <summary>
/// A sentence and where its tokens are in the token list filled by the same
/// <see cref="SentenceSplitter.Split(ReadOnlySpan{char}, int, List{TokenizedSentence}, List{Token})"/> call:
/// <c>tokens[FirstToken .. FirstToken + TokenCount]</c>. Splitting tokenizes anyway, so callers that need both
/// get them from one pass.
/// </summary>
public readonly record struct TokenizedSentence(SentenceSpan Sentence, int FirstToken, int TokenCount);
