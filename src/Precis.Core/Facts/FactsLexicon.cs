using System.Globalization;
using Precis.Text;

namespace Precis.Facts;

/// <summary>How exact a number is, as the words before it say ("more than", "nearly", "about").</summary>
public enum Approximation : byte
{
    Exact,
    Lower,
    Upper,
    About,
}

/// <summary>
/// Which word lists a word is on, looked up once per word when it is scanned (<see cref="Word.Lex"/>) so that
/// the passes over an event's words test bits instead of hashing the word again for every list.
/// </summary>
[Flags]
internal enum Lex : ushort
{
    None = 0,
    Stopword = 1 << 0,
    SpeechVerb = 1 << 1,
    Calendar = 1 << 2,
    NumberWord = 1 << 3,
    Pronoun = 1 << 4,
    Opener = 1 << 5,
    RoleStart = 1 << 6,
    Honorific = 1 << 7,
    CountryStart = 1 << 8,
    OrgWord = 1 << 9,
    Particle = 1 << 10,
    Connector = 1 << 11,
    NotCounted = 1 << 12,
    Measure = 1 << 13,
    ApproximationStart = 1 << 14,
    UnitStart = 1 << 15,
}

/// <summary>What a pronoun can stand for when it introduces a quotation.</summary>
internal enum PronounKind : byte
{
    Person,
    Organization,

    /// <summary>"they": a group that is not named; the quotation stays unattributed.</summary>
    Group,
}

/// <summary>
/// The word lists of the facts stage (<c>Resources/facts-*.txt</c>), loaded once and frozen: roles and
/// honorifics, speech verbs, organization words, name particles, the country table, number words,
/// approximations, measures, units and pronouns. Every lookup takes a span, so matching tokens allocates
/// nothing; multi-word entries are matched token by token with <see cref="PhraseTable{T}"/>.
/// </summary>
internal sealed class FactsLexicon
{
    private static readonly Lazy<FactsLexicon> LazyDefault = new(() => new FactsLexicon());

