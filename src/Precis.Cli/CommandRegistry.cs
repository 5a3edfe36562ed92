using System.CommandLine;
using Precis.Cli.Commands;

namespace Precis.Cli;

/// <summary>
/// Where each stage's commands are added to the CLI: one line per command, top-level commands to
/// <c>root</c>, evaluation commands to <c>eval</c>.
/// </summary>
internal static class CommandRegistry
{
    public static void AddTo(RootCommand root, Command eval)
    {
        eval.Subcommands.Add(Commands.EvalRougeCommand.Create());
        eval.Subcommands.Add(Commands.EvalSummarizeCommand.Create());
        eval.Subcommands.Add(Commands.EvalFactsCommand.Create());
        root.Subcommands.Add(Commands.BenchCommand.Create());
        eval.Subcommands.Add(Commands.EvalDedupCommand.Create());
        root.Subcommands.Add(ClusterCommand.Create());
        eval.Subcommands.Add(EvalClusterCommand.Create());
        root.Subcommands.Add(Commands.CleanCommand.Create());
        eval.Subcommands.Add(Commands.CleanEvalCommand.Create());
    }
}
