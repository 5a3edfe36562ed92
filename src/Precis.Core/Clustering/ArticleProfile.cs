using System.Collections.Frozen;
using Precis.Segmentation;
using Precis.Text;

namespace Precis.Clustering;

/// <summary>Term ids with their counts in one document (raw frequencies, before IDF).</summary>
internal readonly record struct TermCounts(int[] Ids, float[] Counts)
{
    public static TermCounts Empty { get; } = new([], []);
}

/// <summary>
/// What clustering reads from one document, tokenized once: content-word counts, name counts and the
/// article time. <see cref="Tag"/> is the caller's handle for the document (its index in a batch).
/// </summary>
internal sealed record ArticleProfile(string Id, int Tag, double? Day, TermCounts Content, TermCounts Names);

/// <summary>
/// Reads a document's title and body sentences into an <see cref="ArticleProfile"/>. Content terms are
/// lower-cased words and numbers that are not stopwords. Names are a cheap proxy for people, places and
/// organisations: runs of capitalized words ("Betty Ford Center" gives "betty ford center" and each of
/// its words). A lone capitalized word that opens a sentence counts only when the same word also stands
/// capitalized inside a sentence of the document: "Perennial party girl…" is not a name, "Pinochet, 82,…"
/// is when Pinochet is named elsewhere. Not thread-safe (it grows the clusterer's term tables).
/// </summary>
internal sealed class ArticleProfiler
{
    private const int MaxTermLength = 64;
    private const int MaxNameWords = 4;


    private static readonly Lazy<FrozenSet<string>> LazyNonNames = new(() => Lexicon.LoadSet("cluster-non-names.txt", StringComparer.OrdinalIgnoreCase));

    private readonly TermTable _content;
    private readonly TermTable _names;
    private readonly ClusteringOptions _options;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _nonNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopwords;
    private readonly Dictionary<int, float> _contentCounts = [];
    private readonly Dictionary<int, float> _nameCounts = [];
    private readonly List<(int Id, int Weight)> _sentenceOpeners = [];
    private readonly char[] _buffer = new char[MaxNameWords * (MaxTermLength + 1)];
    private readonly (int Start, int Length)[] _run = new (int, int)[MaxNameWords];

