using Precis.Cleaning;
using Precis.Model;
using Precis.Text;

namespace Precis.Segmentation;

/// <summary>
/// A sentence of a document's body: a span into the article text plus its position. Sentences are numbered
/// per document; <see cref="Paragraph"/> is the index of the body line it came from; <see cref="Quotation"/>
/// says whether it is part of a quotation that runs over several sentences (see <see cref="QuotationContext"/>).
/// </summary>
public readonly record struct Sentence(int Document, int Index, TextSpan Span, int Paragraph, int IndexInParagraph, int WordCount, QuotationContext Quotation = QuotationContext.None);

/// <summary>Identifies a sentence across the batch: document index and sentence index.</summary>
public readonly record struct SentenceKey(int Document, int Sentence);

/// <summary>
/// A cleaned article split into sentences, the unit the later stages (dedup, clustering, summarizing,
/// facts) work on. <see cref="Index"/> is the document's position in the run.
/// </summary>
public sealed class Document
{
    public Document(int index, CleanedArticle cleaned, IReadOnlyList<Sentence> sentences)
    {
        Index = index;
        Cleaned = cleaned;
        Sentences = sentences;
    }

    public int Index { get; }
    public CleanedArticle Cleaned { get; }
    public Article Article => Cleaned.Article;
    public string Id => Article.Id;
    public string Text => Article.Text;
    public IReadOnlyList<Sentence> Sentences { get; }

    public string? Title => Cleaned.Metadata.Title ?? Article.Title;
    public DateOnly? Date => Article.Date ?? Cleaned.Metadata.Date;
    public string? Source => Article.Source ?? Cleaned.Metadata.Source;

    public ReadOnlySpan<char> TextOf(Sentence s) => s.Span.Of(Article.Text);
    public string StringOf(Sentence s) => s.Span.TextOf(Article.Text);
}

/// <summary>Splits the body lines of a cleaned article into sentences.</summary>
public static class Segmenter
{
    public static Document Segment(int index, CleanedArticle cleaned) => Segment(index, cleaned, null);

    /// <summary>
    /// Splits <paramref name="cleaned"/>; when <paramref name="tokens"/> is given, it is refilled with the
    /// tokens of each sentence, which splitting reads anyway.
    /// </summary>
    public static Document Segment(int index, CleanedArticle cleaned, SentenceTokens? tokens)
    {
        string text = cleaned.Article.Text;
        var sentences = new List<Sentence>();
        var spans = new List<SentenceSpan>();
        var tokenized = tokens is null ? null : new List<TokenizedSentence>();
        tokens?.Start(cleaned);
        int paragraph = 0;
        foreach (var line in cleaned.Lines)
        {
            if (!line.IsSummarizable) continue;
            spans.Clear();
            if (tokens is null)
            {
                SentenceSplitter.Split(line.Content.Of(text), line.Content.Start, spans);
            }
            else
            {
                tokenized!.Clear();
                SentenceSplitter.Split(line.Content.Of(text), line.Content.Start, tokenized, tokens.Tokens);
                foreach (var t in tokenized)
                {
                    spans.Add(t.Sentence);
                    tokens.EndSentence(t.FirstToken + t.TokenCount);
                }
            }
            for (int k = 0; k < spans.Count; k++)
            {
                var (span, quotation) = spans[k];
                sentences.Add(new Sentence(index, sentences.Count, span, paragraph, k, WordCounter.Count(span.Of(text)), quotation));
            }
            paragraph++;
        }
        return new Document(index, cleaned, sentences);
    }
}
