using System.Runtime.InteropServices;
using Precis.Dedup;
using Precis.Segmentation;

namespace Precis.Facts;

/// <summary>
/// Turns attributed segments into the event's quotations. Within a paragraph, neighbouring segments with the
/// same attribution are one quotation ("A," he said, "B."). Across articles, copies are one quotation: the
/// same words (case, punctuation and spacing aside), one quotation contained in a longer version of it, or
/// sentences that dedup found to be copies of each other. A merged quotation's speaker is the one most of its
/// copies name.
/// </summary>
internal static class QuoteMerger
{
    /// <summary>Shorter quotations must match exactly to merge; from this length one may be a part of the other.</summary>
    private const int MinWordsToMergeContained = 6;

    public static List<MergedQuote> Merge(List<List<List<QuoteSegment>>> segments, DedupResult dedup, int minWords)
    {
        var units = new List<List<QuoteSegment>>();
        foreach (var doc in segments)
            foreach (var paragraph in doc)
            {
                List<QuoteSegment>? current = null;
                foreach (var s in paragraph)
                {
                    if (s.WordCount < minWords) continue;
                    // Unattributed neighbours are not known to be one quotation ("another said “…” Which also means “…”").
                    if (current is not null && s.Attribution is { Speaker: not null } or { Role: not null } && Equals(current[^1].Attribution, s.Attribution)) current.Add(s);
                    else units.Add(current = [s]);
                }
            }

        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        // The keys are written one after the other into one pooled buffer, and compared as spans of it.
        using var text = new KeyText();
        var keys = new List<(int Start, int Length, int Words, int Unit, int Document, ulong AllWords, ulong InnerWords)>();
        var byHash = new Dictionary<int, int>(); // a key's hash → the first key with it; further keys with that hash are chained
        var sameHash = new List<int>();
        var bySentence = new Dictionary<SentenceKey, List<int>>();
        var firstKey = new int[units.Count]; // a unit's keys are keys[firstKey[u] .. firstKey[u] + units[u].Count)
        for (int u = 0; u < units.Count; u++)
        {
            firstKey[u] = keys.Count;
            foreach (var s in units[u])
            {
                var (start, length, words, all, inner) = Normalize(s.Span.Of(s.Paragraph.Text), text);
                int index = keys.Count;
                keys.Add((start, length, words, u, s.Paragraph.Document.Index, all, inner));
                sameHash.Add(-1);
                // The first unit with the same key, if any, is the same quotation.
                var key = text.Of(start, length);
                int hash = string.GetHashCode(key);
                if (byHash.TryGetValue(hash, out int k))
                {
                    while (!text.Of(keys[k].Start, keys[k].Length).SequenceEqual(key) && sameHash[k] >= 0) k = sameHash[k];
                    if (text.Of(keys[k].Start, keys[k].Length).SequenceEqual(key)) Union(u, keys[k].Unit);
                    else sameHash[k] = index;
                }
                else byHash[hash] = index;
                var sentence = new SentenceKey(s.Paragraph.Document.Index, s.Paragraph.Words[Math.Min(s.Open + 1, s.Paragraph.Words.Length - 1)].Sentence);
                if (!bySentence.TryGetValue(sentence, out var list)) bySentence[sentence] = list = [];
                list.Add(u);
            }
        }
        // Sentences dedup found to be copies of each other carry the same quotation, slightly edited; a sentence
        // may hold several quotations, so two units join only if their words share a run of four.
        var runs = new HashSet<(int Start, int Length)>?[units.Count]; // built when a unit is first compared
        var sameRun = new RunComparer(text);
        HashSet<(int Start, int Length)> RunsOf(int unit)
        {
            if (runs[unit] is { } known) return known;
            var set = new HashSet<(int Start, int Length)>(sameRun);
            for (int k = firstKey[unit]; k < firstKey[unit] + units[unit].Count; k++) AddRuns(text, keys[k].Start, keys[k].Length, set);
            return runs[unit] = set;
        }
        foreach (var (sentence, list) in bySentence)
            foreach (var carrier in dedup.Carriers(sentence))
                if (carrier != sentence && bySentence.TryGetValue(carrier, out var others))
                    foreach (int u in list)
                        foreach (int o in others)
                            if (RunsOf(u).Overlaps(RunsOf(o))) Union(u, o);
        var keySpan = CollectionsMarshal.AsSpan(keys); // by reference: the pairwise test below is quadratic
        for (int a = 0; a < keySpan.Length; a++)
        {
            ref var shorter = ref keySpan[a];
            if (shorter.Words < MinWordsToMergeContained) continue;
            for (int b = 0; b < keySpan.Length; b++)
            {
                ref var longer = ref keySpan[b];
                if (longer.Words <= shorter.Words || shorter.Document == longer.Document) continue;
                // The words of a inside b, all but its first and last (which may be parts of b's words), are words of b.
                if ((shorter.InnerWords & ~longer.AllWords) != 0) continue;
                if (text.Of(longer.Start, longer.Length).IndexOf(text.Of(shorter.Start, shorter.Length)) >= 0) Union(shorter.Unit, longer.Unit);
            }
        }

        // One quotation per component, in the order of its first unit; its units in order.
        var componentOfRoot = new int[units.Count];
        Array.Fill(componentOfRoot, -1);
        var components = new List<List<List<QuoteSegment>>>();
        for (int u = 0; u < units.Count; u++)
        {
            int root = Find(u);
            if (componentOfRoot[root] < 0)
            {
                componentOfRoot[root] = components.Count;
                components.Add([]);
            }
            components[componentOfRoot[root]].Add(units[u]);
        }
        var merged = new MergedQuote[components.Count];
        var order = new (int Unnamed, int Articles, int Document, int Start, int Index)[components.Count];
        for (int c = 0; c < components.Count; c++)
        {
            var members = components[c];
            var segmentsOf = new List<QuoteSegment>();
            foreach (var m in members) segmentsOf.AddRange(m);
            SortByPosition(segmentsOf);
            var quote = merged[c] = new MergedQuote(segmentsOf, Vote(members));
            // Named first, then the most articles, then in text order (the index keeps equal keys in component order).
            order[c] = (quote.Attribution.IsNamed ? 0 : 1, -Articles(segmentsOf), segmentsOf[0].Paragraph.Document.Index, segmentsOf[0].Span.Start, c);
        }
        Array.Sort(order, merged);
        return [.. merged];
    }

