namespace Precis.Facts;

public enum EntityKind : byte
{
    Unknown,
    Person,
    Place,
    Organization,
}

/// <summary>
/// A name found in a body paragraph: words [<see cref="First"/>, <see cref="End"/>) of the paragraph, what
/// kind of name the context says it is, and the role written with it ("Secretary of State" in
/// "Secretary of State John Kerry"). Mentions are merged into <see cref="Entity"/>s per event.
/// </summary>
internal sealed class Mention
{
    private string? _name;

    public Mention(ParagraphText paragraph, int first, int end)
    {
        Paragraph = paragraph;
        First = first;
        End = end;
    }

    public ParagraphText Paragraph { get; }
    public int First { get; }
    public int End { get; }

    /// <summary>The name as written, white space collapsed and a possessive ending removed (built when first asked).</summary>
    public string Name => _name ??= BuildName();

    private string BuildName()
    {
        Span<char> name = NameBound <= MaxStackName ? stackalloc char[NameBound] : new char[NameBound];
        return new string(name[..WriteName(name)]);
    }

    /// <summary>
    /// The name is written exactly like <paramref name="other"/> (ordinal comparison). A name not made yet is
    /// compared as written on the stack, and not made: most mentions of an entity are written like its name,
    /// and their strings were about a tenth of what the stage allocated.
    /// </summary>
    public bool NameEquals(string other)
    {
        if (_name is not null) return string.Equals(_name, other, StringComparison.Ordinal);
        if (NameBound > MaxStackName) return string.Equals(Name, other, StringComparison.Ordinal);
        Span<char> name = stackalloc char[NameBound];
        return name[..WriteName(name)].SequenceEqual(other);
    }

    private const int MaxStackName = 256;

    /// <summary>At most the words' characters and one space before each.</summary>
    private int NameBound => Paragraph.Words[End - 1].End - Paragraph.Words[First].Start + (End - First);

    /// <summary>Writes the name into <paramref name="name"/> (at least <see cref="NameBound"/> long); its length.</summary>
    private int WriteName(Span<char> name)
    {
        var words = Paragraph.Words;
        int length = 0;
        for (int k = First; k < End; k++)
        {
            if (!words[k].IsPunctuation && length > 0) name[length++] = ' ';
            var part = WordInName(k);
            part.CopyTo(name[length..]);
            length += part.Length;
        }
        return length;
    }

    /// <summary>Word <paramref name="k"/> as the name writes it: the last word without its possessive ending.</summary>
    private ReadOnlySpan<char> WordInName(int k)
    {
        var w = Paragraph.Words[k];
        return Paragraph.Text.AsSpan(w.Start, (w.IsPunctuation || k != End - 1 ? w.End : w.CoreEnd) - w.Start);
    }

    public int Sentence => Paragraph.Words[First].Sentence;
    public bool IsPossessive => Paragraph.Words[End - 1].IsPossessive;
    public int WordCount => End - First;

    /// <summary>Letters and digits in the name (what a spelling has, whatever its spaces, hyphens and possessive ending).</summary>
    public int LetterCount
    {
        get
        {
            if (_letters >= 0) return _letters;
            int count = 0;
            for (int k = First; k < End; k++)
                foreach (char c in WordInName(k))
                    if (char.IsLetterOrDigit(c)) count++;
            return _letters = count;
        }
    }

    private int _letters = -1;

    public EntityKind Kind { get; set; }
    public Country? Country { get; set; }

    /// <summary>A role or title stands right before the name, or an appositive role right after it.</summary>
    public string? Role { get; set; }

    /// <summary>An honorific (Mr., Dr., Gen.) stands right before the name: it is a person's.</summary>
    public bool AfterHonorific { get; set; }

    /// <summary>A speech verb stands right before or after the name ("Kerry said", "said Kerry").</summary>
    public bool NextToSpeechVerb { get; set; }

    /// <summary>"in X", "near X": weak evidence for a place.</summary>
    public bool AfterPlacePreposition { get; set; }

    public bool IsAcronym { get; set; }

    public Entity? Entity { get; set; }

    /// <summary>Lower-case surname, computed once by <see cref="EntityResolver"/> with <see cref="GivenName"/> (null until then).</summary>
    internal string? Surname { get; set; }

    /// <summary>Lower-case first given name, set with <see cref="Surname"/>. Two fields rather than a nullable pair: 8 bytes less per mention.</summary>
    internal string? GivenName { get; set; }

    public override string ToString() => $"{Name} ({Kind})";
}
