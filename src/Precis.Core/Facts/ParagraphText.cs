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
    Hyphenated = 32,

    /// <summary>Opens a sentence or follows an opening quotation mark, a colon, a dash or a bracket.</summary>
    Initial = 64,
}

/// <summary>
/// A token of a body paragraph as absolute offsets into the article text, with the word lists it is on
/// (<see cref="Lex"/>). <see cref="CoreEnd"/> leaves out a possessive ending ("Kerry’s" → "Kerry");
/// <see cref="Sentence"/> is the document's sentence index.
/// </summary>
internal readonly record struct Word(int Start, int End, int Sentence, TokenKind Kind, WordShape Shape, byte PossessiveLength, Lex Lex)
{
    public int CoreEnd => End - PossessiveLength;

    /// <summary>The word (without a possessive ending) is on one of these lists.</summary>
    public bool Is(Lex lists) => (Lex & lists) != 0;
    public ReadOnlySpan<char> Text(string text) => text.AsSpan(Start, End - Start);
    public ReadOnlySpan<char> CoreText(string text) => text.AsSpan(Start, CoreEnd - Start);
    public bool IsPossessive => CoreEnd < End;
    public bool IsCapitalized => (Shape & WordShape.Capitalized) != 0;
    public bool IsAllCaps => (Shape & WordShape.AllCaps) != 0;
    public bool IsLower => (Shape & WordShape.Lower) != 0;
    public bool StartsSentence => (Shape & WordShape.SentenceStart) != 0;
    public bool IsInitial => (Shape & WordShape.Initial) != 0;
    public bool IsHyphenated => (Shape & WordShape.Hyphenated) != 0;
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
    private readonly Word[] _words;
    private readonly int _offset;
    private readonly int _count;

    private ParagraphText(Document document, int index, TextSpan span, Word[] words, int offset, int count)
    {
        Document = document;
        Text = document.Text;
        Index = index;
        Span = span;
        _words = words;
        _offset = offset;
        _count = count;
    }

    public Document Document { get; }

    /// <summary>The article text (kept here: read for every word of every pass).</summary>
    public string Text { get; }

    /// <summary>The paragraph's position among the document's body paragraphs.</summary>
    public int Index { get; }
    public TextSpan Span { get; }
    /// <summary>The paragraph's words: a slice of its document's word array.</summary>
    public ReadOnlySpan<Word> Words => new(_words, _offset, _count);

    /// <summary>
    /// The body paragraphs of a document, in order. Their words live in one array rented from
    /// <paramref name="pool"/>; the caller returns it (<see cref="WordArrays.Dispose"/>) when it is done with
    /// the paragraphs, so the stage's largest allocation is reused from event to event.
    /// </summary>
    public static List<ParagraphText> Split(Document document, WordArrays pool)
    {
        var result = new List<ParagraphText>();
        var sentences = document.Sentences;
        var words = pool.Scratch;
        words.Clear();
        var bounds = new List<(int First, int WordStart)>();
        int i = 0;
        while (i < sentences.Count)
        {
            int paragraph = sentences[i].Paragraph;
            bounds.Add((i, words.Count));
            for (; i < sentences.Count && sentences[i].Paragraph == paragraph; i++)
                WordScanner.Scan(document.Text, sentences[i].Span.Start, sentences[i].Span.End, sentences[i].Index, words);
        }
        var array = pool.Rent(words.Count);
        words.CopyTo(array);
        for (int b = 0; b < bounds.Count; b++)
        {
            int firstSentence = bounds[b].First;
            int lastSentence = (b + 1 < bounds.Count ? bounds[b + 1].First : sentences.Count) - 1;
            int wordEnd = b + 1 < bounds.Count ? bounds[b + 1].WordStart : words.Count;
            var span = new TextSpan(sentences[firstSentence].Span.Start, sentences[lastSentence].Span.End);
            result.Add(new ParagraphText(document, b, span, array, bounds[b].WordStart, wordEnd - bounds[b].WordStart));
        }
        return result;
    }
}

/// <summary>
/// Word arrays rented for one extraction and returned together at its end (the arrays must not be read after).
/// Not thread-safe: one per extraction.
/// </summary>
internal sealed class WordArrays : IDisposable
{
    private readonly List<Word[]> _rented = [];

    /// <summary>A list reused while a document is scanned.</summary>
    public List<Word> Scratch { get; } = [];

    public Word[] Rent(int length)
    {
        var array = System.Buffers.ArrayPool<Word>.Shared.Rent(Math.Max(1, length));
        _rented.Add(array);
        return array;
    }

    public void Dispose()
    {
        foreach (var array in _rented) System.Buffers.ArrayPool<Word>.Shared.Return(array);
        _rented.Clear();
    }
}
