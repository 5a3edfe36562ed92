using System.CommandLine;
using System.Globalization;
using Precis.Facts;
using Precis.Pipeline;

namespace Precis.Cli.Commands;

/// <summary><c>precis eval facts GOLD.jsonl</c>: scores quotes, speakers and source disagreements against a gold file.</summary>
internal static class EvalFactsCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("gold") { Description = "Facts gold file (JSON Lines, one MDS cluster per line; see docs/evaluation.md)." };
        var mds = new Option<string?>("--mds") { Description = "Folder with the MDS sets the gold refers to (default: ../shared/eval/mds, looked up from the current folder upwards)." };
        var errors = new Option<bool>("--errors") { Description = "List every wrong or missed speaker and conflict." };
        var overhead = new Option<int>("--overhead") { Description = "Instead of scoring, time what facts add to the digest of the gold clusters: ROUNDS interleaved rounds of the digest without facts, with facts and the facts stage alone (one thread, process CPU time, medians)." };
        var pile = new Option<bool>("--pile") { Description = "With --overhead: digest the gold clusters' articles as one ungrouped pile, so the digest clusters them as it does raw input (the default digests the given clusters, no clustering step)." };
        var command = new Command("facts", "Score quotations, speakers and numeric disagreements against a gold file.") { gold, mds, errors, overhead, pile };
        command.SetAction(parse =>
        {
            string goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath)) return CliOutput.Fail(ExitCodes.Usage, $"no such gold file: {goldPath}");
            string? folder = parse.GetValue(mds) ?? FindMdsFolder();
            if (folder is null || !Directory.Exists(folder)) return CliOutput.Fail(ExitCodes.Usage, "cannot find the MDS sets: pass --mds ../shared/eval/mds");

            var inv = CultureInfo.InvariantCulture;
            if (parse.GetValue(overhead) is int rounds and > 0)
            {
                var batch = FactsEvaluation.LoadClusters(FactsEvaluation.ReadGold(goldPath), folder);
                bool asPile = parse.GetValue(pile);
                var o = FactsOverhead.Measure(batch, rounds, asPile);
                Console.WriteLine(string.Create(inv, $"facts overhead: {goldPath}, {o.Articles} articles {(asPile ? "as one pile (clustered by the digest)" : "in their given clusters")}, {o.Rounds} interleaved rounds after {FactsOverhead.WarmUpRounds} warm-up, process CPU per article (median)"));
                Console.WriteLine(string.Create(inv, $"digest without facts {o.DigestWithoutFacts:F0} µs, with facts {o.DigestWithFacts:F0} µs, facts stage alone {o.FactsStageAlone:F0} µs"));
                Console.WriteLine(string.Create(inv, $"with / without {o.EndToEndRatio:F3}; stage alone / without {o.StageShare:F3}"));
                return ExitCodes.Ok;
            }

            IReadOnlyList<GoldCluster> clusters;
            FactsScore score;
            try
            {
                clusters = FactsEvaluation.ReadGold(goldPath);
                score = FactsEvaluation.Evaluate(PrecisPipeline.Default, clusters, folder);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                return CliOutput.Fail(ExitCodes.Usage, $"cannot evaluate {goldPath}: {e.Message}");
            }

            Console.WriteLine($"facts gold: {goldPath} ({score.Clusters} clusters, MDS data from {folder})");
            Console.WriteLine($"quotes:    {score.GoldSpeech} gold speech passages, {score.Detected} found (recall {score.DetectionRecall.ToString("F3", inv)})");
            Console.WriteLine($"speakers:  {score.Attributed} passages attributed; {score.Correct} right, {score.Wrong} wrong: precision {score.SpeakerPrecision.ToString("F3", inv)}");
            Console.WriteLine($"           {score.GoldNamed} gold passages with a named speaker, {score.CorrectOfNamed} attributed to them: recall {score.SpeakerRecall.ToString("F3", inv)}");
            Console.WriteLine($"conflicts: {score.PredictedConflicts} reported; {score.ConflictsRight} right, {score.PredictedConflicts - score.ConflictsRight - score.ConflictsNeutral} false, {score.ConflictsNeutral} on uncertain gold: precision {score.ConflictPrecision.ToString("F3", inv)}");
            Console.WriteLine($"           {score.GoldConflicts} gold disagreements, {score.ConflictsFound} found: recall {score.ConflictRecall.ToString("F3", inv)}");
            if (parse.GetValue(errors))
                foreach (var e in score.Errors)
                    Console.WriteLine($"  {e.Kind}: {e.Cluster} {e.Document} [{e.Start},{e.End}) predicted={e.Predicted ?? "-"} gold={e.Expected ?? "-"}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? FindMdsFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "eval", "mds");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
