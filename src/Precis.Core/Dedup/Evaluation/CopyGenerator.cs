using System.Text;
using System.Text.RegularExpressions;
using Precis.Model;
using Precis.Segmentation;

namespace Precis.Dedup.Evaluation;

/// <summary>The ways <see cref="CopyGenerator"/> turns a real article into a copy.</summary>
public enum CopyTransform
{
    /// <summary>k% of the words substituted, deleted or followed by an inserted word (one of the three at random).</summary>
    WordEdits,

    /// <summary>Paragraphs shuffled (sentences, when the article has a single paragraph).</summary>
    Reorder,

    /// <summary>Three lines of site boilerplate inserted between paragraphs.</summary>
    Boilerplate,

    /// <summary>Every name or spelling of the alias table swapped for another variant of its group.</summary>
    Aliases,

    /// <summary>Only the first 50–90% of the sentences kept.</summary>
    Truncation,

    /// <summary>
    /// The opening of one article followed by the close of another of the same event, as many sentences from
    /// each (half the shorter article): half of it is a copy of each, so it is a near-duplicate of neither.
    /// </summary>
    Splice,
}

/// <summary>Which sentence of which source article a generated sentence came from (Source 0: first article, 1: second of a splice).</summary>
public readonly record struct SentenceOrigin(int Source, int Sentence);

/// <summary>A generated copy: its text, and where each sentence written into it came from.</summary>
public sealed record GeneratedCopy(string Text, IReadOnlyList<(TextSpan Span, SentenceOrigin Origin)> Sentences, int Substitutions);

/// <summary>
/// Makes test copies of real articles, recording the origin of every sentence it writes so passage
/// detection can be scored without hand labels. Deterministic for the <see cref="Random"/> it is given.
/// </summary>
public sealed class CopyGenerator
{
    /// <summary>Generic site furniture of the kind scrapers leave in (written for this evaluation).</summary>
    private static readonly string[] BoilerplateLines =
    [
        "Advertisement",
        "Share this article: Facebook Twitter Email",
        "Sign up for our newsletter to get the day's top stories delivered to your inbox every morning.",
        "Copyright 2024 The Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Related: More coverage from our correspondents around the world",
        "Click here to download our free app and never miss a story.",
        "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.",
        "Follow us on Twitter and Facebook for the latest updates.",
    ];

    private readonly IReadOnlyList<string> _vocabulary;
    private readonly Regex _aliasPattern;
    private readonly Dictionary<string, IReadOnlyList<string>> _groupOf = new(StringComparer.Ordinal);

