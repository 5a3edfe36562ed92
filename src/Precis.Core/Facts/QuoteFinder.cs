using Precis.Model;
using Precis.Text;

namespace Precis.Facts;

/// <summary>
/// Finds direct quotations in the body paragraphs of a document and attributes each to a speaker.
/// Quotation marks are paired per paragraph (straight, curly and newswire ``...'' marks; a quotation left
/// open runs to the end of its paragraph). A segment is attributed, in this order, by
/// <list type="number">
/// <item>the words after it in the same clause: ", Kerry said", "” said Ms. Clywd, who…", "” he told reporters";</item>
/// <item>a speech verb before it in its sentence: "Lavrov said: “…”", "Carter told BBC radio there was “…”";</item>
/// <item>another segment of the same paragraph ("A," he said, "B.");</item>
/// <item>the previous paragraph, when the paragraph is a quotation that continues one.</item>
/// </list>
/// The speaker is a name (resolved to its entity), a pronoun ("he" → the person last named before it), a
/// definite role ("the spokesman" → the last person with that role) or an unnamed source ("a senior US
/// official" → no name, role kept).
/// </summary>
internal sealed class QuoteFinder
{
    /// <summary>
    /// How many words after a closing mark the speech verb may stand: in "'' and the reactions of the Chilean
    /// Parliament and armed forces bear watching, Castro said" (a dev cluster) it is the 14th; 20 leaves room
    /// above that without reaching into the next statements.
    /// </summary>
    private const int MaxWordsToVerbAfter = 20;

    /// <summary>When the words after a quotation start a new sentence, the verb must come this early ("He said.").</summary>
    private const int MaxWordsToVerbInNextSentence = 4;

    /// <summary>How many paragraphs back "he said" may look for the person it refers to.</summary>
    private const int PronounParagraphReach = 2;

    /// <summary>Role phrases longer than this are cut: the role of an unnamed speaker is a short label.</summary>
    private const int MaxRoleWords = 6;

    /// <summary>"Kerry said on Friday in Geneva.": a closing attribution in a sentence of its own is this short after the verb.</summary>
    private const int MaxWordsAfterClosingAttribution = 6;

    /// <summary>A paragraph whose quotation is followed by at most this many words (", Kerry said on Friday.") ends with it.</summary>
    private const int MaxWordsAfterContinuedQuotation = 8;

    private readonly FactsLexicon _lexicon;

