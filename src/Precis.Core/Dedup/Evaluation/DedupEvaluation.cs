using Precis.Cleaning;
using Precis.Input;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Dedup.Evaluation;

/// <summary>Settings of <see cref="DedupEvaluation"/>.</summary>
public sealed record DedupEvaluationOptions
{
    /// <summary>Seed of the copy generator: the same seed gives the same copies and figures.</summary>
    public int Seed { get; init; } = 42;

    public IReadOnlyList<int> EditPercents { get; init; } = [0, 5, 10, 20, 30];

    /// <summary>Edit levels up to this are pooled into the headline precision and recall.</summary>
    public int HeadlineMaxEditPercent { get; init; } = 20;

    /// <summary>
    /// Two articles of a cluster count as sharing verbatim text, and are left out of the false-positive rate,
    /// when at least this share of the shorter one's word 3-grams occur in the other, counted exactly.
    /// </summary>
    public double VerbatimOverlap { get; init; } = 0.5;

    public DedupOptions Dedup { get; init; } = new();
}

/// <summary>
/// Measures deduplication without a labelled corpus. Copies are generated from the real articles of
/// multi-document sets (word edits, reordering, boilerplate, alias swaps, truncation, splices) and put in a
/// batch with the originals of their event cluster; a generated copy must be found as a near-duplicate of
/// its original and of nothing else (a splice of nothing), and each of its sentences must be carried by the
/// sentence it came from. Then every pair of different articles inside each event cluster is checked for
/// false near-duplicates; pairs that share verbatim text (exact 3-gram containment ≥
/// <see cref="DedupEvaluationOptions.VerbatimOverlap"/>, i.e. wire copies and updates the sets themselves
/// contain) are counted apart, since calling them copies is right.
/// </summary>
public sealed class DedupEvaluation
{
    private readonly DedupEvaluationOptions _options;
    private readonly ArticleCleaner _cleaner = new();
    private readonly Deduplicator _deduplicator;

    public DedupEvaluation(DedupEvaluationOptions? options = null)
    {
        _options = options ?? new DedupEvaluationOptions();
        // Clusters are evaluated in parallel; one thread per dedup run (results do not depend on it).
        _deduplicator = new Deduplicator(_options.Dedup with { MaxDegreeOfParallelism = 1 });
    }

    /// <summary>Runs the evaluation on MDS JSONL files (one event cluster per line).</summary>
    public DedupEvaluationReport Run(IReadOnlyList<string> files)
    {
        var clusters = new List<Cluster>();
        foreach (string file in files)
        {
            var batch = new InputReader().Read([file]);
            var byId = batch.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var given in batch.Clusters)
            {
                var cleaned = new List<CleanedArticle>();
                foreach (string id in given.ArticleIds)
                {
                    var c = _cleaner.Clean(byId[id]);
                    if (c.BodyWordCount > 0) cleaned.Add(c);
                }
                if (cleaned.Count >= 2) clusters.Add(new Cluster(cleaned, _options.VerbatimOverlap));
            }
        }
        var generator = new CopyGenerator(Vocabulary(clusters), _options.Dedup.Aliases);

        // Clusters are scored in parallel, each with its own seeded generator, and summed in cluster order:
        // the figures do not depend on scheduling.
        var rows = new List<TransformScore>();
        var runs = _options.EditPercents.Select(k => (CopyTransform.WordEdits, k))
            .Concat([(CopyTransform.Reorder, 0), (CopyTransform.Boilerplate, 0), (CopyTransform.Aliases, 0), (CopyTransform.Truncation, 0), (CopyTransform.Splice, 0)]);
        int run = 0;
        foreach (var (transform, percent) in runs)
        {
            var perCluster = new TransformScore[clusters.Count];
            int runIndex = run++;
            Parallel.For(0, clusters.Count, c =>
            {
                var random = new Random((int)(StableHash.Mix((ulong)_options.Seed << 32 ^ (ulong)runIndex << 20 ^ (ulong)c) & 0x7FFF_FFFF));
                perCluster[c] = new TransformScore(transform, percent);
                ScoreCopies(clusters[c], transform, percent, generator, random, perCluster[c]);
            });
            var total = new TransformScore(transform, percent);
            foreach (var score in perCluster) total.Add(score);
            rows.Add(total);
        }

        var sameEventPerCluster = new SameEventScore[clusters.Count];
        Parallel.For(0, clusters.Count, c => ScoreSameEvent(clusters[c], sameEventPerCluster[c] = new SameEventScore()));
        var sameEvent = new SameEventScore();
        foreach (var score in sameEventPerCluster) sameEvent.Add(score);