    private FactsLexicon()
    {
        var roles = new List<(string, bool)>();
        var generic = new List<string>();
        foreach (var line in Lexicon.ReadLines("facts-roles.txt"))
        {
            if (line[0] == '~') generic.Add(line[1..]);
            roles.Add(line[0] == '!' ? (line[1..], true) : (line.TrimStart('~'), false));
        }
        Honorifics = new WordSet(roles.Where(r => r.Item2).Select(r => r.Item1), StringComparer.OrdinalIgnoreCase);
        GenericRoles = new WordSet(generic, StringComparer.OrdinalIgnoreCase);
        Roles = new PhraseTable<bool>(roles.Select(r => (r.Item1, r.Item2)), allowPlural: true);

        SpeechVerbs = new WordSet(Lexicon.ReadLines("facts-speech-verbs.txt"), StringComparer.OrdinalIgnoreCase);
        var orgWords = Lexicon.ReadLines("facts-org-words.txt").ToList();
        OrgWords = new WordSet(orgWords.Select(w => w.TrimStart('*')), StringComparer.OrdinalIgnoreCase);
        OrgNouns = new WordSet(orgWords.Where(w => w[0] == '*').Select(w => w[1..]), StringComparer.OrdinalIgnoreCase);
        CalendarWords = new WordSet(Lexicon.ReadLines("facts-calendar-words.txt"), StringComparer.Ordinal);
        SentenceOpeners = new WordSet(Lexicon.ReadLines("facts-sentence-openers.txt"), StringComparer.OrdinalIgnoreCase);
        NotCounted = new WordSet(Lexicon.ReadLines("facts-not-counted.txt"), StringComparer.OrdinalIgnoreCase);
        AdjectiveSuffixes = new WordSet(Lexicon.ReadLines("facts-adjective-suffixes.txt"), StringComparer.Ordinal);

        var particles = Lexicon.ReadLines("facts-name-particles.txt").ToList();
        NameParticles = new WordSet(particles.Where(p => p[0] != '~'), StringComparer.OrdinalIgnoreCase);
        OrganizationConnectors = new WordSet(particles.Where(p => p[0] == '~').Select(p => p[1..]), StringComparer.Ordinal);

        NumberWords = new WordMap<double>(Lexicon.ReadLines("facts-number-words.txt")
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(p => KeyValuePair.Create(p[0], double.Parse(p[1], CultureInfo.InvariantCulture))));

        Approximations = new PhraseTable<Approximation>(Pairs("facts-approximations.txt").Select(p => (p.Key, p.Value switch
        {
            "lower" => Approximation.Lower,
            "upper" => Approximation.Upper,
            "about" => Approximation.About,
            _ => throw new InvalidOperationException($"facts-approximations.txt: unknown kind '{p.Value}'"),
        })));
        Measures = new WordMap<string>(Pairs("facts-measures.txt"));
        Units = new PhraseTable<Unit>(Pairs("facts-units.txt").Select(p =>
        {
            var parts = p.Value.Split('|', StringSplitOptions.TrimEntries);
            return (p.Key, new Unit(parts[0], parts.Length > 1 && parts[1] == "count"));
        }));
        Pronouns = new WordMap<PronounKind>(Pairs("facts-pronouns.txt").Select(p => KeyValuePair.Create(p.Key, p.Value switch
        {
            "person" => PronounKind.Person,
            "organization" => PronounKind.Organization,
            "group" => PronounKind.Group,
            _ => throw new InvalidOperationException($"facts-pronouns.txt: unknown kind '{p.Value}'"),
        })));

        int countries = 0;
        var aliases = new List<(string, Country)>();
        foreach (var line in Lexicon.ReadLines("facts-countries.txt"))
        {
            var fields = line.Split('|', StringSplitOptions.TrimEntries);
            var names = Items(fields[0]);
            var country = new Country(countries++, names[0]);
            // Names, demonyms and capitals all stand for the country.
            foreach (var field in fields)
                foreach (var n in Items(field)) aliases.Add((n, country));
        }
        CountryAliases = new PhraseTable<Country>(aliases, caseSensitive: true);

        var vocabulary = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        void Flag(IEnumerable<string> words, Lex flag)
        {
            foreach (var w in words) vocabulary[w] = vocabulary.GetValueOrDefault(w) | flag;
        }
        Flag(Lexicon.Stopwords, Lex.Stopword);
        Flag(SpeechVerbs.Words, Lex.SpeechVerb);
        Flag(CalendarWords.Words, Lex.Calendar);
        Flag(NumberWords.Keys, Lex.NumberWord);
        Flag(Pronouns.Keys, Lex.Pronoun);
        Flag(SentenceOpeners.Words, Lex.Opener);
        Flag(Roles.FirstWords, Lex.RoleStart);
        Flag(Roles.FirstWords.Select(w => w + "s"), Lex.RoleStart);
        Flag(Honorifics.Words, Lex.Honorific);
        Flag(CountryAliases.FirstWords, Lex.CountryStart);
        Flag(OrgWords.Words, Lex.OrgWord);
        Flag(NameParticles.Words, Lex.Particle);
        Flag(OrganizationConnectors.Words, Lex.Connector);
        Flag(NotCounted.Words, Lex.NotCounted);
        Flag(Measures.Keys, Lex.Measure);
        Flag(Approximations.FirstWords, Lex.ApproximationStart);
        Flag(Units.FirstWords, Lex.UnitStart);
        Vocabulary = new WordMap<Lex>(vocabulary);
    }

    public static FactsLexicon Default => LazyDefault.Value;

    /// <summary>Every word of every list, with the lists it is on.</summary>
    public WordMap<Lex> Vocabulary { get; }

    /// <summary>Roles and titles; the value is true for honorifics (Mr., Dr., Gen.).</summary>
    public PhraseTable<bool> Roles { get; }
    public WordSet Honorifics { get; }

