namespace Precis.Facts;

/// <summary>Settings of the facts stage (entities, quotations, numeric disagreements).</summary>
public sealed record FactsOptions
{
    /// <summary>Whether digests carry entities, quotes and conflicts at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// How many entities an event reports, most mentioned first; 0 for all. A digest lists the actors, not
    /// every capitalized word: 25 keeps every entity with three or more mentions in the seed event.
    /// </summary>
    public int MaxEntities { get; init; } = 25;

    /// <summary>Quotations shorter than this many words are terms in quotation marks ("disappeared"), not quotes.</summary>
    public int MinQuoteWords { get; init; } = 3;
}