    public QuoteFinder(FactsLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Punctuation that starts with one of these may be a quotation mark (see <see cref="MarkOf"/>).</summary>
    public static bool MayBeMark(char first) => first is '"' or '“' or '”' or '„' or '«' or '»' or '`' or '\'';

    /// <summary>
    /// The segments of every paragraph without a quotation mark (most paragraphs): one list, never added to
    /// (segments are added only here, to a paragraph's own list), rather than an empty list per paragraph.
    /// </summary>
    private static readonly List<QuoteSegment> NoSegments = [];

    /// <summary>Pairs the quotation marks of a paragraph.</summary>
    public List<QuoteSegment> FindSegments(ParagraphText p)
    {
        // Only the punctuation the scanner marked (MayBeMark) can be a quotation mark.
        var marks = p.QuoteMarks;
        if (marks.Length == 0) return NoSegments;
        var segments = new List<QuoteSegment>(4);
        var words = p.Words;
        int open = -1, depth = 0;
        foreach (int marked in marks)
        {
            int i = marked - p.Offset;
            var mark = MarkOf(p, i);
            if (mark == Mark.None) continue;
            if (open < 0)
            {
                if (mark == Mark.Close) continue;
                open = i;
                depth = 1;
                continue;
            }
            switch (mark)
            {
                case Mark.Straight:
                    depth = 0;
                    break;
                case Mark.Close:
                    depth--;
                    break;
                case Mark.Open:
                    depth++;
                    continue;
                case Mark.OpenBacktick:
                    // A new ``...'' quotation while one is open: the first was never closed.
                    Add(p, open, i, segments);
                    open = i;
                    depth = 1;
                    continue;
            }
            if (depth > 0) continue;
            Add(p, open, i, segments);
            open = -1;
        }
        if (open >= 0) Add(p, open, words.Length, segments);
        return segments;
    }

    private static void Add(ParagraphText p, int open, int close, List<QuoteSegment> segments)
    {
        int start = p.Words[open].End;
        int end = close < p.Words.Length ? p.Words[close].Start : p.Span.End;
        var span = new TextSpan(start, end).Trim(p.Text);
        if (!span.IsEmpty) segments.Add(new QuoteSegment(p, open, close, span));
    }

    private enum Mark : byte
    {
        None,
        Open,
        OpenBacktick,
        Close,
        Straight,
    }

    private static Mark MarkOf(ParagraphText p, int i)
    {
        var w = p.Words[i];
        if (!w.IsPunctuation) return Mark.None;
        string text = p.Text;
        char c = text[w.Start];
        int length = w.End - w.Start;
        switch (c)
        {
            case '“' or '„' or '«':
                return Mark.Open;
            case '”' or '»':
                return Mark.Close;
            case '"':
                return Mark.Straight;
            case '`' when length == 2:
                return Mark.OpenBacktick;
            case '\'' when length == 2:
                // '' is a closing mark, except where a typist used it to open ("''There've been...").
                bool atStart = i == 0 || (w.Start > 0 && char.IsWhiteSpace(text[w.Start - 1]));
                bool letterNext = w.End < text.Length && char.IsLetterOrDigit(text[w.End]);
                return atStart && letterNext ? Mark.OpenBacktick : Mark.Close;
            default:
                return Mark.None;
        }
    }

    /// <summary>Attributes every segment of one document; paragraphs, segments and mentions are per paragraph, in order.</summary>
    public void Attribute(IReadOnlyList<ParagraphText> paragraphs, IReadOnlyList<List<QuoteSegment>> segments, IReadOnlyList<ArraySegment<Mention>> mentions)
    {
        var context = new DocumentContext(paragraphs, segments, mentions);
        for (int pi = 0; pi < paragraphs.Count; pi++)
        {
            var segs = segments[pi];
            if (segs.Count == 0) continue;
            var p = paragraphs[pi];
            for (int s = 0; s < segs.Count; s++)
            {
                var seg = segs[s];
                int nextOpen = s + 1 < segs.Count ? segs[s + 1].Open : p.Words.Length;
                int beforeFrom = s > 0 ? Math.Min(segs[s - 1].Close + 1, seg.Open) : 0;
                seg.Attribution = FromWordsAfter(context, pi, seg.Close + 1, nextOpen)
                                  ?? FromWordsBefore(context, pi, beforeFrom, seg.Open);
            }
            // "A," he said, "B.": a segment without its own attribution takes its neighbour's.
            for (int s = 0; s < segs.Count; s++)
            {
                if (segs[s].Attribution is not null) continue;
                var neighbour = Nearest(segs, s);
                if (neighbour is not null) segs[s].Attribution = neighbour.Attribution;
            }
            // A paragraph that only continues the quotation of the paragraph before it.
            if (segs.All(x => x.Attribution is null) && StartsWithQuotation(p, segs[0]) && pi > 0)
            {
                var previous = segments[pi - 1];
                if (previous.Count > 0 && previous[^1].Attribution is { } inherited && EndsWithQuotation(paragraphs[pi - 1], previous[^1]))
                    foreach (var x in segs) x.Attribution = inherited;
            }
        }
    }

    private static QuoteSegment? Nearest(List<QuoteSegment> segs, int s)
    {
        for (int k = s - 1; k >= 0; k--) if (segs[k].Attribution is not null) return segs[k];
        for (int k = s + 1; k < segs.Count; k++) if (segs[k].Attribution is not null) return segs[k];
        return null;
    }

    private static bool StartsWithQuotation(ParagraphText p, QuoteSegment first)
    {
        for (int k = 0; k < first.Open; k++) if (p.Words[k].IsWord || p.Words[k].IsNumber) return false;
        return true;
    }

    /// <summary>The paragraph's last words are inside (or right after) its last quotation, as when it continues.</summary>
    private static bool EndsWithQuotation(ParagraphText p, QuoteSegment last)
    {
        if (last.RunsToParagraphEnd) return true;
        int words = 0;
        for (int k = last.Close + 1; k < p.Words.Length; k++) if (p.Words[k].IsWord) words++;
        // ", he said." or ", Kerry said on Friday." close the paragraph after the quotation.
        return words <= MaxWordsAfterContinuedQuotation;
    }

    /// <summary>", Kerry said", "” said Ms. Clywd, who…", "” he told reporters", ", according to X".</summary>
    private Attribution? FromWordsAfter(DocumentContext ctx, int pi, int from, int to)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        string text = p.Text;
        if (from >= to) return null;
        int sentence = words[from - 1].Sentence;
        int limit = Math.Min(to, from + MaxWordsToVerbAfter);
        int wordCount = 0;
        for (int k = from; k < limit; k++)
        {
            var w = words[k];
            if (w.IsPunctuation && IsClauseEnd(p, k)) return null;
            if (!w.IsWord) continue;
            wordCount++;
            bool nextSentence = w.Sentence != sentence;
            if (nextSentence && wordCount > MaxWordsToVerbInNextSentence) return null;
            if (IsAccordingTo(p, k))
                return FromObject(ctx, pi, k + 2, to) ?? Attribution.Unattributed;
            if (!IsSpeechVerbAt(p, k)) continue;
            if (QuotedAsSaying(p, k, to) is { } quotedEnd) return FromObject(ctx, pi, k + 1, quotedEnd) ?? Attribution.Unattributed;
            // In a new sentence only a short closing attribution counts ("He said.", "Kerry said on Friday."):
            // "But he said ``…''" introduces the next quotation, "experts say, if…" the clause after it.
            if (nextSentence && (IntroducesNext(p, k, to) || !EndsSoonAfter(p, k))) return null;
            int subjectFrom = from;
            while (subjectFrom < k && words[subjectFrom].IsPunctuation) subjectFrom++;
            int subjectTo = TrimAuxiliaries(p, subjectFrom, k);
            if (HasContentWords(p, subjectFrom, subjectTo, ctx.Segments[pi]))
                return FromSubject(ctx, pi, subjectFrom, subjectTo) ?? Attribution.Unattributed;
            return FromObject(ctx, pi, k + 1, to) ?? Attribution.Unattributed;
        }
        return null;
    }

