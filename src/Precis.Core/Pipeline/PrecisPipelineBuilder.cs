using Precis.Summarization;

namespace Precis.Pipeline;

/// <summary>
/// Configures a <see cref="PrecisPipeline"/>: mutable while you set it up, then <see cref="Build"/> freezes
/// it into an immutable, thread-safe pipeline (the Markdig builder pattern).
/// </summary>
public sealed class PrecisPipelineBuilder
{
    private Func<PrecisOptions, ISummarizer>? _summarizerFactory;

    public PrecisOptions Options { get; set; } = new();

    public PrecisPipelineBuilder Configure(Func<PrecisOptions, PrecisOptions> change)
    {
        Options = change(Options);
        return this;
    }

    /// <summary>Sets the summary budget in words.</summary>
    public PrecisPipelineBuilder WithSummaryWords(int words)
    {
        if (words <= 0) throw new ArgumentOutOfRangeException(nameof(words), "The word budget must be positive.");
        return Configure(o => o with { Summarizer = o.Summarizer with { MaxWords = words } });
    }

    /// <summary>Replaces the summarizer (for baselines and experiments).</summary>
    public PrecisPipelineBuilder UseSummarizer(Func<PrecisOptions, ISummarizer> factory)
    {
        _summarizerFactory = factory;
        return this;
    }

    public PrecisPipeline Build() => new(Options, _summarizerFactory?.Invoke(Options));
}
