using Precis.Cleaning;
using Precis.Clustering;
using Precis.Dedup;
using Precis.Facts;
using Precis.Input;
using Precis.Summarization;

namespace Precis.Pipeline;

/// <summary>Every setting of a run, one options record per stage. Immutable: change with <c>with</c>.</summary>
public sealed record PrecisOptions
{
    public InputOptions Input { get; init; } = new();
    public CleaningOptions Cleaning { get; init; } = new();
    public DedupOptions Dedup { get; init; } = new();
    public ClusteringOptions Clustering { get; init; } = new();
    public SummarizerOptions Summarizer { get; init; } = new();
    public FactsOptions Facts { get; init; } = new();

    /// <summary>How many articles are cleaned and segmented at once; 1 runs everything on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
