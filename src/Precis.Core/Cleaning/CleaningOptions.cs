namespace Precis.Cleaning;

public sealed record CleaningOptions
{
    /// <summary>The time that relative dates ("yesterday", "2 hours ago") are resolved against; none means they are ignored.</summary>
    public DateTimeOffset? ReferenceTime { get; init; }
}
