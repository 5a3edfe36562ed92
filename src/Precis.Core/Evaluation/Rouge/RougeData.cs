using System.Collections.Frozen;

namespace Precis.Evaluation.Rouge;

/// <summary>
/// ROUGE-1.5.5's own data tables, embedded from <c>Resources/rouge/</c> and loaded once: the SMART
/// stopword list of <c>-s</c> (598 lines, matched exactly) and the WordNet 2.0 irregular forms of
/// <c>-m</c> (form → lemma; WordNet licence in <c>WORDNET-LICENSE.txt</c> beside it). They are read raw,
/// not through <see cref="Text.Lexicon"/>, because the metric needs every line exactly as the script has it.
/// </summary>
internal static class RougeData
{
    private static readonly Lazy<FrozenSet<string>> LazyStopwords = new(() =>
        ReadRawLines("smart-common-words.txt").ToFrozenSet(StringComparer.Ordinal));

    private static readonly Lazy<FrozenDictionary<string, string>> LazyExceptions = new(LoadExceptions);

    public static FrozenSet<string> SmartStopwords => LazyStopwords.Value;

    public static FrozenDictionary<string, string> WordNetExceptions => LazyExceptions.Value;

    private static FrozenDictionary<string, string> LoadExceptions()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in ReadRawLines("wordnet-2.0-exceptions.tsv"))
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidDataException($"wordnet-2.0-exceptions.tsv: expected 'form<TAB>lemma', got '{line}'.");
            table[line[..tab]] = line[(tab + 1)..];
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every line of <c>Resources/rouge/<paramref name="file"/></c> except empty ones. MSBuild names a
    /// resource in a subfolder with the platform's separator (<c>Precis.Resources.rouge/file</c> here,
    /// <c>rouge\file</c> on Windows), so both spellings are tried.
    /// </summary>
    private static List<string> ReadRawLines(string file)
    {
        var assembly = typeof(RougeData).Assembly;
        using var stream = assembly.GetManifestResourceStream("Precis.Resources.rouge/" + file)
            ?? assembly.GetManifestResourceStream("Precis.Resources.rouge\\" + file)
            ?? throw new InvalidOperationException($"Embedded resource 'rouge/{file}' is missing from the Precis assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }
}
