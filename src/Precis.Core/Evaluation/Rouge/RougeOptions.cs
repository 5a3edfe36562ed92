using System.Globalization;

namespace Precis.Evaluation.Rouge;

/// <summary>
/// The ROUGE-1.5.5 settings that change scores. Every run computes ROUGE-1..4, ROUGE-L and ROUGE-SU4
/// (the script's <c>-n 4 -2 4 -U</c>) and pools several references by averaging counts (<c>-f A</c>).
/// Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record RougeOptions
{
    /// <summary><c>-m</c>: replace words longer than 3 bytes by their WordNet lemma or Porter stem.</summary>
    public bool Stem { get; init; }

    /// <summary><c>-s</c>: drop the SMART stopwords before counting.</summary>
    public bool RemoveStopwords { get; init; }

    /// <summary><c>-l N</c>: keep only the first N white-space separated words of every summary; 0 keeps all.</summary>
    public int WordLimit { get; init; }

    /// <summary><c>-b N</c>: keep only the first N bytes of every summary; 0 keeps all. Ignored when <see cref="WordLimit"/> is set.</summary>
    public int ByteLimit { get; init; }

    /// <summary><c>-p</c>: the weight of precision in F = PR / ((1-α)P + αR); 0.5 is the usual F1.</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>The ROUGE-1.5.5 options that give the same scores, e.g. <c>-n 4 -2 4 -U -a -m -l 100</c>.</summary>
    public string ToCommandLine()
    {
        var line = new System.Text.StringBuilder("-n 4 -2 4 -U -a");
        if (Stem) line.Append(" -m");
        if (RemoveStopwords) line.Append(" -s");
        if (WordLimit > 0) line.Append(CultureInfo.InvariantCulture, $" -l {WordLimit}");
        else if (ByteLimit > 0) line.Append(CultureInfo.InvariantCulture, $" -b {ByteLimit}");
        if (Alpha != 0.5) line.Append(CultureInfo.InvariantCulture, $" -p {Alpha}");
        return line.ToString();
    }

    /// <summary>
    /// Reads the options from a ROUGE-1.5.5 command line such as <c>-n 4 -2 4 -U -m -l 100 -a</c>. Words that
    /// are not options (the script name, notes) are ignored. Only <c>-n 4 -2 4 -U</c> with <c>-f A</c> is
    /// supported, because that is what every run computes; anything else is an error with its reason.
    /// </summary>
    public static RougeOptionsParse Parse(string commandLine)
    {
        var words = commandLine.Split([' ', '\t', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var options = new RougeOptions();
        int? ngrams = null, skip = null;
        bool unigrams = false;
        for (int i = 0; i < words.Length; i++)
        {
            string word = words[i];
            switch (word)
            {
                case "-m": options = options with { Stem = true }; break;
                case "-s": options = options with { RemoveStopwords = true }; break;
                case "-U": unigrams = true; break;
                case "-a": break; // evaluate all systems: what a scorer does anyway
                case "-n" or "-2" or "-l" or "-b" or "-p" or "-f":
                    if (i + 1 >= words.Length) return RougeOptionsParse.Fail($"{word} needs a value");
                    string value = words[++i];
                    if (word == "-f")
                    {
                        if (value != "A") return RougeOptionsParse.Fail($"-f {value} is not supported: references are pooled by averaging counts (-f A)");
                        break;
                    }
                    if (word == "-p")
                    {
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha) || alpha is < 0 or > 1)
                            return RougeOptionsParse.Fail($"-p needs a number between 0 and 1, not '{value}'");
                        options = options with { Alpha = alpha };
                        break;
                    }
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                        return RougeOptionsParse.Fail($"{word} needs a non-negative whole number, not '{value}'");
                    switch (word)
                    {
                        case "-n": ngrams = number; break;
                        case "-2": skip = number; break;
                        case "-l": options = options with { WordLimit = number }; break;
                        default: options = options with { ByteLimit = number }; break;
                    }
                    break;
                default:
                    if (word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]))
                        return RougeOptionsParse.Fail($"option {word} is not supported");
                    break;
            }
        }
        if (ngrams != 4 || skip != 4 || !unigrams)
            return RougeOptionsParse.Fail("only '-n 4 -2 4 -U' runs are supported (ROUGE-1..4, ROUGE-L, ROUGE-SU4)");
        return RougeOptionsParse.Ok(options);
    }
}

/// <summary>The outcome of <see cref="RougeOptions.Parse"/>: the options, or why the command line cannot be run.</summary>
public sealed record RougeOptionsParse(RougeOptions? Options, string? Error)
{
    public bool Success => Options is not null;

    public static RougeOptionsParse Ok(RougeOptions options) => new(options, null);

    public static RougeOptionsParse Fail(string error) => new(null, error);
}

/// <summary>The evaluation protocols the project reports, by name.</summary>
public static class RougeProtocols
{
    /// <summary>DUC/TAC: stemmed, first 100 words (<c>-m -l 100</c>); recall is the headline figure.</summary>
    public const string Duc100Words = "duc-100w-stem";

    /// <summary>DUC 2001-2004 byte budget: stemmed, first 665 bytes (<c>-m -b 665</c>).</summary>
    public const string Duc665Bytes = "duc-665b-stem";

    /// <summary>No stemming, no length limit.</summary>
    public const string NoStemFull = "nostem-full";

    /// <summary>Stemmed, stopwords removed (<c>-m -s</c>).</summary>
    public const string StemStopwordsRemoved = "stem-stopwords-removed";

    /// <summary>
    /// WCEP (Gholipour Ghalandari et al., 2020): summaries cut to 40 tokens, lower-cased, not stemmed, F1
    /// reported. Here the cut is ROUGE-1.5.5's <c>-l 40</c> (white-space separated words).
    /// </summary>
    public const string Wcep40Words = "wcep-40w";

    public static IReadOnlyList<string> Names { get; } = [Duc100Words, Duc665Bytes, NoStemFull, StemStopwordsRemoved, Wcep40Words];

    /// <summary>
    /// The options of protocol <paramref name="name"/>; <paramref name="words"/> replaces the 100-word
    /// limit of <see cref="Duc100Words"/> (sets written for 250 words are scored on 250). Null for an unknown name.
    /// </summary>
    public static RougeOptions? Get(string name, int words = 100) => name switch
    {
        Duc100Words => new RougeOptions { Stem = true, WordLimit = words },
        Duc665Bytes => new RougeOptions { Stem = true, ByteLimit = 665 },
        NoStemFull => new RougeOptions(),
        StemStopwordsRemoved => new RougeOptions { Stem = true, RemoveStopwords = true },
        Wcep40Words => new RougeOptions { WordLimit = 40 },
        _ => null,
    };

    /// <summary>Whether the protocol's headline figure is F1 (WCEP) rather than recall (DUC/TAC).</summary>
    public static bool ReportsF1(string name) => name == Wcep40Words;
}
