using Precis.Cleaning;

namespace Precis.Tests.Cleaning;

public sealed class DateFinderTests
{
    private static readonly DateTimeOffset Reference = new(2016, 9, 10, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Friday, September 9th, 2016", "2016-09-09", null)]
    [InlineData("September 9, 2016, 1:52 pm", "2016-09-09", "13:52")]
    [InlineData("Date :Friday, September 9th, 2016 | Time : 18:11 |ID: 37076 | Print", "2016-09-09", "18:11")]
    [InlineData("09/09/2016", "2016-09-09", null)]
    [InlineData("01/13/08 - Ontario Hockey League", "2008-01-13", null)]
    [InlineData("06.01.2008 01:07", "2008-01-06", "01:07")]
    [InlineData("13/01/2008", "2008-01-13", null)]
    [InlineData("2016-09-09T18:11:00Z", "2016-09-09", "18:11")]
    [InlineData("Mon Jan 14, 2008 11:16am EST", "2008-01-14", "11:16")]
    [InlineData("Published 01/08/2008 - 10:07 a.m. GMT", "2008-01-08", "10:07")]
    [InlineData("10:36pm Wednesday 16th January 2008", "2008-01-16", "22:36")]
    [InlineData("Posted by: sigil on 1:19pm Thu 17 Jan 08", "2008-01-17", "13:19")]
    [InlineData("Last Updated: Saturday, 12 January 2008, 14:28 GMT", "2008-01-12", "14:28")]
    [InlineData("Thumb Mystic 09 September 2016, 11:15", "2016-09-09", "11:15")]
    public void Finds_complete_dates_and_times(string line, string date, string? time)
    {
        var found = DateFinder.Find(line);
        found.Should().NotBeNull();
        found!.Value.Date.Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        found.Value.Form.Should().Be(DateForm.Complete);
        found.Value.Time.Should().Be(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Sept. 9", "2016-09-09")]
    [InlineData("WASHINGTON, Dec. 30", "2015-12-30")]
    public void Dates_without_a_year_take_the_latest_year_not_after_the_reference(string line, string date)
    {
        var found = DateFinder.Find(line, Reference);
        found!.Value.Date.Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        found.Value.Form.Should().Be(DateForm.NoYear);
    }

    [Theory]
    [InlineData("yesterday", "2016-09-09")]
    [InlineData("Updated 3 hours ago", "2016-09-10")]
    [InlineData("2 days ago", "2016-09-08")]
    public void Relative_dates_are_resolved_against_the_reference_time(string line, string date)
    {
        var found = DateFinder.Find(line, Reference);
        found!.Value.Date.Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        found.Value.Form.Should().Be(DateForm.Relative);
    }

    [Theory]
    [InlineData("Sept. 9")]
    [InlineData("yesterday")]
    public void Without_a_reference_time_incomplete_dates_are_found_but_not_resolved(string line)
    {
        var found = DateFinder.Find(line);
        found.Should().NotBeNull();
        found!.Value.Date.Should().BeNull();
    }

    [Theory]
    [InlineData("The price rose from 3,000 pounds to 6,000.")]
    [InlineData("March 2011 was the start of the uprising")]
    [InlineData("The score was 13/45 at half time")]
    [InlineData("February 30, 2016")]
    public void Ignores_numbers_that_are_not_dates(string line) =>
        DateFinder.Find(line, Reference).Should().BeNull();
}