    /// <summary>"Lavrov said: “…”", "Carter told BBC radio there was “…”", "said Alun Michael, …, “…”", "X made his wish: “…”".</summary>
    private Attribution? FromWordsBefore(DocumentContext ctx, int pi, int from, int open)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        string text = p.Text;
        if (open <= from) return null;
        int sentence = open < words.Length ? words[open].Sentence : words[^1].Sentence;
        int sentenceStart = open;
        while (sentenceStart > 0 && words[sentenceStart - 1].Sentence == sentence) sentenceStart--;
        int start = Math.Max(from, sentenceStart);
        for (int k = open - 1; k >= start; k--)
        {
            if (!words[k].IsWord) continue;
            if (k + 1 < open && IsAccordingTo(p, k)) return FromObject(ctx, pi, k + 2, open) ?? Attribution.Unattributed;
            if (!IsSpeechVerbAt(p, k)) continue;
            if (QuotedAsSaying(p, k, open) is { } quotedEnd) return FromObject(ctx, pi, k + 1, quotedEnd) ?? Attribution.Unattributed;
            // The subject may stand before an earlier quotation of the same sentence ("X termed Y a “…” and said “…”").
            int subjectTo = TrimAuxiliaries(p, sentenceStart, k);
            if (HasContentWords(p, sentenceStart, subjectTo, ctx.Segments[pi]))
                return FromSubject(ctx, pi, sentenceStart, subjectTo) ?? Attribution.Unattributed;
            return FromObject(ctx, pi, k + 1, open) ?? Attribution.Unattributed;
        }
        // "33-year-old Thamarong Kudpong made his wish: “…”": a colon right before the quotation, a person in its clause.
        int colon = open - 1;
        if (colon >= start && words[colon].IsPunctuation && text[words[colon].Start] == ':')
        {
            var chunks = Chunks(p, start, colon, ctx.Segments[pi]);
            var last = chunks[^1];
            if (ctx.FirstPersonLike(pi, last.From, last.To) is { Entity: { } speaker }) return new Attribution(speaker, speaker.Role);
        }
        return null;
    }

    /// <summary>
    /// "the newspaper quoted Zhang Xiong, the head coach, as saying": the speaker is the one quoted, named
    /// between the verb and "as saying". Returns where the name's phrase ends.
    /// </summary>
    private static int? QuotedAsSaying(ParagraphText p, int verb, int to)
    {
        var words = p.Words;
        if (!words[verb].Text(p.Text).StartsWith("quote", StringComparison.OrdinalIgnoreCase)) return null;
        for (int k = verb + 1; k + 1 < to && k < words.Length - 1; k++)
        {
            if (words[k].IsPunctuation && p.Text[words[k].Start] is '.' or ';' && !(k > 0 && words[k - 1].IsWord && words[k - 1].End - words[k - 1].Start <= 3)) return null;
            if (words[k].IsWord && words[k].Text(p.Text) is "as" && words[k + 1].IsWord && words[k + 1].Text(p.Text).StartsWith("say", StringComparison.Ordinal))
                return k > verb + 1 ? k : null;
        }
        return null;
    }

    /// <summary>A speech verb that attributes: not capitalized inside a sentence (a name), not an infinitive ("refused to say").</summary>
    private bool IsSpeechVerbAt(ParagraphText p, int k)
    {
        var w = p.Words[k];
        if (!w.IsWord || !w.Is(Lex.SpeechVerb) || (w.IsCapitalized && !MentionFinder.IsInitialPosition(p, k))) return false;
        // "refused to say", "what is being described as": an infinitive or a passive names no speaker.
        return !(k > 0 && p.Words[k - 1].IsWord && p.Words[k - 1].Text(p.Text) is "to" or "being" or "been" or "be");
    }

    /// <summary>The verb's sentence ends within a few words and the verb is not followed by a comma.</summary>
    private static bool EndsSoonAfter(ParagraphText p, int verb)
    {
        var words = p.Words;
        if (verb + 1 < words.Length && words[verb + 1].IsPunctuation && p.Text[words[verb + 1].Start] == ',') return false;
        int n = 0;
        for (int k = verb + 1; k < words.Length && words[k].Sentence == words[verb].Sentence; k++)
            if ((words[k].IsWord || words[k].IsNumber) && ++n > MaxWordsAfterClosingAttribution) return false;
        return true;
    }

    /// <summary>Words [verb+1, to) are empty but for a colon or comma, and a quotation opens at <paramref name="to"/>.</summary>
    private static bool IntroducesNext(ParagraphText p, int verb, int to)
    {
        if (to >= p.Words.Length) return false;
        for (int k = verb + 1; k < to; k++)
            if (p.Words[k].IsWord || p.Words[k].IsNumber) return false;
        return true;
    }

    /// <summary>
    /// Words [from, to), quotations aside, hold more than function words: a subject stands before the verb
    /// ("The warrant said"), so the speaker is not to be looked for after it ("But, said Alun Michael").
    /// </summary>
    private static bool HasContentWords(ParagraphText p, int from, int to, List<QuoteSegment> segments)
    {
        for (int k = from; k < to; k++)
        {
            var w = p.Words[k];
            if (!(w.IsWord || w.IsNumber) || InsideAny(segments, k)) continue;
            if (w.IsNumber || !Lexicon.IsStopword(w.Text(p.Text)) || FactsLexicon.Default.TryPronoun(w.Text(p.Text), out _)) return true;
        }
        return false;
    }

    private static bool InsideAny(List<QuoteSegment> segments, int word)
    {
        foreach (var s in segments) if (s.Contains(word)) return true;
        return false;
    }

    private bool IsClauseEnd(ParagraphText p, int k)
    {
        var w = p.Words[k];
        char c = p.Text[w.Start];
        if (c is '!' or '?' or ';') return true;
        if (c != '.') return false;
        // The period of "Ms." or "Gen." does not end the clause.
        return !(k > 0 && p.Words[k - 1].IsWord && _lexicon.IsHonorific(p.Words[k - 1].Text(p.Text)));
    }

    private static bool IsAccordingTo(ParagraphText p, int k) =>
        k + 1 < p.Words.Length && p.Words[k].Text(p.Text).Equals("according", StringComparison.OrdinalIgnoreCase)
                               && p.Words[k + 1].Text(p.Text).Equals("to", StringComparison.Ordinal);

    /// <summary>"Mubarak was quoted as saying": the subject ends before the auxiliary.</summary>
    private static int TrimAuxiliaries(ParagraphText p, int from, int to)
    {
        while (to > from && p.Words[to - 1].IsWord && p.Words[to - 1].Text(p.Text) is "was" or "were" or "is" or "are" or "has" or "have" or "had" or "also" or "later" or "then" or "quickly" or "once")
            to--;
        return to;
    }

    /// <summary>
    /// The subject of a speech verb in words [from, to). "X, the foreign minister, said": the name before the
    /// appositive; "In a statement issued in Porto, the Chilean government said": the chunk next to the verb;
    /// "… with Abdallah Shami, leader of the Islamic Jihad, who affirmed": the name the relative clause follows.
    /// </summary>
    private Attribution? FromSubject(DocumentContext ctx, int pi, int from, int to)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        var chunks = Chunks(p, from, to, ctx.Segments[pi]);
        var last = chunks[^1];
        bool commaBeforeVerb = words[to - 1].IsPunctuation && p.Text[words[to - 1].Start] == ',';
        bool relativeSubject = !commaBeforeVerb && last.To - last.From == 1 && StartsWith(p, last.From, "who");
        if (!commaBeforeVerb && !relativeSubject)
        {
            // "X said he was disappointed, but told Reuters…": a bare conjunction shares the earlier subject.
            if (HasContentWords(p, last.From, last.To, ctx.Segments[pi]) || chunks.Count == 1)
                return FromChunk(ctx, pi, last.From, last.To);
        }

        if (relativeSubject)
        {
            for (int c = chunks.Count - 2; c >= 0; c--)
            {
                if (IsAppositive(p, chunks[c].From)) continue;
                var person = ctx.LastPersonLike(pi, chunks[c].From, chunks[c].To);
                return person is { Entity: { } e } ? new Attribution(e, e.Role) : null;
            }
            return null;
        }

        // "Hassen Ibn Abdellah" in "Abouhalima's lawyer in his trial, Hassen Ibn Abdellah, said": a bare name next to the verb.
        if (commaBeforeVerb && ctx.BareName(pi, last.From, last.To) is { Entity: { } bare }) return new Attribution(bare, bare.Role);
        // Otherwise the subject is the first chunk that names someone, appositives and clauses aside:
        // "South Africa's African National Congress — the party of President Jacob Zuma — urged…, saying";
        // a clause opened by "but" or "and" starts the search afresh ("NASA is reorienting…, but Dr. Mary Chiu, …, said").
        int first = 0;
        for (int c = chunks.Count - 1; c > 0; c--)
            if (StartsWith(p, chunks[c].From, "but") || StartsWith(p, chunks[c].From, "and") || StartsWith(p, chunks[c].From, "while"))
            {
                first = c;
                break;
            }
        for (int c = first; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            if (IsRelative(p, chunk.From) || c != first && IsAppositive(p, chunk.From)) continue;
            var a = FromChunk(ctx, pi, chunk.From, chunk.To);
            // "a third lawyer, Bruce Miller, who…": the role's holder is named in the next chunk.
            if (a is { Speaker: null } && c + 1 < chunks.Count && ctx.BareName(pi, chunks[c + 1].From, chunks[c + 1].To) is { Entity: { } named })
                return new Attribution(named, a.Role);
            if (a is not null) return a;
        }
        return null;
    }

    private static bool StartsWith(ParagraphText p, int at, string word) =>
        at < p.Words.Length && p.Words[at].IsWord && p.Words[at].Text(p.Text).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A chunk that is a relative clause or a participle phrase: "who chairs…", "attending the summit…".</summary>
    private static bool IsRelative(ParagraphText p, int at)
    {
        if (at >= p.Words.Length || !p.Words[at].IsWord) return false;
        var s = p.Words[at].Text(p.Text);
        return s is "who" or "which" or "whose" or "whom" or "where" or "when" or "that"
               || (p.Words[at].IsLower && (s.EndsWith("ing", StringComparison.Ordinal) || s.EndsWith("ed", StringComparison.Ordinal)));
    }

    /// <summary>A chunk that describes the name before it: "a militant group…", "the head of…", "leader of…".</summary>
    private bool IsAppositive(ParagraphText p, int at)
    {
        if (at >= p.Words.Length || !p.Words[at].IsWord) return false;
        var s = p.Words[at].Text(p.Text);
        return s is "a" or "an" or "the" || _lexicon.Roles.Match(p.Text, p.Words, at, p.Words.Length, out _) > 0;
    }

    /// <summary>The speaker named after the verb: "said Jacques Poos, the Foreign Minister of Luxembourg".</summary>
    private Attribution? FromObject(DocumentContext ctx, int pi, int from, int to)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        int end = from;
        while (end < to && !(words[end].IsPunctuation && IsPhraseEnd(p, end))) end++;
        if (end == from) return null;
        // "said Zughayar's 54-year-old father, Mohammed": the possessor is not the speaker; the appositive name is.
        var first = ctx.FirstMention(pi, from, end);
        if (first is not null && first.IsPossessive && first.End < end)
        {
            int next = end + 1, nextEnd = next;
            while (nextEnd < to && !words[nextEnd].IsPunctuation) nextEnd++;
            if (next < nextEnd && ctx.BareName(pi, next, nextEnd) is { Entity: { } name }) return new Attribution(name, RoleWords(p, first.End, end));
            return new Attribution(null, RoleWords(p, first.End, end));
        }
        return FromChunk(ctx, pi, from, end);
    }

    private bool IsPhraseEnd(ParagraphText p, int k)
    {
        char c = p.Text[p.Words[k].Start];
        if (c is ',' or ';' or ':' or '—' or '(') return true;
        return c == '.' && !(k > 0 && p.Words[k - 1].IsWord && _lexicon.IsHonorific(p.Words[k - 1].Text(p.Text)));
    }

    /// <summary>
    /// The speaker in one comma-free chunk: a person named in it; else whichever comes first of a role ("a
    /// senior US official" is an unnamed source even though it names a country; "the spokesman" is the last
    /// person with that role) and a pronoun; else the last name in it ("the Chilean government" → Chile);
    /// else "the group" or "the company" for the organization last named. Names after a preposition
    /// ("prosecutors in Manhattan") are never the speaker.
    /// </summary>
    private Attribution? FromChunk(DocumentContext ctx, int pi, int from, int to)
    {
        if (from >= to) return null;
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        string text = p.Text;
        if (ctx.FirstPersonLike(pi, from, to) is { Entity: { } person }) return new Attribution(person, person.Role);

        for (int k = from; k < to; k++)
        {
            if (!words[k].IsWord || InsideAny(ctx.Segments[pi], k)) continue;
            // A pronoun speaks only as the subject ("But he said"), not inside a clause ("The warrant on which he was arrested").
            if (_lexicon.TryPronoun(words[k].Text(text), out var kind) && !HasContentWords(p, from, k, ctx.Segments[pi]))
                return kind == PronounKind.Group ? Attribution.Unattributed : ctx.ResolvePronoun(pi, from, kind);
            int n = _lexicon.Roles.Match(text, words, k, to, out bool honorific);
            if (n == 0 || honorific) continue;
            string? role = RoleWords(p, RoleStart(p, from, k), k + n);
            if (IsDefinite(p, from, k))
            {
                var holder = ctx.LastPersonWithRole(pi, from, words[k + n - 1].CoreText(text).ToString().TrimEnd('s'));
                return holder is not null ? new Attribution(holder, holder.Role) : new Attribution(null, role);
            }
            return new Attribution(null, role);
        }

        if (ctx.LastMention(pi, from, to) is { Entity: { } named }) return new Attribution(named, named.Role);

        for (int k = from; k < to; k++)
        {
            if (!words[k].IsWord || !_lexicon.IsOrgNoun(words[k].Text(text)) || !IsDefinite(p, from, k)) continue;
            return ctx.ResolvePronoun(pi, from, PronounKind.Organization);
        }
        return null;
    }

    private static bool IsDefinite(ParagraphText p, int from, int roleAt)
    {
        for (int k = roleAt - 1; k >= from; k--)
        {
            var w = p.Words[k];
            if (!w.IsWord) continue;
            var s = w.Text(p.Text);
            if (s.Equals("the", StringComparison.OrdinalIgnoreCase) || s.Equals("this", StringComparison.OrdinalIgnoreCase) || s.Equals("that", StringComparison.OrdinalIgnoreCase)) return true;
            if (s.Equals("a", StringComparison.OrdinalIgnoreCase) || s.Equals("an", StringComparison.OrdinalIgnoreCase) || s.Equals("one", StringComparison.OrdinalIgnoreCase)
                || s.Equals("another", StringComparison.OrdinalIgnoreCase) || s.Equals("some", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    /// <summary>Where the words describing a role begin: after the last determiner before it, at most <see cref="MaxRoleWords"/> back.</summary>
    private static int RoleStart(ParagraphText p, int from, int roleAt)
    {
        int start = roleAt;
        for (int k = roleAt - 1; k >= from && roleAt - k < MaxRoleWords; k--)
        {
            var w = p.Words[k];
            if (!w.IsWord && !w.IsNumber) break;
            var s = w.Text(p.Text);
            if (s is "the" or "a" or "an" or "this" or "that" or "one" or "another" or "some" or "The" or "A" or "An" or "This" or "One") break;
            start = k;
        }
        return start;
    }

    private static string? RoleWords(ParagraphText p, int from, int to)
    {
        var parts = new List<string>();
        for (int k = from; k < to; k++)
        {
            var w = p.Words[k];
            if (w.IsWord || w.IsNumber) parts.Add(w.Text(p.Text).ToString());
        }
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static List<(int From, int To)> Chunks(ParagraphText p, int from, int to, List<QuoteSegment> segments)
    {
        var chunks = new List<(int, int)>();
        int start = from;
        for (int k = from; k < to; k++)
        {
            var w = p.Words[k];
            if (!w.IsPunctuation || p.Text[w.Start] is not (',' or '—' or '–' or '(' or ')') || InsideAny(segments, k)) continue;
            if (k > start) chunks.Add((start, k));
            start = k + 1;
        }
        if (to > start) chunks.Add((start, to));
        if (chunks.Count == 0) chunks.Add((from, to));
        return chunks;
    }

    /// <summary>Mentions of one document by paragraph, with the lookups attribution needs. Mentions inside quotations never speak.</summary>
    private sealed class DocumentContext
    {
        public DocumentContext(IReadOnlyList<ParagraphText> paragraphs, IReadOnlyList<List<QuoteSegment>> segments, IReadOnlyList<ArraySegment<Mention>> mentions)
        {
            Paragraphs = paragraphs;
            Segments = segments;
            Mentions = mentions;
        }

        public IReadOnlyList<ParagraphText> Paragraphs { get; }
        public IReadOnlyList<List<QuoteSegment>> Segments { get; }
        public IReadOnlyList<ArraySegment<Mention>> Mentions { get; }

        private bool Usable(int pi, Mention m) => m.Entity is not null && !InsideAny(Segments[pi], m.First);

        /// <summary>"prosecutors in Manhattan", "the arrest of Pinochet": a name after a preposition is not a subject.</summary>
        private bool AfterPreposition(Mention m)
        {
            if (m.First == 0) return false;
            var w = m.Paragraph.Words[m.First - 1];
            return w.IsWord && w.IsLower && Lexicon.IsStopword(w.Text(m.Paragraph.Text)) && w.Text(m.Paragraph.Text) is "in" or "at" or "of" or "from" or "for" or "near" or "on" or "by" or "with" or "to" or "about" or "against" or "into" or "over" or "under" or "after" or "before";
        }

        public Mention? FirstMention(int pi, int from, int to)
        {
            foreach (var m in Mentions[pi])
                if (m.First >= from && m.End <= to && Usable(pi, m)) return m;
            return null;
        }

        /// <summary>
        /// The first person in words [from, to): a name with its own role or title first ("Mountain View
        /// resident Eamonn Callon"), then a confirmed person, then a person-like name.
        /// </summary>
        public Mention? FirstPersonLike(int pi, int from, int to)
        {
            Mention? person = null, candidate = null;
            foreach (var m in Mentions[pi])
            {
                if (m.First < from || m.End > to || !Usable(pi, m) || m.IsPossessive || !m.Entity!.IsPersonLike || AfterPreposition(m)) continue;
                if (m.Kind == EntityKind.Person) return m;
                if (m.Entity.Kind == EntityKind.Person) person ??= m;
                candidate ??= m;
            }
            return person ?? candidate;
        }

        public Mention? LastPersonLike(int pi, int from, int to)
        {
            Mention? found = null;
            foreach (var m in Mentions[pi])
                if (m.First >= from && m.End <= to && Usable(pi, m) && !m.IsPossessive && m.Entity!.IsPersonLike) found = m;
            return found;
        }

        /// <summary>The last name in words [from, to) that is not a possessive and not after a preposition.</summary>
        public Mention? LastMention(int pi, int from, int to)
        {
            Mention? found = null;
            foreach (var m in Mentions[pi])
                if (m.First >= from && m.End <= to && Usable(pi, m) && !m.IsPossessive && !AfterPreposition(m)) found = m;
            return found;
        }

        /// <summary>Words [from, to) are exactly one person's name (an appositive such as ", Hassen Ibn Abdellah,").</summary>
        public Mention? BareName(int pi, int from, int to)
        {
            foreach (var m in Mentions[pi])
                if (m.First == from && m.End == to && m.Entity is { } e && (e.IsPersonLike || e.Kind == EntityKind.Unknown) && m.Country is null)
                    return m;
            return null;
        }

        /// <summary>
        /// "he said", "it added", "the group said": walking back sentence by sentence from the pronoun, the first
        /// sentence that names a fitting entity gives its first such name; a sentence whose quotation was
        /// attributed (to a fitting or an unnamed source) gives that attribution. "…," a spokesman said. But he
        /// said "…" stays with the unnamed spokesman.
        /// </summary>
        public Attribution? ResolvePronoun(int pi, int at, PronounKind kind)
        {
            for (int q = pi; q >= 0 && pi - q <= PronounParagraphReach; q--)
            {
                var p = Paragraphs[q];
                int end = q == pi ? at : p.Words.Length;
                if (end <= 0) continue;
                int sentence = p.Words[Math.Min(end, p.Words.Length) - 1].Sentence;
                int current = sentence;
                for (int first = p.Words[0].Sentence; sentence >= first; sentence--)
                {
                    QuoteSegment? attributed = null;
                    foreach (var s in Segments[q])
                        if (s.Attribution is { } a && s.Close <= end && SentenceOf(p, s) == sentence
                            && (a.Speaker is null ? a.Role is not null : Fits(a.Speaker, kind)))
                            attributed = s;
                    if (attributed is not null) return attributed.Attribution;
                    // "…, the report said.": a statement by an unnamed source is what "it said" continues.
                    if (UnnamedStatement(q, sentence, end)) return Attribution.Unattributed;
                    int from = q == pi && sentence == current ? AfterLastQuotation(q, sentence, end) : 0;
                    if (Antecedent(q, sentence, from, end, kind) is { Entity: { } e }) return new Attribution(e, e.Role);
                }
            }
            return null;
        }

        /// <summary>
        /// The sentence reports a statement by a source described, not named: "…, the report said", "the
        /// newspaper added" (a determiner, at most one modifier, the noun, the verb).
        /// </summary>
        private bool UnnamedStatement(int q, int sentence, int end)
        {
            var p = Paragraphs[q];
            var words = p.Words;
            for (int k = 2; k < Math.Min(end, words.Length); k++)
            {
                var w = words[k];
                if (w.Sentence != sentence || !w.IsWord || InsideAny(Segments[q], k)) continue;
                if (w.Text(p.Text) is not ("said" or "says" or "added" or "reported" or "stated")) continue;
                var noun = words[k - 1];
                if (!noun.IsWord || !noun.IsLower || Lexicon.IsStopword(noun.Text(p.Text))) continue;
                if (IsDeterminer(p, k - 2) || IsDeterminer(p, k - 3) && words[k - 2].IsWord) return true;
            }
            return false;
        }

        private static bool IsDeterminer(ParagraphText p, int k) =>
            k >= 0 && p.Words[k].IsWord && p.Words[k].Text(p.Text) is "the" or "a" or "an" or "The" or "A" or "An";

        /// <summary>
        /// "With South Korea, Taiwan and Iran competing, ``…,'' it said": in the pronoun's own sentence only the
        /// words after the last quotation before it can hold its referent, not the quotation's lead-in.
        /// </summary>
        private int AfterLastQuotation(int q, int sentence, int end)
        {
            int from = 0;
            foreach (var s in Segments[q])
                if (s.Close < end && SentenceOf(Paragraphs[q], s) == sentence) from = s.Close + 1;
            return from;
        }

        private static int SentenceOf(ParagraphText p, QuoteSegment s) => p.Words[Math.Min(s.Open + 1, p.Words.Length - 1)].Sentence;

        /// <summary>
        /// The name a pronoun refers to in one sentence: the first fitting name that is not a possessive or
        /// after "in", "at", "near" or "from"; in a sentence that opens with a subordinate clause ("While Marcus … said …,
        /// Kelly is more pessimistic"), the name that opens the main clause after a comma.
        /// </summary>
        private Mention? Antecedent(int q, int sentence, int from, int end, PronounKind kind)
        {
            var p = Paragraphs[q];
            Mention? first = null, afterComma = null;
            foreach (var m in Mentions[q])
            {
                if (m.Sentence != sentence || m.First < from || m.End > end || !Usable(q, m) || m.IsPossessive || m.AfterPlacePreposition || !Fits(m.Entity!, kind)) continue;
                first ??= m;
                if (m.First > 0 && p.Words[m.First - 1].IsPunctuation && p.Text[p.Words[m.First - 1].Start] == ',') afterComma = m;
            }
            return afterComma is not null && OpensWithSubordinateClause(p, sentence) ? afterComma : first;
        }

        private static bool OpensWithSubordinateClause(ParagraphText p, int sentence)
        {
            foreach (var w in p.Words)
            {
                if (w.Sentence != sentence || !w.IsWord) continue;
                return w.Text(p.Text) is "While" or "Although" or "Though" or "As" or "After" or "Before" or "When" or "If" or "Because" or "Since" or "Unlike" or "Despite" or "Whereas";
            }
            return false;
        }

        private static bool Fits(Entity e, PronounKind kind) => kind == PronounKind.Person
            ? e.IsPersonLike
            : e.Kind is EntityKind.Organization || e.Country is not null || (e.Kind == EntityKind.Unknown && !e.IsPersonCandidate);

        /// <summary>
        /// "the spokesman said", "the president said": the person last named with a role ending in that word.
        /// Generic roles ("the official") are never resolved.
        /// </summary>
        public Entity? LastPersonWithRole(int pi, int at, string roleWord)
        {
            if (FactsLexicon.Default.GenericRoles.Contains(roleWord)) return null;
            for (int q = pi; q >= 0; q--)
            {
                var list = Mentions[q];
                for (int k = list.Count - 1; k >= 0; k--)
                {
                    var m = list[k];
                    if (q == pi && m.End > at) continue;
                    if (m.Entity is { Kind: EntityKind.Person } e && HasRoleEndingWith(e, roleWord)) return e;
                }
            }
            return null;
        }

        private static bool HasRoleEndingWith(Entity e, string roleWord)
        {
            foreach (var m in e.Mentions)
                if (m.Role?.EndsWith(roleWord, StringComparison.OrdinalIgnoreCase) == true) return true;
            return false;
        }
    }
}
