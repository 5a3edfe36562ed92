using Precis.Evaluation.Rouge;

namespace Precis.Tests.Rouge;

/// <summary>Our ROUGE against the original ROUGE-1.5.5 script's own output on 1,272 cases.</summary>
public sealed class RougeConformanceTests
{
    private static readonly Lazy<RougeVectorFile> DevVectors = new(() => RougeVectorFile.Read(Fixtures.EvalFile("rouge/vectors-dev.jsonl")));

    [Fact]
    public void Every_dev_vector_prints_what_ROUGE_1_5_5_printed()
    {
        var file = DevVectors.Value;
        file.Problems.Should().BeEmpty();
        file.Vectors.Should().HaveCount(1272);

        var report = RougeConformance.Check(file.Vectors);

        report.Mismatches.Should().BeEmpty();
        report.Matched.Should().Be(1272);
        report.Protocols.Select(p => (p.Protocol, p.Matched, p.Total)).Should().BeEquivalentTo(new[]
        {
            ("duc-100w-stem", 318, 318), ("duc-665b-stem", 318, 318), ("nostem-full", 318, 318), ("stem-stopwords-removed", 318, 318),
        });
    }

    [Fact]
    public void A_vector_with_a_different_expected_score_is_reported_as_a_mismatch()
    {
        var vector = DevVectors.Value.Vectors[0];
        var expected = new Dictionary<RougeMeasure, RougeScore>(vector.Expected);
        expected[RougeMeasure.Rouge2] = expected[RougeMeasure.Rouge2] with { Recall = expected[RougeMeasure.Rouge2].Recall + 0.00001 };

        var report = RougeConformance.Check([vector with { Expected = expected }]);

        report.Matched.Should().Be(0);
        report.Mismatches.Should().ContainSingle().Which.Reason.Should().StartWith("ROUGE-2 expected");
    }

    [Theory]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -m -l 100 (recall is the DUC/TAC headline figure)", true, false, 100, 0)]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -m -b 665", true, false, 0, 665)]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U, no stemming, no length limit", false, false, 0, 0)]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -m -s (stopwords removed)", true, true, 0, 0)]
    public void Options_are_read_from_the_script_command_line(string commandLine, bool stem, bool stopwords, int words, int bytes)
    {
        var parsed = RougeOptions.Parse(commandLine);

        parsed.Error.Should().BeNull();
        parsed.Options.Should().Be(new RougeOptions { Stem = stem, RemoveStopwords = stopwords, WordLimit = words, ByteLimit = bytes });
    }

    [Theory]
    [InlineData("ROUGE-1.5.5 -n 2 -m", "only '-n 4 -2 4 -U'")]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -f B", "-f B is not supported")]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -x", "option -x is not supported")]
    [InlineData("ROUGE-1.5.5 -n 4 -2 4 -U -l", "-l needs a value")]
    public void Unsupported_command_lines_are_refused_with_a_reason(string commandLine, string reason)
    {
        var parsed = RougeOptions.Parse(commandLine);

        parsed.Success.Should().BeFalse();
        parsed.Error.Should().Contain(reason);
    }
}
