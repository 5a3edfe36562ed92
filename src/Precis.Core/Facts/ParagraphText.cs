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
/// <see cref="Sentence"/> is the document's sentence index; <see cref="Fold"/> is the <see cref="WordFold"/> hash of
/// a word's core (0 for other tokens).
/// </summary>
internal readonly record struct Word(int Start, int End, int Sentence, TokenKind Kind, WordShape Shape, byte PossessiveLength, Lex Lex, uint Fold = 0)
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
    private readonly WordBuffer _buffer;
    private readonly (int Start, int End) _nameStarts, _numbers, _openers, _quoteMarks;

    private ParagraphText(Document document, int index, TextSpan span, WordBuffer buffer, int offset, int count, MarkCounts from, MarkCounts to)
    {
        Document = document;
        Text = document.Text;
        Index = index;
        Span = span;
        _buffer = buffer;
        _words = buffer.Words;
        _offset = offset;
        _count = count;
        _nameStarts = (from.NameStarts, to.NameStarts);
        _numbers = (from.Numbers, to.Numbers);
        _openers = (from.Openers, to.Openers);
        _quoteMarks = (from.QuoteMarks, to.QuoteMarks);
    }

    /// <summary>Where the paragraph's words start in the event's word array (the marks below count from there).</summary>
    public int Offset => _offset;

    /// <summary>The words a name or a role may start at (<see cref="MentionFinder.MayStart"/>), by their index in the event's word array.</summary>
    public ReadOnlySpan<int> NameStarts => _buffer.NameStarts.Slice(_nameStarts);

    /// <summary>The words that may be numbers (<see cref="NumericClaimFinder.MayBeNumber"/>), by their index in the event's word array.</summary>
    public ReadOnlySpan<int> Numbers => _buffer.Numbers.Slice(_numbers);

    /// <summary>The capitalized words that open a sentence (<see cref="NameEvidence.IsOpener"/>), by their index in the event's word array.</summary>
    public ReadOnlySpan<int> Openers => _buffer.Openers.Slice(_openers);

    /// <summary>The punctuation that may be a quotation mark (<see cref="QuoteFinder.MayBeMark"/>), by its index in the event's word array.</summary>
    public ReadOnlySpan<int> QuoteMarks => _buffer.QuoteMarks.Slice(_quoteMarks);

    public Document Document { get; }

    /// <summary>The article text (kept here: read for every word of every pass).</summary>
    public string Text { get; }

    /// <summary>The paragraph's position among the document's body paragraphs.</summary>
    public int Index { get; }
    public TextSpan Span { get; }
    /// <summary>The paragraph's words: a slice of its document's word array.</summary>
    public ReadOnlySpan<Word> Words => new(_words, _offset, _count);

    /// <summary>The words of a document's paragraphs (consecutive slices of one array): all of them, in order.</summary>
    public static ReadOnlySpan<Word> WordsOf(List<ParagraphText> paragraphs)
    {
        if (paragraphs.Count == 0) return [];
        var first = paragraphs[0];
        var last = paragraphs[^1];
        return new ReadOnlySpan<Word>(first._words, first._offset, last._offset + last._count - first._offset);
    }

    /// <summary>The <see cref="Openers"/> of a document's paragraphs, all of them, in order.</summary>
    public static ReadOnlySpan<int> OpenersOf(List<ParagraphText> paragraphs) =>
        paragraphs.Count == 0 ? [] : paragraphs[0]._buffer.Openers.Slice((paragraphs[0]._openers.Start, paragraphs[^1]._openers.End));

    /// <summary>The body paragraphs of one document (see <see cref="Split(IReadOnlyList{Document}, WordBuffer)"/>).</summary>
    public static List<ParagraphText> Split(Document document, WordBuffer buffer) => Split([document], buffer)[0];

    /// <summary>
    /// The body paragraphs of each document, in order. All their words are scanned into one buffer rented
    /// from the array pool (<paramref name="buffer"/>), and the paragraphs are slices of it; the caller
    /// returns it (<see cref="WordBuffer.Dispose"/>) when it is done with the paragraphs. One growing buffer
    /// per event: a list per document, grown from empty, was a fifth of what the stage allocated.
    /// </summary>
    public static List<List<ParagraphText>> Split(IReadOnlyList<Document> documents, WordBuffer buffer)
    {
        // Where each paragraph starts: its document and first sentence, and how many words and marks the buffer held.
        int sentenceCount = 0;
        foreach (var document in documents) sentenceCount += document.Sentences.Count;
        // At most one paragraph per sentence; rented from the pool (a new list was a fiftieth of what the stage allocated).
        var pool = System.Buffers.ArrayPool<(int Document, int FirstSentence, int WordStart, MarkCounts Marks)>.Shared;
        var bounds = pool.Rent(sentenceCount);
        int count = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var sentences = document.Sentences;
            int i = 0;
            while (i < sentences.Count)
            {
                int paragraph = sentences[i].Paragraph;
                bounds[count++] = (d, i, buffer.Count, MarkCounts.Of(buffer));
                for (; i < sentences.Count && sentences[i].Paragraph == paragraph; i++)
                    WordScanner.Scan(document.Text, sentences[i].Span.Start, sentences[i].Span.End, sentences[i].Index, buffer);
            }
        }
        var result = new List<List<ParagraphText>>(documents.Count);
        for (int d = 0; d < documents.Count; d++) result.Add([]);
        for (int b = 0; b < count; b++)
        {
            var (d, firstSentence, wordStart, marks) = bounds[b];
            var document = documents[d];
            var sentences = document.Sentences;
            bool lastOfDocument = b + 1 == count || bounds[b + 1].Document != d;
            int lastSentence = (lastOfDocument ? sentences.Count : bounds[b + 1].FirstSentence) - 1;
            int wordEnd = b + 1 < count ? bounds[b + 1].WordStart : buffer.Count;
            var marksEnd = b + 1 < count ? bounds[b + 1].Marks : MarkCounts.Of(buffer);
            var span = new TextSpan(sentences[firstSentence].Span.Start, sentences[lastSentence].Span.End);
            var list = result[d];
            list.Add(new ParagraphText(document, list.Count, span, buffer, wordStart, wordEnd - wordStart, marks, marksEnd));
        }
        pool.Return(bounds);
        return result;
    }
}

