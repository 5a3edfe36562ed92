using System.CommandLine;
using Precis.Cleaning;
using Precis.Input;

namespace Precis.Cli.Commands;

/// <summary><c>precis clean INPUT... [--format json|md] [--out FILE]</c>: every line of every article with its label, and the metadata found.</summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or directories: .txt (one article each) or .jsonl (articles or event clusters).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json or md.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var reference = new Option<DateTimeOffset?>("--reference-time") { Description = "Resolve relative and year-less dates against this time (ISO 8601)." };
        var model = new Option<string?>("--model") { Description = "Use this line-scorer model file (from precis eval clean --train) instead of the shipped one." };
        var scores = new Option<bool>("--scores") { Description = "JSON: add each line's story probability (for inspecting the scorer)." };
        var command = new Command("clean", "Label every line of scraped articles (headline, body, boilerplate, …) and find title, date and source.") { inputs, format, output, reference, model, scores };
        command.SetAction(parse =>
        {
            string? modelPath = parse.GetValue(model);
            if (modelPath is not null && !File.Exists(modelPath)) return CliOutput.Fail(ExitCodes.Usage, $"no such model file: {modelPath}");
            var batch = new InputReader().Read(parse.GetValue(inputs)!);
            var cleaner = new ArticleCleaner(new CleaningOptions
            {
                ReferenceTime = parse.GetValue(reference),
                Model = modelPath is null ? null : CleaningModel.Parse(File.ReadAllText(modelPath)),
            });
            var cleaned = batch.Articles.Select(cleaner.Clean).ToList();
            foreach (var r in batch.Rejections) Console.Error.WriteLine($"precis: rejected {r.Id}: {r.Reason}");
            string text = parse.GetValue(format) == "md"
                ? CleanedArticleWriter.ToMarkdown(cleaned, batch.Rejections)
                : CleanedArticleWriter.ToJson(cleaned, batch.Rejections, parse.GetValue(scores));
            string? outPath = parse.GetValue(output);
            try
            {
                CliOutput.WriteText(outPath, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CliOutput.Fail(ExitCodes.NothingDigested, $"cannot write {outPath}: {e.Message}");
            }
            return cleaned.Count == 0 ? CliOutput.Fail(ExitCodes.NothingDigested, "no article could be read") : ExitCodes.Ok;
        });
        return command;
    }
}
