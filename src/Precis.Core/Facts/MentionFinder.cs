using System.Runtime.InteropServices;
using Precis.Text;

namespace Precis.Facts;

/// <summary>
/// Words of an event that are written capitalized where capitalization means something (not at the start
/// of a sentence or a quotation). A capitalized word that opens a sentence is taken for a name only if the
/// event also writes it capitalized elsewhere ("Lavrov arrived" yes) and never in lower case ("Despite
/// Swissair's offer" no). Only the words that open sentences are tracked, keyed by the <see cref="Word.Fold"/>
/// hash the scanner computed: the evidence costs two passes over the words that compare integers, and a few
/// hundred entries, not a set of every word of the event.
/// </summary>
internal sealed class NameEvidence
{
    private readonly Dictionary<uint, int> _firstByHash = [];
    private readonly List<Opener> _openers = [];

    /// <summary>
    /// Bit (hash &gt;&gt; 19, the top 13 bits) is set when an opener has that hash: most words of the event are no
    /// opener. 8,192 bits (1 KB per event) for the few hundred openers of an event, so that a word that is no
    /// opener passes a few times in a hundred and is then looked up; 65,536 bits (8 KB per event) were about two
    /// thirds of what the evidence allocated.
    /// </summary>
    private readonly ulong[] _filter = new ulong[128];

    [Flags]
    private enum Seen : byte
    {
        None = 0,
        CapitalizedInside = 1,
        LowerCase = 2,
    }

    /// <summary>An opener (its first occurrence), and the next opener with the same hash.</summary>
    private record struct Opener(string Text, int Start, int Length, int Next, Seen Seen);

    /// <summary>
    /// Openers that <see cref="MentionFinder"/> never takes for names whatever the evidence ("The", "He",
    /// "However"): not tracked, and the commonest words of the text need no lookup.
    /// </summary>
    private const Lex NotNames = Lex.Stopword | Lex.Pronoun | Lex.Opener;

    private NameEvidence()
    {
    }

    /// <summary>A capitalized word that opens a sentence or a quotation and may be a name: the words the evidence is about.</summary>
    public static bool IsOpener(in Word w) =>
        (w.Shape & (WordShape.Capitalized | WordShape.Initial | WordShape.AllCaps)) == (WordShape.Capitalized | WordShape.Initial) && !w.Is(NotNames);

    /// <summary>The evidence of an event: the body paragraphs of each of its documents.</summary>
    public static NameEvidence Of(List<List<ParagraphText>> documents)
    {
        var evidence = new NameEvidence();
        foreach (var paragraphs in documents)
        {
            if (paragraphs.Count == 0) continue;
            string text = paragraphs[0].Text;
            var words = ParagraphText.WordsOf(paragraphs);
            int offset = paragraphs[0].Offset;
            foreach (int opener in ParagraphText.OpenersOf(paragraphs)) evidence.AddOpener(words[opener - offset], text);
        }
        if (evidence._openers.Count == 0) return evidence;
        foreach (var paragraphs in documents)
        {
            if (paragraphs.Count == 0) continue;
            string text = paragraphs[0].Text;
            foreach (ref readonly var w in ParagraphText.WordsOf(paragraphs))
            {
                // The filter first: it rejects all but a few words in a hundred, and the tests after it are the same conjunction.
                if (!evidence.MayBeOpener(w.Fold) || !w.IsWord || w.Is(NotNames)) continue;
                Seen seen;
                if (w.IsLower) seen = Seen.LowerCase;
                else if (w.IsCapitalized && !w.IsInitial) seen = Seen.CapitalizedInside;
                else continue;
                int e = evidence.Find(w, text);
                if (e >= 0) CollectionsMarshal.AsSpan(evidence._openers)[e].Seen |= seen;
            }
        }
        return evidence;
    }

    private void AddOpener(Word w, string text)
    {
        if (Find(w, text) >= 0) return;
        int next = _firstByHash.TryGetValue(w.Fold, out int first) ? first : -1;
        _firstByHash[w.Fold] = _openers.Count;
        _openers.Add(new Opener(text, w.Start, w.CoreEnd - w.Start, next, Seen.None));
        _filter[w.Fold >> 25] |= 1UL << (int)(w.Fold >> 19);
    }

