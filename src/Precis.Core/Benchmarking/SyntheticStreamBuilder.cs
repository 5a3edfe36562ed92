using System.Text;
using Precis.Text;

namespace Precis.Benchmarking;

/// <summary>What a synthetic stream looks like. The defaults describe the 100k-article day the engine is sized for.</summary>
public sealed record SyntheticStreamOptions
{
    public int Articles { get; init; } = 100_000;

    /// <summary>Seeds every random choice: the same seed and corpus give the same stream, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share of the stream that copies an earlier article, half exact and half near copies. 5% is the share the
    /// performance issue (9) sets for the bench; real feeds range widely, so it is a parameter.
    /// </summary>
    public double CopyShare { get; init; } = 0.05;

    /// <summary>The stream's articles are spread over this many weeks (stories start anywhere in it).</summary>
    public int Weeks { get; init; } = 8;

    /// <summary>A story's articles appear within this many hours of its start.</summary>
    public int StoryHours { get; init; } = 72;

    /// <summary>Chance that a source article appears in a given telling of its event, so tellings differ in size.</summary>
    public double ArticleShareOfStory { get; init; } = 0.8;

    /// <summary>The first instant of the stream; fixed so streams do not depend on the clock.</summary>
    public DateTimeOffset Start { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Builds a stream of any size from a few thousand real articles. Each source event is told again and again
/// as new stories (the first telling is the source text; later ones swap every capitalized name for another
/// name from the corpus, consistently within the story, and shift every digit), so the stream holds many
/// distinct events of the same kind, as a news day does. Stories start at random over the weeks and
/// interleave. Then exact and near copies of earlier articles are injected (syndication). Every text is
/// distinct except the exact copies.
/// </summary>
public static class SyntheticStreamBuilder
{
    public static SyntheticStream Build(SourceCorpus corpus, SyntheticStreamOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Articles, 1);
        if (options.CopyShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "CopyShare must be in [0, 1).");
        if (corpus.ArticleCount == 0) throw new ArgumentException("The source corpus has no articles.", nameof(corpus));

        var random = new Random(options.Seed);
        var names = NamePool(corpus);
        var sources = corpus.Events.SelectMany(e => e.Articles).Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int copies = (int)Math.Round(options.Articles * options.CopyShare);
        int exactCopies = copies / 2;
        int originals = options.Articles - copies;

        var drafts = new List<Draft>(options.Articles);
        var seen = new HashSet<ulong>();
        int stories = AddOriginals(corpus, options, originals, names, random, drafts, seen);
        for (int c = 0; c < copies; c++)
            drafts.Add(Copy(drafts, originals, c < exactCopies ? StreamArticleKind.ExactCopy : StreamArticleKind.NearCopy, sources, random, seen));

        var order = Enumerable.Range(0, drafts.Count).OrderBy(i => drafts[i].Time).ThenBy(i => i).ToArray();
        var ids = new string[drafts.Count];
        for (int rank = 0; rank < order.Length; rank++) ids[order[rank]] = $"syn-{rank + 1:D6}";
        var articles = new StreamArticle[drafts.Count];
        for (int rank = 0; rank < order.Length; rank++)
        {
            var d = drafts[order[rank]];
            articles[rank] = new StreamArticle(ids[order[rank]], d.Utf8, d.Title, d.Source, d.Time, d.Story, d.Kind, d.CopyOf < 0 ? null : ids[d.CopyOf]);
        }
        return new SyntheticStream(articles, stories, options);
    }

    private sealed record Draft(byte[] Utf8, string? Title, string? Source, DateTimeOffset Time, int Story, StreamArticleKind Kind, int CopyOf);

    /// <summary>Tells events as stories, in shuffled rounds over the corpus, until there are enough originals; returns the story count.</summary>
    private static int AddOriginals(SourceCorpus corpus, SyntheticStreamOptions options, int originals, IReadOnlyList<string> names, Random random, List<Draft> drafts, HashSet<ulong> seen)
    {
        var tellings = new int[corpus.Events.Count];
        var eventOrder = Enumerable.Range(0, corpus.Events.Count).ToArray();
        double startRange = Math.Max(0, TimeSpan.FromDays(7 * options.Weeks).TotalSeconds - TimeSpan.FromHours(options.StoryHours).TotalSeconds);
        int stories = 0;
        while (drafts.Count < originals)
        {
            int before = drafts.Count;
            random.Shuffle(eventOrder);
            foreach (int e in eventOrder)
            {
                var ev = corpus.Events[e];
                int telling = tellings[e]++;
                var start = options.Start.AddSeconds(Math.Floor(random.NextDouble() * startRange));
                bool told = false;
                foreach (var article in ev.Articles)
                {
                    if (random.NextDouble() >= options.ArticleShareOfStory) continue;
                    string text = Retell(article.Text, ev.Name, telling, names);
                    if (!seen.Add(Fingerprint(text))) continue;
                    var time = start.AddSeconds(Math.Floor(random.NextDouble() * options.StoryHours * 3600));
                    string? title = article.Title is null ? null : Retell(article.Title, ev.Name, telling, names);
                    drafts.Add(new Draft(Encoding.UTF8.GetBytes(text), title, article.Source, time, stories, StreamArticleKind.Original, -1));
                    told = true;
                    if (drafts.Count == originals) break;
                }
                if (told) stories++;
                if (drafts.Count == originals) break;
            }
            if (drafts.Count == before)
                throw new ArgumentException($"The source corpus cannot yield {originals:N0} distinct articles: a whole round over it added none.", nameof(corpus));
        }
        return stories;
    }

    /// <summary>
    /// A copy of a random earlier original: exact, or near (a non-lead paragraph dropped when there are three or
    /// more, else a copyright line added, as re-publishing sites do); published minutes to hours later.
    /// </summary>
    private static Draft Copy(List<Draft> drafts, int originals, StreamArticleKind kind, IReadOnlyList<string> sources, Random random, HashSet<ulong> seen)
    {
        const int MaxAttempts = 100;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            int of = random.Next(originals);
            var original = drafts[of];
            string? source = sources.Count > 0 ? sources[random.Next(sources.Count)] : null;
            var time = original.Time.AddSeconds(random.Next(5 * 60, 12 * 3600));
            if (kind == StreamArticleKind.ExactCopy)
                return original with { Source = source, Time = time, Kind = kind, CopyOf = of };

            string text = Encoding.UTF8.GetString(original.Utf8);
            var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (paragraphs.Count >= 3) paragraphs.RemoveAt(random.Next(1, paragraphs.Count));
            else paragraphs.Add($"Copyright {time.Year} {source ?? "the publisher"}. All rights reserved.");
            string near = string.Join('\n', paragraphs);
            if (!seen.Add(Fingerprint(near))) continue;
            return new Draft(Encoding.UTF8.GetBytes(near), original.Title, source, time, original.Story, kind, of);
        }
        throw new ArgumentException($"No new near copy after {MaxAttempts} attempts: the source corpus is too small.", nameof(drafts));
    }

