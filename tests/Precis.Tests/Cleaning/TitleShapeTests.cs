using FluentAssertions;
using Precis.Cleaning;
using Xunit;

namespace Precis.Tests.Cleaning;

/// <summary>Which headline lines may become an article's title (examples made up, in the shapes wire copy has).</summary>
public class TitleShapeTests
{
    [Theory]
    [InlineData("Storm closes harbour as ferries stay in port", true)]
    [InlineData("FLOODS CUT OFF MOUNTAIN VILLAGES", true)]
    [InlineData("Smith & Sons to close two plants", true)]
    [InlineData("R&D spending rises; jobs follow", true)]
    [InlineData("The Daily Courier said in an editorial for Monday, May 4:", false)]
    [InlineData("Following are excerpts from the report:  ", false)]
    [InlineData("REGIONAL WEATHER &QL;", false)]
    [InlineData("&UR; Eds: UPDATES with new figures &UR; By A. WRITER", false)]
    [InlineData("", false)]
    public void A_title_neither_introduces_what_follows_nor_carries_wire_markup(string line, bool expected) =>
        MetadataFinder.IsTitleShaped(line).Should().Be(expected);
}
