using System.CommandLine;
using Precis.Evaluation.Rouge;

namespace Precis.Cli.Commands;

/// <summary><c>precis eval rouge --vectors FILE</c>: checks our ROUGE against the original script's own scores.</summary>
internal static class EvalRougeCommand
{
    /// <summary>Enough failing cases to see a pattern without flooding the terminal.</summary>
    private const int ShownMismatches = 5;

    public static Command Create()
    {
        var vectors = new Option<string>("--vectors") { Description = "JSON Lines file of ROUGE-1.5.5 conformance vectors (e.g. ../shared/eval/rouge/vectors-dev.jsonl).", Required = true };
        var command = new Command("rouge", "Check that our ROUGE prints exactly what ROUGE-1.5.5 printed for every vector of a file.") { vectors };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(vectors)!;
            if (!File.Exists(path)) return CliOutput.Fail(ExitCodes.Usage, $"no such file: {path}");
            var file = RougeVectorFile.Read(path);
            foreach (string problem in file.Problems) Console.Error.WriteLine($"precis: {path}: {problem}");
            if (file.Vectors.Count == 0) return CliOutput.Fail(ExitCodes.NothingDigested, $"{path} holds no readable vectors");

            var report = RougeConformance.Check(file.Vectors);
            foreach (var p in report.Protocols) Console.WriteLine($"{p.Protocol,-24} {p.Matched,5}/{p.Total} match");
            foreach (var m in report.Mismatches.Take(ShownMismatches)) Console.WriteLine($"  MISMATCH {m.Case} [{m.Protocol}]: {m.Reason}");
            if (report.Mismatches.Count > ShownMismatches) Console.WriteLine($"  ... and {report.Mismatches.Count - ShownMismatches} more mismatches");
            Console.WriteLine($"rouge vectors: {report.Matched}/{report.Total} match");
            return report.Mismatches.Count == 0 && file.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.NothingDigested;
        });
        return command;
    }
}