    /// <summary>
    /// The source text for the first telling; later tellings swap capitalized non-function words for names
    /// drawn from the corpus (the same name for the same word throughout the story) and shift every digit by
    /// the telling number, so two tellings share their vocabulary of kind but not their who, where and when.
    /// </summary>
    internal static string Retell(string text, string eventName, int telling, IReadOnlyList<string> names)
    {
        if (telling == 0 || names.Count == 0) return text;
        ulong salt = Fingerprint(eventName) ^ ((ulong)telling * 0x9E3779B97F4A7C15UL);
        var sb = new StringBuilder(text.Length + text.Length / 8);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                int end = i + 1;
                while (end < text.Length && char.IsLetter(text[end])) end++;
                var word = text.AsSpan(i, end - i);
                if (IsName(word)) sb.Append(names[(int)(Mix(Fingerprint(word) ^ salt) % (ulong)names.Count)]);
                else sb.Append(word);
                i = end;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int shifted = (c - '0' + telling) % 10;
                bool leading = i == 0 || !char.IsAsciiDigit(text[i - 1]);
                sb.Append((char)('0' + (leading && shifted == 0 ? 1 : shifted)));
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsName(ReadOnlySpan<char> word) => word.Length >= 3 && char.IsUpper(word[0]) && !Lexicon.IsStopword(word);

    /// <summary>Every distinct capitalized non-function word of the corpus, in ordinal order (so the pool does not depend on hashing).</summary>
    private static List<string> NamePool(SourceCorpus corpus)
    {
        var pool = new HashSet<string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var ev in corpus.Events)
            foreach (var article in ev.Articles)
            {
                var text = article.Text.AsSpan();
                int i = 0;
                while (i < text.Length)
                {
                    if (!char.IsLetter(text[i])) { i++; continue; }
                    int end = i + 1;
                    while (end < text.Length && char.IsLetter(text[end])) end++;
                    var word = text[i..end];
                    if (IsName(word)) lookup.Add(word);
                    i = end;
                }
            }
        return pool.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>64-bit FNV-1a: stable across processes (string.GetHashCode is randomized per process).</summary>
    internal static ulong Fingerprint(ReadOnlySpan<char> text)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>A final avalanche (from SplitMix64) so that nearby fingerprints pick unrelated names.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
