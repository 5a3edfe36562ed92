namespace Precis.Facts;

/// <summary>
/// A cheap test run before a hash lookup: which (first letter, length) pairs a word list has, case folded.
/// Most words of a text are in none of the facts lists, and hashing a span case-insensitively costs more
/// than this test: in a profile of the stage that hashing was about 5% of its time before the screen, and
/// too little to show after it.
/// </summary>
internal readonly struct WordScreen
{
    private const int MaxLength = 24;
    private readonly bool[] _seen;

    public WordScreen(IEnumerable<string> words)
    {
        _seen = new bool[27 * (MaxLength + 1)];
        foreach (var w in words) if (w.Length > 0) _seen[Slot(w)] = true;
    }

    /// <summary>False when no word of the list has this first letter and length; true means "look it up".</summary>
    public bool May(ReadOnlySpan<char> word) => word.Length > 0 && _seen[Slot(word)];

    private static int Slot(ReadOnlySpan<char> word)
    {
        char c = word[0];
        int letter = c is >= 'a' and <= 'z' ? c - 'a' : c is >= 'A' and <= 'Z' ? c - 'A' : 26;
        return letter * (MaxLength + 1) + Math.Min(word.Length, MaxLength);
    }
}
