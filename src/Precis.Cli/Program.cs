using System.CommandLine;
using Precis.Cli;
using Precis.Cli.Commands;

// The CLI only parses arguments, calls the library and renders; the engine lives in src/Precis.
var root = new RootCommand("Precis: event digests from raw news articles, every sentence traced to its sources.");
root.Subcommands.Add(DigestCommand.Create());
var eval = new Command("eval", "Measure quality on evaluation sets (ROUGE, cleaning, dedup, clustering, facts).");
root.Subcommands.Add(eval);
CommandRegistry.AddTo(root, eval);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"precis: {error.Message}");
    Console.Error.WriteLine("Try 'precis --help'.");
    return ExitCodes.Usage;
}
return parsed.Invoke();
