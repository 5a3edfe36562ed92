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

    public IReadOnlyList<Mention> Mentions => _mentions;

    public void Add(Mention mention)
    {
        _mentions.Add(mention);
        mention.Entity = this;
    }

    public void Absorb(Entity other)
    {
        foreach (var m in other._mentions) Add(m);
        other._mentions.Clear();
        if (Kind == EntityKind.Unknown) Kind = other.Kind;
    }

    /// <summary>The name to show: the country's table name, else the most frequent longest written form.</summary>
    public string Name
    {
        get
        {
            if (Country is not null) return Country.Name;
            int words = _mentions.Max(m => m.WordCount);
            // Persons and organizations are shown by their fullest form ("Sergei Lavrov", not "Lavrov").
            return _mentions.Where(m => m.WordCount == words)
                .GroupBy(m => m.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }
    }

    /// <summary>The role written with the person, the fullest one first ("US Secretary of State").</summary>
    public string? Role => _mentions.Select(m => m.Role).Where(r => !string.IsNullOrEmpty(r))
        .GroupBy(r => r!, StringComparer.OrdinalIgnoreCase)
        .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).FirstOrDefault();

    public IEnumerable<string> Aliases
    {
        get
        {
            string name = Name;
            return _mentions.Select(m => m.Name).Where(n => !n.Equals(name, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        }
    }

    public override string ToString() => $"{Name} ({Kind}, {_mentions.Count})";
}
