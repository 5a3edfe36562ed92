namespace Precis.Model;

/// <summary>
/// One input article as decoded: it owns its text, and every span in the pipeline points into
/// <see cref="Text"/>. Metadata here is what the input declared (JSONL fields); what cleaning finds in the
/// text itself lives in Cleaning.CleanedArticle.
/// </summary>
public sealed class Article
{
    public Article(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
    }

    public string Id { get; }
    public string Text { get; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }

    /// <summary>Where the article came from (file path, or path and line number for JSONL).</summary>
    public string Origin { get; init; } = "";

    /// <summary>Declared publication time when the input has one; used for ordering and event decay.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
