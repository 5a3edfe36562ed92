using System.Buffers;
using System.Runtime.InteropServices;
using Precis.Model;

namespace Precis.Text;

/// <summary>
/// Splits news text into sentences. It works on tokens, so numbers ("1.5"), initialisms ("U.S."), URLs and
/// e-mails never split. The rules, in order:
/// <list type="number">
/// <item>A sentence may end after ".", "!", "?", "…" or "..."; closing quotes and brackets that follow the mark
/// ("said.”", "left.)", PTB "''") stay with the sentence.</item>
/// <item>A line break ends a sentence, also without a final mark (headlines, list items, captions), unless the
/// line stops on a word or comma and the next line goes on in lower case (a hard-wrapped sentence).</item>
/// <item>A lower-case word after the mark continues the sentence ("“Why?” he asked", "e.g. the").</item>
/// <item>After a period: titles and months (abbreviations.txt: "Gen.", "Sept.") never end a sentence. After an
/// initial ("John F. Kennedy"), an initialism ("U.S.", "p.m.") or an abbreviation that can end a sentence
/// (abbreviations-final.txt: "Inc.", "Colo."), a sentence ends only when a capitalized stopword ("The", "He")
/// or an opening quote and a capital follow. A number that opens a sentence ("1. First") is a list label.</item>
/// <item>A mark after punctuation alone ("[...]", a leading "….") does not end a sentence: it joins the next one.</item>
/// </list>
/// Datelines ("GENEVA (AP) —", "LONDON (AP) _") have no final mark and stay with the first sentence; see
/// <see cref="Dateline"/> to strip them. Sentences inside quotations are split like any other, and each
/// sentence reports its <see cref="QuotationContext"/> so a summarizer can avoid lifting a fragment of a
/// quotation on its own.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentence spans of <paramref name="span"/> within <paramref name="text"/>, as absolute offsets.</summary>
    public static List<TextSpan> Split(string text, TextSpan span)
    {
        var result = new List<TextSpan>();
        Split(text.AsSpan(span.Start, span.Length), span.Start, result);
        return result;
    }

    public static List<TextSpan> Split(string text) => Split(text, new TextSpan(0, text.Length));

    /// <summary>Appends sentence spans of <paramref name="text"/>, shifted by <paramref name="offset"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, int offset, List<TextSpan> sentences)
    {
        var sink = new SpanSink(sentences);
        Split(text, offset, ref sink);
    }

    /// <summary>Appends the sentences of <paramref name="text"/>, shifted by <paramref name="offset"/>, with their quotation context.</summary>
    public static void Split(ReadOnlySpan<char> text, int offset, List<SentenceSpan> sentences)
    {
        var sink = new SentenceSink(sentences);
        Split(text, offset, ref sink);
    }

    /// <summary>
    /// Appends the sentences of <paramref name="text"/> with their quotation context, and their tokens to
    /// <paramref name="tokens"/>; sentences and tokens are shifted by <paramref name="offset"/>, so both are
    /// offsets into the same text as the sentences' spans.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, int offset, List<TokenizedSentence> sentences, List<Token> tokens)
    {
        var sink = new TokenizedSink(sentences, tokens, offset);
        Split(text, offset, ref sink);
    }

    /// <summary>Number of sentences in <paramref name="text"/>, without allocating.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var sink = new CountingSink();
        Split(text, 0, ref sink);
        return sink.Count;
    }

    private interface ISink
    {
        void Add(int start, int end, QuotationContext quotation, ReadOnlySpan<Token> sentenceTokens);
    }

    private readonly struct SpanSink(List<TextSpan> list) : ISink
    {
        public void Add(int start, int end, QuotationContext quotation, ReadOnlySpan<Token> sentenceTokens) => list.Add(new TextSpan(start, end));
    }

    private readonly struct SentenceSink(List<SentenceSpan> list) : ISink
    {
        public void Add(int start, int end, QuotationContext quotation, ReadOnlySpan<Token> sentenceTokens) =>
            list.Add(new SentenceSpan(new TextSpan(start, end), quotation));
    }

    private readonly struct TokenizedSink(List<TokenizedSentence> sentences, List<Token> tokens, int offset) : ISink
    {
        public void Add(int start, int end, QuotationContext quotation, ReadOnlySpan<Token> sentenceTokens)
        {
            int first = tokens.Count;
            sentences.Add(new TokenizedSentence(new SentenceSpan(new TextSpan(start, end), quotation), first, sentenceTokens.Length));
            CollectionsMarshal.SetCount(tokens, first + sentenceTokens.Length);
            var shifted = CollectionsMarshal.AsSpan(tokens)[first..];
            for (int k = 0; k < shifted.Length; k++) shifted[k] = sentenceTokens[k] with { Start = sentenceTokens[k].Start + offset };
        }
    }

    private struct CountingSink : ISink
    {
        public int Count;
        public void Add(int start, int end, QuotationContext quotation, ReadOnlySpan<Token> sentenceTokens) => Count++;
    }

    private static void Split<TSink>(ReadOnlySpan<char> text, int offset, ref TSink sink) where TSink : struct, ISink
    {
        // Tokens go to a pooled buffer: one split allocates nothing beyond the caller's list.
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Max(64, text.Length / 4));
        try
        {
            int n = 0;
            foreach (var token in Tokenizer.Enumerate(text))
            {
                if (n == tokens.Length) Grow(ref tokens);
                tokens[n++] = token;
            }
            Scan(text, tokens.AsSpan(0, n), offset, ref sink);
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
        }
    }

    private static void Grow(ref Token[] tokens)
    {
        var larger = ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
        tokens.AsSpan().CopyTo(larger);
        ArrayPool<Token>.Shared.Return(tokens);
        tokens = larger;
    }

    private static void Scan<TSink>(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int offset, ref TSink sink) where TSink : struct, ISink
    {
        int n = tokens.Length;
        int start = 0; // token index of the current sentence's first token
        bool hasWord = false; // a mark after punctuation alone ("….The", "[...] The") does not end a sentence
        var quotes = new QuoteTracker();
        for (int i = 0; i < n; i++)
        {
            var t = tokens[i];
            quotes.Track(text, t);
            hasWord |= t.IsWordLike;
            int last = i;
            bool boundary;
            if (IsTerminal(text, t))
            {
                while (last + 1 < n && IsTrailingCloser(text, tokens[last], tokens[last + 1], quotes.Depth))
                    quotes.Track(text, tokens[++last]);
                boundary = last + 1 >= n || EndsSentence(text, tokens, start, i, last);
                i = last; // the closers are tracked already
            }
            else
            {
                boundary = i + 1 < n && LineBreakEnds(text, tokens[i], tokens[i + 1]);
            }
            if (!boundary) continue;
            bool newParagraph = last + 1 < n && HasLineBreak(text, tokens[last].End, tokens[last + 1].Start);
            if (!hasWord && !newParagraph) continue;
            sink.Add(offset + tokens[start].Start, offset + tokens[last].End, quotes.EndSentence(newParagraph), tokens[start..(last + 1)]);
            start = last + 1;
            hasWord = false;
        }
        if (start < n)
            sink.Add(offset + tokens[start].Start, offset + tokens[n - 1].End, quotes.EndSentence(newParagraph: true), tokens[start..]);
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, Token t)
    {
        if (t.Kind == TokenKind.Punctuation) return text[t.Start] is '.' or '!' or '?' or '…';
        // An initialism token carries its final period: "U.S."
        return t.Kind == TokenKind.Word && t.Length >= 3 && text[t.End - 1] == '.';
    }

    /// <summary>Marks and closers that stay with the sentence after its final mark: "?!", "said.”", "(left.)", "over. '\"".</summary>
    private static bool IsTrailingCloser(ReadOnlySpan<char> text, Token previous, Token t, int quoteDepth)
    {
        if (t.Kind != TokenKind.Punctuation) return false;
        bool attached = t.Start == previous.End;
        var s = t.Of(text);
        switch (QuoteTracker.RoleOf(text, t, quoteDepth))
        {
            case QuoteRole.Close: return true;
            case QuoteRole.Open: return false;
        }
        if (s is "'" or "\u2019")
        {
            // A single closing quote: followed by a space, the end, or a closing double quote.
            int after = t.End;
            return after >= text.Length || TextChars.IsSpace(text[after]) || text[after] is '"' or '\u201D' || text.Slice(after).StartsWith("''");
        }
        return attached && (s is ")" or "]" or "}" or "!" or "?" or "." or "…");
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int sentenceStart, int terminal, int last)
    {
        var t = tokens[terminal];
        var next = tokens[last + 1];
        if (HasLineBreak(text, tokens[last].End, next.Start)) return true;

        int word = FirstWordAfter(text, tokens, last + 1);
        if (word >= 0 && char.IsLower(text[tokens[word].Start])) return false;

        var mark = t.Of(text);
        if (mark[^1] != '.' || (mark.Length > 1 && t.Kind == TokenKind.Punctuation)) return true; // "!", "?", "…", "..."

        ReadOnlySpan<char> before;
        bool initial = false;
        if (t.Kind == TokenKind.Word)
        {
            before = mark[..^1]; // "U.S." -> "U.S"
            initial = true;
        }
        else
        {
            if (terminal == 0) return true;
            var p = tokens[terminal - 1];
            if (p.End != t.Start) return true; // a free-standing period
            if (p.Kind == TokenKind.Number) return terminal - 1 != sentenceStart; // "1. First item" is a list label
            if (p.Kind != TokenKind.Word) return true;
            before = LastHyphenPart(p.Of(text)); // "R-Ariz." -> "Ariz"
            initial = before.Length == 1 && char.IsUpper(before[0]);
        }

        if (Lexicon.IsAbbreviation(before)) return false;
        if (initial || Lexicon.IsFinalAbbreviation(before)) return OpensSentenceAfterAbbreviation(text, tokens, last + 1, word);
        return true;
    }

    /// <summary>After "Inc." or "U.S.": "The", "He", "But" or an opening quote and a capital start a new sentence; a name does not.</summary>
    private static bool OpensSentenceAfterAbbreviation(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int next, int word)
    {
        if (word < 0) return false;
        var w = tokens[word];
        if (!char.IsUpper(text[w.Start])) return false;
        if (word > next && QuoteTracker.RoleOf(text, tokens[next], 0) == QuoteRole.Open) return true;
        return word == next && w.Kind == TokenKind.Word && Lexicon.IsStopword(w.Of(text));
    }

    /// <summary>The first word or number at or after <paramref name="from"/>, skipping up to two opening quotes, brackets or dashes.</summary>
    private static int FirstWordAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from)
    {
        for (int k = from; k < tokens.Length && k <= from + 2; k++)
        {
            var t = tokens[k];
            if (t.IsWordLike) return k;
            if (t.Kind != TokenKind.Punctuation || HasLineBreak(text, tokens[k - 1].End, t.Start)) return -1;
        }
        return -1;
    }

    private static ReadOnlySpan<char> LastHyphenPart(ReadOnlySpan<char> word)
    {
        int hyphen = word.LastIndexOf('-');
        return hyphen >= 0 && hyphen + 1 < word.Length ? word[(hyphen + 1)..] : word;
    }

    /// <summary>A line break without a final mark ends the sentence unless the line is hard-wrapped mid-sentence.</summary>
    private static bool LineBreakEnds(ReadOnlySpan<char> text, Token t, Token next)
    {
        int newlines = 0;
        for (int k = t.End; k < next.Start; k++)
            if (text[k] == '\n') newlines++;
        if (newlines == 0) return false;
        if (newlines > 1) return true;
        bool lineGoesOn = t.IsWordLike || text[t.Start] == ',';
        bool nextContinues = next.Kind == TokenKind.Word && char.IsLower(text[next.Start]);
        return !(lineGoesOn && nextContinues);
    }

    private static bool HasLineBreak(ReadOnlySpan<char> text, int from, int to) => text[from..to].Contains('\n');

    private enum QuoteRole : byte { None, Open, Close }

    /// <summary>
    /// Follows double quotation marks through a paragraph to tell each sentence its <see cref="QuotationContext"/>.
    /// Whether a mark opens or closes is read from its surroundings first, as Markdown reads emphasis: a mark
    /// after a space and before a letter opens, one after a letter and before a space or punctuation closes;
    /// only when the surroundings do not tell does the glyph decide (“ and `` open, ” and '' close, " toggles).
    /// So "”Yes,” he said" and "''There's been" (quotes typed the wrong way round) still pair up. Single quotes
    /// are not followed: "’" is mostly an apostrophe. A new paragraph starts outside any quotation (news style
    /// reopens a quotation that runs on across paragraphs).
    /// </summary>
    private struct QuoteTracker
    {
        public int Depth;
        private bool _startedInside;
        private bool _closedUnopened;

        public void Track(ReadOnlySpan<char> text, Token t)
        {
            if (t.Kind != TokenKind.Punctuation) return;
            switch (RoleOf(text, t, Depth))
            {
                case QuoteRole.Open:
                    Depth++;
                    break;
                case QuoteRole.Close when Depth > 0:
                    Depth--;
                    break;
                case QuoteRole.Close:
                    _closedUnopened = true;
                    break;
            }
        }

        public QuotationContext EndSentence(bool newParagraph)
        {
            var context = QuotationContext.None;
            if (_startedInside || _closedUnopened) context |= QuotationContext.ContinuesQuotation;
            if (Depth > 0) context |= QuotationContext.LeavesQuotationOpen;
            if (newParagraph) Depth = 0;
            _startedInside = Depth > 0;
            _closedUnopened = false;
            return context;
        }

        public static QuoteRole RoleOf(ReadOnlySpan<char> text, Token t, int depth)
        {
            if (t.Kind != TokenKind.Punctuation || text[t.Start] is not ('\u201C' or '\u201E' or '\u00AB' or '`' or '\u201D' or '\u00BB' or '\'' or '"'))
                return QuoteRole.None;
            var s = t.Of(text);
            QuoteRole glyph = s switch
            {
                "\u201C" or "\u201E" or "\u00AB" or "``" => QuoteRole.Open,
                "\u201D" or "\u00BB" or "''" => QuoteRole.Close,
                "\"" => depth > 0 ? QuoteRole.Close : QuoteRole.Open,
                _ => QuoteRole.None,
            };
            if (glyph == QuoteRole.None) return glyph;
            char before = t.Start > 0 ? text[t.Start - 1] : ' ';
            char after = t.End < text.Length ? text[t.End] : ' ';
            bool spaceBefore = TextChars.IsSpace(before) || TextChars.IsOpeningContext(before);
            bool spaceAfter = TextChars.IsSpace(after);
            bool opens = spaceBefore && !spaceAfter;
            bool closes = !spaceBefore && (spaceAfter || (char.IsPunctuation(after) && !TextChars.IsOpeningContext(after)));
            if (opens == closes) return glyph;
            return opens ? QuoteRole.Open : QuoteRole.Close;
        }
    }
}