    /// <param name="vocabulary">Words to substitute and insert (drawn from real articles).</param>
    /// <param name="aliases">The groups whose variants <see cref="CopyTransform.Aliases"/> swaps.</param>
    public CopyGenerator(IReadOnlyList<string> vocabulary, AliasTable aliases)
    {
        if (vocabulary.Count == 0) throw new ArgumentException("The vocabulary is empty.", nameof(vocabulary));
        _vocabulary = vocabulary;
        foreach (var group in aliases.Groups)
            foreach (var variant in group)
                _groupOf.TryAdd(variant, group);
        var alternatives = _groupOf.Keys.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal).Select(Regex.Escape);
        _aliasPattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
    }

    /// <summary>A copy of <paramref name="source"/>; <paramref name="second"/> is the other article of a splice.</summary>
    public GeneratedCopy Make(CopyTransform transform, int editPercent, Document source, Document? second, Random random)
    {
        var paragraphs = Paragraphs(source, 0);
        int substitutions = 0;
        switch (transform)
        {
            case CopyTransform.WordEdits:
                foreach (var p in paragraphs)
                    for (int k = 0; k < p.Count; k++) p[k] = p[k] with { Text = EditWords(p[k].Text, editPercent, random) };
                break;
            case CopyTransform.Reorder:
                paragraphs = Reorder(paragraphs, random);
                break;
            case CopyTransform.Boilerplate:
                for (int k = 0; k < 3; k++)
                    paragraphs.Insert(random.Next(paragraphs.Count + 1), [new Piece(BoilerplateLines[random.Next(BoilerplateLines.Length)], null)]);
                break;
            case CopyTransform.Aliases:
                foreach (var p in paragraphs)
                    for (int k = 0; k < p.Count; k++)
                    {
                        string swapped = _aliasPattern.Replace(p[k].Text, m => OtherVariant(m.Value, random));
                        if (!string.Equals(swapped, p[k].Text, StringComparison.Ordinal)) substitutions++;
                        p[k] = p[k] with { Text = swapped };
                    }
                break;
            case CopyTransform.Truncation:
                paragraphs = FirstSentences(paragraphs, (int)Math.Ceiling(source.Sentences.Count * (0.5 + 0.4 * random.NextDouble())));
                break;
            case CopyTransform.Splice:
                ArgumentNullException.ThrowIfNull(second);
                int half = Math.Min(source.Sentences.Count, second.Sentences.Count) / 2;
                paragraphs = [.. FirstSentences(paragraphs, half), .. LastSentences(Paragraphs(second, 1), half)];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(transform), transform, null);
        }
        return Write(paragraphs, substitutions);
    }

    /// <summary>A sentence to write, and the source sentence it came from (null for inserted boilerplate).</summary>
    private readonly record struct Piece(string Text, SentenceOrigin? Origin);

    private static List<List<Piece>> Paragraphs(Document doc, int source)
    {
        var paragraphs = new List<List<Piece>>();
        int current = -1;
        foreach (var s in doc.Sentences)
        {
            if (s.Paragraph != current)
            {
                paragraphs.Add([]);
                current = s.Paragraph;
            }
            paragraphs[^1].Add(new Piece(doc.StringOf(s).ReplaceLineEndings(" "), new SentenceOrigin(source, s.Index)));
        }
        return paragraphs;
    }

    private static List<List<Piece>> Reorder(List<List<Piece>> paragraphs, Random random)
    {
        // A single paragraph is reordered by sentence, so every copy is really reordered.
        var units = paragraphs.Count > 1 ? paragraphs : paragraphs.SelectMany(p => p).Select(piece => new List<Piece> { piece }).ToList();
        if (units.Count < 2) return units;
        var shuffled = units.ToList();
        for (int i = shuffled.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        if (shuffled.SequenceEqual(units)) (shuffled[0], shuffled[1]) = (shuffled[1], shuffled[0]);
        return shuffled;
    }

    private static List<List<Piece>> FirstSentences(List<List<Piece>> paragraphs, int count)
    {
        var kept = new List<List<Piece>>();
        foreach (var p in paragraphs)
        {
            if (count <= 0) break;
            kept.Add(p.Take(count).ToList());
            count -= p.Count;
        }
        return kept;
    }

    private static List<List<Piece>> LastSentences(List<List<Piece>> paragraphs, int count)
    {
        var kept = new List<List<Piece>>();
        for (int i = paragraphs.Count - 1; i >= 0 && count > 0; i--)
        {
            var p = paragraphs[i];
            kept.Insert(0, p.Skip(Math.Max(0, p.Count - count)).ToList());
            count -= p.Count;
        }
        return kept;
    }

    private string EditWords(string sentence, int percent, Random random)
    {
        if (percent <= 0) return sentence;
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length + 4);
        foreach (string word in words)
        {
            if (random.Next(100) >= percent)
            {
                result.Add(word);
                continue;
            }
            int core = 0, end = word.Length;
            while (core < end && !char.IsLetterOrDigit(word[core])) core++;
            while (end > core && !char.IsLetterOrDigit(word[end - 1])) end--;
            string replacement = _vocabulary[random.Next(_vocabulary.Count)];
            switch (random.Next(3))
            {
                case 0:
                    result.Add(string.Concat(word.AsSpan(0, core), replacement, word.AsSpan(end)));
                    break;
                case 1 when core == 0 && end == word.Length:
                    break; // deleted; a word carrying punctuation or quotes is substituted instead
                case 1:
                    result.Add(string.Concat(word.AsSpan(0, core), replacement, word.AsSpan(end)));
                    break;
                default:
                    result.Add(word);
                    result.Add(replacement);
                    break;
            }
        }
        return string.Join(' ', result);
    }

    private string OtherVariant(string variant, Random random)
    {
        var group = _groupOf[variant];
        int pick = random.Next(group.Count - 1);
        int own = IndexOf(group, variant);
        return group[pick >= own ? pick + 1 : pick];
    }

    private static int IndexOf(IReadOnlyList<string> group, string variant)
    {
        for (int i = 0; i < group.Count; i++)
            if (string.Equals(group[i], variant, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static GeneratedCopy Write(List<List<Piece>> paragraphs, int substitutions)
    {
        var text = new StringBuilder();
        var sentences = new List<(TextSpan, SentenceOrigin)>();
        foreach (var p in paragraphs)
        {
            if (p.Count == 0) continue;
            if (text.Length > 0) text.Append('\n');
            for (int k = 0; k < p.Count; k++)
            {
                if (k > 0) text.Append(' ');
                int start = text.Length;
                text.Append(p[k].Text);
                if (p[k].Origin is { } origin) sentences.Add((new TextSpan(start, text.Length), origin));
            }
        }
        return new GeneratedCopy(text.ToString(), sentences, substitutions);
    }
}
