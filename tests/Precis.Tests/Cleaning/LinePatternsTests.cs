using System.Text.RegularExpressions;
using Precis.Cleaning;
using Precis.Text;

namespace Precis.Tests.Cleaning;

/// <summary>
/// The line-pattern lists turn lines away on their first two characters before the regex runs; the
/// prefilter may only ever skip lines the regex would reject.
/// </summary>
public sealed class LinePatternsTests
{
    [Theory]
    [InlineData("share( this)?", "Share this", true)]
    [InlineData("share( this)?", "Home", false)]
    [InlineData("print", "PRINT", true)]
    [InlineData("(follow|like) us", "Like us", true)]
    [InlineData("(follow|like) us", "Love it", false)]
    [InlineData(@"\d+ (replies|reply)", "0 replies", true)]
    [InlineData(@"\d+ (replies|reply)", "Zero replies", false)]
    [InlineData(@"(\d+ )?(reader )?comments?", "14 comments", true)]
    [InlineData(@"(\d+ )?(reader )?comments?", "Reader comments", true)]
    [InlineData(@"(\d+ )?(reader )?comments?", "Cars", false)]
    [InlineData("ad|ads", "A", false)]
    [InlineData("ad|ads", "AD", true)]
    [InlineData("a|ads", "A", true)]
    [InlineData(@"[-–—]{1,2}\s*\p{Lu}", "-- John Smith", true)]
    [InlineData(@"[-–—]{1,2}\s*\p{Lu}", "John Smith", false)]
    [InlineData(@"\(?(additional )?reporting by\b", "(Reporting by Jane Doe)", true)]
    [InlineData(@"\(?(additional )?reporting by\b", "Additional reporting by Jane Doe", true)]
    [InlineData(@"\(?(additional )?reporting by\b", "The reporting", false)]
    [InlineData(@"[^a-z]x", "9x", true)]
    [InlineData("print", "©2008 Print", true)]
    [InlineData(".{0,80}all rights reserved", "Zz Corp. All rights reserved", true)]
    [InlineData("(?=x)abc", "zzz", true)]
    public void Leading_characters_rule_out_only_lines_no_match_can_open(string pattern, string line, bool mayOpen)
    {
        LeadingChars.Of("^(?:" + pattern + ")")!.MayOpen(line).Should().Be(mayOpen);
    }

    [Theory]
    [InlineData("(ab)?")]
    [InlineData("x*|y")]
    public void Patterns_that_can_match_an_empty_line_get_no_prefilter(string pattern)
    {
        LeadingChars.Of("^(?:" + pattern + ")").Should().BeNull();
    }

    /// <summary>Lines written for this test, next to every line of the seed articles.</summary>
    private static readonly string[] WrittenLines =
    [
        "Share", "Share this article", "SHARE ON FACEBOOK", "Advertisement", "Ads", "A", "Print this story", "E-mail this to a friend",
        "Copyright © 2008 The Paper. All rights reserved.", "© 2008 Reuters", "12 comments", "Comments (3)", "Post a comment",
        "Leave a Reply", "By JANE DOE", "By: Jane Doe", "(Reporting by Jane Doe; editing by John Roe)", "-- Jane Doe",
        "Staff writer", "The Paper with inputs from agencies", "She can be reached at jane@example.com", "Photo: AP",
        "Image caption The minister arrives", "(Photo by Jane Doe)", "AFP PHOTO / Jane Doe", "Home | News | Sport",
        "Next »", "« Previous", "Page 2 of 3", "Loading...", "The talks resumed on Friday.", "'Back to square one'",
    ];

    public static TheoryData<string, bool> Lists => new()
    {
        { "boilerplate-lines.txt", true },
        { "cleaning-comment-markers.txt", true },
        { "cleaning-caption-markers.txt", false },
        { "cleaning-byline-markers.txt", false },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Prefiltered_list_answers_like_the_plain_regex(string resource, bool wholeLine)
    {
        var patterns = Lexicon.ReadLines(resource).ToList();
        var list = new LinePatterns(patterns, wholeLine);
        var plain = new Regex("^(?:" + string.Join("|", patterns) + ")" + (wholeLine ? "$" : ""),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        var lines = WrittenLines.Concat(Directory.GetFiles(Fixtures.Seeds).SelectMany(File.ReadAllLines).Select(l => l.Trim()).Where(l => l.Length > 0));
        foreach (string line in lines)
            list.IsMatch(line).Should().Be(plain.IsMatch(line), "line \"{0}\" against {1}", line, resource);
    }
}
