using Precis.Model;
using Precis.Segmentation;
using Precis.Text;

namespace Precis.Facts;

/// <summary>What a word looks like, as far as finding names, quotes and numbers goes.</summary>
[Flags]
internal enum WordShape : byte
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    Lower = 4,
    SentenceStart = 8,
    Number = 16,
}

/// <summary>
/// A token of a body paragraph as absolute offsets into the article text. <see cref="CoreEnd"/> leaves out
/// a possessive ending ("Kerry’s" → "Kerry"); <see cref="Sentence"/> is the document's sentence index.
/// </summary>
internal readonly record struct Word(int Start, int End, int CoreEnd, TokenKind Kind, WordShape Shape, int Sentence)
{
    public ReadOnlySpan<char> Text(string text) => text.AsSpan(Start, End - Start);
    public ReadOnlySpan<char> CoreText(string text) => text.AsSpan(Start, CoreEnd - Start);
    public bool IsPossessive => CoreEnd < End;
    public bool IsCapitalized => (Shape & WordShape.Capitalized) != 0;
    public bool IsAllCaps => (Shape & WordShape.AllCaps) != 0;
    public bool IsLower => (Shape & WordShape.Lower) != 0;
    public bool StartsSentence => (Shape & WordShape.SentenceStart) != 0;
    public bool IsWord => Kind is TokenKind.Word;
    public bool IsNumber => Kind is TokenKind.Number;
    public bool IsPunctuation => Kind is TokenKind.Punctuation or TokenKind.Symbol;
}

/// <summary>
/// One body paragraph of a document (the sentences that came from one body line), tokenized: the unit in
/// which quotations are paired and attributed. Built only from <see cref="Document.Sentences"/>, so
/// captions, comments and other non-body lines never reach the facts stage.
/// </summary>
internal sealed class ParagraphText
{
    private ParagraphText(Document document, int index, TextSpan span, Word[] words)
    {
        Document = document;
        Index = index;
        Span = span;
        Words = words;
    }

    public Document Document { get; }
    public string Text => Document.Text;

    /// <summary>The paragraph's position among the document's body paragraphs.</summary>
    public int Index { get; }
    public TextSpan Span { get; }
    public Word[] Words { get; }

    /// <summary>The body paragraphs of a document, in order.</summary>
    public static List<ParagraphText> Split(Document document)
    {
        var result = new List<ParagraphText>();
        var sentences = document.Sentences;
        var words = new List<Word>();
        int i = 0;
        while (i < sentences.Count)
        {
            int paragraph = sentences[i].Paragraph;
            int first = i;
            words.Clear();
            for (; i < sentences.Count && sentences[i].Paragraph == paragraph; i++)
                WordScanner.Scan(document.Text, sentences[i].Span.Start, sentences[i].Span.End, sentences[i].Index, words);
            var span = new TextSpan(sentences[first].Span.Start, sentences[i - 1].Span.End);
            result.Add(new ParagraphText(document, result.Count, span, [.. words]));
        }
        return result;
    }
}
