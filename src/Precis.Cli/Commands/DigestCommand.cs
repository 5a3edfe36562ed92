using System.CommandLine;
using Precis.Model;
using Precis.Output;
using Precis.Pipeline;
using Spectre.Console;

namespace Precis.Cli.Commands;

internal static class DigestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or directories: .txt (one article each) or .jsonl (articles or event clusters).", Arity = ArgumentArity.OneOrMore };
        var words = new Option<int>("--words") { Description = "Summary budget in words.", DefaultValueFactory = _ => 100 };
        var format = new Option<string?>("--format") { Description = "md or json (default: md on a terminal, json otherwise; from --out's extension when given)." };
        format.AcceptOnlyFromAmong("md", "json");
        var output = new Option<string?>("--out") { Description = "Write the digest to this file instead of stdout." };
        var command = new Command("digest", "Clean, deduplicate, group and summarize articles into event digests.") { inputs, words, format, output };
        command.SetAction(parse =>
        {
            int budget = parse.GetValue(words);
            if (budget <= 0) return CliOutput.Fail(ExitCodes.Usage, "--words must be a positive number");
            string? outPath = parse.GetValue(output);
            string fmt = parse.GetValue(format) ?? DefaultFormat(outPath);
            var pipeline = PrecisPipeline.CreateBuilder().WithSummaryWords(budget).Build();
            var digest = Run(pipeline, parse.GetValue(inputs)!);

            foreach (var r in digest.Articles.Where(a => a.Status == ArticleStatus.Rejected))
                Console.Error.WriteLine($"precis: rejected {r.Id}: {r.Reason}");
            string text = fmt == "json" ? JsonDigestWriter.ToJson(digest) : MarkdownDigestWriter.ToMarkdown(digest);
            try
            {
                CliOutput.WriteText(outPath, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CliOutput.Fail(ExitCodes.NothingDigested, $"cannot write {outPath}: {e.Message}");
            }
            if (digest.Articles.All(a => a.Status == ArticleStatus.Rejected))
                return CliOutput.Fail(ExitCodes.NothingDigested, digest.Articles.Count == 0 ? "no input articles found" : "nothing could be digested: every input was rejected");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DefaultFormat(string? outPath)
    {
        if (outPath is not null) return outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "md";
        return Console.IsOutputRedirected ? "json" : "md";
    }

    /// <summary>Shows progress on stderr only when a person is watching it.</summary>
    private static Digest Run(PrecisPipeline pipeline, string[] inputs)
    {
        if (Console.IsErrorRedirected)
            return pipeline.DigestPaths(inputs);
        Digest? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new SynchronousProgress<PipelineProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            result = pipeline.DigestPaths(inputs, progress);
        });
        return result!;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock) report(value);
        }
    }
}