    /// <summary>False when no opener has this hash (see <see cref="_filter"/>).</summary>
    private bool MayBeOpener(uint fold) => (_filter[fold >> 25] & (1UL << (int)(fold >> 19))) != 0;

    /// <summary>The opener written like this word (case aside), or -1.</summary>
    private int Find(Word w, string text)
    {
        if (!MayBeOpener(w.Fold) || !_firstByHash.TryGetValue(w.Fold, out int e)) return -1;
        var core = w.CoreText(text);
        for (; e >= 0; e = _openers[e].Next)
        {
            var o = _openers[e];
            if (core.Equals(o.Text.AsSpan(o.Start, o.Length), StringComparison.OrdinalIgnoreCase)) return e;
        }
        return -1;
    }

    /// <summary>The opener <paramref name="w"/> is also written capitalized inside a sentence in the event.</summary>
    public bool IsCapitalizedInside(Word w, string text) => Find(w, text) is int e && e >= 0 && (_openers[e].Seen & Seen.CapitalizedInside) != 0;

    /// <summary>The opener is also written in lower case in the event ("despite" for "Despite").</summary>
    public bool IsWrittenLowerCase(Word w, string text) => Find(w, text) is int e && e >= 0 && (_openers[e].Seen & Seen.LowerCase) != 0;
}

/// <summary>
/// Finds names of people, places and organizations in a body paragraph by rules: runs of capitalized
/// words (with particles such as "de" or "bin", and "of"/"for" inside organization names), split into
/// country + role + name where a role or title stands inside ("Russian Foreign Minister Sergei Lavrov"),
/// and typed by context: a role or honorific before the name or an appositive role after it makes a person;
/// an organization word (Department, Party, League) an organization; the country table a place.
/// </summary>
internal sealed class MentionFinder
{
    /// <summary>
    /// How far after a name an appositive role may lie (", the Foreign Minister of Luxembourg,"): a cap, so
    /// that a role word deep inside a longer phrase is not taken for the name's role.
    /// </summary>
    private const int MaxAppositiveWords = 9;

    /// <summary>"head of the Syrian Observatory for Human Rights" is cut to "head of the Syrian Observatory": a label, not a sentence.</summary>
    private const int MaxComplementWords = 3;

    private readonly FactsLexicon _lexicon;

    public MentionFinder(FactsLexicon lexicon) => _lexicon = lexicon;

    /// <summary>A word a name or a role may start at: a capitalized or hyphenated word, or the first word of a role.</summary>
    public static bool MayStart(in Word w) =>
        w.IsWord && ((w.Shape & (WordShape.Capitalized | WordShape.Hyphenated)) != 0 || w.Is(Lex.RoleStart));

    public void Find(ParagraphText paragraph, NameEvidence evidence, List<Mention> mentions)
    {
        var words = paragraph.Words;
        string text = paragraph.Text;
        int firstNew = mentions.Count;
        int roleStart = -1, roleEnd = -1; // the last role phrase seen outside a run, with its affiliation
        int lastRunStart = -1, lastRunEnd = -1;
        // Only the words marked by the scanner (MayStart) can start anything below: the others are stepped over.
        var starts = paragraph.NameStarts;
        int offset = paragraph.Offset, next = 0;
        int i = 0;
        while (i < words.Length)
        {
            while (next < starts.Length && starts[next] - offset < i) next++;
            if (next == starts.Length) break;
            i = starts[next] - offset;
            int roleLength = IsRoleAt(paragraph, i, words.Length, out bool honorific);
            if (roleLength > 0 && !words[i].IsCapitalized)
            {
                // A lower-case role ("spokesman"); a capitalized run right before it is its affiliation.
                roleStart = lastRunEnd == i ? lastRunStart : i;
                roleEnd = SkipPeriod(words, text, i + roleLength, honorific);
                i += roleLength;
                continue;
            }
            // Only a capitalized or hyphenated word can start a name (see IsNameLike): most words are tested here.
            if (!words[i].IsWord || !(words[i].IsCapitalized || words[i].IsHyphenated) || !IsNameStart(paragraph, i, evidence))
            {
                i++;
                continue;
            }
            int end = ExtendRun(paragraph, i);
            if (IsDateline(paragraph, i, end))
            {
                var place = NewMention(paragraph, i, end);
                place.Kind = EntityKind.Place;
                mentions.Add(place);
                i = end;
                continue;
            }
            int before = mentions.Count;
            Decompose(paragraph, i, end, roleEnd == i ? roleStart : -1, mentions, firstNew);
            lastRunStart = i;
            lastRunEnd = end;
            if (mentions.Count == before && end - i == 1 && roleLength > 0)
            {
                roleStart = i;
                roleEnd = SkipPeriod(words, text, end, honorific);
            }
            i = end;
        }
        for (int k = firstNew; k < mentions.Count; k++) AddContext(mentions[k]);
    }

