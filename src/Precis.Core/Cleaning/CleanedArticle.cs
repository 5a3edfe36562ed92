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
/// as an outlet prefix ("OUTLET –"), a wire dateline, a glued subheading or a trailing "[Xinhua]" credit,
/// which are listed in <see cref="Inline"/>; for other labels it is empty.
/// </summary>
public sealed record CleanedLine(TextSpan Span, LineLabel Label, TextSpan Content)
{
    public bool IsSummarizable => Label is LineLabel.Body && !Content.IsEmpty;

    /// <summary>The inline noise cut off a body line, in text order.</summary>
    public IReadOnlyList<InlineSpan> Inline { get; init; } = [];

    /// <summary>The scorer's probability that the line is story text (headline or body).</summary>
    public double StoryProbability { get; init; }
}

/// <summary>Metadata found in the article text itself.</summary>
public sealed record ArticleMetadata
{
    /// <summary>The headline line's text.</summary>
    public string? Title { get; init; }

    /// <summary>The publication date, from a date line, a byline or the story's dateline; never from a comment.</summary>
    public DateOnly? Date { get; init; }

    public TimeOnly? Time { get; init; }

    /// <summary>
    /// 0..1: how sure the date is the article's publication date: 1 for a complete date on its own line
    /// above the story, less for a date without a year (resolved against the reference time), a relative
    /// date, or a date found further from the headline.
    /// </summary>
    public double DateConfidence { get; init; }

    /// <summary>The line the date was read from (an index into <see cref="CleanedArticle.Lines"/>), or -1.</summary>
    public int DateLine { get; init; } = -1;

    /// <summary>The outlet that published the text, when the text names it ("OUTLET –", "Outlet with inputs from Agencies").</summary>
    public string? Source { get; init; }

    /// <summary>News agencies credited for the story ("AP", "Xinhua", "Agencies"), in order of appearance.</summary>
    public IReadOnlyList<string> Credits { get; init; } = [];

    /// <summary>The wire dateline's place ("PARIS", "LITTLETON, Colo.").</summary>
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
