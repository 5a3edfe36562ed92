namespace Precis.Cleaning;

public sealed record CleaningOptions
{
    /// <summary>The time that relative dates ("yesterday", "2 hours ago") and dates without a year ("Sept. 9") are resolved against; none means they are not resolved.</summary>
    public DateTimeOffset? ReferenceTime { get; init; }

    /// <summary>The line scorer's weights; none means the shipped model (Resources/cleaning-model.txt).</summary>
    public CleaningModel? Model { get; init; }
}