    /// <summary>First word of a sentence, or first word after an opening quotation mark, a colon or a dash.</summary>
    public static bool IsInitialPosition(ParagraphText paragraph, int i) => i == 0 || paragraph.Words[i].IsInitial;

    private int IsRoleAt(ParagraphText p, int i, int end, out bool honorific) =>
        p.Words[i].IsWord && p.Words[i].Is(Lex.RoleStart) ? _lexicon.Roles.Match(p.Text, p.Words, i, end, out honorific) : Zero(out honorific);

    private static int NoCountry(out Country? country)
    {
        country = null;
        return 0;
    }

    private static int Zero(out bool honorific)
    {
        honorific = false;
        return 0;
    }

    private static int SkipPeriod(ReadOnlySpan<Word> words, string text, int i, bool honorific) =>
        honorific && i < words.Length && words[i].IsPunctuation && text[words[i].Start] == '.' ? i + 1 : i;

    private bool IsNameLike(ParagraphText p, int i)
    {
        var w = p.Words[i];
        if (!w.IsWord) return false;
        var core = w.CoreText(p.Text);
        if (w.IsCapitalized)
        {
            // "Texas-based", "US-backed" are adjectives, not names ("Ki-moon" is). Only a hyphenated word has a dash to find.
            int last = w.IsHyphenated ? core.LastIndexOf('-') : -1;
            if (last > 0 && last + 1 < core.Length && char.IsLower(core[last + 1]) && _lexicon.IsAdjectiveSuffix(core[(last + 1)..])) return false;
            return !w.Is(Lex.Calendar);
        }
        // "al-Assad", "el-Sheikh": a particle glued to a capitalized name.
        if (!w.IsHyphenated) return false;
        int dash = core.IndexOf('-');
        return dash > 0 && dash + 1 < core.Length && char.IsUpper(core[dash + 1]) && _lexicon.NameParticles.Contains(core[..dash]);
    }

    private bool IsNameStart(ParagraphText p, int i, NameEvidence evidence)
    {
        if (!IsNameLike(p, i)) return false;
        var w = p.Words[i];
        var core = w.CoreText(p.Text);
        // "I", "I'm", "The", "Will": capitalized function words open no name (all-caps acronyms such as "US" aside).
        if (!w.IsAllCaps && (w.Is(Lex.Stopword) || core is "I" || core.Length > 1 && core[0] == 'I' && TextChars.IsApostrophe(core[1]))) return false;
        if (!IsInitialPosition(p, i) || w.IsAllCaps) return true;
        if (w.Is(Lex.Stopword | Lex.Pronoun | Lex.Opener)) return false;
        if (evidence.IsCapitalizedInside(w, p.Text)) return true;
        if (w.Is(Lex.CountryStart) && _lexicon.CountryAliases.Match(p.Text, p.Words, i, p.Words.Length, out _) > 0) return true;
        if (IsRoleAt(p, i, p.Words.Length, out _) > 0) return true;
        if (evidence.IsWrittenLowerCase(w, p.Text) || core.EndsWith("ly", StringComparison.Ordinal)) return false;
        if (i + 1 < p.Words.Length && IsNameLike(p, i + 1)) return true;
        // "Harakat-ul-Ansar, a Pakistan-based organization, said": a name before an appositive or a speech verb.
        var words = p.Words;
        if (i + 1 < words.Length && words[i + 1].IsWord && words[i + 1].Is(Lex.SpeechVerb)) return true;
        return i + 2 < words.Length && words[i + 1].IsPunctuation && p.Text[words[i + 1].Start] == ','
               && words[i + 2].IsWord && words[i + 2].Text(p.Text) is "a" or "an";
    }

