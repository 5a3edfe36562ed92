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
/// as new stories: the first telling is the source text; a later one re-words it with a substitution that
/// is consistent within the story (see <see cref="Retell"/>), so each story keeps the real structure of its
/// event (how its articles share words and sentences) while different stories share only function words,
/// as two events of the same kind reported in other words do. Stories start at random over the weeks and
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
        var pools = WordPools.Of(corpus);
        var sources = corpus.Events.SelectMany(e => e.Articles).Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int copies = (int)Math.Round(options.Articles * options.CopyShare);
        int exactCopies = copies / 2;
        int originals = options.Articles - copies;

        var drafts = new List<Draft>(options.Articles);
        var seen = new HashSet<ulong>();
        int stories = AddOriginals(corpus, options, originals, pools, random, drafts, seen);
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
    private static int AddOriginals(SourceCorpus corpus, SyntheticStreamOptions options, int originals, WordPools pools, Random random, List<Draft> drafts, HashSet<ulong> seen)
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
                    string text = Retell(article.Text, ev.Name, telling, pools);
                    if (!seen.Add(Fingerprint(text))) continue;
                    var time = start.AddSeconds(Math.Floor(random.NextDouble() * options.StoryHours * 3600));
                    string? title = article.Title is null ? null : Retell(article.Title, ev.Name, telling, pools);
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
    /// The source text for the first telling. A later telling swaps every capitalized non-function word for a
    /// name of the corpus and shifts every digit by the telling number; in lines of at least
    /// <see cref="ProseLineWords"/> words (prose) it also swaps every other word of three or more letters
    /// that is not a function word for a word of the corpus. The swap depends only on the word, the event and
    /// the telling, so it is the same throughout a story. Shorter lines (headlines, bylines, captions, page
    /// furniture) keep their lower-case words and the words of <see cref="WordPools.Furniture"/>, so cleaning
    /// still meets the page furniture it would meet. Swapping names alone was not enough: the deduplicator
    /// rightly took such tellings for edited copies of each other (a third of a 2,000-article stream came out
    /// as duplicates instead of the 5% injected).
    /// </summary>
    internal static string Retell(string text, string eventName, int telling, WordPools pools)
    {
        if (telling == 0) return text;
        ulong salt = Fingerprint(eventName) ^ ((ulong)telling * 0x9E3779B97F4A7C15UL);
        var sb = new StringBuilder(text.Length + text.Length / 8);
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            RetellLine(line, CountWords(line) >= ProseLineWords, telling, salt, pools, sb);
            if (lineEnd < text.Length) sb.Append('\n');
            lineStart = lineEnd + 1;
        }
        return sb.ToString();
    }

    /// <summary>A line with this many words is prose; fewer, and it is page furniture or a headline. Bylines and captions stay under it.</summary>
    internal const int ProseLineWords = 8;

    private static void RetellLine(ReadOnlySpan<char> line, bool prose, int telling, ulong salt, WordPools pools, StringBuilder sb)
    {
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsLetter(c))
            {
                int end = i + 1;
                while (end < line.Length && char.IsLetter(line[end])) end++;
                var word = line[i..end];
                if (!prose && pools.IsFurniture(word)) sb.Append(word);
                else if (IsName(word) && pools.Names.Count > 0) sb.Append(Pick(pools.Names, word, salt));
                else if (prose && word.Length >= 3 && pools.Words.Count > 0 && !Lexicon.IsStopword(word)) AppendInCaseOf(word, Pick(pools.Words, word, salt), sb);
                else sb.Append(word);
                i = end;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int shifted = (c - '0' + telling) % 10;
                bool leading = i == 0 || !char.IsAsciiDigit(line[i - 1]);
                sb.Append((char)('0' + (leading && shifted == 0 ? 1 : shifted)));
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
    }

    private static string Pick(IReadOnlyList<string> pool, ReadOnlySpan<char> word, ulong salt) =>
        pool[(int)(Mix(Fingerprint(word) ^ salt) % (ulong)pool.Count)];

    /// <summary>Keeps the source word's case: "ALL CAPS" stays upper case, anything else takes the pool word as it is (lower case).</summary>
    private static void AppendInCaseOf(ReadOnlySpan<char> source, string replacement, StringBuilder sb)
    {
        bool allUpper = true;
        foreach (char c in source) allUpper &= char.IsUpper(c);
        if (allUpper) foreach (char c in replacement) sb.Append(char.ToUpperInvariant(c));
        else sb.Append(replacement);
    }

    private static int CountWords(ReadOnlySpan<char> line)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static bool IsName(ReadOnlySpan<char> word) => word.Length >= 3 && char.IsUpper(word[0]) && !Lexicon.IsStopword(word);

    /// <summary>
    /// The words a retelling draws from: every distinct capitalized non-function word of the corpus (names) and
    /// every distinct lower-case word of three or more letters that is not a function word, in ordinal order
    /// (so the pools do not depend on hashing); and the words a retelling keeps in short lines.
    /// </summary>
    internal sealed record WordPools(IReadOnlyList<string> Names, IReadOnlyList<string> Words, IReadOnlySet<string> Furniture)
    {
        /// <summary>
        /// A word of short lines in this many different source events is page furniture ("Advertisement",
        /// "Image copyright"): it recurs across sites and stories, where a headline's or byline's names do not.
        /// </summary>
        public const int FurnitureEvents = 3;

        public bool IsFurniture(ReadOnlySpan<char> word) =>
            Furniture is HashSet<string> set && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

        public static WordPools Of(SourceCorpus corpus)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var words = new HashSet<string>(StringComparer.Ordinal);
            var shortLineEvents = new Dictionary<string, (int LastEvent, int Events)>(StringComparer.Ordinal);
            var nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
            var wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            var eventLookup = shortLineEvents.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int e = 0; e < corpus.Events.Count; e++)
                foreach (var article in corpus.Events[e].Articles)
                    foreach (var range in article.Text.AsSpan().Split('\n'))
                    {
                        var line = article.Text.AsSpan()[range];
                        bool shortLine = CountWords(line) < ProseLineWords;
                        int i = 0;
                        while (i < line.Length)
                        {
                            if (!char.IsLetter(line[i])) { i++; continue; }
                            int end = i + 1;
                            while (end < line.Length && char.IsLetter(line[end])) end++;
                            var word = line[i..end];
                            if (IsName(word)) nameLookup.Add(word);
                            else if (word.Length >= 3 && IsLower(word) && !Lexicon.IsStopword(word)) wordLookup.Add(word);
                            if (shortLine)
                            {
                                var seen = eventLookup.TryGetValue(word, out var s) ? s : (LastEvent: -1, Events: 0);
                                if (seen.LastEvent != e) eventLookup[word] = (e, seen.Events + 1);
                            }
                            i = end;
                        }
                    }
            var furniture = shortLineEvents.Where(kv => kv.Value.Events >= FurnitureEvents).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            return new WordPools(names.Order(StringComparer.Ordinal).ToList(), words.Order(StringComparer.Ordinal).ToList(), furniture);
        }

        private static bool IsLower(ReadOnlySpan<char> word)
        {
            foreach (char c in word)
                if (!char.IsLower(c)) return false;
            return true;
        }
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
