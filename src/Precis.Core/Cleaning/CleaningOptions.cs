namespace Precis.Cleaning;

public sealed record CleaningOptions
{
    /// <summary>The time that relative dates ("yesterday", "2 hours ago") and dates without a year ("Sept. 9") are resolved against; none means they are not resolved.</summary>
    public DateTimeOffset? ReferenceTime { get; init; }

    /// <summary>
    /// The input is already article text, one paragraph per line (an API feed, a wire service, a test
    /// fixture): the line classifier is skipped, every line is body except a title-like first line;
    /// inline noise (datelines, outlet prefixes, credits) is still cut off.
    /// </summary>
    public bool TrustedText { get; init; }

    /// <summary>The line scorer's weights; none means the shipped model (Resources/cleaning-model.txt).</summary>
    public CleaningModel? Model { get; init; }
}
