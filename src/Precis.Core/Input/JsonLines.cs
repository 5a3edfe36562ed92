namespace Precis.Input;

/// <summary>
/// Streams the lines of a file as byte blocks with bounded memory: a line longer than the limit is skipped
/// to its end and reported as <see cref="JsonLine.TooLong"/> instead of being buffered.
/// </summary>
internal static class JsonLines
{
    internal readonly record struct JsonLine(ReadOnlyMemory<byte> Bytes, bool TooLong);

    public static IEnumerable<JsonLine> Read(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        bool tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                if (!tooLong) Append(line, buffer, start, i - start, maxLineBytes, ref tooLong);
                yield return Take(line, ref tooLong);
                start = i + 1;
            }
            if (!tooLong) Append(line, buffer, start, read - start, maxLineBytes, ref tooLong);
        }
        if (line.Length > 0 || tooLong) yield return Take(line, ref tooLong);
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, int max, ref bool tooLong)
    {
        if (line.Length + count > max)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }
        line.Write(buffer, start, count);
    }

    private static JsonLine Take(MemoryStream line, ref bool tooLong)
    {
        var result = tooLong ? new JsonLine(ReadOnlyMemory<byte>.Empty, true) : new JsonLine(line.ToArray(), false);
        line.SetLength(0);
        tooLong = false;
        return result;
    }
}
