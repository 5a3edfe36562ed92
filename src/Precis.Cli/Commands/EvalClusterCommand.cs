using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Precis.Clustering;

namespace Precis.Cli.Commands;

/// <summary><c>precis eval cluster FILE.jsonl</c>: B-cubed and pairwise scores of the clusterer and the baseline.</summary>
internal static class EvalClusterCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A clustering gold file: one article per line with an \"event\" label (../shared/eval/clustering/*.jsonl)." };
        var shuffle = new Option<int?>("--shuffle") { Description = "Shuffle the input order with this seed before clustering." };
        var shuffles = new Option<int?>("--shuffles") { Description = "Run N shuffled orders (seeds 1..N) and report the spread of the scores." };
        var command = new Command("cluster", "Score event clustering against gold events (B-cubed, pairwise) beside a TF-IDF agglomerative baseline.") { file, shuffle, shuffles };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path)) return CliOutput.Fail(ExitCodes.Usage, $"no such file: {path}");
            if (parse.GetValue(shuffle) is not null && parse.GetValue(shuffles) is not null)
                return CliOutput.Fail(ExitCodes.Usage, "give --shuffle SEED or --shuffles N, not both");
            var seeds = parse.GetValue(shuffles) is { } n
                ? (n <= 0 ? null : Enumerable.Range(1, n).Select(s => (int?)s).ToList())
                : [parse.GetValue(shuffle)];
            if (seeds is null) return CliOutput.Fail(ExitCodes.Usage, "--shuffles must be a positive number");

            var evaluation = new ClusteringEvaluation();
            var runs = new List<ClusteringRun>();
            try
            {
                foreach (var seed in seeds)
                {
                    var run = evaluation.Run(path, seed);
                    runs.Add(run);
                    Print(path, run);
                }
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
            {
                return CliOutput.Fail(ExitCodes.NothingDigested, $"cannot evaluate {path}: {e.Message}");
            }
            var f1 = runs.Select(r => r.Engine.Scores.BCubed.F1).ToList();
            var pairF1 = runs.Select(r => r.Engine.Scores.Pairwise.F1).ToList();
            if (runs.Count > 1)
                Console.WriteLine(Invariant($"engine over {runs.Count} orders: B3-F1 min {f1.Min():0.0000} max {f1.Max():0.0000} spread {f1.Max() - f1.Min():0.0000}; pairwise-F1 min {pairF1.Min():0.0000} max {pairF1.Max():0.0000}"));
            Console.WriteLine(Invariant($"cluster B3-F1={f1.Average():0.0000} pairwise-F1={pairF1.Average():0.0000}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(string path, ClusteringRun run)
    {
        string order = run.ShuffleSeed is { } s ? Invariant($"shuffled, seed {s}") : "input order";
        Console.WriteLine(Invariant($"{path}: {run.Articles} articles ({run.Rejected} rejected by the pipeline, {run.Duplicates} near-duplicates), {order}"));
        Console.WriteLine($"  {"method",-42} {"B3-P",7} {"B3-R",7} {"B3-F1",7} {"pair-P",7} {"pair-R",7} {"pair-F1",7} {"clusters",8} {"gold",5} {"articles/s",11}");
        foreach (var m in run.Methods)
        {
            var (b, p) = (m.Scores.BCubed, m.Scores.Pairwise);
            Console.WriteLine(Invariant($"  {m.Method,-42} {b.Precision,7:0.0000} {b.Recall,7:0.0000} {b.F1,7:0.0000} {p.Precision,7:0.0000} {p.Recall,7:0.0000} {p.F1,7:0.0000} {m.Scores.PredictedClusters,8} {m.Scores.GoldClusters,5} {m.ArticlesPerSecond,11:0}"));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