    public ArticleProfiler(TermTable content, TermTable names, ClusteringOptions options)
    {
        _content = content;
        _names = names;
        _options = options;
        _nonNames = LazyNonNames.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        _stopwords = Lexicon.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Profiles a document from the tokens its segmentation read (<paramref name="tokens"/> must hold this document's).</summary>
    public ArticleProfile Profile(Document document, SentenceTokens tokens, double? day)
    {
        if (!ReferenceEquals(tokens.Source, document.Cleaned) || tokens.SentenceCount != document.Sentences.Count)
            throw new ArgumentException($"The tokens are not those of document {document.Id}.", nameof(tokens));
        return Profile(document.Id, document.Index, document.Title, document.Text, tokens, day);
    }

    /// <summary>The article time in days since 0001-01-01 UTC: the time the feed gives, else the date found in the text.</summary>
    public static double? DayOf(Document document) => FeedDayOf(document) ?? document.Cleaned.Metadata.Date?.DayNumber;

    /// <summary>The time the feed gives the article (its timestamp, else its declared date) in days since 0001-01-01 UTC; null when it gives none.</summary>
    public static double? FeedDayOf(Document document)
    {
        if (document.Article.Timestamp is { } t) return t.UtcTicks / (double)TimeSpan.TicksPerDay;
        if (document.Article.Date is { } d) return d.DayNumber;
        return null;
    }

    private ArticleProfile Profile(string id, int tag, string? title, string text, SentenceTokens tokens, double? day)
    {
        _contentCounts.Clear();
        _nameCounts.Clear();
        _sentenceOpeners.Clear();
        if (title is not null)
        {
            foreach (var token in Tokenizer.Enumerate(title))
                if (token.IsWordLike) CountContent(StripPossessive(token.Of(title)), _options.TitleRepeat);
        }
        for (int i = 0; i < tokens.SentenceCount; i++)
            ReadSentence(text, tokens.Of(i), i < _options.LeadSentences ? _options.LeadRepeat : 1);
        foreach (var (opener, weight) in _sentenceOpeners)
            if (_nameCounts.TryGetValue(opener, out float n)) _nameCounts[opener] = n + weight;
        return new ArticleProfile(id, tag, day, Freeze(_contentCounts), Freeze(_nameCounts));
    }

    /// <summary>Counts one sentence's words; <paramref name="tokens"/> are offsets into <paramref name="text"/>.</summary>
    private void ReadSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int weight)
    {
        int runLength = 0;
        bool runOpensSentence = false;
        bool first = true;
        foreach (var token in tokens)
        {
            if (!token.IsWordLike)
            {
                FlushRun(text, ref runLength, runOpensSentence, weight);
                continue;
            }
            var word = StripPossessive(token.Of(text));
            var flags = CountContent(word, weight);
            if (flags is { } f && (f & TermFlags.NotAName) == 0 && char.IsUpper(word[0]))
            {
                if (runLength == 0) runOpensSentence = first;
                if (runLength < MaxNameWords) _run[runLength++] = (token.Start, word.Length);
            }
            else
            {
                FlushRun(text, ref runLength, runOpensSentence, weight);
            }
            first = false;
        }
        FlushRun(text, ref runLength, runOpensSentence, weight);
    }

    private void FlushRun(ReadOnlySpan<char> text, ref int runLength, bool opensSentence, int weight)
    {
        if (runLength == 0) return;
        if (runLength == 1 && opensSentence)
        {
            var (start, length) = _run[0];
            if (_names.TryGet(Lower(text.Slice(start, length), 0), out int id)) _sentenceOpeners.Add((id, weight));
            runLength = 0;
            return;
        }
        int written = 0;
        for (int k = 0; k < runLength; k++)
        {
            var (start, length) = _run[k];
            if (k > 0) _buffer[written++] = ' ';
            var lowered = Lower(text.Slice(start, length), written);
            Add(_nameCounts, _names.GetOrAdd(lowered), weight);
            written += lowered.Length;
        }
        if (runLength > 1) Add(_nameCounts, _names.GetOrAdd(_buffer.AsSpan(0, written)), weight);
        runLength = 0;
    }

    /// <summary>Counts a content word and returns its flags; null for stopwords, single letters and over-long tokens.</summary>
    private TermFlags? CountContent(ReadOnlySpan<char> word, int times)
    {
        if (word.Length < 2 || word.Length > MaxTermLength) return null;
        var lowered = Lower(word, 0);
        if (!_content.TryGet(lowered, out int id))
        {
            var flags = (_stopwords.Contains(lowered) ? TermFlags.Stopword : TermFlags.None) | (_nonNames.Contains(lowered) ? TermFlags.NotAName : TermFlags.None);
            id = _content.Add(lowered, flags);
        }
        var known = _content.Flags(id);
        if ((known & TermFlags.Stopword) != 0) return null;
        Add(_contentCounts, id, times);
        return known;
    }

    private ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, int at)
    {
        var target = _buffer.AsSpan(at, word.Length);
        word.ToLowerInvariant(target);
        return target;
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word[^1] == 's' || word[^1] == 'S') && TextChars.IsApostrophe(word[^2])) return word[..^2];
        if (word.Length > 1 && TextChars.IsApostrophe(word[^1])) return word[..^1];
        return word;
    }

    private static void Add(Dictionary<int, float> counts, int id, float times)
    {
        ref float slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, id, out _);
        slot += times;
    }

    private static TermCounts Freeze(Dictionary<int, float> counts)
    {
        if (counts.Count == 0) return TermCounts.Empty;
        var ids = new int[counts.Count];
        var values = new float[counts.Count];
        int i = 0;
        foreach (var (id, n) in counts)
        {
            ids[i] = id;
            values[i++] = n;
        }
        return new TermCounts(ids, values);
    }
}
