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
        int words = _mentions.Max(m => m.WordCount);
        // Persons and organizations are shown by their fullest form ("Sergei Lavrov", not "Lavrov").
        return _mentions.Where(m => m.WordCount == words)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
    }

    private string? ComputeRole() => _mentions.Select(m => m.Role).Where(r => !string.IsNullOrEmpty(r))
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
