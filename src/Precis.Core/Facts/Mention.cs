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
        var words = Paragraph.Words;
        string text = Paragraph.Text;
        // At most the words' characters and one space before each: written on the stack, one string made.
        int bound = words[End - 1].End - words[First].Start + (End - First);
        Span<char> name = bound <= 256 ? stackalloc char[bound] : new char[bound];
        int length = 0;
        for (int k = First; k < End; k++)
        {
            var w = words[k];
            if (!w.IsPunctuation && length > 0) name[length++] = ' ';
            var part = text.AsSpan(w.Start, (w.IsPunctuation || k != End - 1 ? w.End : w.CoreEnd) - w.Start);
            part.CopyTo(name[length..]);
            length += part.Length;
        }
        return new string(name[..length]);
    }

    public int Sentence => Paragraph.Words[First].Sentence;
    public bool IsPossessive => Paragraph.Words[End - 1].IsPossessive;
    public int WordCount => End - First;

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

    /// <summary>Lower-case surname and first given name, computed once by <see cref="EntityResolver"/>.</summary>
    internal (string Surname, string Given)? NameParts { get; set; }

    public override string ToString() => $"{Name} ({Kind})";
}
