namespace Precis.Cleaning;

/// <summary>
/// The features of a line for the two scoring passes. The first pass sees the line alone (its words,
/// punctuation, patterns, position); the second adds the page around it: the first-pass scores of its
/// neighbours, whether it lies in the article region (the densest run of prose), whether a comment thread
/// has opened above it. Names are the keys of the trained weights in Resources/cleaning-model.txt.
/// </summary>
internal static class LineFeatures
{
    public static readonly string[] LocalNames =
    [
        "log_words", "terminal", "no_terminal_long", "terminal_long", "prose_sentences", "ends_colon", "ends_ellipsis",
        "stopword_share", "capitalized_share", "all_caps_share", "number_share", "punctuation_density", "separator_density",
        "boilerplate_line", "boilerplate_words", "comment_marker", "caption_marker", "byline", "date_line", "has_date",
        "link_density", "other_script", "repeated", "personal_words", "starts_lower", "starts_quote", "sentence_count", "sentence_length", "position", "first_line", "last_line",
    ];

    public static readonly string[] ContextNames =
    [
        .. LocalNames,
        "p1", "p1_prev", "p1_next", "p1_window", "window_density", "run_share", "in_region", "region_gap", "after_region", "comment_zone",
        "title_before_region", "meta_nearby",
    ];

    /// <summary>How far above the article region a headline is looked for: 89% of the L3S-GN1 dev headlines are within 8 lines above the first body line.</summary>
    public const int HeadlineReach = 8;

    /// <summary>
    /// A line without a sentence end looks like a menu or a teaser, but past this many words it is prose
    /// whatever its end (a scraper glued the story and its credits into one block).
    /// </summary>
    private const int MaxUnpunctuatedWords = 80;

    /// <summary>Neighbours on each side that the window features average over.</summary>
    private const int Window = 3;

    public static void Local(PageLines page, int i, Span<float> x)
    {
        ref readonly var s = ref page.Stats[i];
        double words = Math.Max(1, s.Words);
        int k = 0;
        x[k++] = (float)(Math.Log(1 + s.Words) / Math.Log(101));
        x[k++] = Flag(s.Terminal);
        x[k++] = Flag(!s.Terminal && s.Words is >= 10 and <= MaxUnpunctuatedWords);
        x[k++] = Flag(s.Terminal && s.Words >= 10);
        double sentenceLength = words / Math.Max(1, s.SentenceEnds);
        x[k++] = Flag(s.Words >= 8 && sentenceLength is >= 8 and <= 40);
        x[k++] = Flag(s.EndsWithColon);
        x[k++] = Flag(s.EndsWithEllipsis);
        x[k++] = (float)(s.Stopwords / words);
        x[k++] = (float)(s.Capitalized / words);
        x[k++] = (float)(s.AllCapsWords / words);
        x[k++] = (float)(s.NumberWords / words);
        x[k++] = (float)(s.Chars == 0 ? 0 : (double)s.Punctuation / s.Chars);
        x[k++] = (float)Math.Min(s.Separators / words, 1);
        x[k++] = Flag(page.Has(i, LineShape.Boilerplate));
        x[k++] = (float)(s.BoilerplateWords / words);
        x[k++] = Flag(page.Has(i, LineShape.CommentMarker));
        x[k++] = Flag(page.Has(i, LineShape.CaptionMarker));
        x[k++] = Flag(page.Has(i, LineShape.Byline));
        x[k++] = Flag(page.Has(i, LineShape.DateLine));
        x[k++] = Flag(page.Has(i, LineShape.HasDate));
        x[k++] = (float)Math.Min((double)s.Links / Math.Max(1, s.Words), 1);
        x[k++] = Flag(page.Has(i, LineShape.OtherScript));
        x[k++] = Flag(page.Has(i, LineShape.Repeated));
        x[k++] = (float)(s.PersonalWords / words);
        x[k++] = Flag(s.StartsLower);
        x[k++] = Flag(s.StartsWithQuote);
        x[k++] = (float)Math.Log(1 + s.SentenceEnds);
        x[k++] = (float)(Math.Min(sentenceLength, 100) / 100);
        x[k++] = (float)(page.Count <= 1 ? 0 : (double)i / (page.Count - 1));
        x[k++] = Flag(i == 0);
        x[k++] = Flag(i == page.Count - 1);
    }

