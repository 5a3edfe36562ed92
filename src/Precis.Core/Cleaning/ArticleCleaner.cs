using Precis.Model;

namespace Precis.Cleaning;

/// <summary>
/// Labels every line of a scraped article and reads its metadata. The stages, each in its own type:
/// <list type="number">
/// <item><see cref="PageLines"/>: split into trimmed non-empty lines; measure each line and match the
/// pattern lists in Resources/ (boilerplate, comment markers, captions, bylines, dates);</item>
/// <item><see cref="LineScorer"/>: a trained two-pass logistic scorer gives each line the probability
/// that it is story text, the second pass seeing the article region and the lines around;</item>
/// <item><see cref="LineLabeller"/>: probabilities and shapes become the nine labels;</item>
/// <item><see cref="InlineNoise"/>: datelines, outlet prefixes, glued subheadings and agency credits
/// are cut off body lines, so <see cref="CleanedLine.Content"/> is story text only;</item>
/// <item><see cref="MetadataFinder"/>: title, date and time with a confidence, source, credits, place.</item>
/// </list>
/// Immutable and thread-safe; the same text and options always give the same result.
/// </summary>
public sealed class ArticleCleaner
{
    /// <summary>Leading datelines and outlet prefixes are looked for on this many first story lines (a headline-like deck may come first).</summary>
    private const int LeadingNoiseLines = 2;

    private readonly LineScorer _scorer;

    public ArticleCleaner(CleaningOptions? options = null)
    {
        Options = options ?? new CleaningOptions();
        _scorer = (Options.Model ?? CleaningModel.Default).Scorer;
    }

    public CleaningOptions Options { get; }

    /// <summary>Every line is body, but a first line that reads like a title (no final punctuation) is the headline.</summary>
    private static void TrustLines(PageLines page, LineLabel[] labels)
    {
        for (int i = 0; i < labels.Length; i++) labels[i] = LineLabel.Body;
        if (labels.Length > 1 && !EndsLikeSentence(page.Spans[0].Of(page.Text))) labels[0] = LineLabel.Headline;
    }

    /// <summary>
    /// The last step of the cascade: on a page where the classifier kept no body line at all (a very short
    /// page gives it too little context), the lines that read as sentences are kept as body, so a short
    /// story is not lost as "no body".
    /// </summary>
    private static void FallBackToProse(PageLines page, LineLabel[] labels)
    {
        if (Array.IndexOf(labels, LineLabel.Body) >= 0) return;
        for (int i = 0; i < labels.Length; i++)
        {
            var line = page.Spans[i].Of(page.Text);
            if (labels[i] is LineLabel.Boilerplate or LineLabel.Related && EndsLikeSentence(line) && Text.Tokenizer.CountWords(line) >= MinProseWords)
                labels[i] = LineLabel.Body;
        }
    }

    /// <summary>Six words is the shortest line that still reads as a sentence rather than a link or a button.</summary>
    private const int MinProseWords = 6;

    private static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        return !line.IsEmpty && line[^1] is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or '\'' or ')';
    }

    public CleanedArticle Clean(Article article)
    {
        var page = PageLines.Analyze(article.Text, Options.ReferenceTime);
        var (context, story) = _scorer.Score(page);
        var labels = LineLabeller.Label(page, context, story);
        if (Options.TrustedText) TrustLines(page, labels);
        else FallBackToProse(page, labels);

        var lines = new CleanedLine[page.Count];
        var findings = new List<(int Line, InlineFindings Found)>();
        var noise = new List<InlineSpan>();
        int storyLines = 0, firstStory = -1;
        for (int i = 0; i < page.Count; i++)
        {
            var span = page.Spans[i];
            if (labels[i] is not LineLabel.Body)
            {
                lines[i] = new CleanedLine(span, labels[i], new TextSpan(span.Start, span.Start)) { StoryProbability = story[i] };
                continue;
            }
            if (firstStory < 0) firstStory = i;
            noise.Clear();
            var content = InlineNoise.Find(page.Text, span, storyLines++ < LeadingNoiseLines, Options.ReferenceTime, noise, out var found);
            if (!found.IsEmpty) findings.Add((i, found));
            lines[i] = new CleanedLine(span, LineLabel.Body, content)
            {
                StoryProbability = story[i],
                Inline = noise.Count == 0 ? [] : [.. noise.OrderBy(n => n.Span.Start)],
            };
        }
        var metadata = MetadataFinder.Find(page, labels, findings, firstStory);
        return new CleanedArticle(article, lines, metadata);
    }
}
