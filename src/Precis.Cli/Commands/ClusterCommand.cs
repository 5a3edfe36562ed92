using System.CommandLine;
using Precis.Clustering;
using Precis.Input;
using Precis.Pipeline;

namespace Precis.Cli.Commands;

/// <summary><c>precis cluster INPUT...</c>: group articles into events without summarizing them.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or directories, as for digest: .txt (one article each) or .jsonl (articles or event clusters).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "json or text (default: text on a terminal, json otherwise)." };
        format.AcceptOnlyFromAmong("json", "text");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var command = new Command("cluster", "Group articles into events (one event per story; declared clusters are kept as given).") { inputs, format, output };
        command.SetAction(parse =>
        {
            var pipeline = PrecisPipeline.Default;
            var batch = new InputReader(pipeline.Options.Input).Read(parse.GetValue(inputs)!);
            var report = ClusterReport.Build(pipeline, batch);
            string? outPath = parse.GetValue(output);
            string fmt = parse.GetValue(format) ?? (outPath is not null || Console.IsOutputRedirected ? "json" : "text");
            foreach (var r in report.Rejected) Console.Error.WriteLine($"precis: rejected {r.Id}: {r.Reason}");
            try
            {
                CliOutput.WriteText(outPath, fmt == "json" ? report.ToJson() : report.ToText());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CliOutput.Fail(ExitCodes.NothingDigested, $"cannot write {outPath}: {e.Message}");
            }
            if (report.Clusters.Count == 0)
                return CliOutput.Fail(ExitCodes.NothingDigested, report.Rejected.Count == 0 ? "no input articles found" : "nothing could be clustered: every input was rejected");
            return ExitCodes.Ok;
        });
        return command;
    }
}
