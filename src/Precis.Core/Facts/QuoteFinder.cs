using Precis.Model;

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
    /// How many words after a closing mark the speech verb may stand ("'' and the reactions of the Chilean
    /// Parliament and armed forces bear watching, Castro said" is 15); beyond this the verb belonged to
    /// another statement in the dev clusters.
    /// </summary>
    private const int MaxWordsToVerbAfter = 20;

    /// <summary>When the words after a quotation start a new sentence, the verb must come this early ("He said.").</summary>
    private const int MaxWordsToVerbInNextSentence = 4;

    /// <summary>How many paragraphs back the previous attribution can still be the referent of "he said".</summary>
    private const int PronounParagraphReach = 2;

    /// <summary>Role phrases longer than this are cut: the role of an unnamed speaker is a short label.</summary>
    private const int MaxRoleWords = 6;

    private readonly FactsLexicon _lexicon;

    public QuoteFinder(FactsLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Pairs the quotation marks of a paragraph.</summary>
    public List<QuoteSegment> FindSegments(ParagraphText p)
    {
        var segments = new List<QuoteSegment>();
        var words = p.Words;
        int open = -1, depth = 0;
        for (int i = 0; i < words.Length; i++)
        {
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
    public void Attribute(IReadOnlyList<ParagraphText> paragraphs, IReadOnlyList<List<QuoteSegment>> segments, IReadOnlyList<List<Mention>> mentions)
    {
        var context = new DocumentContext(paragraphs, segments, mentions);
        QuoteSegment? lastAttributed = null;
        for (int pi = 0; pi < paragraphs.Count; pi++)
        {
            var segs = segments[pi];
            if (segs.Count == 0) continue;
            var p = paragraphs[pi];
            for (int s = 0; s < segs.Count; s++)
            {
                var seg = segs[s];
                int after = seg.Close + 1;
                int nextOpen = s + 1 < segs.Count ? segs[s + 1].Open : p.Words.Length;
                int beforeFrom = s > 0 ? Math.Min(segs[s - 1].Close + 1, seg.Open) : 0;
                seg.Attribution = FromWordsAfter(context, pi, after, nextOpen, lastAttributed)
                                  ?? FromWordsBefore(context, pi, beforeFrom, seg.Open, lastAttributed);
                if (seg.Attribution is not null) lastAttributed = seg;
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
            foreach (var x in segs) if (x.Attribution is not null) lastAttributed = x;
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
        return words <= 8;
    }

    /// <summary>", Kerry said", "” said Ms. Clywd, who…", "” he told reporters", ", according to X".</summary>
    private Attribution? FromWordsAfter(DocumentContext ctx, int pi, int from, int to, QuoteSegment? lastAttributed)
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
            if (w.Sentence != sentence && wordCount > MaxWordsToVerbInNextSentence) return null;
            if (w.IsPunctuation && IsClauseEnd(p, k)) return null;
            if (!w.IsWord) continue;
            wordCount++;
            if (IsAccordingTo(p, k))
                return FromObject(ctx, pi, k + 2, to, lastAttributed);
            if (!_lexicon.IsSpeechVerb(w.Text(text)) || w.IsCapitalized && !w.StartsSentence) continue;
            int subjectFrom = from;
            while (subjectFrom < k && words[subjectFrom].IsPunctuation) subjectFrom++;
            int subjectTo = TrimAuxiliaries(p, subjectFrom, k);
            return subjectTo > subjectFrom
                ? FromSubject(ctx, pi, subjectFrom, subjectTo, lastAttributed)
                : FromObject(ctx, pi, k + 1, to, lastAttributed);
        }
        return null;
    }

    /// <summary>"Lavrov said: “…”", "Carter told BBC radio there was “…”", "said Alun Michael, …, “…”".</summary>
    private Attribution? FromWordsBefore(DocumentContext ctx, int pi, int from, int open, QuoteSegment? lastAttributed)
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
            var w = words[k];
            if (!w.IsWord) continue;
            if (k + 1 < open && IsAccordingTo(p, k)) return FromObject(ctx, pi, k + 2, open, lastAttributed);
            if (!_lexicon.IsSpeechVerb(w.Text(text)) || w.IsCapitalized && !w.StartsSentence) continue;
            // The subject may stand before an earlier quotation of the same sentence ("X termed Y a “…” and said “…”").
            int subjectTo = TrimAuxiliaries(p, sentenceStart, k);
            if (subjectTo > sentenceStart && HasWords(p, sentenceStart, subjectTo, ctx.Segments[pi]))
                return FromSubject(ctx, pi, sentenceStart, subjectTo, lastAttributed);
            return FromObject(ctx, pi, k + 1, open, lastAttributed);
        }
        return null;
    }

    private static bool HasWords(ParagraphText p, int from, int to, List<QuoteSegment> segments)
    {
        for (int k = from; k < to; k++)
            if ((p.Words[k].IsWord || p.Words[k].IsNumber) && !InsideAny(segments, k)) return true;
        return false;
    }

    private static bool InsideAny(List<QuoteSegment> segments, int word)
    {
        foreach (var s in segments) if (s.Contains(word)) return true;
        return false;
    }

    private static bool IsClauseEnd(ParagraphText p, int k)
    {
        var w = p.Words[k];
        char c = p.Text[w.Start];
        if (c is '!' or '?' or ';') return true;
        if (c != '.') return false;
        // The period of "Ms." or "Gen." does not end the clause.
        return !(k > 0 && p.Words[k - 1].IsWord && FactsLexicon.Default.IsHonorific(p.Words[k - 1].Text(p.Text)));
    }

    private static bool IsAccordingTo(ParagraphText p, int k) =>
        k + 1 < p.Words.Length && p.Words[k].Text(p.Text).Equals("according", StringComparison.OrdinalIgnoreCase)
                               && p.Words[k + 1].Text(p.Text).Equals("to", StringComparison.Ordinal);

    /// <summary>"Mubarak was quoted as saying": the subject ends before the auxiliary.</summary>
    private static int TrimAuxiliaries(ParagraphText p, int from, int to)
    {
        while (to > from && p.Words[to - 1].IsWord && p.Words[to - 1].Text(p.Text) is "was" or "were" or "is" or "are" or "has" or "have" or "had" or "also" or "later" or "then" or "quickly")
            to--;
        return to;
    }

    /// <summary>
    /// The subject of a speech verb in words [from, to). "X, the foreign minister, said": the name before the
    /// appositive; "In a statement issued in Porto, the Chilean government said": the chunk next to the verb.
    /// </summary>
    private Attribution? FromSubject(DocumentContext ctx, int pi, int from, int to, QuoteSegment? lastAttributed)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        var chunks = Chunks(p, from, to, ctx.Segments[pi]);
        bool commaBeforeVerb = words[to - 1].IsPunctuation && p.Text[words[to - 1].Start] == ',';
        if (!commaBeforeVerb)
            return FromChunk(ctx, pi, chunks[^1].From, chunks[^1].To, lastAttributed);

        // "Hassen Ibn Abdellah" in "Abouhalima's lawyer in his trial, Hassen Ibn Abdellah, said": a bare name next to the verb.
        var last = chunks[^1];
        if (ctx.BareName(pi, last.From, last.To) is { } bare) return new Attribution(bare.Entity, bare.Entity?.Role);
        foreach (var c in chunks)
            if (ctx.FirstMention(pi, c.From, c.To, EntityKind.Person) is { Entity: not null } person)
                return new Attribution(person.Entity, person.Entity.Role);
        foreach (var c in chunks)
        {
            var a = FromChunk(ctx, pi, c.From, c.To, lastAttributed);
            if (a is not null) return a;
        }
        return null;
    }

    /// <summary>The speaker named after the verb: "said Jacques Poos, the Foreign Minister of Luxembourg".</summary>
    private Attribution? FromObject(DocumentContext ctx, int pi, int from, int to, QuoteSegment? lastAttributed)
    {
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        int end = from;
        while (end < to && !(words[end].IsPunctuation && p.Text[words[end].Start] is ',' or '.' or ';' or ':' or '—' && !(p.Text[words[end].Start] == '.' && end > 0 && _lexicon.IsHonorific(words[end - 1].Text(p.Text)))))
            end++;
        if (end == from) return null;
        // "said Zughayar's 54-year-old father, Mohammed": the possessor is not the speaker; the appositive name is.
        var first = ctx.FirstMention(pi, from, end, null);
        if (first is not null && first.IsPossessive && first.End < end)
        {
            int next = end + 1, nextEnd = next;
            while (nextEnd < to && !(words[nextEnd].IsPunctuation)) nextEnd++;
            if (next < nextEnd && ctx.BareName(pi, next, nextEnd) is { } name) return new Attribution(name.Entity, RoleWords(p, first.End, end));
            return new Attribution(null, RoleWords(p, first.End, end));
        }
        return FromChunk(ctx, pi, from, end, lastAttributed);
    }

    /// <summary>
    /// The speaker in one comma-free chunk: a person named in it; else a role ("a senior US official" is an
    /// unnamed source even though it names a country, "the spokesman" the last person with that role); else a
    /// pronoun; else the last name in it ("the Chilean government" → Chile, "Shell said" → Shell).
    /// </summary>
    private Attribution? FromChunk(DocumentContext ctx, int pi, int from, int to, QuoteSegment? lastAttributed)
    {
        if (from >= to) return null;
        var p = ctx.Paragraphs[pi];
        var words = p.Words;
        string text = p.Text;
        var person = ctx.FirstMention(pi, from, to, EntityKind.Person);
        if (person is { Entity: not null } && !person.IsPossessive) return new Attribution(person.Entity, person.Entity.Role);

        for (int k = from; k < to; k++)
        {
            if (!words[k].IsWord || InsideAny(ctx.Segments[pi], k)) continue;
            int n = _lexicon.Roles.Match(text, words, k, to, out bool honorific);
            if (n == 0 || honorific) continue;
            string? role = RoleWords(p, RoleStart(p, from, k), k + n);
            if (IsDefinite(p, from, k))
            {
                var holder = ctx.LastPersonWithRole(pi, from, words[k + n - 1].Text(text).ToString());
                return holder is not null ? new Attribution(holder, holder.Role) : new Attribution(null, role);
            }
            return new Attribution(null, role);
        }

        for (int k = to - 1; k >= from; k--)
        {
            if (!words[k].IsWord || !_lexicon.TryPronoun(words[k].Text(text), out var kind)) continue;
            return ResolvePronoun(ctx, pi, from, kind, lastAttributed);
        }

        var named = ctx.LastMention(pi, from, to);
        if (named is { Entity: not null }) return new Attribution(named.Entity, named.Entity.Role);

        // "the company said", "the group said": the organization last named.
        for (int k = from; k < to; k++)
        {
            if (!words[k].IsWord || !_lexicon.IsOrgWord(words[k].Text(text)) || !IsDefinite(p, from, k)) continue;
            var org = ctx.LastOrganization(pi, from);
            return org is not null ? new Attribution(org, null) : null;
        }
        return null;
    }

    private Attribution? ResolvePronoun(DocumentContext ctx, int pi, int at, PronounKind kind, QuoteSegment? lastAttributed)
    {
        var wanted = kind == PronounKind.Person ? EntityKind.Person : EntityKind.Organization;
        // A quotation earlier in the same paragraph: "…," a spokesman said. But he said "…".
        if (lastAttributed is not null && lastAttributed.Paragraph.Index == pi && lastAttributed.Attribution is { } same
            && (same.Speaker is null || Matches(same.Speaker, wanted)))
            return same;
        var inParagraph = ctx.LastMentionBefore(pi, at, wanted, sameParagraphOnly: true);
        if (inParagraph is { Entity: not null }) return new Attribution(inParagraph.Entity, inParagraph.Entity.Role);
        if (lastAttributed is { Attribution: { } previous } && pi - lastAttributed.Paragraph.Index <= PronounParagraphReach
            && (previous.Speaker is null || Matches(previous.Speaker, wanted)))
            return previous;
        var earlier = ctx.LastMentionBefore(pi, at, wanted, sameParagraphOnly: false);
        return earlier is { Entity: not null } ? new Attribution(earlier.Entity, earlier.Entity.Role) : null;
    }

    private static bool Matches(Entity e, EntityKind wanted) =>
        wanted == EntityKind.Person ? e.Kind == EntityKind.Person : e.Kind is EntityKind.Organization or EntityKind.Place;

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

    /// <summary>Mentions of one document by paragraph, with the lookups attribution needs; mentions inside quotations never speak.</summary>
    private sealed class DocumentContext
    {
        public DocumentContext(IReadOnlyList<ParagraphText> paragraphs, IReadOnlyList<List<QuoteSegment>> segments, IReadOnlyList<List<Mention>> mentions)
        {
            Paragraphs = paragraphs;
            Segments = segments;
            Mentions = mentions;
        }

        public IReadOnlyList<ParagraphText> Paragraphs { get; }
        public IReadOnlyList<List<QuoteSegment>> Segments { get; }
        public IReadOnlyList<List<Mention>> Mentions { get; }

        private bool Quoted(int pi, Mention m) => InsideAny(Segments[pi], m.First);

        public Mention? FirstMention(int pi, int from, int to, EntityKind? kind)
        {
            foreach (var m in Mentions[pi])
                if (m.First >= from && m.End <= to && !Quoted(pi, m) && (kind is null || m.Entity?.Kind == kind)) return m;
            return null;
        }

        /// <summary>The last name in words [from, to) that is not a possessive ("Zughayar's father" is not Zughayar).</summary>
        public Mention? LastMention(int pi, int from, int to)
        {
            Mention? found = null;
            foreach (var m in Mentions[pi])
                if (m.First >= from && m.End <= to && !Quoted(pi, m) && !m.IsPossessive && m.Entity is not null)
                    found = m;
            return found;
        }

        /// <summary>Words [from, to) are exactly one person's name (an appositive such as ", Hassen Ibn Abdellah,").</summary>
        public Mention? BareName(int pi, int from, int to)
        {
            foreach (var m in Mentions[pi])
                if (m.First == from && m.End == to && m.Entity is { Kind: EntityKind.Person or EntityKind.Unknown } && m.Country is null)
                    return m;
            return null;
        }

        public Mention? LastMentionBefore(int pi, int at, EntityKind wanted, bool sameParagraphOnly)
        {
            for (int q = pi; q >= 0; q--)
            {
                var list = Mentions[q];
                for (int k = list.Count - 1; k >= 0; k--)
                {
                    var m = list[k];
                    if (q == pi && m.End > at) continue;
                    if (m.IsPossessive || Quoted(q, m) || m.Entity is null) continue;
                    if (wanted == EntityKind.Person ? m.Entity.Kind == EntityKind.Person : m.Entity.Kind is EntityKind.Organization || m.Country is not null)
                        return m;
                }
                if (sameParagraphOnly) break;
            }
            return null;
        }

        public Entity? LastPersonWithRole(int pi, int at, string roleWord)
        {
            for (int q = pi; q >= 0; q--)
            {
                var list = Mentions[q];
                for (int k = list.Count - 1; k >= 0; k--)
                {
                    var m = list[k];
                    if (q == pi && m.End > at) continue;
                    if (m.Entity is { Kind: EntityKind.Person } e && e.Mentions.Any(x => x.Role?.Contains(roleWord, StringComparison.OrdinalIgnoreCase) == true))
                        return e;
                }
            }
            return null;
        }

        public Entity? LastOrganization(int pi, int at) =>
            LastMentionBefore(pi, at, EntityKind.Organization, sameParagraphOnly: false)?.Entity;
    }
}
