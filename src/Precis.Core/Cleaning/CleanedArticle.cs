using Precis.Model;

namespace Precis.Cleaning;

/// <summary>What a line (text block) of a scraped page is.</summary>
public enum LineLabel
{
    Headline,
    Dateline,
    Byline,
    Body,
    Subheading,
    Caption,
    Related,
    Comments,
    Boilerplate,
}

/// <summary>
/// One non-empty input line, trimmed, with its label. <see cref="Content"/> is the part of the line that
/// may be quoted by a summary (inside <see cref="Span"/>): for a body line it leaves out inline noise such
/// as an outlet prefix ("SHAFAQNA –"), a glued subheading or a trailing "[Xinhua]" credit; for other
/// labels it is empty.
/// </summary>
public sealed record CleanedLine(TextSpan Span, LineLabel Label, TextSpan Content)
{
    public bool IsSummarizable => Label is LineLabel.Body && !Content.IsEmpty;
}

/// <summary>Metadata found in the article text itself.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? Time { get; init; }

    /// <summary>0..1: how sure the date is the article's publication date (1 = an explicit date line).</summary>
    public double DateConfidence { get; init; }

    public string? Source { get; init; }
    public IReadOnlyList<string> Credits { get; init; } = [];
    public string? Place { get; init; }
}

/// <summary>An article after cleaning: every line labelled, metadata found, body content located.</summary>
public sealed class CleanedArticle
{
    public CleanedArticle(Article article, IReadOnlyList<CleanedLine> lines, ArticleMetadata metadata)
    {
        Article = article;
        Lines = lines;
        Metadata = metadata;
    }

    public Article Article { get; }
    public IReadOnlyList<CleanedLine> Lines { get; }
    public ArticleMetadata Metadata { get; }

    /// <summary>The body content spans, in order: the only text that may enter a summary.</summary>
    public IEnumerable<TextSpan> BodySpans => Lines.Where(l => l.IsSummarizable).Select(l => l.Content);

    public int BodyWordCount => BodySpans.Sum(s => Text.Tokenizer.CountWords(s.Of(Article.Text)));
}
