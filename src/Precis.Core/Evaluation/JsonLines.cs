using System.Text.Json;

namespace Precis.Evaluation;

/// <summary>
/// Reads a JSON Lines file whose every non-blank line is one record: each line is parsed and handed to
/// the reader, which returns the record or the reason it cannot be used. Lines that are not
/// JSON, or that the reader refuses, become problems with their line number: one bad line
/// never stops the file.
/// </summary>
public static class JsonLines
{
    public static (List<T> Records, List<string> Problems) Read<T>(string path, Func<JsonElement, (T? Record, string? Problem)> read)
        where T : class
    {
        var records = new List<T>();
        var problems = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var (record, problem) = read(document.RootElement);
                if (record is not null) records.Add(record);
                else problems.Add($"line {lineNumber}: {problem}");
            }
            catch (JsonException e)
            {
                problems.Add($"line {lineNumber}: malformed JSON: {e.Message}");
            }
        }
        return (records, problems);
    }
}