/// <summary>
/// How many marks each list of a <see cref="WordBuffer"/> held at a point of the scan: the marks of a paragraph's
/// words are those added between its start and the next paragraph's (counted, not searched for: eight binary
/// searches per paragraph were about 3% of the stage's time in a profile).
/// </summary>
internal readonly record struct MarkCounts(int NameStarts, int Numbers, int Openers, int QuoteMarks)
{
    public static MarkCounts Of(WordBuffer buffer) => new(buffer.NameStarts.Count, buffer.Numbers.Count, buffer.Openers.Count, buffer.QuoteMarks.Count);
}

/// <summary>
/// The words of one extraction, in an array rented from the pool and returned at its end (the words must
/// not be read after). Not thread-safe: one per extraction.
/// </summary>
internal sealed class WordBuffer : IDisposable
{
    /// <summary>Room for the words of a few long articles before the first growth.</summary>
    private const int InitialWords = 4096;

    private Word[] _words = System.Buffers.ArrayPool<Word>.Shared.Rent(InitialWords);

    public int Count { get; private set; }

    /// <summary>The current array (replaced when it grows: read it only once every word is added).</summary>
    public Word[] Words => _words;

    /// <summary>The words a name or a role may start at, marked as they are added (see <see cref="MentionFinder.MayStart"/>).</summary>
    public WordMarks NameStarts { get; } = new();

    /// <summary>The words that may be numbers (see <see cref="NumericClaimFinder.MayBeNumber"/>).</summary>
    public WordMarks Numbers { get; } = new();

    /// <summary>The capitalized words that open a sentence (see <see cref="NameEvidence.IsOpener"/>).</summary>
    public WordMarks Openers { get; } = new();

    /// <summary>The punctuation that may be a quotation mark (see <see cref="QuoteFinder.MayBeMark"/>).</summary>
    public WordMarks QuoteMarks { get; } = new();

    /// <summary>
    /// Adds a word, and marks it for the passes that start only from some words: the finders of names and
    /// numbers and the name evidence then visit those words, not every word of the event again.
    /// </summary>
    public void Add(in Word word, string text)
    {
        if (Count == _words.Length) Grow();
        int index = Count++;
        _words[index] = word;
        if (MentionFinder.MayStart(word)) NameStarts.Add(index);
        if (NumericClaimFinder.MayBeNumber(word)) Numbers.Add(index);
        if (NameEvidence.IsOpener(word)) Openers.Add(index);
        if (word.IsPunctuation && QuoteFinder.MayBeMark(text[word.Start])) QuoteMarks.Add(index);
    }

    private void Grow()
    {
        var larger = System.Buffers.ArrayPool<Word>.Shared.Rent(_words.Length * 2);
        Array.Copy(_words, larger, Count);
        System.Buffers.ArrayPool<Word>.Shared.Return(_words);
        _words = larger;
    }

    public void Dispose()
    {
        NameStarts.Dispose();
        Numbers.Dispose();
        Openers.Dispose();
        QuoteMarks.Dispose();
        if (_words.Length == 0) return;
        System.Buffers.ArrayPool<Word>.Shared.Return(_words);
        _words = [];
        Count = 0;
    }
}

/// <summary>Indices of marked words of a <see cref="WordBuffer"/>, in order, in an array rented from the pool.</summary>
internal sealed class WordMarks : IDisposable
{
    private int[] _items = System.Buffers.ArrayPool<int>.Shared.Rent(256);
    private int _count;

    /// <summary>How many words are marked so far.</summary>
    public int Count => _count;

    public void Add(int index)
    {
        if (_count == _items.Length)
        {
            var larger = System.Buffers.ArrayPool<int>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, _count);
            System.Buffers.ArrayPool<int>.Shared.Return(_items);
            _items = larger;
        }
        _items[_count++] = index;
    }

    public ReadOnlySpan<int> Slice((int Start, int End) range) => new(_items, range.Start, range.End - range.Start);

    public void Dispose()
    {
        if (_items.Length == 0) return;
        System.Buffers.ArrayPool<int>.Shared.Return(_items);
        _items = [];
        _count = 0;
    }
}
