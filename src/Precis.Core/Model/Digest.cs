namespace Precis.Model;

/// <summary>The result of a run: the object model that the JSON and Markdown renderers print.</summary>
public sealed record Digest(IReadOnlyList<EventDigest> Events, IReadOnlyList<ArticleReport> Articles)
{
    public const int FormatVersion = 1;
}

/// <summary>The fate of one input article, with the metadata that the run found for it.</summary>
public sealed record ArticleReport(
    string Id,
    string? Title,
    DateOnly? Date,
    string? Source,
    ArticleStatus Status,
    string? Reason,
    string? DuplicateOf = null);

/// <summary>One real-world event: its headline, its dated, sourced summary and its articles.</summary>
public sealed record EventDigest(
    string Id,
    string? Headline,
    DateOnly? Date,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<string> Articles)
{
    public IReadOnlyList<CopyGroup> Copies { get; init; } = [];
    public IReadOnlyList<EntityReport> Entities { get; init; } = [];
    public IReadOnlyList<QuoteReport> Quotes { get; init; } = [];
    public IReadOnlyList<ConflictReport> Conflicts { get; init; } = [];
}

/// <summary>
/// A summary sentence and every place it stands in the articles. <see cref="Text"/> equals the text of
/// the first article's segments joined by single spaces (white space aside); each further article that
/// carries the same sentence adds its own segments.
/// </summary>
public sealed record SummarySentence(string Text, IReadOnlyList<SourceSpan> Sources);

/// <summary>A character range [Start, End) in the decoded text of article <see cref="Article"/>.</summary>
public sealed record SourceSpan(string Article, int Start, int End);

/// <summary>Articles that share text (syndicated copies), and how much.</summary>
public sealed record CopyGroup(IReadOnlyList<string> Articles, int SharedSentences, double Similarity);

/// <summary>
/// A person, place or organization of the event, with the other names it goes by and where it is named.
/// <see cref="Kind"/> is <see cref="Person"/>, <see cref="Place"/> or <see cref="Organization"/>.
/// </summary>
public sealed record EntityReport(string Name, string Kind, IReadOnlyList<string> Aliases, int Mentions, IReadOnlyList<string> Articles)
{
    public const string Person = "person";
    public const string Place = "place";
    public const string Organization = "organization";
}

/// <summary>
/// A direct quotation and who said it. <see cref="Speaker"/> is null when the source is unnamed (<see cref="Role"/>
/// then says who it is: "State Department official") or unknown. <see cref="Text"/> is the quotation as the first
/// article gives it, its parts joined by " … " where the attribution interrupts it; <see cref="Sources"/> has
/// every part in every article that carries it.
/// </summary>
public sealed record QuoteReport(string? Speaker, string? Role, string Text, IReadOnlyList<string> Articles)
{
    public IReadOnlyList<SourceSpan> Sources { get; init; } = [];
}

/// <summary>One of the values sources give, as written ("more than 290,000 people"), and where.</summary>
public sealed record ConflictValue(double Value, string Text, IReadOnlyList<string> Articles)
{
    public IReadOnlyList<SourceSpan> Sources { get; init; } = [];
}

/// <summary>A measure ("people killed") on which the event's articles give different values.</summary>
public sealed record ConflictReport(string About, IReadOnlyList<ConflictValue> Values);
