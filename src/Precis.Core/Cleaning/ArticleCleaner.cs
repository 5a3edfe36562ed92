using System.Text.RegularExpressions;
using Precis.Model;
using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// Labels every line of a scraped article and finds its title. First version: whole-line boilerplate
/// patterns (Resources/boilerplate-lines.txt), lines in another script, a comment thread that runs to the
/// end of the page, repeated lines (captions printed twice), and a headline taken from the first line that
/// reads like a title. Only body lines can enter a summary.
/// </summary>
public sealed class ArticleCleaner
{
    private static readonly Lazy<Regex[]> BoilerplatePatterns = new(() =>
        Lexicon.ReadLines("boilerplate-lines.txt")
            .Select(p => new Regex("^(?:" + p + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled))
            .ToArray());

    private readonly CleaningOptions _options;

    public ArticleCleaner(CleaningOptions? options = null) => _options = options ?? new CleaningOptions();

    public CleaningOptions Options => _options;

    public CleanedArticle Clean(Article article)
    {
        string text = article.Text;
        var spans = SplitLines(text);
        var labels = new LineLabel[spans.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < spans.Count; i++)
        {
            string line = spans[i].TextOf(text);
            if (seen.TryGetValue(line, out int first))
            {
                labels[i] = LineLabel.Caption;
                if (labels[first] == LineLabel.Body) labels[first] = LineLabel.Caption;
                continue;
            }
            seen[line] = i;
            labels[i] = Classify(line);
        }

        // A comment header starts a thread that runs to the end of the page.
        for (int i = 0; i < spans.Count; i++)
        {
            if (labels[i] != LineLabel.Comments) continue;
            for (int j = i + 1; j < spans.Count; j++)
                if (labels[j] == LineLabel.Body) labels[j] = LineLabel.Comments;
            break;
        }

        string? title = article.Title;
        for (int i = 0; i < spans.Count && title is null; i++)
        {
            if (labels[i] is LineLabel.Boilerplate or LineLabel.Caption or LineLabel.Dateline) continue;
            string line = spans[i].TextOf(text);
            if (LooksLikeTitle(line))
            {
                labels[i] = LineLabel.Headline;
                title = line;
            }
            break;
        }

        var lines = new CleanedLine[spans.Count];
        for (int i = 0; i < spans.Count; i++)
        {
            var label = labels[i] == LineLabel.Body && !LooksLikeProse(spans[i].TextOf(text)) ? LineLabel.Related : labels[i];
            lines[i] = new CleanedLine(spans[i], label, label == LineLabel.Body ? spans[i] : default);
        }
        return new CleanedArticle(article, lines, new ArticleMetadata { Title = title, Date = article.Date, DateConfidence = article.Date is null ? 0 : 1, Source = article.Source });
    }

    internal static List<TextSpan> SplitLines(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var span = new TextSpan(start, i).Trim(text);
            if (!span.IsEmpty) spans.Add(span);
            start = i + 1;
        }
        return spans;
    }

    private static LineLabel Classify(string line)
    {
        foreach (var pattern in BoilerplatePatterns.Value)
        {
            if (!pattern.IsMatch(line)) continue;
            return line.StartsWith("comment", StringComparison.OrdinalIgnoreCase) ? LineLabel.Comments : LineLabel.Boilerplate;
        }
        if (OtherScriptShare(line) > 0.3) return LineLabel.Boilerplate;
        return LineLabel.Body;
    }

    /// <summary>Share of letters that are not Latin: a line in another language than the article.</summary>
    internal static double OtherScriptShare(ReadOnlySpan<char> line)
    {
        int latin = 0, other = 0;
        foreach (char c in line)
        {
            var s = Tokenizer.ScriptOf(c);
            if (s == TokenScript.Latin) latin++;
            else if (s != TokenScript.None) other++;
        }
        return latin + other == 0 ? 0 : (double)other / (latin + other);
    }

    private static bool LooksLikeTitle(string line)
    {
        int words = Tokenizer.CountWords(line);
        return words is >= 3 and <= 25 && !line.EndsWith('.');
    }

    /// <summary>A body line ends like a sentence and has a few words; short unpunctuated lines are links or captions.</summary>
    private static bool LooksLikeProse(string line)
    {
        int words = Tokenizer.CountWords(line);
        char last = line[^1];
        bool terminal = last is '.' or '!' or '?' or '"' or '”' or '\'' or '’' or ')' or ':';
        return terminal ? words >= 4 : words >= 25;
    }
}