    /// <summary>By document, then by position in it; segments at the same place keep their order (a stable insertion sort of a few copies).</summary>
    private static void SortByPosition(List<QuoteSegment> segments)
    {
        for (int i = 1; i < segments.Count; i++)
        {
            var s = segments[i];
            int j = i - 1;
            while (j >= 0 && Before(s, segments[j]))
            {
                segments[j + 1] = segments[j];
                j--;
            }
            segments[j + 1] = s;
        }

        static bool Before(QuoteSegment a, QuoteSegment b) =>
            a.Paragraph.Document.Index < b.Paragraph.Document.Index
            || a.Paragraph.Document.Index == b.Paragraph.Document.Index && a.Span.Start < b.Span.Start;
    }

    /// <summary>How many articles carry the segments (sorted by document).</summary>
    private static int Articles(List<QuoteSegment> sorted)
    {
        int articles = 0;
        for (int i = 0; i < sorted.Count; i++)
            if (i == 0 || sorted[i].Paragraph.Document != sorted[i - 1].Paragraph.Document) articles++;
        return articles;
    }

    /// <summary>
    /// The named speaker most copies give; else the role of an unnamed source most copies give. On a tie, the
    /// one given first; the attribution returned is the first copy's that gives it.
    /// </summary>
    private static Attribution Vote(List<List<QuoteSegment>> members)
    {
        Attribution? best = null;
        int bestVotes = 0;
        for (int i = 0; i < members.Count; i++)
        {
            var a = members[i][0].Attribution;
            if (a?.Speaker is null || FirstGiven(members, i, a, SameSpeaker) < i) continue;
            int votes = Votes(members, i, a, SameSpeaker);
            if (votes > bestVotes) (best, bestVotes) = (a, votes);
        }
        if (best is not null) return best;
        for (int i = 0; i < members.Count; i++)
        {
            var a = members[i][0].Attribution;
            if (a?.Role is null || FirstGiven(members, i, a, SameRole) < i) continue;
            int votes = Votes(members, i, a, SameRole);
            if (votes > bestVotes) (best, bestVotes) = (a, votes);
        }
        return best ?? Attribution.Unattributed;
    }

    private static bool SameSpeaker(Attribution? x, Attribution a) => x?.Speaker == a.Speaker;

