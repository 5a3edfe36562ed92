namespace Precis.Text;

/// <summary>
/// Counts words the way summary budgets are counted: white-space separated pieces, as ROUGE-1.5.5's
/// <c>-l</c> does, so a digest of "100 words" is scored on exactly what it shows.
/// </summary>
public static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; n++; }
        }
        return n;
    }
}
