using Precis.Model;
using Precis.Pipeline;
using Precis.Segmentation;

namespace Precis.Tests.Clustering;

/// <summary>
/// Small made-up news stories written for these tests (no evaluation text): two floods of the same kind
/// in different towns, and a chess tournament. Each article is a few sentences of plain body text.
/// </summary>
internal static class Stories
{
    public static readonly string[] BrackwaterFlood =
    [
        "Heavy rain flooded the town of Brackwater on Tuesday, forcing Mayor Elena Voss to open emergency shelters. The Tamsin River rose two metres overnight and swept away the old stone bridge. Rescue teams from Kestrel County evacuated more than 400 residents from the low-lying Eastgate district.",
        "Floodwaters from the Tamsin River covered much of Brackwater on Wednesday as rescue crews kept evacuating homes in Eastgate. Mayor Elena Voss said the emergency shelters were full and asked Kestrel County for more boats. The stone bridge that collapsed on Tuesday has cut the town in two.",
        "Brackwater residents began returning to the Eastgate district as the Tamsin River fell below flood level. Mayor Elena Voss thanked the Kestrel County rescue teams and promised to rebuild the stone bridge before winter. Insurers in Brackwater estimate the flood damage at several million.",
    ];

    public static readonly string[] NorthfieldChess =
    [
        "Grandmaster Tomas Varga won the Northfield Open chess tournament on Sunday after beating defending champion Ilse Brandt in the final round. Varga sacrificed a rook on move 31 and forced resignation twelve moves later. The victory earns Varga a place at the championship qualifiers in Valdora.",
        "Ilse Brandt conceded the Northfield Open title to Tomas Varga after a dramatic final game in which the grandmaster gave up a rook for a winning attack. Brandt said she had underestimated the sacrifice. Varga now travels to the qualifiers in Valdora next spring.",
    ];

    public static readonly string[] OrrinValeFlood =
    [
        "Flash floods struck the village of Orrin Vale on Friday after a week of storms, and Governor Marcus Hale declared a state of emergency. The Sedge River burst its banks near the mill and firefighters from Pellham rescued families from rooftops in the Millbrook quarter.",
        "Governor Marcus Hale toured Orrin Vale on Saturday as the Sedge River slowly receded from the Millbrook quarter. Firefighters from Pellham said every family had been rescued and the village school would serve as a shelter until the floodwater drains.",
    ];

    /// <summary>Articles with ids "prefix-1", "prefix-2"… published <paramref name="day"/> days after 2024-03-04, an hour apart.</summary>
    public static IEnumerable<Article> Articles(string prefix, string[] texts, double day = 0) =>
        texts.Select((text, i) => new Article($"{prefix}-{i + 1}", text) { Timestamp = Start.AddDays(day).AddHours(i) });

    public static DateTimeOffset Start { get; } = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Cleaned and segmented as the pipeline does it; fails the test if any article is rejected.</summary>
    public static IReadOnlyList<Document> Prepare(IEnumerable<Article> articles)
    {
        var prepared = PrecisPipeline.Default.Prepare(Precis.Input.InputBatch.FromArticles(articles));
        prepared.Rejected.Should().BeEmpty("the test stories are plain article text");
        return prepared.Documents;
    }
}