    private static bool SameRole(Attribution? x, Attribution a) => x?.Role is { } role && role.Equals(a.Role, StringComparison.OrdinalIgnoreCase);

    private static int FirstGiven(List<List<QuoteSegment>> members, int upTo, Attribution a, Func<Attribution?, Attribution, bool> same)
    {
        for (int k = 0; k < upTo; k++) if (same(members[k][0].Attribution, a)) return k;
        return upTo;
    }

    private static int Votes(List<List<QuoteSegment>> members, int from, Attribution a, Func<Attribution?, Attribution, bool> same)
    {
        int votes = 0;
        for (int k = from; k < members.Count; k++) if (same(members[k][0].Attribution, a)) votes++;
        return votes;
    }

    /// <summary>Words a quotation shares with a copy of it, in runs of this many (a shorter shared run is a phrase, not a copy).</summary>
    private const int SharedRunWords = 4;

    private static void AddRuns(KeyText text, int keyStart, int keyLength, HashSet<(int Start, int Length)> runs)
    {
        // The key's words are single-spaced, so a run is the text from one word's start to a later word's end.
        var key = text.Of(keyStart, keyLength);
        var starts = new List<int> { 0 };
        for (int k = 0; k < key.Length; k++) if (key[k] == ' ') starts.Add(k + 1);
        for (int i = 0; i + SharedRunWords <= starts.Count; i++)
        {
            int end = i + SharedRunWords < starts.Count ? starts[i + SharedRunWords] - 1 : key.Length;
            runs.Add((keyStart + starts[i], end - starts[i]));
        }
    }

    /// <summary>The quotation keys of one merge, one after the other in an array rented from the pool.</summary>
    private sealed class KeyText : IDisposable
    {
        private char[] _chars = System.Buffers.ArrayPool<char>.Shared.Rent(4096);

        public int Length { get; private set; }

        public ReadOnlySpan<char> Of(int start, int length) => new(_chars, start, length);

        /// <summary>Room for <paramref name="length"/> more characters at the end (kept by <see cref="Commit"/>).</summary>
        public Span<char> Reserve(int length)
        {
            if (Length + length > _chars.Length)
            {
                var larger = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + length));
                Array.Copy(_chars, larger, Length);
                System.Buffers.ArrayPool<char>.Shared.Return(_chars);
                _chars = larger;
            }
            return _chars.AsSpan(Length, length);
        }

        public void Commit(int length) => Length += length;

        public void Dispose()
        {
            System.Buffers.ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }

    /// <summary>Runs of words (ranges of the key text) compared by their characters.</summary>
    private sealed class RunComparer(KeyText text) : IEqualityComparer<(int Start, int Length)>
    {
        public bool Equals((int Start, int Length) a, (int Start, int Length) b) => text.Of(a.Start, a.Length).SequenceEqual(text.Of(b.Start, b.Length));

        public int GetHashCode((int Start, int Length) run) => string.GetHashCode(text.Of(run.Start, run.Length));
    }

    /// <summary>
    /// Letters and digits, lower case, single spaces: the text a copy of the quotation shares. With it, two
    /// signatures of its words (one bit per word, by hash): of all of them, and of all but the first and last.
    /// </summary>
    private static (int Start, int Length, int Words, ulong AllWords, ulong InnerWords) Normalize(ReadOnlySpan<char> text, KeyText keys)
    {
        // The key is never longer than the text: written at the end of the key text.
        int start = keys.Length;
        var key = keys.Reserve(text.Length);
        int length = 0;
        int words = 0;
        bool space = true;
        ulong all = 0, inner = 0, previous = 0;
        uint hash = WordFold.Seed;
        foreach (char c in text)
        {
            // ASCII letters and digits (most of the text) without the general Unicode tests; the same result.
            if (c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c))
            {
                if (space && length > 0) key[length++] = ' ';
                if (space) words++;
                char lower = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
                key[length++] = lower;
                hash = WordFold.Mix(hash, lower);
                space = false;
            }
            else if (!(c is '\'' or '’'))
            {
                if (!space) EndWord();
                space = true;
            }
        }
        if (!space) EndWord();
        keys.Commit(length);
        return (start, length, words, all, inner);

        void EndWord()
        {
            ulong bit = 1UL << (int)(hash % 64);
            all |= bit;
            if (words >= 3) inner |= previous; // the word before this one is neither the first nor the last
            previous = bit;
            hash = WordFold.Seed;
        }
    }
}
