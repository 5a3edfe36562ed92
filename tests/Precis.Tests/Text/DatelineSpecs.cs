using Precis.Text;

namespace Precis.Tests.Text;

public sealed class DatelineSpecs
{
    [Theory]
    [InlineData("GENEVA (AP) — Talks resumed.", "Talks resumed.")]
    [InlineData("LONDON (AP) _ A judge spoke.", "A judge spoke.")]
    [InlineData("DENVER, Colo. (AP) -- The mayor said.", "The mayor said.")]
    [InlineData("BEIJING, Nov. 12 (Xinhua) -- Trade grew.", "Trade grew.")]
    [InlineData("SANTO DOMINGO, Dominican Republic _ Rain fell.", "Rain fell.")]
    [InlineData("WASHINGTON _ The House voted.", "The House voted.")]
    [InlineData("NEW YORK (Reuters) - Stocks fell.", "Stocks fell.")]
    [InlineData("(CNN) — A storm hit.", "A storm hit.")]
    [InlineData("LAS VEGAS, Nev. (AP) _ Judges met.", "Judges met.")]
    // Web copy puts a no-break space (or a tab) where wire copy has a space.
    [InlineData("GENEVA (AP) —\u00A0Talks resumed.", "Talks resumed.")]
    [InlineData("GENEVA —\u00A0Talks resumed.", "Talks resumed.")]
    [InlineData("DENVER, Colo. (AP) --\u00A0The mayor said.", "The mayor said.")]
    [InlineData("LONDON (AP) _\u00A0A judge spoke.", "A judge spoke.")]
    [InlineData("(CNN) —\u00A0A storm hit.", "A storm hit.")]
    [InlineData("GENEVA (AP) —\u00A0\u00A0Talks resumed.", "Talks resumed.")]
    [InlineData("GENEVA (AP)\u00A0—\u00A0Talks resumed.", "Talks resumed.")]
    [InlineData("GENEVA (AP) —\tTalks resumed.", "Talks resumed.")]
    public void Dateline_length_cuts_the_dateline_and_its_dash(string sentence, string rest) =>
        sentence[Dateline.Length(sentence)..].Should().Be(rest);

    [Theory]
    [InlineData("The talks in GENEVA resumed.")]
    [InlineData("Talks resumed - both sides came.")]
    [InlineData("NASA said the launch was delayed.")]
    [InlineData("US troops (about 900) are there.")]
    [InlineData("A - B")]
    [InlineData("GENEVA —Talks resumed.")]
    [InlineData("A -\u00A0B")]
    [InlineData("")]
    public void Dateline_length_is_zero_without_a_dateline(string sentence) =>
        Dateline.Length(sentence).Should().Be(0);
}
