using System.CommandLine;
using System.Globalization;
using Precis.Evaluation;
using Precis.Evaluation.Rouge;
using Precis.Summarization;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval summarize FILE.jsonl</c>: summarizes every cluster of an MDS set with our summarizers and
/// prints their ROUGE next to the other systems' stored summaries.
/// </summary>
internal static class EvalSummarizeCommand
{
    private static readonly RougeMeasure[] Shown = [RougeMeasure.Rouge1, RougeMeasure.Rouge2, RougeMeasure.RougeL, RougeMeasure.RougeSU4];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "An MDS set, e.g. ../shared/eval/mds/duc2003.jsonl." };
        var words = new Option<int?>("--words") { Description = "Summary budget in words (default: the file's \"words\", what its references were written for)." };
        var protocol = new Option<string>("--protocol") { Description = "ROUGE protocol.", DefaultValueFactory = _ => RougeProtocols.Duc100Words };
        protocol.AcceptOnlyFromAmong([.. RougeProtocols.Names]);
        var systems = new Option<string>("--systems") { Description = $"Comma-separated summarizers to run (known: {string.Join(", ", Summarizers.Names)}).", DefaultValueFactory = _ => Summarizers.EngineName };
        var command = new Command("summarize", "Summarize every cluster of an MDS set and score it with ROUGE-1.5.5, beside the stored peers.") { file, words, protocol, systems };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(systems)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0) return CliOutput.Fail(ExitCodes.Usage, "--systems needs at least one name");
            var options = new SummarizationEvaluationOptions { Protocol = parse.GetValue(protocol)!, Words = parse.GetValue(words), Systems = names };
            string path = parse.GetValue(file)!;
            var result = SummarizationEvaluation.Run(path, options);
            if (result.Report is not { } report) return CliOutput.Fail(ExitCodes.Usage, result.Error!);
            foreach (string problem in report.Problems) Console.Error.WriteLine($"precis: {problem}");
            Print(Path.GetFileName(path), report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(string fileName, SummarizationEvaluationReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"{fileName}: {report.Clusters} clusters, protocol {report.Protocol} (ROUGE-1.5.5 {report.Rouge.ToCommandLine()}), budget {report.Words} words");
        Console.WriteLine("ROUGE in %, averaged over clusters as ROUGE-1.5.5 does; * = run by the engine now; sorted by ROUGE-2 " + (RougeProtocols.ReportsF1(report.Protocol) ? "F1" : "recall"));
        var header = new System.Text.StringBuilder($"{"system",-24}{"n",4}");
        foreach (var m in Shown)
        {
            string name = m == RougeMeasure.RougeSU4 ? "SU4" : "R" + RougeScores.NameOf(m)["ROUGE-".Length..];
            header.Append(inv, $" {name + "-R",7}{name + "-P",7}{name + "-F",7}");
        }
        header.Append($" {"clusters/s",10}");
        Console.WriteLine(header);
        foreach (var system in report.Systems)
        {
            var row = new System.Text.StringBuilder();
            row.Append(inv, $"{(system.Kind == SystemKind.Summarizer ? "* " : "  ") + system.Name,-24}{system.Clusters.Count,4}");
            foreach (var m in Shown)
            {
                var s = system.Average[m];
                row.Append(inv, $" {Percent(s.Recall),7}{Percent(s.Precision),7}{Percent(s.F),7}");
            }
            if (system.ClustersPerSecond is { } speed) row.Append(inv, $" {speed,10:0.0}");
            Console.WriteLine(row);
        }
        var engine = report.Systems.FirstOrDefault(s => s.Kind == SystemKind.Summarizer && s.Name == Summarizers.EngineName)
            ?? report.Systems.First(s => s.Kind == SystemKind.Summarizer);
        string label = RougeProtocols.ReportsF1(report.Protocol) ? "F" : "R";
        Console.WriteLine(string.Join(' ', new[] { RougeMeasure.Rouge1, RougeMeasure.Rouge2, RougeMeasure.RougeSU4 }
            .Select(m => $"{RougeScores.NameOf(m)} {label}={Percent(report.Headline(engine.Average[m]))}")));
    }

    private static string Percent(double score) => (score * 100).ToString("0.00", CultureInfo.InvariantCulture);
}
