using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// The trained weights of the cleaner's line scorer: the shipped ones (<see cref="Default"/>, from
/// Resources/cleaning-model.txt) or a model file written by <c>precis eval clean --train</c>. Immutable.
/// </summary>
public sealed class CleaningModel
{
    private static readonly Lazy<CleaningModel> LazyDefault = new(() => new CleaningModel(LineScorer.Parse(Lexicon.ReadLines("cleaning-model.txt"))));

    internal CleaningModel(LineScorer scorer) => Scorer = scorer;

    public static CleaningModel Default => LazyDefault.Value;

    internal LineScorer Scorer { get; }

    /// <summary>Reads a model file. A missing feature weight throws: the file is stale and must be retrained.</summary>
    public static CleaningModel Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList();
        return new CleaningModel(LineScorer.Parse(lines));
    }

    /// <summary>The model as a file, with <paramref name="header"/> as comment lines.</summary>
    public string Format(string header) => Scorer.Format(header);
}
