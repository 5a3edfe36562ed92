using Precis.Text;

namespace Precis.Cleaning;

/// <summary>
/// Decides whether a cleaned article's body is English text the engine can summarize. Two signals:
/// the script of its letters (a body mostly in Arabic or Cyrillic letters is another language) and, for
/// Latin script, the share of English function words (French or German prose has almost none of them).
/// </summary>
public static class LanguageCheck
{
    /// <summary>English news prose runs at 35-50% function words; other Latin-script languages stay far below 15%.</summary>
    public const double MinStopwordShare = 0.15;

    /// <summary>Below this many words the function-word share is too noisy to judge.</summary>
    public const int MinWordsToJudge = 20;

    /// <summary>
    /// Checks the script of the whole text before cleaning: a page mostly in another script is another
    /// language (cleaning would otherwise label its lines as foreign-script noise and report "no body").
    /// </summary>
    /// <returns>null when most letters are Latin, else the reason.</returns>
    public static string? CheckScript(ReadOnlySpan<char> text)
    {
        int latin = 0, other = 0;
        var scripts = new Dictionary<TokenScript, int>();
        foreach (char c in text)
        {
            var s = Tokenizer.ScriptOf(c);
            if (s == TokenScript.Latin) latin++;
            else if (s != TokenScript.None) { other++; scripts[s] = scripts.GetValueOrDefault(s) + 1; }
        }
        return other > latin ? $"not English: the text is in {scripts.MaxBy(kv => kv.Value).Key} script" : null;
    }

    /// <returns>null when the body is English, else the reason it is not.</returns>
    public static string? Check(CleanedArticle article)
    {
        string text = article.Article.Text;
        int latin = 0, other = 0, words = 0, stop = 0;
        var scripts = new Dictionary<TokenScript, int>();
        var tokens = new List<Token>();
        foreach (var span in article.BodySpans)
        {
            var line = span.Of(text);
            foreach (char c in line)
            {
                var s = Tokenizer.ScriptOf(c);
                if (s == TokenScript.Latin) latin++;
                else if (s != TokenScript.None) { other++; scripts[s] = scripts.GetValueOrDefault(s) + 1; }
            }
            tokens.Clear();
            Tokenizer.Tokenize(line, tokens);
            foreach (var t in tokens)
            {
                if (t.Kind != TokenKind.Word) continue;
                words++;
                if (Lexicon.IsStopword(t.Of(line))) stop++;
            }
        }
        if (other > latin)
            return $"not English: the text is in {scripts.MaxBy(kv => kv.Value).Key} script";
        if (words >= MinWordsToJudge && stop < MinStopwordShare * words)
            return $"not English: only {100.0 * stop / words:F0}% of its words are English function words";
        return null;
    }
}
