namespace Precis.Text;

/// <summary>
/// Martin Porter's 1980 stemmer exactly as ROUGE-1.5.5 runs it (the Perl reference version with the
/// later "bli → ble" and "logi → log" step-2 rules), so that stemmed ROUGE scores equal the published ones.
/// It differs from the textbook algorithm in one place, marked in the script as a 2004 change: step 4
/// first tries <c>al ance ence er ic able ible ant ement ou ism ate iti ous ive ize</c>, then
/// <em>separately</em> <c>ment</c>, then <c>ent</c> (else <c>sion</c>/<c>tion</c>), so "agreement" becomes
/// "agreem" where the textbook stemmer keeps "agreement".
/// </summary>
/// <remarks>
/// Input is one lower-case word (letters and digits; the algorithm knows nothing else). Words shorter
/// than three characters are returned unchanged; an initial <c>y</c> counts as a consonant. Each step
/// tests the longest listed suffix that ends the word and, if its condition fails, tries no shorter one.
/// The stem is never longer than the word, so it is computed in place in the caller's buffer.
/// </remarks>
public static class PorterStemmer
{
    private const int StackBufferLength = 64;

    // Step 2 and 3 lists, longest first: the first suffix that ends the word is the longest one.
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("ization", "ize"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
        ("tional", "tion"), ("biliti", "ble"),
        ("entli", "ent"), ("ousli", "ous"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("iviti", "ive"),
        ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("alli", "al"), ("ator", "ate"), ("logi", "log"),
        ("bli", "ble"), ("eli", "e"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"),
        ("ical", "ic"), ("ness", ""),
        ("ful", ""),
    ];

    private static readonly string[] Step4 =
    [
        "ement",
        "ance", "ence", "able", "ible",
        "ant", "ism", "ate", "iti", "ous", "ive", "ize",
        "al", "er", "ic", "ou",
    ];

    /// <summary>The stem of a lower-case word; returns <paramref name="word"/> itself when nothing changes.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3) return word;
        Span<char> buffer = word.Length <= StackBufferLength ? stackalloc char[StackBufferLength] : new char[word.Length];
        int length = Stem(word, buffer);
        return length == word.Length && buffer[..length].SequenceEqual(word) ? word : new string(buffer[..length]);
    }

    /// <summary>
    /// Writes the stem of <paramref name="word"/> to <paramref name="destination"/> (at least as long as the
    /// word; it may be the same memory) and returns the stem's length.
    /// </summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (destination.Length < word.Length)
            throw new ArgumentException("The destination must be at least as long as the word.", nameof(destination));
        word.CopyTo(destination);
        int k = word.Length;
        if (k < 3) return k;
        var w = destination;
        bool initialY = w[0] == 'y';
        if (initialY) w[0] = 'Y'; // never a vowel, whatever follows

        k = Step1a(w, k);
        k = Step1b(w, k);
        if (w[k - 1] == 'y' && HasVowel(w[..(k - 1)])) w[k - 1] = 'i';
        k = ReplaceSuffix(w, k, Step2);
        k = ReplaceSuffix(w, k, Step3);
        k = Step4Suffixes(w, k);
        k = Step5(w, k);

        if (initialY) w[0] = 'y';
        return k;
    }

    private static int Step1a(Span<char> w, int k)
    {
        var s = w[..k];
        if (s.EndsWith("sses") || s.EndsWith("ies")) return k - 2;
        if (s[k - 1] == 's' && s[k - 2] != 's') return k - 1;
        return k;
    }

    private static int Step1b(Span<char> w, int k)
    {
        var s = w[..k];
        if (s.EndsWith("eed"))
            return Measure(s[..(k - 3)]) > 0 ? k - 1 : k;
        int suffix = s.EndsWith("ed") ? 2 : s.EndsWith("ing") ? 3 : 0;
        if (suffix == 0 || !HasVowel(s[..(k - suffix)])) return k;
        k -= suffix;
        s = w[..k];
        if (s.EndsWith("at") || s.EndsWith("bl") || s.EndsWith("iz")) return Append(w, k, "e");
        if (k >= 2 && s[k - 1] == s[k - 2] && !"aeiouylsz".Contains(s[k - 1])) return k - 1;
        if (IsShortConsonantVowelConsonant(s)) return Append(w, k, "e");
        return k;
    }

    private static int ReplaceSuffix(Span<char> w, int k, (string Suffix, string Replacement)[] rules)
    {
        var s = w[..k];
        foreach (var (suffix, replacement) in rules)
        {
            if (!s.EndsWith(suffix)) continue;
            int stem = k - suffix.Length;
            return Measure(s[..stem]) > 0 ? Append(w, stem, replacement) : k;
        }
        return k;
    }

    private static int Step4Suffixes(Span<char> w, int k)
    {
        foreach (string suffix in Step4)
        {
            if (!w[..k].EndsWith(suffix)) continue;
            if (Measure(w[..(k - suffix.Length)]) > 1) k -= suffix.Length;
            break;
        }
        if (w[..k].EndsWith("ment") && Measure(w[..(k - 4)]) > 1) k -= 4;
        if (w[..k].EndsWith("ent"))
        {
            if (Measure(w[..(k - 3)]) > 1) k -= 3;
        }
        else if ((w[..k].EndsWith("sion") || w[..k].EndsWith("tion")) && Measure(w[..(k - 3)]) > 1)
        {
            k -= 3;
        }
        return k;
    }

    private static int Step5(Span<char> w, int k)
    {
        if (w[k - 1] == 'e')
        {
            var stem = w[..(k - 1)];
            int m = Measure(stem);
            if (m > 1 || (m == 1 && !IsShortConsonantVowelConsonant(stem))) k--;
        }
        if (k >= 2 && w[k - 1] == 'l' && w[k - 2] == 'l' && Measure(w[..k]) > 1) k--;
        return k;
    }

    private static int Append(Span<char> w, int k, string text)
    {
        text.CopyTo(w[k..]);
        return k + text.Length;
    }

    /// <summary>
    /// Porter's m: the number of vowel-run/consonant-run pairs in [C](VC)^m[V]. A <c>y</c> after a
    /// consonant is a vowel, after a vowel a consonant; the upper-case initial <c>Y</c> is a consonant.
    /// </summary>
    private static int Measure(ReadOnlySpan<char> s)
    {
        int m = 0;
        bool previousVowel = false;
        for (int i = 0; i < s.Length; i++)
        {
            bool vowel = IsVowel(s[i], i, previousVowel);
            if (!vowel && previousVowel) m++;
            previousVowel = vowel;
        }
        return m;
    }

    private static bool IsVowel(char c, int index, bool previousVowel) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => index > 0 && !previousVowel,
        _ => false,
    };

    /// <summary>A y after a vowel is a consonant, but then a vowel precedes it, so any a/e/i/o/u/y means "contains a vowel".</summary>
    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny("aeiouy") >= 0;

    /// <summary>
    /// The whole stem is consonants, one vowel, one consonant other than w, x, y ("hop", "fil"): the
    /// script's <c>^C v [^aeiouwxy]$</c>, i.e. m = 1 ending consonant-vowel-consonant.
    /// </summary>
    private static bool IsShortConsonantVowelConsonant(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        if (n < 3) return false;
        if ("aeiouwxy".Contains(s[n - 1]) || !"aeiouy".Contains(s[n - 2]) || "aeiou".Contains(s[0])) return false;
        return s[1..(n - 2)].IndexOfAny("aeiouy") < 0;
    }
}
