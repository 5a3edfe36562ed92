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

        var keys = new List<(string Key, int Words, int Unit, int Document, ulong AllWords, ulong InnerWords)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySentence = new Dictionary<SentenceKey, List<int>>();
        var firstKey = new int[units.Count]; // a unit's keys are keys[firstKey[u] .. firstKey[u] + units[u].Count)
        for (int u = 0; u < units.Count; u++)
        {
            firstKey[u] = keys.Count;
            foreach (var s in units[u])
            {
                var (key, words, all, inner) = Normalize(s.Span.Of(s.Paragraph.Text));
                keys.Add((key, words, u, s.Paragraph.Document.Index, all, inner));
                if (byKey.TryGetValue(key, out int other)) Union(u, other);
                else byKey[key] = u;
                var sentence = new SentenceKey(s.Paragraph.Document.Index, s.Paragraph.Words[Math.Min(s.Open + 1, s.Paragraph.Words.Length - 1)].Sentence);
                if (!bySentence.TryGetValue(sentence, out var list)) bySentence[sentence] = list = [];
                list.Add(u);
            }
        }
        // Sentences dedup found to be copies of each other carry the same quotation, slightly edited; a sentence
        // may hold several quotations, so two units join only if their words share a run of four.
        var runs = new HashSet<string>?[units.Count]; // built when a unit is first compared
        HashSet<string> RunsOf(int unit)
        {
            if (runs[unit] is { } known) return known;
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (int k = firstKey[unit]; k < firstKey[unit] + units[unit].Count; k++) AddRuns(keys[k].Key, set);
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
                if (longer.Key.Contains(shorter.Key, StringComparison.Ordinal)) Union(shorter.Unit, longer.Unit);
            }
        }

        var merged = new List<MergedQuote>();
        foreach (var component in Enumerable.Range(0, units.Count).GroupBy(Find))
        {
            var members = component.Select(u => units[u]).ToList();
            var segmentsOf = members.SelectMany(m => m)
                .OrderBy(s => s.Paragraph.Document.Index).ThenBy(s => s.Span.Start).ToList();
            merged.Add(new MergedQuote(segmentsOf, Vote(members)));
        }
        return merged
            .OrderBy(q => q.Attribution.IsNamed ? 0 : 1)
            .ThenByDescending(q => q.Segments.Select(s => s.Paragraph.Document.Index).Distinct().Count())
            .ThenBy(q => q.Segments[0].Paragraph.Document.Index).ThenBy(q => q.Segments[0].Span.Start)
            .ToList();
    }

    /// <summary>The named speaker most copies give; else the role of an unnamed source most copies give.</summary>
    private static Attribution Vote(List<List<QuoteSegment>> members)
    {
        var named = members.Select(m => m[0].Attribution).Where(a => a?.Speaker is not null)
            .GroupBy(a => a!.Speaker).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (named is not null) return named.First()!;
        var unnamed = members.Select(m => m[0].Attribution).Where(a => a?.Role is not null)
            .GroupBy(a => a!.Role, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).FirstOrDefault();
        return unnamed?.First() ?? Attribution.Unattributed;
    }

    /// <summary>Words a quotation shares with a copy of it, in runs of this many (a shorter shared run is a phrase, not a copy).</summary>
    private const int SharedRunWords = 4;

    private static void AddRuns(string key, HashSet<string> runs)
    {
        // The key's words are single-spaced, so a run is the substring from one word's start to a later word's end.
        var starts = new List<int> { 0 };
        for (int k = 0; k < key.Length; k++) if (key[k] == ' ') starts.Add(k + 1);
        for (int i = 0; i + SharedRunWords <= starts.Count; i++)
        {
            int end = i + SharedRunWords < starts.Count ? starts[i + SharedRunWords] - 1 : key.Length;
            runs.Add(key[starts[i]..end]);
        }
    }

    /// <summary>
    /// Letters and digits, lower case, single spaces: the text a copy of the quotation shares. With it, two
    /// signatures of its words (one bit per word, by hash): of all of them, and of all but the first and last.
    /// </summary>
    private static (string Key, int Words, ulong AllWords, ulong InnerWords) Normalize(ReadOnlySpan<char> text)
    {
        // The key is never longer than the text: written into a buffer on the stack rather than a StringBuilder.
        Span<char> key = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        int length = 0;
        int words = 0;
        bool space = true;
        ulong all = 0, inner = 0, previous = 0;
        uint hash = WordFold.Seed;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0) key[length++] = ' ';
                if (space) words++;
                char lower = char.ToLowerInvariant(c);
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
        return (new string(key[..length]), words, all, inner);

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
