using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Precis.Model;

namespace Precis.Output;

/// <summary>What every JSON the project writes by hand shares: the writer settings, a document as a string, the rejections.</summary>
internal static class JsonText
{
    /// <summary>Indented, with non-ASCII text kept readable (the output is not embedded in HTML).</summary>
    public static JsonWriterOptions Indented { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON <paramref name="write"/> produces with <see cref="Indented"/>, followed by a line break.</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented)) write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary><c>"rejected": [{"id", "reason"}]</c>, in the given order.</summary>
    public static void WriteRejections(Utf8JsonWriter w, IEnumerable<Rejection> rejected)
    {
        w.WriteStartArray("rejected");
        foreach (var r in rejected)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("reason", r.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
