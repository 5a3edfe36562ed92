namespace Precis.Model;

/// <summary>What became of one input in a run. Every input ends in exactly one of these.</summary>
public enum ArticleStatus
{
    Kept,
    Duplicate,
    Rejected,
}

/// <summary>
/// A typed, expected failure: an input that could not be digested and why. Rejections are values, not
/// exceptions, so one bad file never stops a batch and nothing is dropped silently.
/// </summary>
public sealed record Rejection(string Id, string Origin, string Reason);
