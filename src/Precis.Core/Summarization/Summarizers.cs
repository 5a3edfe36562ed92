namespace Precis.Summarization;

/// <summary>
/// The summarizers the project can run by name: the engine and the baselines, so that evaluation
/// compares them in one code path. The first entry is the engine that the pipeline uses by default.
/// </summary>
public static class Summarizers
{
    public static IReadOnlyList<string> Names { get; } = [ConceptSummarizer.EngineName, "lead", "centroid", "lexrank"];

    public static string EngineName => Names[0];

    /// <summary>Creates the summarizer called <paramref name="name"/>, or null when there is none.</summary>
    public static ISummarizer? Create(string name, SummarizerOptions options) => name switch
    {
        ConceptSummarizer.EngineName => new ConceptSummarizer(options),
        "lead" => new LeadSummarizer(options),
        "centroid" => new CentroidSummarizer(options),
        "lexrank" => new LexRankSummarizer(options),
        _ => null,
    };
}
