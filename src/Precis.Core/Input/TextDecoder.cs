using System.Text;

namespace Precis.Input;

/// <summary>The outcome of decoding bytes: text, or the reason the bytes are not text we can use.</summary>
public readonly record struct DecodeResult(string? Text, string? Rejection)
{
    public bool Success => Text is not null;
    public static DecodeResult Ok(string text) => new(text, null);
    public static DecodeResult Fail(string reason) => new(null, reason);
}

/// <summary>
/// Turns raw bytes into article text. UTF-8 with or without BOM, and UTF-16 when a BOM says so. Bytes that
/// are not text (NUL bytes, mostly control characters) or UTF-8 that is broken beyond a stray byte or two
/// are rejected with a reason instead of being guessed at: a mis-decoded article would poison the summary.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// At most this many invalid UTF-8 sequences per 10,000 bytes are repaired (as U+FFFD); more means the
    /// file is in another encoding and is rejected. Scrapes often carry one truncated multi-byte character.
    /// </summary>
    public const int RepairablePerTenThousand = 5;

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return FromUtf16(bytes[2..], Encoding.Unicode);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return FromUtf16(bytes[2..], Encoding.BigEndianUnicode);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            bytes = bytes[3..];

        if (bytes.IsEmpty)
            return DecodeResult.Fail("empty: the input has no bytes");
        if (bytes.IndexOf((byte)0) >= 0)
            return DecodeResult.Fail("binary: the input contains NUL bytes, so it is not text");

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            int invalid = CountInvalidUtf8(bytes);
            if ((long)invalid * 10_000 > (long)RepairablePerTenThousand * Math.Max(bytes.Length, 2_000))
                return DecodeResult.Fail($"invalid UTF-8: {invalid} invalid byte sequences in {bytes.Length} bytes (the text is in another encoding or damaged)");
            text = Encoding.UTF8.GetString(bytes); // replaces the few bad sequences with U+FFFD
        }
        return Check(text);
    }

    private static DecodeResult FromUtf16(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (bytes.IsEmpty)
            return DecodeResult.Fail("empty: the input has no bytes");
        return Check(encoding.GetString(bytes));
    }

    private static DecodeResult Check(string text)
    {
        int control = 0, visible = 0;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (char.IsControl(c)) control++;
            else visible++;
        }
        if (visible == 0)
            return DecodeResult.Fail("empty: the input has no visible text");
        if (control * 10 > visible)
            return DecodeResult.Fail($"binary: {control} control characters among {visible} visible ones");
        return DecodeResult.Ok(text);
    }

    private static int CountInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) invalid++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return invalid;
    }
}
