using System.CommandLine;

namespace Precis.Cli;

/// <summary>
/// Where each stage's commands are added to the CLI: one line per command, top-level commands to
/// <c>root</c>, evaluation commands to <c>eval</c>.
/// </summary>
internal static class CommandRegistry
{
    public static void AddTo(RootCommand root, Command eval)
    {
        _ = root;
        eval.Subcommands.Add(Commands.EvalRougeCommand.Create());
        eval.Subcommands.Add(Commands.EvalSummarizeCommand.Create());
        eval.Subcommands.Add(Commands.EvalFactsCommand.Create());
        root.Subcommands.Add(Commands.BenchCommand.Create());
    }
}
