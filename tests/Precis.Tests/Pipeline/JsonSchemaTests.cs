using System.Text.Json;
using Precis.Output;
using Precis.Pipeline;

namespace Precis.Tests.Pipeline;

/// <summary>The JSON output matches docs/output-format.md on a real set: DUC 2003's 30 clusters.</summary>
public sealed class JsonSchemaTests
{
    private static readonly Lazy<(Precis.Model.Digest Digest, JsonElement Root)> Duc = new(() =>
    {
        var digest = PrecisPipeline.Default.DigestPaths([Fixtures.EvalFile("mds/duc2003.jsonl")]);
        var json = JsonDigestWriter.ToJson(digest);
        return (digest, JsonDocument.Parse(json).RootElement.Clone());
    });

    [Fact]
    public void Duc2003_digest_keeps_the_30_given_clusters_as_events()
    {
        var root = Duc.Value.Root;
        root.GetProperty("version").GetInt32().Should().Be(1);
        root.GetProperty("events").GetArrayLength().Should().Be(30);
    }

    [Fact]
    public void Every_event_has_the_documented_fields_and_types()
    {
        foreach (var e in Duc.Value.Root.GetProperty("events").EnumerateArray())
        {
            e.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
            e.GetProperty("headline").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            var date = e.GetProperty("date");
            if (date.ValueKind == JsonValueKind.String) date.GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
            else date.ValueKind.Should().Be(JsonValueKind.Null);
            var summary = e.GetProperty("summary");
            summary.GetArrayLength().Should().BeGreaterThan(0);
            int words = 0;
            foreach (var s in summary.EnumerateArray())
            {
                words += Precis.Text.WordCounter.Count(s.GetProperty("text").GetString());
                foreach (var src in s.GetProperty("sources").EnumerateArray())
                {
                    src.GetProperty("article").ValueKind.Should().Be(JsonValueKind.String);
                    src.GetProperty("start").GetInt32().Should().BeLessThan(src.GetProperty("end").GetInt32());
                }
            }
            words.Should().BeLessThanOrEqualTo(100);
            e.GetProperty("articles").GetArrayLength().Should().BeGreaterThan(0);
            e.GetProperty("copies").ValueKind.Should().Be(JsonValueKind.Array);
            e.GetProperty("entities").ValueKind.Should().Be(JsonValueKind.Array);
            e.GetProperty("quotes").ValueKind.Should().Be(JsonValueKind.Array);
            e.GetProperty("conflicts").ValueKind.Should().Be(JsonValueKind.Array);
        }
    }

    [Fact]
    public void Every_article_is_listed_with_a_status()
    {
        var articles = Duc.Value.Root.GetProperty("articles");
        articles.GetArrayLength().Should().Be(Duc.Value.Digest.Articles.Count).And.BeGreaterThan(250);
        foreach (var a in articles.EnumerateArray())
        {
            a.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
            a.GetProperty("status").GetString().Should().BeOneOf("kept", "duplicate", "rejected");
            foreach (var name in new[] { "title", "date", "source", "reason" })
                a.TryGetProperty(name, out _).Should().BeTrue($"'{name}' is always present (null when unknown)");
            if (a.GetProperty("status").GetString() == "duplicate")
                a.GetProperty("of").ValueKind.Should().Be(JsonValueKind.String);
        }
    }

    [Fact]
    public void Duc2003_sources_match_the_article_text()
    {
        var texts = ReadDucTexts();
        DigestAssertions.SourcesMatchText(Duc.Value.Digest, texts);
        DigestAssertions.EveryInputReported(Duc.Value.Digest, texts.Keys);
    }

    private static Dictionary<string, string> ReadDucTexts()
    {
        var texts = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(Fixtures.EvalFile("mds/duc2003.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var d in doc.RootElement.GetProperty("docs").EnumerateArray())
            {
                // The reader keeps ids unique: a document repeated in a second cluster becomes "id~2".
                string id = d.GetProperty("id").GetString()!;
                string unique = id;
                for (int k = 2; texts.ContainsKey(unique); k++) unique = $"{id}~{k}";
                texts[unique] = d.GetProperty("text").GetString()!;
            }
        }
        return texts;
    }
}
