namespace Precis.Facts;

/// <summary>
/// Merges the mentions of one event into entities. Countries merge through the country table (name,
/// demonym, capital, abbreviations). People merge by surname when their given names are compatible: equal,
/// one a prefix of the other ("Matt"/"Matthew"), one edit apart ("Sergei"/"Sergey") or initials; a
/// surname-only mention ("Lavrov") joins the person with that surname. Organizations merge by name and by
/// acronym ("UN" is "United Nations" by its initials). No name is known in advance: everything comes from
/// the text and the generic tables.
/// </summary>
internal sealed class EntityResolver
{
    private readonly FactsLexicon _lexicon;

    public EntityResolver(FactsLexicon lexicon) => _lexicon = lexicon;

    public List<Entity> Resolve(List<Mention> mentions)
    {
        var entities = new List<Entity>();
        var countries = new Dictionary<int, Entity>();
        var persons = new People();

        foreach (var m in mentions)
        {
            if (m.Country is null) continue;
            if (!countries.TryGetValue(m.Country.Index, out var e))
            {
                countries[m.Country.Index] = e = new Entity(EntityKind.Place) { Country = m.Country };
                entities.Add(e);
            }
            e.Add(m);
        }

        // Full names first ("Sergei Lavrov", or any two to four capitalized words that are not an
        // organization), so that surname-only mentions ("Lavrov") can join them.
        foreach (var m in mentions)
            if (m.Entity is null && m.WordCount > 1 && IsPersonCandidate(m)) AddPerson(m, persons, entities);

        var byKey = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var byKeyLookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> keyBuffer = stackalloc char[MaxKeyLength];
        foreach (var m in mentions)
        {
            if (m.Entity is not null) continue;
            if (m.Kind is EntityKind.Unknown or EntityKind.Person && !m.IsAcronym)
            {
                if (FindPerson(m, persons) is { } person)
                {
                    person.Add(m);
                    continue;
                }
                if (m.Kind == EntityKind.Person)
                {
                    NewPerson(m, persons, entities); // no one found: AddPerson would ask again
                    continue;
                }
            }
            else if (m.Kind == EntityKind.Person)
            {
                AddPerson(m, persons, entities);
                continue;
            }
            var key = KeyOf(m, keyBuffer);
            if (!byKeyLookup.TryGetValue(key, out var e))
            {
                e = new Entity(EntityKind.Unknown);
                byKey[key.ToString()] = e;
                entities.Add(e);
            }
            e.Add(m);
        }

        foreach (var e in persons.All) e.Kind = PersonKind(e);
        foreach (var e in byKey.Values) e.Kind = VoteKind(e);
        MergeAcronyms(entities.Where(e => e.Country is null && e.Kind != EntityKind.Person).ToList());
        entities.RemoveAll(e => e.Mentions.Length == 0);
        // In order of first mention, so that the order (and every tie broken by it) follows the text.
        var firstPositions = new (int, int, int)[entities.Count];
        for (int k = 0; k < entities.Count; k++) firstPositions[k] = FirstPosition(entities[k]);
        // Sorted in place: no two entities share a first mention, so the order is the same whatever the sort.
        firstPositions.AsSpan().Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entities));
        for (int k = 0; k < entities.Count; k++)
        {
            entities[k].Id = k;
            entities[k].Seal();
        }
        return entities;
    }

    private static (int Document, int Paragraph, int Word) FirstPosition(Entity e)
    {
        var first = (int.MaxValue, int.MaxValue, int.MaxValue);
        foreach (var m in e.Mentions)
        {
            var position = (m.Paragraph.Document.Index, m.Paragraph.Index, m.First);
            if (position.CompareTo(first) < 0) first = position;
        }
        return first;
    }

    /// <summary>Two to four capitalized words that the context did not make an organization, a place or an acronym.</summary>
    private bool IsPersonCandidate(Mention m)
    {
        if (m.Kind == EntityKind.Person) return true;
        if (m.Kind != EntityKind.Unknown || m.IsAcronym || m.WordCount > 4) return false;
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        // "the Islamic State", "the Shard": a name after "the" is not a person's.
        if (m.First > 0 && words[m.First - 1].IsWord && words[m.First - 1].Text(text).Equals("the", StringComparison.OrdinalIgnoreCase)) return false;
        for (int k = m.First; k < m.End; k++)
        {
            var w = words[k];
            if (!w.IsWord) continue;
            if (w.IsAllCaps && w.CoreEnd - w.Start > 2) return false;
            if (w.IsLower && !_lexicon.NameParticles.Contains(w.Text(text))) return false;
        }
        return true;
    }

    /// <summary>A person candidate is a person when any mention says so (a role, a title, a speech verb next to the full name).</summary>
    private static EntityKind PersonKind(Entity e)
    {
        foreach (var m in e.Mentions)
            if (m.Kind == EntityKind.Person || m.AfterHonorific || (m.NextToSpeechVerb && m.WordCount > 1)) return EntityKind.Person;
        foreach (var m in e.Mentions)
            if (m.Kind == EntityKind.Organization) return EntityKind.Organization;
        return EntityKind.Unknown;
    }

    /// <summary>
    /// The people of an event in order of creation, and by surname; and the lower-case name parts made so far,
    /// so that a surname written in many mentions is one string.
    /// </summary>
    private sealed class People
    {
        private readonly Dictionary<string, List<Entity>> _bySurname = new(StringComparer.Ordinal);
        private readonly HashSet<string> _parts = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _partLookup;

        public People() => _partLookup = _parts.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The string of these (lower-case) characters, made once per event.</summary>
        public string Part(ReadOnlySpan<char> lower)
        {
            if (_partLookup.TryGetValue(lower, out var known)) return known;
            var made = lower.ToString();
            _parts.Add(made);
            return made;
        }

        public List<Entity> All { get; } = [];

        public void Add(Entity person)
        {
            All.Add(person);
            if (!_bySurname.TryGetValue(person.Surname, out var list)) _bySurname[person.Surname] = list = [];
            list.Add(person);
        }

        public ReadOnlySpan<Entity> WithSurname(string surname) => _bySurname.TryGetValue(surname, out var list) ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [];
    }

    private void AddPerson(Mention m, People persons, List<Entity> entities)
    {
        if (FindPerson(m, persons) is { } existing)
        {
            existing.Add(m);
            return;
        }
        NewPerson(m, persons, entities);
    }

    /// <summary>A person of its own: no one known has this mention's name.</summary>
    private void NewPerson(Mention m, People persons, List<Entity> entities)
    {
        var e = new Entity(EntityKind.Person) { Surname = Surname(m, persons), IsPersonCandidate = true };
        e.Add(m);
        persons.Add(e);
        entities.Add(e);
    }

    /// <summary>
    /// The person this mention names, if one with the same surname and compatible given names exists. A
    /// single word that is no one's surname may be the family name written first ("Zhang" for "Zhang Xiong",
    /// "Ban" for "Ban Ki-moon"), if exactly one person's name starts with it.
    /// </summary>
    private Entity? FindPerson(Mention m, People persons)
    {
        string surname = Surname(m, persons);
        if (surname.Length == 0) return null;
        string given = GivenName(m, persons);
        Entity? best = null;
        foreach (var p in persons.WithSurname(surname))
        {
            if (given.Length > 0 && !CompatibleWithAll(given, p, persons)) continue;
            if (best is null || p.Mentions.Length > best.Mentions.Length) best = p;
        }
        // Only a word that speaks or has a title: "Jewish" is no one's family name.
        if (best is not null || m.WordCount > 1 || !(m.Kind == EntityKind.Person || m.NextToSpeechVerb)) return best;
        Entity? only = null;
        int starting = 0, inArticle = 0;
        Entity? onlyInArticle = null;
        foreach (var p in persons.All)
        {
            if (!NamedFirst(p, surname, persons)) continue;
            starting++;
            only = p;
            if (!NamedIn(p, m.Paragraph.Document)) continue;
            inArticle++;
            onlyInArticle = p;
        }
        // "Li said": Li Na or Li Furong? The one this article names.
        if (starting > 1) return inArticle == 1 ? onlyInArticle : null;
        return starting == 1 ? only : null;
    }

    /// <summary>A full name of the person starts with this word ("Zhang" of "Zhang Xiong").</summary>
    private bool NamedFirst(Entity person, string word, People persons)
    {
        foreach (var o in person.Mentions)
            if (o.WordCount > 1 && GivenName(o, persons) == word) return true;
        return false;
    }

    private static bool NamedIn(Entity person, Segmentation.Document document)
    {
        foreach (var o in person.Mentions)
            if (o.Paragraph.Document == document) return true;
        return false;
    }

    private bool CompatibleWithAll(string given, Entity person, People persons)
    {
        foreach (var o in person.Mentions)
            if (!GivenNamesCompatible(given, GivenName(o, persons))) return false;
        return true;
    }

    private string Surname(Mention m, People persons) => Parts(m, persons).Surname;

    private string GivenName(Mention m, People persons) => Parts(m, persons).Given;

    private (string Surname, string Given) Parts(Mention m, People persons)
    {
        if (m.Surname is null)
        {
            m.Surname = ComputeSurname(m, persons);
            m.GivenName = ComputeGivenName(m, persons);
        }
        return (m.Surname, m.GivenName!);
    }

    private string ComputeSurname(Mention m, People persons)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        for (int k = m.End - 1; k >= m.First; k--)
        {
            var w = words[k];
            if (!w.IsWord) continue;
            var core = w.CoreText(text);
            int dash = w.IsHyphenated ? core.IndexOf('-') : -1;
            if (dash > 0 && _lexicon.NameParticles.Contains(core[..dash])) core = core[(dash + 1)..];
            return Lower(core, persons);
        }
        return "";
    }

    /// <summary>The first given name, lower case ("sergei" in "Sergei Lavrov"); empty for a surname alone.</summary>
    private string ComputeGivenName(Mention m, People persons)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        int last = m.End - 1;
        while (last >= m.First && !words[last].IsWord) last--;
        for (int k = m.First; k < last; k++)
        {
            var w = words[k];
            if (!w.IsWord || w.IsLower) continue;
            var core = w.CoreText(text);
            if (_lexicon.NameParticles.Contains(core)) continue; // "De Mistura" opening a sentence
            return Lower(core, persons, skipDots: true);
        }
        return "";
    }

    /// <summary>Lower case, one string per event for each name part (<see cref="People.Part"/>).</summary>
    private static string Lower(ReadOnlySpan<char> word, People persons, bool skipDots = false)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return persons.Part(buffer[..LowerInto(word, buffer, skipDots)]);
    }

    /// <summary>Lower case in one allocation; "J.R." → "jr" with <paramref name="skipDots"/>.</summary>
    private static string Lower(ReadOnlySpan<char> word, bool skipDots = false)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..LowerInto(word, buffer, skipDots)]);
    }

    private static int LowerInto(ReadOnlySpan<char> word, Span<char> buffer, bool skipDots)
    {
        int n = 0;
        foreach (char c in word)
            if (!(skipDots && c == '.')) buffer[n++] = char.ToLowerInvariant(c);
        return n;
    }

    internal static bool GivenNamesCompatible(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a == b) return true;
        if (a.Length <= 2 || b.Length <= 2) return a[0] == b[0]; // initials: "J.R." and "JB"
        if (a.Length >= 3 && b.Length >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal))) return true;
        return a.Length >= 4 && b.Length >= 4 && EditDistanceAtMostOne(a, b);
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static EntityKind VoteKind(Entity e)
    {
        int person = 0, org = 0, place = 0, prepositions = 0;
        foreach (var m in e.Mentions)
        {
            switch (m.Kind)
            {
                case EntityKind.Person: person += 2; break;
                case EntityKind.Organization: org += 2; break;
                case EntityKind.Place: place += 2; break;
            }
            if (m.AfterPlacePreposition) prepositions++;
        }
        // "in Geneva", "near Aleppo": a place when most of its mentions follow a place preposition.
        if (prepositions * 2 >= e.Mentions.Length) place += prepositions;
        if (org > 0 && org >= person && org >= place) return EntityKind.Organization;
        if (person > 0 && person >= place) return EntityKind.Person;
        return place > 0 ? EntityKind.Place : EntityKind.Unknown;
    }

    /// <summary>"UN" and "United Nations", "ADL" and "Anti-Defamation League": the acronym joins the full name.</summary>
    private static void MergeAcronyms(List<Entity> candidates)
    {
        var acronyms = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in candidates)
        {
            if (e.Mentions.Length == 0 || !AllAcronyms(e)) continue;
            acronyms.TryAdd(Key(e.Mentions[0].Name).ToUpperInvariant(), e);
        }
        if (acronyms.Count == 0) return;
        var lookup = acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> initials = stackalloc char[16];
        foreach (var e in candidates)
        {
            if (e.Mentions.Length == 0 || AllAcronyms(e)) continue;
            foreach (var m in e.Mentions)
            {
                int n = Initials(m, initials);
                if (n < 2 || !lookup.TryGetValue(initials[..n], out var acronym) || ReferenceEquals(acronym, e) || acronym.Mentions.Length == 0) continue;
                e.Absorb(acronym);
                if (e.Kind == EntityKind.Unknown) e.Kind = EntityKind.Organization;
                break;
            }
        }
    }

    private static bool AllAcronyms(Entity e)
    {
        foreach (var m in e.Mentions) if (!m.IsAcronym) return false;
        return true;
    }

    /// <summary>The capital initials of a mention's words ("Anti-Defamation League" → "ADL"); 0 if they do not fit.</summary>
    private static int Initials(Mention m, Span<char> buffer)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        int n = 0;
        for (int k = m.First; k < m.End; k++)
        {
            var w = words[k];
            if (!w.IsWord || w.CoreEnd <= w.Start) continue;
            // The first letter, and each letter after a hyphen.
            int c = w.Start;
            while (true)
            {
                if (char.IsUpper(text[c]))
                {
                    if (n == buffer.Length) return 0;
                    buffer[n++] = text[c];
                }
                int dash = text.IndexOf('-', c, w.CoreEnd - c);
                if (dash < 0 || dash + 1 >= w.CoreEnd) break;
                c = dash + 1;
            }
        }
        return n;
    }

    private const int MaxKeyLength = 256;

    /// <summary><see cref="Key"/> of a mention's words, written into a buffer (no string unless the key is new).</summary>
    private static ReadOnlySpan<char> KeyOf(Mention m, Span<char> buffer)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        int n = 0;
        for (int k = m.First; k < m.End; k++)
        {
            var w = words[k];
            if (w.IsPunctuation) continue; // dots of "U.N." and initials
            if (n > 0 && n < buffer.Length) buffer[n++] = ' ';
            var part = text.AsSpan(w.Start, (k == m.End - 1 ? w.CoreEnd : w.End) - w.Start);
            if (n == 0 && part.Equals("the", StringComparison.OrdinalIgnoreCase) && m.End - m.First > 1) continue;
            foreach (char c in part)
                if (c != '.' && n < buffer.Length) buffer[n++] = char.ToLowerInvariant(c);
        }
        return buffer[..n];
    }

    /// <summary>Case-insensitive key without dots or a leading "the": "U.N." and "UN" are one key.</summary>
    internal static string Key(string name)
    {
        var span = name.AsSpan();
        if (span.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) span = span[4..];
        return Lower(span, skipDots: true);
    }
}
