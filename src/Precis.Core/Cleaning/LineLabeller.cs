namespace Precis.Cleaning;

/// <summary>
/// Turns the scorer's story/not-story probabilities into the nine line labels. Story lines become body,
/// headline or subheading by their shape and place; the other lines are told apart by their patterns
/// (date, byline, caption, comment markers) and their place relative to the article region. A cascade,
/// first rule wins:
/// <list type="number">
/// <item>lines in another script, whole-line boilerplate, comment markers and caption openings keep that label whatever their score
/// (a reply form's "Leave a Reply" is boilerplate before it is a comment marker);</item>
/// <item>a confirmed comment thread (a marker followed by a commenter's name-and-date line) runs to the end of the page;</item>
/// <item>date lines and bylines without a sentence end are dateline and byline even when scored as story;</item>
/// <item>story lines are body; other lines are dateline, byline, comments, related (a title after the story), caption
/// (a long unpunctuated line inside the story) or boilerplate by shape;</item>
/// <item>the closest title-shaped line above the first body line is the headline;</item>
/// <item>title-shaped lines that end the page after the last paragraph are a related link or a caption, not body;</item>
/// <item>a short unpunctuated body line between paragraphs is a subheading.</item>
/// </list>
/// </summary>
internal static class LineLabeller
{
    /// <summary>The probability above which a line is story text (the scorer is fitted for a balanced cut).</summary>
    public const double StoryThreshold = 0.5;

    /// <summary>An unpunctuated story line this long printed twice on a page is a photo caption (headlines are shorter: 90% of the L3S-GN1 dev headlines have under 12 words).</summary>
    private const int RepeatedCaptionWords = 12;

    /// <summary>A line without a sentence end and at least this long, next to the story, reads as a caption.</summary>
    private const int CaptionWords = 8;

    /// <summary>A trailing unpunctuated line longer than this is a caption; shorter, a related headline.</summary>
    private const int RelatedHeadlineMaxWords = 15;

    /// <summary>A trailing unpunctuated line longer than this is story after all (95% of the L3S-GN1 dev captions, bylines and date lines have at most 18 words).</summary>
    private const int TrailingMaxWords = 30;

    /// <summary>Body lines up to this long without a sentence end, between paragraphs, are subheadings.</summary>
    private const int SubheadingMaxWords = 12;

    /// <summary>
    /// Below a comment marker, a line this long (or a dated one: a commenter's header) is a comment;
    /// shorter lines there are mostly the page's footer menus.
    /// </summary>
    private const int CommentWords = 4;

    /// <summary>Lines after a comment marker searched for the commenter's name-and-date line that confirms a thread.</summary>
    private const int ThreadConfirmReach = 3;

    public static LineLabel[] Label(PageLines page, PageContext context, double[] story)
    {
        int n = page.Count;
        var labels = new LineLabel[n];
        int thread = ConfirmedThreadStart(page, context);
        int firstStory = Array.FindIndex(story, p => p >= StoryThreshold);
        int lastStory = Array.FindLastIndex(story, p => p >= StoryThreshold);
        for (int i = 0; i < n; i++)
        {
            ref readonly var s = ref page.Stats[i];
            bool isStory = story[i] >= StoryThreshold;
            labels[i] =
                page.Has(i, LineShape.OtherScript) ? LineLabel.Boilerplate
                : page.Has(i, LineShape.Boilerplate) ? LineLabel.Boilerplate
                : page.Has(i, LineShape.CommentMarker) && (i >= context.CommentZoneStart || !isStory) ? LineLabel.Comments
                : page.Has(i, LineShape.CaptionMarker) ? LineLabel.Caption
                : i > thread ? LineLabel.Comments
                : isStory && page.Has(i, LineShape.Repeated) && !s.Terminal && s.Words >= RepeatedCaptionWords ? LineLabel.Caption
                : page.Has(i, LineShape.DateLine) && (!isStory || !s.Terminal) ? LineLabel.Dateline
                : page.Has(i, LineShape.Byline) && (!isStory || !s.Terminal) ? LineLabel.Byline
                : isStory ? LineLabel.Body
                : i > context.CommentZoneStart && (s.Words >= CommentWords || page.Has(i, LineShape.HasDate)) ? LineLabel.Comments
                : i > lastStory && s.Words <= RelatedHeadlineMaxWords && LineFeatures.IsTitleShaped(page, i) ? LineLabel.Related
                : i > firstStory && !s.Terminal && s.Words >= CaptionWords && NearRegion(context, i) ? LineLabel.Caption
                : i > context.RegionEnd && LineFeatures.IsTitleShaped(page, i) ? LineLabel.Related
                : LineLabel.Boilerplate;
        }
        MarkHeadline(page, labels);
        MarkTrailingHeadlines(page, labels);
        MarkSubheadings(page, labels);
        return labels;
    }

    private static bool NearRegion(PageContext context, int i) => i >= context.RegionStart - 2 && i <= context.RegionEnd + 2;

    /// <summary>The comment zone, if the marker is followed by a commenter's line ("jdoe42 March 3, 2024, 9:15 am"); else past the end.</summary>
    private static int ConfirmedThreadStart(PageLines page, PageContext context)
    {
        int marker = context.CommentZoneStart;
        for (int j = marker + 1; j < page.Count && j <= marker + ThreadConfirmReach; j++)
        {
            if (page.Stats[j].Words <= 15 && page.Has(j, LineShape.HasDate | LineShape.Byline)) return marker;
        }
        return page.Count;
    }

    private static void MarkHeadline(PageLines page, LineLabel[] labels)
    {
        int firstBody = Array.IndexOf(labels, LineLabel.Body);
        if (firstBody < 0) return;
        for (int j = firstBody - 1; j >= 0 && j >= firstBody - LineFeatures.HeadlineReach; j--)
        {
            if (labels[j] is LineLabel.Comments) return;
            if (LineFeatures.IsTitleShaped(page, j) && labels[j] is not (LineLabel.Caption or LineLabel.Related) && !page.Has(j, LineShape.Repeated | LineShape.CaptionMarker))
            {
                labels[j] = LineLabel.Headline;
                return;
            }
        }
        // No headline above the story: its first line is the headline when it reads like one.
        int next = Array.IndexOf(labels, LineLabel.Body, firstBody + 1);
        if (next > 0 && LineFeatures.IsTitleShaped(page, firstBody) && page.Stats[next].Terminal)
            labels[firstBody] = LineLabel.Headline;
    }

    private static void MarkTrailingHeadlines(PageLines page, LineLabel[] labels)
    {
        for (int i = labels.Length - 1; i >= 0; i--)
        {
            if (labels[i] is not LineLabel.Body) continue;
            ref readonly var s = ref page.Stats[i];
            if (s.Terminal || s.EndsWithColon || s.Words < 3 || s.Words > TrailingMaxWords) return;
            labels[i] = s.Words > RelatedHeadlineMaxWords ? LineLabel.Caption : LineLabel.Related;
        }
    }

    private static void MarkSubheadings(PageLines page, LineLabel[] labels)
    {
        int previousBody = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not LineLabel.Body) continue;
            ref readonly var s = ref page.Stats[i];
            if (previousBody >= 0 && !s.Terminal && s.Words <= SubheadingMaxWords)
            {
                int next = Array.IndexOf(labels, LineLabel.Body, i + 1);
                if (next > 0 && page.Stats[next].Terminal) labels[i] = LineLabel.Subheading;
            }
            previousBody = i;
        }
    }
}
