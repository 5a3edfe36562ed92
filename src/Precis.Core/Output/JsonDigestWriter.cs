using System.Text.Json;
using Precis.Model;

namespace Precis.Output;

/// <summary>
/// Writes a <see cref="Digest"/> as the JSON documented in docs/output-format.md. Written by hand with
/// <see cref="Utf8JsonWriter"/> so field names and order are exactly the documented ones and no reflection
/// is needed (the CLI can be trimmed or compiled ahead of time).
/// </summary>
public static class JsonDigestWriter
{
    private static readonly JsonWriterOptions WriterOptions = JsonText.Indented;

    public static void Write(Digest digest, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("version", Digest.FormatVersion);
        w.WriteStartArray("events");
        foreach (var e in digest.Events) WriteEvent(w, e);
        w.WriteEndArray();
        w.WriteStartArray("articles");
        foreach (var a in digest.Articles) WriteArticle(w, a);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static readonly JsonWriterOptions LineOptions = WriterOptions with { Indented = false };

    /// <summary>
    /// Writes one event as a line of JSON (<c>{"event": {…}}</c>, the event as in <see cref="Write"/>): the JSON Lines
    /// form of a streaming digest, which writes each event as it closes.
    /// </summary>
    public static void WriteEventLine(EventDigest e, Stream stream) => WriteLine(stream, "event", w => WriteEvent(w, e));

    /// <summary>Writes one article report as a line of JSON (<c>{"article": {…}}</c>), for a streaming digest.</summary>
    public static void WriteArticleLine(ArticleReport a, Stream stream) => WriteLine(stream, "article", w => WriteArticle(w, a));

    private static void WriteLine(Stream stream, string kind, Action<Utf8JsonWriter> write)
    {
        using var w = new Utf8JsonWriter(stream, LineOptions);
        w.WriteStartObject();
        w.WritePropertyName(kind);
        write(w);
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static string ToJson(Digest digest)
    {
        using var ms = new MemoryStream();
        Write(digest, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteEvent(Utf8JsonWriter w, EventDigest e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        WriteNullable(w, "headline", e.Headline);
        WriteDate(w, "date", e.Date);
        w.WriteStartArray("summary");
        foreach (var s in e.Summary)
        {
            w.WriteStartObject();
            w.WriteString("text", s.Text);
            WriteSources(w, s.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "articles", e.Articles);
        w.WriteStartArray("copies");
        foreach (var c in e.Copies)
        {
            w.WriteStartObject();
            WriteStrings(w, "articles", c.Articles);
            w.WriteNumber("shared_sentences", c.SharedSentences);
            w.WriteNumber("similarity", c.Similarity);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var en in e.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", en.Name);
            w.WriteString("kind", en.Kind);
            WriteStrings(w, "aliases", en.Aliases);
            w.WriteNumber("mentions", en.Mentions);
            WriteStrings(w, "articles", en.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var q in e.Quotes)
        {
            w.WriteStartObject();
            WriteNullable(w, "speaker", q.Speaker);
            WriteNullable(w, "role", q.Role);
            w.WriteString("text", q.Text);
            WriteStrings(w, "articles", q.Articles);
            WriteSources(w, q.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in e.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("about", c.About);
            w.WriteStartArray("values");
            foreach (var v in c.Values)
            {
                w.WriteStartObject();
                w.WriteNumber("value", v.Value);
                w.WriteString("text", v.Text);
                WriteStrings(w, "articles", v.Articles);
                WriteSources(w, v.Sources);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter w, IEnumerable<SourceSpan> sources)
    {
        w.WriteStartArray("sources");
        foreach (var src in sources)
        {
            w.WriteStartObject();
            w.WriteString("article", src.Article);
            w.WriteNumber("start", src.Start);
            w.WriteNumber("end", src.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteArticle(Utf8JsonWriter w, ArticleReport a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        WriteNullable(w, "title", a.Title);
        WriteDate(w, "date", a.Date);
        WriteNullable(w, "source", a.Source);
        w.WriteString("status", a.Status switch
        {
            ArticleStatus.Kept => "kept",
            ArticleStatus.Duplicate => "duplicate",
            _ => "rejected",
        });
        WriteNullable(w, "reason", a.Reason);
        if (a.Status == ArticleStatus.Duplicate) WriteNullable(w, "of", a.DuplicateOf);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is null) w.WriteNull(name);
        else w.WriteString(name, date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
