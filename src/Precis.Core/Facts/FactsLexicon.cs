using System.Collections.Frozen;
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
        Honorifics = roles.Where(r => r.Item2).Select(r => r.Item1).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        GenericRoles = generic.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Roles = new PhraseTable<bool>(roles.Select(r => (r.Item1, r.Item2)), allowPlural: true);

        SpeechVerbs = Lexicon.LoadSet("facts-speech-verbs.txt", StringComparer.OrdinalIgnoreCase);
        var orgWords = Lexicon.ReadLines("facts-org-words.txt").ToList();
        OrgWords = orgWords.Select(w => w.TrimStart('*')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        OrgNouns = orgWords.Where(w => w[0] == '*').Select(w => w[1..]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        CalendarWords = Lexicon.LoadSet("facts-calendar-words.txt", StringComparer.Ordinal);
        SentenceOpeners = Lexicon.LoadSet("facts-sentence-openers.txt", StringComparer.OrdinalIgnoreCase);
        NotCounted = Lexicon.LoadSet("facts-not-counted.txt", StringComparer.OrdinalIgnoreCase);
        AdjectiveSuffixes = Lexicon.LoadSet("facts-adjective-suffixes.txt", StringComparer.Ordinal);

        var particles = Lexicon.ReadLines("facts-name-particles.txt").ToList();
        NameParticles = particles.Where(p => p[0] != '~').ToFrozenSet(StringComparer.Ordinal);
        OrganizationConnectors = particles.Where(p => p[0] == '~').Select(p => p[1..]).ToFrozenSet(StringComparer.Ordinal);

        NumberWords = Lexicon.ReadLines("facts-number-words.txt")
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToFrozenDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

        Approximations = new PhraseTable<Approximation>(Pairs("facts-approximations.txt").Select(p => (p.Key, p.Value switch
        {
            "lower" => Approximation.Lower,
            "upper" => Approximation.Upper,
            "about" => Approximation.About,
            _ => throw new InvalidOperationException($"facts-approximations.txt: unknown kind '{p.Value}'"),
        })));
        Measures = Pairs("facts-measures.txt").ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        Units = new PhraseTable<Unit>(Pairs("facts-units.txt").Select(p =>
        {
            var parts = p.Value.Split('|', StringSplitOptions.TrimEntries);
            return (p.Key, new Unit(parts[0], parts.Length > 1 && parts[1] == "count"));
        }));
        Pronouns = Pairs("facts-pronouns.txt").ToFrozenDictionary(p => p.Key, p => p.Value switch
        {
            "person" => PronounKind.Person,
            "organization" => PronounKind.Organization,
            "group" => PronounKind.Group,
            _ => throw new InvalidOperationException($"facts-pronouns.txt: unknown kind '{p.Value}'"),
        }, StringComparer.OrdinalIgnoreCase);

        var countries = new List<Country>();
        var aliases = new List<(string, CountryAlias)>();
        foreach (var line in Lexicon.ReadLines("facts-countries.txt"))
        {
            var fields = line.Split('|', StringSplitOptions.TrimEntries);
            var names = Items(fields[0]);
            var country = new Country(countries.Count, names[0]);
            countries.Add(country);
            foreach (var n in names) aliases.Add((n, new CountryAlias(country, CountryAliasKind.Name)));
            if (fields.Length > 1) foreach (var n in Items(fields[1])) aliases.Add((n, new CountryAlias(country, CountryAliasKind.Demonym)));
            if (fields.Length > 2) foreach (var n in Items(fields[2])) aliases.Add((n, new CountryAlias(country, CountryAliasKind.Capital)));
        }
        Countries = countries;
        CountryAliases = new PhraseTable<CountryAlias>(aliases, caseSensitive: true);
    }

    public static FactsLexicon Default => LazyDefault.Value;

    /// <summary>Roles and titles; the value is true for honorifics (Mr., Dr., Gen.).</summary>
    public PhraseTable<bool> Roles { get; }
    public FrozenSet<string> Honorifics { get; }

    /// <summary>Roles that a definite reference ("the official") does not tie to a named person.</summary>
    public FrozenSet<string> GenericRoles { get; }
    public FrozenSet<string> SpeechVerbs { get; }
    public FrozenSet<string> OrgWords { get; }

    /// <summary>Organization words that, after "the", refer back to an organization ("the group said").</summary>
    public FrozenSet<string> OrgNouns { get; }
    public FrozenSet<string> CalendarWords { get; }
    public FrozenSet<string> SentenceOpeners { get; }

    /// <summary>Last parts of hyphenated adjectives ("-based", "-born").</summary>
    public FrozenSet<string> AdjectiveSuffixes { get; }

    /// <summary>Words after a number that are not what it counts ("ago", "high", "aboard").</summary>
    public FrozenSet<string> NotCounted { get; }
    public FrozenSet<string> NameParticles { get; }
    public FrozenSet<string> OrganizationConnectors { get; }
    public FrozenDictionary<string, double> NumberWords { get; }
    public PhraseTable<Approximation> Approximations { get; }
    public FrozenDictionary<string, string> Measures { get; }
    public PhraseTable<Unit> Units { get; }
    public FrozenDictionary<string, PronounKind> Pronouns { get; }
    public IReadOnlyList<Country> Countries { get; }
    public PhraseTable<CountryAlias> CountryAliases { get; }

    public bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    public bool IsOrgWord(ReadOnlySpan<char> word) => OrgWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    public bool IsOrgNoun(ReadOnlySpan<char> word) => OrgNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    public bool IsCalendarWord(ReadOnlySpan<char> word) => CalendarWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));
    public bool IsAdjectiveSuffix(ReadOnlySpan<char> part) =>
        part.EndsWith("ed", StringComparison.Ordinal) || AdjectiveSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(part);
    public bool IsNotCounted(ReadOnlySpan<char> word) => NotCounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    public bool IsSentenceOpener(ReadOnlySpan<char> word) => SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    public bool IsHonorific(ReadOnlySpan<char> word) => Honorifics.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public bool TryMeasure(ReadOnlySpan<char> word, out string measure) =>
        Measures.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out measure!);

    public bool TryNumberWord(ReadOnlySpan<char> word, out double value) =>
        NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out value);

    public bool TryPronoun(ReadOnlySpan<char> word, out PronounKind kind) =>
        Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out kind);

    private static string[] Items(string field) => field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string resource) =>
        Lexicon.ReadLines(resource).Select(l =>
        {
            int bar = l.IndexOf('|');
            if (bar < 0) throw new InvalidOperationException($"{resource}: expected 'key | value' in '{l}'");
            return KeyValuePair.Create(l[..bar].Trim(), l[(bar + 1)..].Trim());
        });
}

/// <summary>A unit of measure; <see cref="IsCount"/> when it is itself the thing counted ("87 storeys").</summary>
internal sealed record Unit(string Name, bool IsCount);

/// <summary>A country of the alias table, with its index (used as a stable entity key).</summary>
internal sealed record Country(int Index, string Name);

internal enum CountryAliasKind : byte
{
    Name,
    Demonym,
    Capital,
}

/// <summary>One written form of a country: its name ("Russian Federation"), demonym ("Russian") or capital ("Moscow").</summary>
internal readonly record struct CountryAlias(Country Country, CountryAliasKind Kind);