    /// <param name="page">The page.</param>
    /// <param name="context">What the first pass found.</param>
    /// <param name="i">The line.</param>
    /// <param name="x">Receives the line's page features: the context features after its local ones.</param>
    public static void Context(PageLines page, PageContext context, int i, Span<float> x)
    {
        var p1 = context.FirstPass;
        int k = 0;
        x[k++] = (float)p1[i];
        x[k++] = (float)(i > 0 ? p1[i - 1] : 0);
        x[k++] = (float)(i + 1 < p1.Length ? p1[i + 1] : 0);
        double sum = 0;
        for (int j = i - Window; j <= i + Window; j++)
            if (j != i && j >= 0 && j < p1.Length) sum += p1[j];
        x[k++] = (float)(sum / (2 * Window));
        double weighted = 0, weights = 0;
        for (int j = Math.Max(0, i - Window); j <= i + Window && j < p1.Length; j++)
        {
            double w = page.Stats[j].Words + 1;
            weighted += w * p1[j];
            weights += w;
        }
        x[k++] = (float)(weighted / weights);
        x[k++] = (float)context.RunShare[i];
        bool inRegion = i >= context.RegionStart && i <= context.RegionEnd;
        int gap = inRegion ? 0 : i < context.RegionStart ? context.RegionStart - i : i - context.RegionEnd;
        x[k++] = Flag(inRegion);
        x[k++] = (float)(Math.Min(Math.Log(1 + gap), 5) / 5);
        x[k++] = Flag(i > context.RegionEnd);
        x[k++] = Flag(i > context.CommentZoneStart);
        x[k++] = Flag(i < context.RegionStart && context.RegionStart - i <= HeadlineReach && IsTitleShaped(page, i));
        int meta = 0, around = 0;
        for (int j = i - Window; j <= i + Window; j++)
        {
            if (j == i || j < 0 || j >= page.Count) continue;
            around++;
            if (page.Has(j, LineShape.DateLine | LineShape.Byline)) meta++;
        }
        x[k++] = (float)(around == 0 ? 0 : (double)meta / around);
    }

    private static float Flag(bool on) => on ? 1 : 0;

    /// <summary>Reads like a headline: a few words, no sentence end, not a pattern-matched non-story line.</summary>
    public static bool IsTitleShaped(PageLines page, int i)
    {
        ref readonly var s = ref page.Stats[i];
        return s.Words is >= 3 and <= 25 && !s.Terminal && s.Separators == 0 && s.Links == 0
            && !page.Has(i, LineShape.Boilerplate | LineShape.CommentMarker | LineShape.CaptionMarker | LineShape.Byline | LineShape.DateLine | LineShape.OtherScript);
    }
}

/// <summary>What the first pass found on the page, which the second pass reads.</summary>
/// <param name="FirstPass">First-pass probability that each line is story text.</param>
/// <param name="RunShare">For each line, the score of the prose run it belongs to as a share of the best run's (0 outside runs).</param>
/// <param name="RegionStart">First line of the article region (the best run); past the end when none.</param>
/// <param name="RegionEnd">Last line of the article region, inclusive.</param>
/// <param name="CommentZoneStart">The comment-thread marker after which lines are likely comments; past the end when none.</param>
internal sealed record PageContext(double[] FirstPass, double[] RunShare, int RegionStart, int RegionEnd, int CommentZoneStart)
{
    /// <summary>A paragraph of story has at least this many words (shorter first lines are often headlines or decks).</summary>
    private const int ParagraphWords = 15;

    /// <summary>
    /// Finds the runs of prose: maximal runs of lines whose scores (p - 0.5) · (words + 1) sum positive, cut
    /// where the sum peaks. Prose lines pull a run out, short non-story lines (menus, "Advertisement") cost
    /// little, so a run bridges them. Words are capped at 50 so that one long teaser cannot outweigh a run
    /// of paragraphs. The best run is the article region; the others are graded by their share of it
    /// (a second article, a comment thread, a block of teasers).
    /// The comment zone opens at the first comment marker, after the region's first paragraph, that the
    /// first pass does not take for story text (toolbars between headline and story often say "Comments").
    /// </summary>
    public static PageContext From(PageLines page, double[] firstPass)
    {
        var runs = new List<(int Start, int End, double Score)>();
        int start = 0, peakEnd = -1;
        double run = 0, peak = 0;
        for (int i = 0; i < page.Count; i++)
        {
            run += (firstPass[i] - 0.5) * (Math.Min(page.Stats[i].Words, 50) + 1);
            if (run > peak) { peak = run; peakEnd = i; }
            if (run <= 0 || i == page.Count - 1)
            {
                if (peak > 0) runs.Add((start, peakEnd, peak));
                run = 0;
                peak = 0;
                start = i + 1;
            }
        }
        int bestStart = page.Count, bestEnd = -1;
        double best = 0;
        foreach (var r in runs)
            if (r.Score > best) (best, bestStart, bestEnd) = (r.Score, r.Start, r.End);
        var share = new double[page.Count];
        foreach (var r in runs)
            for (int i = r.Start; i <= r.End; i++) share[i] = r.Score / best;

        int firstParagraph = bestStart;
        while (firstParagraph <= bestEnd && !(firstPass[firstParagraph] >= 0.5 && page.Stats[firstParagraph].Words >= ParagraphWords)) firstParagraph++;
        int commentZone = page.Count;
        for (int i = firstParagraph + 1; i < page.Count; i++)
        {
            if (page.Has(i, LineShape.CommentMarker) && firstPass[i] < 0.5) { commentZone = i; break; }
        }
        return new PageContext(firstPass, share, bestStart, bestEnd, commentZone);
    }
}