    private int ExtendRun(ParagraphText p, int start)
    {
        var words = p.Words;
        string text = p.Text;
        int j = start + 1;
        while (j < words.Length && !words[j - 1].IsPossessive)
        {
            if (IsNameLike(p, j))
            {
                j++;
                continue;
            }
            var w = words[j];
            if (w.IsPunctuation && text[w.Start] == '.' && w.End - w.Start == 1 && j + 1 < words.Length && IsNameLike(p, j + 1)
                && (words[j - 1].Is(Lex.Honorific) || IsInitial(words[j - 1], text)))
            {
                j++; // "Gen. Augusto Pinochet", "William H. Ailor"
                continue;
            }
            if (w.IsWord && w.IsLower && j + 1 < words.Length && IsNameLike(p, j + 1))
            {
                if (w.Is(Lex.Particle | Lex.Connector))
                {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        return j;
    }

    /// <summary>"NEW YORK _", "LONDON (AP) _", "BONN, Germany (AP)": an all-capitals place opening the article.</summary>
    private static bool IsDateline(ParagraphText p, int start, int end)
    {
        if (start != 0 || p.Index != 0 || end >= p.Words.Length) return false;
        for (int k = start; k < end; k++)
            if (p.Words[k].IsWord && !p.Words[k].IsAllCaps) return false;
        var next = p.Words[end];
        return next.IsPunctuation && p.Text[next.Start] is '_' or '(' or ',' or '-' or '—' or '–';
    }

    private static bool IsInitial(Word w, string text) => w.IsWord && w.End - w.Start == 1 && char.IsUpper(text[w.Start]);

    /// <summary>Turns a capitalized run into mentions: one organization, or country + role + name pieces.</summary>
    private void Decompose(ParagraphText p, int start, int end, int roleBefore, List<Mention> mentions, int firstOfParagraph)
    {
        var words = p.Words;
        string text = p.Text;
        // A leading capitalized function word ("The Hague" aside) is not part of the name.
        while (start < end && words[start].IsCapitalized && !words[start].IsAllCaps && words[start].Is(Lex.Stopword) && end - start > 1)
            start++;
        if (start >= end) return;

        if (words[start].Is(Lex.CountryStart) && _lexicon.CountryAliases.Match(text, words, start, end, out var whole) == end - start)
        {
            var country = NewMention(p, start, end);
            country.Kind = EntityKind.Place;
            country.Country = whole;
            mentions.Add(country);
            return;
        }
        if (IsOrganizationRun(p, start, end))
        {
            var org = NewMention(p, start, end);
            org.Kind = EntityKind.Organization;
            mentions.Add(org);
            return;
        }

        int pos = start;
        int affiliation = roleBefore >= 0 ? roleBefore : start;
        int roleEnd = roleBefore >= 0 ? start : -1;
        bool honorific = false;
        while (pos < end)
        {
            int n = words[pos].Is(Lex.CountryStart) ? _lexicon.CountryAliases.Match(text, words, pos, end, out var alias) : NoCountry(out alias);
            if (n > 0)
            {
                var country = NewMention(p, pos, pos + n);
                country.Kind = EntityKind.Place;
                country.Country = alias;
                mentions.Add(country);
                pos += n;
                continue;
            }
            n = IsRoleAt(p, pos, end, out bool isHonorific);
            if (n > 0 && pos + n < end)
            {
                honorific |= isHonorific;
                pos = SkipPeriod(words, text, pos + n, isHonorific);
                roleEnd = pos;
                continue;
            }
            if (words[pos].IsLower && !IsNameLike(p, pos))
            {
                pos++; // a connector between pieces ("for" in "Special Envoy for Syria", "and" between two people)
                if (roleEnd < 0) affiliation = pos;
                continue;
            }
            int nameEnd = pos + 1;
            while (nameEnd < end && !(words[nameEnd].IsLower && words[nameEnd].Is(Lex.Connector))
                   && !(words[nameEnd].Is(Lex.CountryStart) && _lexicon.CountryAliases.Match(text, words, nameEnd, end, out _) > 0)
                   && !RoleBeforeName(p, nameEnd, end))
                nameEnd++;
            var name = NewMention(p, pos, nameEnd);
            if (roleEnd == pos || (roleEnd >= 0 && OnlyCountriesBetween(mentions, firstOfParagraph, roleEnd, pos)))
            {
                name.Kind = EntityKind.Person;
                name.Role = RoleText(p, affiliation, roleEnd, honorific);
                name.AfterHonorific = honorific;
            }
            else if (name.WordCount == 1 && words[pos].IsAllCaps && words[pos].CoreEnd - words[pos].Start <= 6)
            {
                name.IsAcronym = true;
                name.Kind = EntityKind.Organization;
            }
            mentions.Add(name);
            pos = nameEnd;
            roleEnd = -1;
            honorific = false;
            // "UN Special Envoy": an organization's acronym before a role is part of the role.
            affiliation = name.IsAcronym ? name.First : pos;
        }
    }

    /// <summary>A role starts at <paramref name="at"/> and more of the run follows it ("UN | Special Envoy | for Syria Staffan de Mistura").</summary>
    private bool RoleBeforeName(ParagraphText p, int at, int end)
    {
        int n = IsRoleAt(p, at, end, out _);
        return n > 0 && at + n < end;
    }

    /// <summary>The paragraph's mentions (from <paramref name="firstOfParagraph"/> on) that end after <paramref name="from"/> are all countries.</summary>
    private static bool OnlyCountriesBetween(List<Mention> mentions, int firstOfParagraph, int from, int to)
    {
        // "UN Special Envoy for Syria Staffan de Mistura": the country after the role belongs to the role.
        for (int k = mentions.Count - 1; k >= firstOfParagraph && mentions[k].End > from; k--)
            if (mentions[k].Country is null) return false;
        return to > from;
    }

    private bool IsOrganizationRun(ParagraphText p, int start, int end)
    {
        var words = p.Words;
        string text = p.Text;
        bool orgWord = false;
        for (int k = start; k < end; k++)
            if (words[k].IsWord && words[k].Is(Lex.OrgWord)) orgWord = true;
        if (!orgWord) return false;
        // "Cabinet Secretary Danny Naveh": a role followed by a plain name is a person, organization word or not.
        for (int k = start; k < end; k++)
        {
            int n = IsRoleAt(p, k, end, out bool honorific);
            if (n == 0) continue;
            int after = SkipPeriod(words, text, k + n, honorific);
            if (after >= end) return true;
            for (int m = after; m < end; m++)
                if (words[m].IsWord && words[m].Is(Lex.OrgWord)) return true;
            return false;
        }
        return true;
    }

    private static string RoleText(ParagraphText p, int from, int to, bool honorific)
    {
        if (honorific && to - from <= 2) return ""; // "Mr.", "Dr.": a title, not a role worth showing
        if (to <= from) return "";
        var words = p.Words;
        // At most the words' characters and one space before each: written on the stack, one string made.
        int bound = words[to - 1].End - words[from].Start + (to - from);
        Span<char> role = bound <= 256 ? stackalloc char[bound] : new char[bound];
        int length = 0;
        for (int k = from; k < to; k++)
        {
            if (words[k].IsPunctuation && p.Text[words[k].Start] == '.') { role[length++] = '.'; continue; }
            if (length > 0) role[length++] = ' ';
            var part = words[k].Text(p.Text);
            part.CopyTo(role[length..]);
            length += part.Length;
        }
        return new string(role[..length]);
    }

    private static Mention NewMention(ParagraphText p, int start, int end) => new(p, start, end);

    /// <summary>Evidence from the words around a mention: appositive role, speech verb, place preposition.</summary>
    private void AddContext(Mention m)
    {
        var p = m.Paragraph;
        var words = p.Words;
        string text = p.Text;
        int after = m.End;
        int verb = after;
        while (verb < words.Length && words[verb].IsWord && words[verb].Text(text) is "was" or "were" or "is" or "has" or "had" or "also") verb++;
        if (verb < words.Length && words[verb].IsWord && words[verb].Is(Lex.SpeechVerb)) m.NextToSpeechVerb = true; // "Chen was quoted"
        int before = m.First - 1;
        if (before >= 0 && words[before].IsWord && words[before].Is(Lex.SpeechVerb)) m.NextToSpeechVerb = true;
        if (before >= 0 && words[before].IsWord && words[before].Text(text) is "in" or "near" or "at" or "from") m.AfterPlacePreposition = true;

        if (m.Kind is EntityKind.Place or EntityKind.Organization || m.Role is { Length: > 0 } || m.AfterPlacePreposition) return;
        if (after + 1 < words.Length && words[after].IsPunctuation && text[words[after].Start] == ',')
        {
            if (AppositiveIsOrganization(p, after + 1))
            {
                m.Kind = EntityKind.Organization;
                return;
            }
            string? role = AppositiveRole(p, after + 1);
            if (role is not null)
            {
                m.Role = role;
                m.Kind = EntityKind.Person;
            }
        }
    }

    /// <summary>"Amnesty International, the human rights group": an organization word early in the appositive.</summary>
    private bool AppositiveIsOrganization(ParagraphText p, int start)
    {
        var words = p.Words;
        string text = p.Text;
        if (start >= words.Length || !words[start].IsWord || words[start].Text(text) is not ("a" or "an" or "the")) return false;
        for (int k = start + 1; k < words.Length && k <= start + 4; k++)
        {
            if (!words[k].IsWord) return false;
            if (_lexicon.IsOrgNoun(words[k].Text(text))) return true;
        }
        return false;
    }

    /// <summary>", a 23-year-old secretary,", ", the Foreign Minister of Luxembourg," → the role words.</summary>
    private string? AppositiveRole(ParagraphText p, int start)
    {
        var words = p.Words;
        string text = p.Text;
        int i = start;
        if (i < words.Length && words[i].IsWord && words[i].Text(text) is "a" or "an" or "the" or "A" or "An" or "The") i++;
        // An appositive opens with a determiner, a role or an affiliation ("Knightscope's vice president"), not "as" or "who".
        else if (i >= words.Length || !words[i].IsWord || words[i].IsLower && IsRoleAt(p, i, words.Length, out _) == 0) return null;
        int limit = Math.Min(words.Length, start + MaxAppositiveWords);
        for (int k = i; k < limit; k++)
        {
            var w = words[k];
            if (w.IsPunctuation && text[w.Start] is ',' or '.' or ';' or ':' or '"' or '“' or '”' or '`' or '\'') return null;
            if (w.IsWord && w.Text(text) is "who" or "which" or "whose" or "where") return null;
            int n = IsRoleAt(p, k, words.Length, out bool honorific);
            if (n == 0 || honorific) continue;
            int end = k + n;
            // "of Luxembourg", "of the observatory": keep a short complement that names the institution.
            if (end + 1 < words.Length && words[end].Text(text) is "of" or "for" or "at")
            {
                int m = end + 1;
                if (words[m].Text(text) is "the") m++;
                int complement = m;
                while (m < words.Length && m - complement < MaxComplementWords && words[m].IsWord && !words[m].Is(Lex.Stopword)) m++;
                if (m > complement) end = m;
            }
            return RoleText(p, i, end, false);
        }
        return null;
    }
}