        return new DedupEvaluationReport(files.Count, clusters.Count, clusters.Sum(c => c.Articles.Count), _options.Seed, _options.HeadlineMaxEditPercent, rows, sameEvent);
    }

    /// <summary>Words of the articles' bodies (letters only, 3+ characters), sorted, for substitutions and insertions.</summary>
    private static List<string> Vocabulary(List<Cluster> clusters)
    {
        var vocabulary = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
            foreach (var c in cluster.Articles)
                foreach (var span in c.BodySpans)
                    foreach (var word in span.TextOf(c.Article.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if (word.Length >= 3 && word.All(char.IsLetter)) vocabulary.Add(word.ToLowerInvariant());
        return [.. vocabulary];
    }

    /// <summary>An event cluster of the evaluation set, with the exact verbatim overlap of every pair of its articles.</summary>
    private sealed class Cluster
    {
        public Cluster(List<CleanedArticle> articles, double verbatimThreshold)
        {
            Articles = articles;
            Trigrams = articles.Select(a => TrigramsOf(a.BodySpans.Select(s => s.TextOf(a.Article.Text)))).ToList();
            Documents = articles.Select((a, i) => Segmenter.Segment(i, a)).ToList();
            Overlap = new double[articles.Count, articles.Count];
            Verbatim = new bool[articles.Count, articles.Count];
            for (int i = 0; i < articles.Count; i++)
                for (int j = i + 1; j < articles.Count; j++)
                {
                    Overlap[i, j] = Overlap[j, i] = Containment(Trigrams[i], Trigrams[j]);
                    Verbatim[i, j] = Verbatim[j, i] = Overlap[i, j] >= verbatimThreshold;
                }
        }

        public List<CleanedArticle> Articles { get; }

        /// <summary>The articles segmented, numbered from 0: in every batch the originals come first.</summary>
        public List<Document> Documents { get; }

        public List<HashSet<ulong>> Trigrams { get; }

        /// <summary>Share of the shorter article's word 3-grams found in the other (exact sets, no aliases).</summary>
        public double[,] Overlap { get; }

        public bool[,] Verbatim { get; }
    }

    private void ScoreCopies(Cluster cluster, CopyTransform transform, int percent, CopyGenerator generator, Random random, TransformScore score)
    {
        int n = cluster.Articles.Count;
        var verbatim = cluster.Verbatim;
        var originals = cluster.Documents;
        var copies = new List<(int Source, int Second, GeneratedCopy Copy)>();
        for (int i = 0; i < n; i++)
        {
            if (transform != CopyTransform.Splice)
            {
                copies.Add((i, -1, generator.Make(transform, percent, originals[i], null, random)));
                continue;
            }
            int second = SplicePartner(cluster, i);
            if (originals[i].Sentences.Count < 4 || originals[second].Sentences.Count < 4) continue;
            var splice = generator.Make(transform, percent, originals[i], originals[second], random);
            // Only a splice whose halves are new to each other is certainly a near-duplicate of neither.
            if (Containment(TrigramsOf(Part(splice, 1)), cluster.Trigrams[i]) >= _options.VerbatimOverlap
                || Containment(TrigramsOf(Part(splice, 0)), cluster.Trigrams[second]) >= _options.VerbatimOverlap)
            {
                score.Skipped++;
                continue;
            }
            copies.Add((i, second, splice));
        }

        var cleanedCopies = new CleanedArticle?[copies.Count];
        for (int k = 0; k < copies.Count; k++)
        {
            var c = _cleaner.Clean(new Article($"copy-{k}", copies[k].Copy.Text));
            cleanedCopies[k] = c.BodyWordCount > 0 ? c : null;
        }

        var documents = new List<Document>(originals);
        var copyPosition = new int[copies.Count];
        for (int k = 0; k < copies.Count; k++)
        {
            copyPosition[k] = cleanedCopies[k] is null ? -1 : documents.Count;
            if (cleanedCopies[k] is { } cleaned) documents.Add(Segmenter.Segment(documents.Count, cleaned));
            else score.Lost++;
        }
        score.Copies += copies.Count;
        score.Substitutions += copies.Count(c => c.Copy.Substitutions > 0);

        var result = _deduplicator.Run(documents);

        for (int k = 0; k < copies.Count; k++)
        {
            var (source, second, copy) = copies[k];
            bool splice = second >= 0;
            int position = copyPosition[k];
            if (position < 0)
            {
                if (!splice) score.NearDuplicate.FalseNegatives++;
                continue;
            }
            // The copy against every original...
            for (int j = 0; j < n; j++)
            {
                bool predicted = result.AreNearDuplicates(position, j);
                if (j == source && !splice) score.NearDuplicate.Add(expected: true, predicted);
                else if (!verbatim[source, j] && !(splice && verbatim[second, j])) score.NearDuplicate.Add(expected: false, predicted);
            }
            // ...and against the copies made from other articles.
            for (int m = k + 1; m < copies.Count; m++)
            {
                if (copyPosition[m] < 0) continue;
                var other = copies[m];
                if (Related(verbatim, source, second, other.Source) || (other.Second >= 0 && Related(verbatim, source, second, other.Second))) continue;
                score.NearDuplicate.Add(expected: false, result.AreNearDuplicates(position, copyPosition[m]));
            }
            ScorePassages(documents[position], copy, originals[source], splice ? originals[second] : null, result, score.Passages);
        }
    }

    /// <summary>The other article of the cluster that shares the least verbatim text with article <paramref name="i"/> (the next one on a tie).</summary>
    private static int SplicePartner(Cluster cluster, int i)
    {
        int n = cluster.Articles.Count, best = -1;
        for (int step = 1; step < n; step++)
        {
            int j = (i + step) % n;
            if (best < 0 || cluster.Overlap[i, j] < cluster.Overlap[i, best]) best = j;
        }
        return best;
    }

    private static IEnumerable<string> Part(GeneratedCopy copy, int source) =>
        copy.Sentences.Where(s => s.Origin.Source == source).Select(s => s.Span.TextOf(copy.Text));

    private static bool Related(bool[,] verbatim, int source, int second, int other) =>
        other == source || other == second || verbatim[source, other] || (second >= 0 && verbatim[second, other]);

    /// <summary>
    /// Every sentence written into the copy (from a sentence of at least <see cref="DedupOptions.MinSentenceWords"/>
    /// words, still that long) should be carried by its source sentence and by no other sentence of the sources.
    /// </summary>
    private void ScorePassages(Document copyDoc, GeneratedCopy copy, Document source, Document? second, DedupResult result, PassageScore score)
    {
        int min = _options.Dedup.MinSentenceWords;
        foreach (var s in copyDoc.Sentences)
        {
            var origin = OriginOf(s.Span, copy);
            var key = new SentenceKey(copyDoc.Index, s.Index);
            SentenceKey? expected = null;
            if (origin is { } o)
            {
                var from = o.Source == 0 ? source : second!;
                if (from.Sentences[o.Sentence].WordCount >= min && s.WordCount >= min) expected = new SentenceKey(from.Index, o.Sentence);
            }
            if (expected is not null) score.Expected++;
            foreach (var carrier in result.Carriers(key))
            {
                if (carrier.Document != source.Index && carrier.Document != second?.Index) continue;
                if (carrier == expected) score.Found++;
                else score.Wrong++;
            }
        }
    }

    /// <summary>The source of the written sentence that covers most of <paramref name="span"/> (at least half of it).</summary>
    private static SentenceOrigin? OriginOf(TextSpan span, GeneratedCopy copy)
    {
        SentenceOrigin? best = null;
        int bestOverlap = 0;
        foreach (var (written, origin) in copy.Sentences)
        {
            int overlap = Math.Min(span.End, written.End) - Math.Max(span.Start, written.Start);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = origin;
            }
        }
        return 2 * bestOverlap >= span.Length ? best : null;
    }

    private void ScoreSameEvent(Cluster cluster, SameEventScore score)
    {
        var documents = cluster.Documents;
        var result = _deduplicator.Run(documents);
        foreach (var doc in documents)
            foreach (var s in doc.Sentences)
            {
                var key = new SentenceKey(doc.Index, s.Index);
                foreach (var carrier in result.Carriers(key))
                {
                    if (carrier.Document > doc.Index && !cluster.Verbatim[doc.Index, carrier.Document]) score.SentenceLinks++;
                }
            }
        for (int i = 0; i < documents.Count; i++)
            for (int j = i + 1; j < documents.Count; j++)
            {
                bool flagged = result.AreNearDuplicates(i, j);
                if (cluster.Verbatim[i, j])
                {
                    score.VerbatimPairs++;
                    if (flagged) score.VerbatimFlagged++;
                    continue;
                }
                score.Pairs++;
                if (!flagged) continue;
                score.Flagged++;
                var copy = result.Copies.First(p => p.First == i && p.Second == j);
                score.FalsePositives.Add($"{documents[i].Id} ~ {documents[j].Id} (similarity {copy.Similarity:0.000}, verbatim 3-gram overlap {cluster.Overlap[i, j]:0.000})");
            }
    }

    /// <summary>Share of the smaller set found in the larger.</summary>
    private static double Containment(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Count == 0 ? 0 : (double)small.Count(large.Contains) / small.Count;
    }

    /// <summary>The word 3-grams of some text, exactly (normalized words, no aliases, no hashing tricks beyond a 64-bit id per 3-gram).</summary>
    private static HashSet<ulong> TrigramsOf(IEnumerable<string> texts)
    {
        var set = new HashSet<ulong>();
        var words = new PooledBuffer<ulong>(256);
        try
        {
            foreach (var text in texts)
            {
                words.Clear();
                WordHasher.Hash(text, ref words);
                var w = words.Span;
                for (int i = 0; i + 3 <= w.Length; i++) set.Add(StableHash.Sequence(w.Slice(i, 3)));
            }
        }
        finally
        {
            words.Dispose();
        }
        return set;
    }
}
