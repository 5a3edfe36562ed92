using System.CommandLine;
using Precis.Dedup.Evaluation;

namespace Precis.Cli.Commands;

/// <summary><c>precis eval dedup</c>: near-duplicate and passage detection on generated copies of real articles.</summary>
internal static class EvalDedupCommand
{
    private static readonly string[] DefaultSets = ["mds/duc2003.jsonl", "mds/tac2010.jsonl", "mds/multiling2011.jsonl"];

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "MDS JSONL files (one event cluster per line). Default: duc2003, tac2010 and multiling2011 under --eval-dir.", Arity = ArgumentArity.ZeroOrMore };
        var evalDir = new Option<string>("--eval-dir") { Description = "The shared evaluation folder.", DefaultValueFactory = _ => Path.Combine("..", "shared", "eval") };
        var seed = new Option<int>("--seed") { Description = "Seed of the copy generator.", DefaultValueFactory = _ => 42 };
        var command = new Command("dedup", "Measure near-duplicate and passage detection on generated copies, and false positives on same-event pairs.") { files, evalDir, seed };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given : DefaultSets.Select(f => Path.Combine(parse.GetValue(evalDir)!, f)).ToArray();
            foreach (var path in paths)
                if (!File.Exists(path)) return CliOutput.Fail(ExitCodes.Usage, $"no such evaluation file: {path}");
            var report = new DedupEvaluation(new DedupEvaluationOptions { Seed = parse.GetValue(seed) }).Run(paths);
            foreach (var line in report.ToLines()) Console.WriteLine(line);
            return ExitCodes.Ok;
        });
        return command;
    }
}
