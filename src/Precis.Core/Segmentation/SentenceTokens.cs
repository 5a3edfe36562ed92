using System.Runtime.InteropServices;
using Precis.Cleaning;
using Precis.Text;

namespace Precis.Segmentation;

/// <summary>
/// The tokens of one document's sentences, offsets into the article text: what segmentation read anyway
/// (the splitter works on tokens), kept for a stage that reads the words right after, so it need not
/// tokenize the text again (the stream's clusterer: re-tokenizing was ~0.15 ms per article in
/// `precis bench`). Scratch that a caller reuses from one document to the next, so it holds only the
/// latest document; not thread-safe.
/// </summary>
public sealed class SentenceTokens
{
    private readonly List<Token> _tokens = [];
    private readonly List<int> _ends = [];

    /// <summary>The cleaned article these are the tokens of; a reader checks it against its document.</summary>
    public CleanedArticle? Source { get; private set; }

    public int SentenceCount => _ends.Count;

    /// <summary>The tokens of sentence <paramref name="sentence"/> (its <see cref="Sentence.Index"/>).</summary>
    public ReadOnlySpan<Token> Of(int sentence)
    {
        int start = sentence == 0 ? 0 : _ends[sentence - 1];
        return CollectionsMarshal.AsSpan(_tokens)[start.._ends[sentence]];
    }

    /// <summary>Tokenizes the sentences of a document that was segmented without this scratch.</summary>
    public void Read(Document document) => Read(document.Cleaned, document.Sentences);

    /// <summary>Tokenizes each sentence span of <paramref name="cleaned"/>'s text.</summary>
    public void Read(CleanedArticle cleaned, IReadOnlyList<Sentence> sentences)
    {
        Start(cleaned);
        string text = cleaned.Article.Text;
        foreach (var sentence in sentences)
        {
            int offset = sentence.Span.Start;
            foreach (var token in Tokenizer.Enumerate(sentence.Span.Of(text))) _tokens.Add(token with { Start = token.Start + offset });
            _ends.Add(_tokens.Count);
        }
    }

    /// <summary>Empties the scratch for the tokens of <paramref name="cleaned"/>.</summary>
    internal void Start(CleanedArticle cleaned)
    {
        _tokens.Clear();
        _ends.Clear();
        Source = cleaned;
    }

    /// <summary>The list the splitter appends tokens to.</summary>
    internal List<Token> Tokens => _tokens;

    /// <summary>Ends the next sentence before token <paramref name="end"/> of <see cref="Tokens"/>.</summary>
    internal void EndSentence(int end) => _ends.Add(end);
}
