namespace Precis.Facts;

/// <summary>
/// One person, place or organization of an event: every mention that names it, in any of the event's
/// documents, under any alias ("Sergei Lavrov", "Sergey Lavrov", "Lavrov"; "Russia", "Moscow").
/// </summary>
internal sealed class Entity
{
    private readonly List<Mention> _mentions = [];

    public Entity(EntityKind kind) => Kind = kind;

    /// <summary>The entity's position in its event's list, a stable key within the event.</summary>
    public int Id { get; set; }

    public EntityKind Kind { get; set; }
    public Country? Country { get; init; }

    /// <summary>
    /// Named like a person (two to four capitalized words, or a title or role before the name), even when
    /// nothing in the text confirmed it: "he said" may refer to it.
    /// </summary>
    public bool IsPersonCandidate { get; init; }

    public bool IsPersonLike => Kind == EntityKind.Person || (IsPersonCandidate && Kind == EntityKind.Unknown);

    /// <summary>Lower-case surname for a person ("lavrov"), else empty.</summary>
    public string Surname { get; init; } = "";

    /// <summary>The mentions, as a span: read in loops all over the resolution, where a list's boxed enumerator was a twentieth of what the stage allocated.</summary>
    public ReadOnlySpan<Mention> Mentions => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_mentions);

    public void Add(Mention mention)
    {
        if (_sealed) throw new InvalidOperationException("An entity is sealed once its event's mentions are resolved.");
        _mentions.Add(mention);
        mention.Entity = this;
    }

    public void Absorb(Entity other)
    {
        foreach (var m in other._mentions) Add(m);
        other._mentions.Clear();
        if (Kind == EntityKind.Unknown) Kind = other.Kind;
    }

    private string? _name;
    private string? _role;
    private bool _roleKnown;
    private bool _sealed;

    /// <summary>
    /// Marks the entity complete once the event's mentions are all merged: from then on <see cref="Name"/> and
    /// <see cref="Role"/> are computed once, when first asked (most entities are never shown).
    /// </summary>
    public void Seal() => _sealed = true;

    /// <summary>The name to show: the country's table name, else the most frequent longest written form.</summary>
    public string Name => _sealed ? _name ??= ComputeName() : ComputeName();

    /// <summary>The role written with the person, the most frequent (then the fullest) first ("US Secretary of State").</summary>
    public string? Role
    {
        get
        {
            if (!_sealed) return ComputeRole();
            if (!_roleKnown)
            {
                _role = ComputeRole();
                _roleKnown = true;
            }
            return _role;
        }
    }

    private string ComputeName()
    {
        if (Country is not null) return Country.Name;
        int letters = 0;
        foreach (var m in _mentions) letters = Math.Max(letters, m.LetterCount);
        // Persons and organizations are shown by their fullest form ("Sergei Lavrov", not "Lavrov"; fullest by
        // letters, so that "Bashar al-Assad" and "Bashar Al Assad" compete as equals): the one written most
        // often, and on a tie the first in ordinal order. Mostly the fullest mentions are all written alike:
        // that form, without counting.
        string? only = null;
        bool alike = true;
        foreach (var m in _mentions)
        {
            if (m.LetterCount != letters) continue;
            if (only is null) only = m.Name;
            else if (!m.NameEquals(only))
            {
                alike = false;
                break;
            }
        }
        if (alike && only is not null) return only;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in _mentions)
            if (m.LetterCount == letters) counts[m.Name] = counts.GetValueOrDefault(m.Name) + 1;
        string? best = null;
        int bestCount = 0;
        foreach (var (name, count) in counts)
            if (count > bestCount || count == bestCount && string.CompareOrdinal(name, best) < 0) (best, bestCount) = (name, count);
        return best ?? throw new InvalidOperationException("An entity has at least one mention.");
    }

    /// <summary>The role written most often (case aside); on a tie the longest, then the first in ordinal order.</summary>
    private string? ComputeRole()
    {
        // Mostly one spelling, or none: no counting.
        string? first = null;
        bool alike = true;
        foreach (var m in _mentions)
        {
            if (string.IsNullOrEmpty(m.Role)) continue;
            if (first is null) first = m.Role;
            else if (!string.Equals(m.Role, first, StringComparison.Ordinal))
            {
                alike = false;
                break;
            }
        }
        if (alike) return first;
        Dictionary<string, int>? counts = null;
        foreach (var m in _mentions)
            if (!string.IsNullOrEmpty(m.Role))
            {
                counts ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                // The first spelling met stands for the others (as the key of its group).
                counts[m.Role] = counts.GetValueOrDefault(m.Role) + 1;
            }
        if (counts is null) return null;
        string? best = null;
        int bestCount = 0;
        foreach (var (role, count) in counts)
            if (best is null || count > bestCount || count == bestCount && (role.Length > best.Length || role.Length == best.Length && string.CompareOrdinal(role, best) < 0))
                (best, bestCount) = (role, count);
        return best;
    }

    /// <summary>The other names the entity is written under (case aside), in ordinal order.</summary>
    public List<string> Aliases
    {
        get
        {
            string name = Name;
            HashSet<string>? seen = null; // made at the first mention written otherwise
            var aliases = new List<string>();
            string previous = name;
            foreach (var m in _mentions)
            {
                // Most mentions are written like the name or like the mention before: no case-insensitive hash
                // for those, and no string for their name (see Mention.NameEquals).
                if (m.NameEquals(previous)) continue;
                previous = m.Name;
                seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
                if (seen.Add(previous)) aliases.Add(previous);
            }
            aliases.Sort(StringComparer.Ordinal);
            return aliases;
        }
    }

    public override string ToString() => $"{Name} ({Kind}, {_mentions.Count})";
}
