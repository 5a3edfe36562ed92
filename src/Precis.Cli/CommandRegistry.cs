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
        root.Subcommands.Add(Commands.CleanCommand.Create());
        eval.Subcommands.Add(Commands.CleanEvalCommand.Create());
    }
}
