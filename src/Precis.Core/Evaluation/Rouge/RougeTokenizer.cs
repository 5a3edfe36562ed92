using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using Precis.Text;

namespace Precis.Evaluation.Rouge;

/// <summary>A summary as ROUGE-1.5.5 counts it: term ids of the whole (limited) text, and of each sentence for ROUGE-L.</summary>
internal sealed record TokenizedSummary(int[] Terms, int[][] Sentences);

/// <summary>
/// Reads summaries the way ROUGE-1.5.5 does (SPEC §1-2). The script works on UTF-8 bytes: only ASCII
/// A-Z is lower-cased and every byte outside [A-Za-z0-9] separates words ("Kerry’s" gives "kerry" and
/// "s"; an "é" splits a word in two). With <c>-s</c> SMART stopwords are dropped; with <c>-m</c> a word
/// longer than 3 bytes becomes its WordNet lemma or its Porter stem.
/// </summary>
/// <remarks>
/// A summary is a list of sentences; a sentence holding line breaks is several lines, as it would be in
/// the script's one-sentence-per-line input. Lines are trimmed and empty ones skipped.
/// </remarks>
internal sealed class RougeTokenizer
{
    private readonly RougeOptions _options;

    public RougeTokenizer(RougeOptions options) => _options = options;

    /// <summary>Reads one summary; its words get ids in <paramref name="terms"/>, shared by every summary of one scoring.</summary>
    public TokenizedSummary Read(IReadOnlyList<string> sentences, RougeTermTable terms)
    {
        var lines = new List<Range>();
        byte[] text = Encode(sentences, lines);
        try
        {
            var counted = new List<Range>(lines.Count);
            Limit(text, lines, countBytesSoFar: true, counted);
            // ROUGE-L reads the sentences again; with a byte limit the script forgets to add each sentence's
            // length to its running total, so every sentence is held against the whole limit on its own.
            var separate = new List<Range>(lines.Count);
            Limit(text, lines, countBytesSoFar: false, separate);

            var perSentence = new int[separate.Count][];
            var words = new List<int>();
            for (int s = 0; s < separate.Count; s++)
            {
                words.Clear();
                Tokenize(text.AsSpan(separate[s]), terms, words);
                perSentence[s] = words.ToArray();
            }
            if (counted.SequenceEqual(separate)) return new TokenizedSummary(Concat(perSentence), perSentence);
            words.Clear();
            foreach (var line in counted) Tokenize(text.AsSpan(line), terms, words);
            return new TokenizedSummary(words.ToArray(), perSentence);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
    }

    private static int[] Concat(int[][] sentences)
    {
        int length = 0;
        foreach (int[] s in sentences) length += s.Length;
        var all = new int[length];
        int at = 0;
        foreach (int[] s in sentences)
        {
            s.CopyTo(all, at);
            at += s.Length;
        }
        return all;
    }

    /// <summary>UTF-8 bytes of all lines in one rented buffer (return it), with each non-empty trimmed line's range.</summary>
    private static byte[] Encode(IReadOnlyList<string> sentences, List<Range> lines)
    {
        int capacity = 0;
        foreach (string s in sentences) capacity += Encoding.UTF8.GetMaxByteCount(s.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacity));
        int length = 0;
        foreach (string sentence in sentences)
        {
            int start = length;
            length += Encoding.UTF8.GetBytes(sentence, buffer.AsSpan(length));
            var bytes = buffer.AsSpan(start, length - start);
            int lineStart = 0;
            while (lineStart <= bytes.Length)
            {
                int newline = bytes[lineStart..].IndexOf((byte)'\n');
                int lineEnd = newline < 0 ? bytes.Length : lineStart + newline;
                var (trimmedStart, trimmedEnd) = Trim(bytes, lineStart, lineEnd);
                if (trimmedEnd > trimmedStart) lines.Add((start + trimmedStart)..(start + trimmedEnd));
                lineStart = lineEnd + 1;
            }
        }
        return buffer;
    }

    private static (int Start, int End) Trim(ReadOnlySpan<byte> bytes, int start, int end)
    {
        while (start < end && IsPerlSpace(bytes[start])) start++;
        while (end > start && IsPerlSpace(bytes[end - 1])) end--;
        return (start, end);
    }

