using System.Globalization;
using System.Text;
using System.Text.Json;
using Precis.Model;
using Precis.Output;

namespace Precis.Cleaning;

/// <summary>
/// Renders cleaned articles for <c>precis clean</c>. JSON: <c>{"articles": [{"id", "title", "date",
/// "source", …, "lines": [{"text", "label"}]}], "rejected": [{"id", "reason"}]}</c>, where <c>lines</c>
/// are the input's non-empty lines, trimmed, in order; a body line whose inline noise was cut off also
/// has its <c>"content"</c>. Markdown: one section per article with each line and its label.
/// Declared metadata (JSONL fields) wins over what was found in the text.
/// </summary>
public static class CleanedArticleWriter
{
    public static string ToJson(IReadOnlyList<CleanedArticle> articles, IReadOnlyList<Rejection> rejected, bool scores = false) =>
        JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("articles");
            foreach (var cleaned in articles) Write(w, cleaned, scores);
            w.WriteEndArray();
            JsonText.WriteRejections(w, rejected);
            w.WriteEndObject();
        });

    private static void Write(Utf8JsonWriter w, CleanedArticle cleaned, bool scores)
    {
        var article = cleaned.Article;
        var meta = cleaned.Metadata;
        string text = article.Text;
        w.WriteStartObject();
        w.WriteString("id", article.Id);
        w.WriteString("title", article.Title ?? meta.Title);
        var date = article.Date ?? meta.Date;
        w.WriteString("date", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (article.Date is null && meta.Time is { } time) w.WriteString("time", time.ToString("HH:mm", CultureInfo.InvariantCulture));
        if (article.Date is null && meta.Date is not null) w.WriteNumber("date_confidence", Math.Round(meta.DateConfidence, 2));
        w.WriteString("source", article.Source ?? meta.Source);
        if (meta.Credits.Count > 0)
        {
            w.WriteStartArray("credits");
            foreach (string c in meta.Credits) w.WriteStringValue(c);
            w.WriteEndArray();
        }
        if (meta.Place is not null) w.WriteString("place", meta.Place);
        w.WriteStartArray("lines");
        foreach (var line in cleaned.Lines)
        {
            w.WriteStartObject();
            w.WriteString("text", line.Span.Of(text));
            w.WriteString("label", Name(line.Label));
            if (line.Inline.Count > 0) w.WriteString("content", line.Content.Of(text));
            if (scores) w.WriteNumber("score", Math.Round(line.StoryProbability, 3));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToMarkdown(IReadOnlyList<CleanedArticle> articles, IReadOnlyList<Rejection> rejected)
    {
        var sb = new StringBuilder();
        foreach (var cleaned in articles)
        {
            var article = cleaned.Article;
            var meta = cleaned.Metadata;
            sb.Append("# ").Append(article.Title ?? meta.Title ?? article.Id).Append("\n\n");
            sb.Append("- id: ").Append(article.Id).Append('\n');
            var date = article.Date ?? meta.Date;
            if (date is not null) sb.Append("- date: ").Append(date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            if ((article.Source ?? meta.Source) is { } source) sb.Append("- source: ").Append(source).Append('\n');
            if (meta.Credits.Count > 0) sb.Append("- credits: ").Append(string.Join(", ", meta.Credits)).Append('\n');
            if (meta.Place is not null) sb.Append("- place: ").Append(meta.Place).Append('\n');
            sb.Append('\n');
            foreach (var line in cleaned.Lines)
                sb.Append("- **").Append(Name(line.Label)).Append("** ").Append(line.Span.Of(article.Text)).Append('\n');
            sb.Append('\n');
        }
        foreach (var r in rejected) sb.Append("Rejected ").Append(r.Id).Append(": ").Append(r.Reason).Append('\n');
        return sb.ToString();
    }

    public static string Name(LineLabel label) => label.ToString().ToLowerInvariant();
}
