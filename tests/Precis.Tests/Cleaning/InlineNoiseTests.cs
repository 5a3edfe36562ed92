using Precis.Cleaning;
using Precis.Model;

namespace Precis.Tests.Cleaning;

public sealed class InlineNoiseTests
{
    [Theory]
    [InlineData("LITTLETON, Colo. (AP) -- The sheriff's initial estimate was off the mark.", "The sheriff's", "LITTLETON, Colo.", "AP", InlineKind.Dateline)]
    [InlineData("LONDON (AP) _ An influential lawmaker backed Spanish requests.", "An influential", "LONDON", "AP", InlineKind.Dateline)]
    [InlineData("GENEVA — Talks resumed on Friday.", "Talks resumed", "GENEVA", null, InlineKind.Dateline)]
    [InlineData("WASHINGTON, Sept. 9 (Xinhua) -- U.S. officials said on Friday.", "U.S. officials", "WASHINGTON", "Xinhua", InlineKind.Dateline)]
    [InlineData("NEWSDESKNAME – John Kerry has arrived in Geneva.", "John Kerry", null, null, InlineKind.Outlet)]
    public void Leading_datelines_and_outlet_prefixes_are_cut_off(string line, string contentStart, string? place, string? agency, InlineKind kind)
    {
        var noise = new List<InlineSpan>();
        var content = InlineNoise.Find(line, new TextSpan(0, line.Length), leading: true, reference: null, noise, out var findings);
        content.TextOf(line).Should().StartWith(contentStart);
        noise.Should().ContainSingle().Which.Kind.Should().Be(kind);
        findings.Place.Should().Be(place);
        findings.Agency.Should().Be(agency);
    }

    [Theory]
    [InlineData("He said the talks would go on. [Xinhua]", "He said the talks would go on.", "Xinhua")]
    [InlineData("He said the talks would go on. (AP)", "He said the talks would go on.", "AP")]
    [InlineData("He said the talks would go on. — AFP", "He said the talks would go on.", "AFP")]
    public void Trailing_agency_credits_are_cut_off(string line, string content, string agency)
    {
        var noise = new List<InlineSpan>();
        var span = InlineNoise.Find(line, new TextSpan(0, line.Length), leading: false, reference: null, noise, out var findings);
        span.TextOf(line).Should().Be(content);
        findings.Agency.Should().Be(agency);
        noise.Should().ContainSingle().Which.Kind.Should().Be(InlineKind.Credit);
    }

    [Theory]
    [InlineData("- 'Back to square one' -Washington wants concrete steps.", "Washington wants concrete steps.")]
    [InlineData("- IS chaos -While diplomats wrangled, fighting went on.", "While diplomats wrangled, fighting went on.")]
    public void Glued_subheadings_are_cut_off(string line, string content)
    {
        var noise = new List<InlineSpan>();
        var span = InlineNoise.Find(line, new TextSpan(0, line.Length), leading: true, reference: null, noise, out _);
        span.TextOf(line).Should().Be(content);
        noise.Should().ContainSingle().Which.Kind.Should().Be(InlineKind.Subheading);
    }

    [Theory]
    [InlineData("The U.S. - Russia talks began on Friday.")]
    [InlineData("Officials said - without giving details - that talks would resume.")]
    [InlineData("NATO and the EU agreed to meet again.")]
    [InlineData("The deal (AP) was reported first by the agency.")]
    public void Ordinary_sentences_are_left_whole(string line)
    {
        var noise = new List<InlineSpan>();
        var span = InlineNoise.Find(line, new TextSpan(0, line.Length), leading: true, reference: null, noise, out _);
        span.TextOf(line).Should().Be(line);
        noise.Should().BeEmpty();
    }
}