    /// <summary>Perl's <c>\s</c> on a byte string: ASCII white space only.</summary>
    private static bool IsPerlSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    /// <summary>
    /// The script's length limit (SPEC §1). <c>-l N</c>: while the words so far plus this line's white-space
    /// separated pieces stay below N take the whole line, else take its first N - so-far pieces and stop.
    /// <c>-b N</c>: the same with byte lengths, cutting the line that reaches the limit at N - so-far bytes.
    /// </summary>
    private void Limit(ReadOnlySpan<byte> text, List<Range> lines, bool countBytesSoFar, List<Range> kept)
    {
        int wordLimit = _options.WordLimit;
        int byteLimit = wordLimit > 0 ? 0 : _options.ByteLimit;
        int soFar = 0;
        foreach (var line in lines)
        {
            var (start, length) = line.GetOffsetAndLength(text.Length);
            if (wordLimit > 0)
            {
                int words = CountPieces(text.Slice(start, length));
                if (soFar + words < wordLimit)
                {
                    kept.Add(line);
                    soFar += words;
                    continue;
                }
                kept.Add(start..(start + EndOfPieces(text.Slice(start, length), wordLimit - soFar)));
                return;
            }
            if (byteLimit > 0)
            {
                if (soFar + length < byteLimit)
                {
                    kept.Add(line);
                    if (countBytesSoFar) soFar += length;
                    continue;
                }
                kept.Add(start..(start + byteLimit - soFar));
                return;
            }
            kept.Add(line);
        }
    }

    private static int CountPieces(ReadOnlySpan<byte> line)
    {
        int pieces = 0;
        bool inPiece = false;
        foreach (byte b in line)
        {
            if (IsPerlSpace(b)) inPiece = false;
            else if (!inPiece) { inPiece = true; pieces++; }
        }
        return pieces;
    }

    /// <summary>Where the line's first <paramref name="count"/> white-space separated pieces end (the white space after them included).</summary>
    private static int EndOfPieces(ReadOnlySpan<byte> line, int count)
    {
        int pieces = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (IsPerlSpace(line[i])) continue;
            if (i > 0 && !IsPerlSpace(line[i - 1])) continue;
            if (pieces == count) return i;
            pieces++;
        }
        return line.Length;
    }

    /// <summary>
    /// Words are the runs of ASCII letters and digits: the script puts spaces around '-', turns every other
    /// byte outside [A-Za-z0-9] into a space, and then drops pieces not starting with [a-z0-9$] (only the
    /// lone '-' pieces, since '$' is already a space by then).
    /// </summary>
    private void Tokenize(ReadOnlySpan<byte> bytes, RougeTermTable terms, List<int> into)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            if (!char.IsAsciiLetterOrDigit((char)bytes[i])) { i++; continue; }
            int start = i;
            while (i < bytes.Length && char.IsAsciiLetterOrDigit((char)bytes[i])) i++;
            int term = terms.IdOf(bytes[start..i]);
            if (term >= 0) into.Add(term);
        }
    }
}

/// <summary>
/// Term ids for one scoring: each distinct lower-cased word is looked up once in the stopword list, the
/// WordNet table and the stemmer, and every word with the same term shares its id.
/// </summary>
internal sealed class RougeTermTable
{
    /// <summary>The id of a word that <c>-s</c> drops.</summary>
    public const int Dropped = -1;

    private const int StackWordLength = 64;

    private readonly RougeOptions _options;
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopwords;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lemmas;

    public RougeTermTable(RougeOptions options)
    {
        _options = options;
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _termLookup = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _stopwords = RougeData.SmartStopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        _lemmas = RougeData.WordNetExceptions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many distinct terms have ids (ids are 0 … Count-1).</summary>
    public int Count => _termIds.Count;

    /// <summary>The term id of an ASCII word (any case), or <see cref="Dropped"/> for a stopword under <c>-s</c>.</summary>
    public int IdOf(ReadOnlySpan<byte> asciiWord)
    {
        char[]? rented = null;
        Span<char> word = asciiWord.Length <= StackWordLength
            ? stackalloc char[StackWordLength]
            : (rented = ArrayPool<char>.Shared.Rent(asciiWord.Length));
        try
        {
            word = word[..asciiWord.Length];
            for (int i = 0; i < asciiWord.Length; i++) word[i] = (char)(asciiWord[i] | (IsAsciiUpper(asciiWord[i]) ? 0x20 : 0));
            if (_wordLookup.TryGetValue(word, out int id)) return id;
            id = TermOf(word);
            _wordLookup[word] = id;
            return id;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static bool IsAsciiUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    /// <summary>The term of a lower-case word not seen before in this scoring.</summary>
    private int TermOf(ReadOnlySpan<char> word)
    {
        if (_options.RemoveStopwords && _stopwords.Contains(word)) return Dropped;
        if (_options.Stem && word.Length > 3)
        {
            if (_lemmas.TryGetValue(word, out string? lemma)) return TermId(lemma);
            Span<char> stem = word.Length <= StackWordLength ? stackalloc char[StackWordLength] : new char[word.Length];
            int length = PorterStemmer.Stem(word, stem);
            return TermId(stem[..length]);
        }
        return TermId(word);
    }

    private int TermId(ReadOnlySpan<char> term)
    {
        if (_termLookup.TryGetValue(term, out int id)) return id;
        id = _termIds.Count;
        _termLookup[term] = id;
        return id;
    }
}