    /// <summary>Roles that a definite reference ("the official") does not tie to a named person.</summary>
    public WordSet GenericRoles { get; }
    public WordSet SpeechVerbs { get; }
    public WordSet OrgWords { get; }

    /// <summary>Organization words that, after "the", refer back to an organization ("the group said").</summary>
    public WordSet OrgNouns { get; }
    public WordSet CalendarWords { get; }
    public WordSet SentenceOpeners { get; }

    /// <summary>Last parts of hyphenated adjectives ("-based", "-born").</summary>
    public WordSet AdjectiveSuffixes { get; }

    /// <summary>Words after a number that are not what it counts ("ago", "high", "aboard").</summary>
    public WordSet NotCounted { get; }
    public WordSet NameParticles { get; }
    public WordSet OrganizationConnectors { get; }
    public WordMap<double> NumberWords { get; }
    public PhraseTable<Approximation> Approximations { get; }
    public WordMap<string> Measures { get; }
    public PhraseTable<Unit> Units { get; }
    public WordMap<PronounKind> Pronouns { get; }
    /// <summary>Every written form of a country (name, official name, abbreviation, demonym, capital).</summary>
    public PhraseTable<Country> CountryAliases { get; }

    public bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbs.Contains(word);
    public bool IsOrgWord(ReadOnlySpan<char> word) => OrgWords.Contains(word);
    public bool IsOrgNoun(ReadOnlySpan<char> word) => OrgNouns.Contains(word);
    public bool IsCalendarWord(ReadOnlySpan<char> word) => CalendarWords.Contains(word.TrimEnd('.'));
    public bool IsAdjectiveSuffix(ReadOnlySpan<char> part) =>
        part.EndsWith("ed", StringComparison.Ordinal) || AdjectiveSuffixes.Contains(part);
    public bool IsNotCounted(ReadOnlySpan<char> word) => NotCounted.Contains(word);
    public bool IsSentenceOpener(ReadOnlySpan<char> word) => SentenceOpeners.Contains(word);
    public bool IsHonorific(ReadOnlySpan<char> word) => Honorifics.Contains(word);

    public bool TryMeasure(ReadOnlySpan<char> word, out string measure) =>
        Measures.TryGetValue(word, out measure!);

    public bool TryNumberWord(ReadOnlySpan<char> word, out double value) => NumberWords.TryGetValue(word, out value);

    public bool TryPronoun(ReadOnlySpan<char> word, out PronounKind kind) =>
        Pronouns.TryGetValue(word, out kind);

    private static string[] Items(string field) => field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string resource) =>
        Lexicon.ReadLines(resource).Select(l =>
        {
            int bar = l.IndexOf('|');
            if (bar < 0) throw new InvalidOperationException($"{resource}: expected 'key | value' in '{l}'");
            return KeyValuePair.Create(l[..bar].Trim(), l[(bar + 1)..].Trim());
        });
}

/// <summary>
/// A set of words looked up by span without allocating. Frozen collections proved slow for these small,
/// case-insensitive lists (a linear scan behind the span lookup); a hash set with its lookup cached is not.
/// Read-only after construction, so safe to share across threads.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly WordScreen _screen;

    public WordSet(IEnumerable<string> words, StringComparer comparer)
    {
        var set = new HashSet<string>(words, comparer);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _screen = new WordScreen(set);
    }

    public bool Contains(ReadOnlySpan<char> word) => _screen.May(word) && _lookup.Contains(word);
    public bool Contains(string word) => _lookup.Set.Contains(word);

    public IEnumerable<string> Words => _lookup.Set;
}

/// <summary>A unit of measure; <see cref="IsCount"/> when it is itself the thing counted ("87 storeys").</summary>
internal sealed record Unit(string Name, bool IsCount);

/// <summary>A country of the alias table, with its index (used as a stable entity key).</summary>
internal sealed record Country(int Index, string Name);
