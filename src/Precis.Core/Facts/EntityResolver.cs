using System.Text;

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
        var persons = new List<Entity>();

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
        foreach (var m in mentions)
        {
            if (m.Entity is not null) continue;
            if (m.Kind is EntityKind.Unknown or EntityKind.Person && !m.IsAcronym && FindPerson(m, persons) is { } person)
            {
                person.Add(m);
                continue;
            }
            if (m.Kind == EntityKind.Person)
            {
                AddPerson(m, persons, entities);
                continue;
            }
            string key = Key(m.Name);
            if (!byKey.TryGetValue(key, out var e))
            {
                byKey[key] = e = new Entity(EntityKind.Unknown);
                entities.Add(e);
            }
            e.Add(m);
        }

        foreach (var e in persons) e.Kind = PersonKind(e);
        foreach (var e in byKey.Values) e.Kind = VoteKind(e);
        MergeAcronyms(entities.Where(e => e.Country is null && e.Kind != EntityKind.Person).ToList());
        entities.RemoveAll(e => e.Mentions.Count == 0);
        for (int k = 0; k < entities.Count; k++)
        {
            entities[k].Id = k;
            entities[k].Seal();
        }
        return entities;
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

    private void AddPerson(Mention m, List<Entity> persons, List<Entity> entities)
    {
        if (FindPerson(m, persons) is { } existing)
        {
            existing.Add(m);
            return;
        }
        var e = new Entity(EntityKind.Person) { Surname = Surname(m), IsPersonCandidate = true };
        e.Add(m);
        persons.Add(e);
        entities.Add(e);
    }

    /// <summary>
    /// The person this mention names, if one with the same surname and compatible given names exists. A
    /// single word that is no one's surname may be the family name written first ("Zhang" for "Zhang Xiong",
    /// "Ban" for "Ban Ki-moon"), if exactly one person's name starts with it.
    /// </summary>
    private Entity? FindPerson(Mention m, List<Entity> persons)
    {
        string surname = Surname(m);
        if (surname.Length == 0) return null;
        string given = GivenName(m);
        Entity? best = null;
        foreach (var p in persons)
        {
            if (!p.Surname.Equals(surname, StringComparison.Ordinal)) continue;
            if (given.Length > 0 && !p.Mentions.All(o => GivenNamesCompatible(given, GivenName(o)))) continue;
            if (best is null || p.Mentions.Count > best.Mentions.Count) best = p;
        }
        // Only a word that speaks or has a title: "Jewish" is no one's family name.
        if (best is not null || m.WordCount > 1 || !(m.Kind == EntityKind.Person || m.NextToSpeechVerb)) return best;
        var starting = persons.Where(p => p.Mentions.Any(o => o.WordCount > 1 && GivenName(o) == surname)).ToList();
        if (starting.Count > 1) // "Li said": Li Na or Li Furong? The one this article names.
            starting = starting.Where(p => p.Mentions.Any(o => o.Paragraph.Document == m.Paragraph.Document)).ToList();
        return starting.Count == 1 ? starting[0] : null;
    }

    private string Surname(Mention m) => Parts(m).Surname;

    private string GivenName(Mention m) => Parts(m).Given;

    private (string Surname, string Given) Parts(Mention m) => m.NameParts ??= (ComputeSurname(m), ComputeGivenName(m));

    private string ComputeSurname(Mention m)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        for (int k = m.End - 1; k >= m.First; k--)
        {
            var w = words[k];
            if (!w.IsWord) continue;
            var core = w.CoreText(text);
            int dash = core.IndexOf('-');
            if (dash > 0 && _lexicon.NameParticles.Contains(core[..dash])) core = core[(dash + 1)..];
            return core.ToString().ToLowerInvariant();
        }
        return "";
    }

    /// <summary>The first given name, lower case ("sergei" in "Sergei Lavrov"); empty for a surname alone.</summary>
    private string ComputeGivenName(Mention m)
    {
        var words = m.Paragraph.Words;
        string text = m.Paragraph.Text;
        int last = m.End - 1;
        while (last >= m.First && !words[last].IsWord) last--;
        for (int k = m.First; k < last; k++)
        {
            var w = words[k];
            if (!w.IsWord || w.IsLower) continue;
            var given = w.CoreText(text).ToString().Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
            if (_lexicon.NameParticles.Contains(given)) continue; // "De Mistura" opening a sentence
            return given;
        }
        return "";
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
        if (prepositions * 2 >= e.Mentions.Count) place += prepositions;
        if (org > 0 && org >= person && org >= place) return EntityKind.Organization;
        if (person > 0 && person >= place) return EntityKind.Person;
        return place > 0 ? EntityKind.Place : EntityKind.Unknown;
    }

    /// <summary>"UN" and "United Nations", "ADL" and "Anti-Defamation League": the acronym joins the full name.</summary>
    private static void MergeAcronyms(List<Entity> candidates)
    {
        if (!candidates.Any(e => e.Mentions.Count > 0 && e.Mentions.All(m => m.IsAcronym))) return;
        var byInitials = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in candidates)
        {
            if (e.Mentions.Count == 0 || e.Mentions.All(m => m.IsAcronym)) continue;
            foreach (var m in e.Mentions)
            {
                string initials = Initials(m.Name);
                if (initials.Length >= 2) byInitials.TryAdd(initials, e);
            }
        }
        foreach (var e in candidates)
        {
            if (e.Mentions.Count == 0 || !e.Mentions.All(m => m.IsAcronym)) continue;
            string key = Key(e.Name).ToUpperInvariant();
            if (byInitials.TryGetValue(key, out var full) && !ReferenceEquals(full, e))
            {
                full.Absorb(e);
                if (full.Kind == EntityKind.Unknown) full.Kind = EntityKind.Organization;
            }
        }
    }

    private static string Initials(string name)
    {
        var sb = new StringBuilder();
        foreach (var part in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (char.IsUpper(part[0])) sb.Append(part[0]);
        return sb.ToString();
    }

    /// <summary>Case-insensitive key without dots or a leading "the": "U.N." and "UN" are one key.</summary>
    internal static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c == '.') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        var key = sb.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
