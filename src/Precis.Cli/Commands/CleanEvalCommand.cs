using System.CommandLine;
using System.Globalization;
using Precis.Cleaning;
using Precis.Evaluation;
using Precis.Input;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval clean FILE.jsonl</c>. On a gold-labelled cleaning set (shared/eval/cleaning): word-level
/// P/R/F1 of the kept text on full pages and article regions, a label confusion table, and the last line
/// <c>clean F1 full=… region=…</c>; <c>--folds k</c> adds a k-fold held-out estimate, <c>--train FILE</c>
/// writes a model trained on the set. On clean newswire (an MDS or article JSONL): the share of words that
/// stay body, and the lines that did not.
/// </summary>
internal static class CleanEvalCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A cleaning gold set (lines with labels) or a JSONL of clean articles / MDS clusters." };
        var train = new Option<string?>("--train") { Description = "Train the line scorer on the gold set and write the model to this file (for src/Precis.Core/Resources/cleaning-model.txt)." };
        var model = new Option<string?>("--model") { Description = "Score with this model file instead of the shipped one." };
        var folds = new Option<int>("--folds") { Description = "Also report a k-fold held-out estimate (k >= 2).", DefaultValueFactory = _ => 0 };
        var show = new Option<int>("--show") { Description = "Print this many errors: the worst pages (gold set) or dropped lines (newswire).", DefaultValueFactory = _ => 0 };
        var command = new Command("clean", "Score the cleaner: gold-labelled pages (F1) or clean newswire (body retention).") { file, train, model, folds, show };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path)) return CliOutput.Fail(ExitCodes.Usage, $"no such file: {path}");
            string? modelPath = parse.GetValue(model);
            if (modelPath is not null && !File.Exists(modelPath)) return CliOutput.Fail(ExitCodes.Usage, $"no such model file: {modelPath}");
            var options = new CleaningOptions { Model = modelPath is null ? null : CleaningModel.Parse(File.ReadAllText(modelPath)) };
            return IsGoldSet(path)
                ? Gold(path, options, parse.GetValue(train), parse.GetValue(folds), parse.GetValue(show))
                : Retention(path, options, parse.GetValue(show));
        });
        return command;
    }

    private static bool IsGoldSet(string path)
    {
        string? first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return first is not null && first.Contains("\"lines\"", StringComparison.Ordinal) && first.Contains("\"label\"", StringComparison.Ordinal);
    }

    private static int Gold(string path, CleaningOptions options, string? trainOut, int folds, int show)
    {
        var set = GoldSet.Read(path);
        foreach (string p in set.Problems) Console.Error.WriteLine($"precis: {path}: {p}");
        if (set.Pages.Count == 0) return CliOutput.Fail(ExitCodes.NothingDigested, "no pages to evaluate");
        if (trainOut is not null)
        {
            var trained = CleaningEvaluation.Train(set.Pages);
            File.WriteAllText(trainOut, trained.Format(
                $"Line scorer weights, trained by `precis eval clean {Path.GetFileName(path)} --train` on {set.Pages.Count} pages.\nDo not edit by hand: retrain."));
            Console.WriteLine($"model written to {trainOut} (the scores below use it)");
            options = options with { Model = trained };
        }
        if (folds >= 2)
        {
            var reports = CleaningEvaluation.CrossValidate(set.Pages, folds, options);
            for (int f = 0; f < reports.Count; f++)
            {
                Console.WriteLine($"held-out fold {f + 1}/{folds} ({reports[f].Pages} pages): full {Format(reports[f].Full)}  region {Format(reports[f].Region)}");
                ShowWorst(reports[f], show);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out mean F1: full {reports.Average(r => r.Full.F1):F4}  region {reports.Average(r => r.Region.F1):F4}"));
        }
        var report = CleaningEvaluation.Evaluate(set.Pages, new ArticleCleaner(options));
        Console.WriteLine($"pages: {report.Pages}");
        Console.WriteLine($"full page:      {Format(report.Full)}");
        Console.WriteLine($"article region: {Format(report.Region)}");
        Console.WriteLine($"region in page: {Format(report.RegionInPage)}");
        ShowWorst(report, show);
        Console.WriteLine();
        Console.Write(report.FormatConfusion());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clean F1 full={report.Full.F1:F4} region={report.Region.F1:F4}"));
        return ExitCodes.Ok;
    }

    private static int Retention(string path, CleaningOptions options, int show)
    {
        var batch = new InputReader().Read([path]);
        foreach (var r in batch.Rejections) Console.Error.WriteLine($"precis: rejected {r.Id}: {r.Reason}");
        if (batch.Articles.Count == 0) return CliOutput.Fail(ExitCodes.NothingDigested, "no articles to clean");
        var report = CleaningEvaluation.Retention(batch.Articles, new ArticleCleaner(options));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {report.Articles}  words: {report.Words}  dropped lines: {report.Dropped.Count}"));
        foreach (var group in report.Dropped.GroupBy(d => d.Label).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  dropped as {CleanedArticleWriter.Name(group.Key)}: {group.Count()}");
        foreach (var (article, label, text) in report.Dropped.Take(show))
            Console.WriteLine($"  [{CleanedArticleWriter.Name(label)}] {article}: {(text.Length > 110 ? text[..110] + "…" : text)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clean retention body={report.BodyShare:F4} kept={report.KeptShare:F4}"));
        return ExitCodes.Ok;
    }

    private static void ShowWorst(CleaningReport report, int show)
    {
        foreach (var (page, score) in report.PageScores.OrderByDescending(p => p.Score.FalsePositive + p.Score.FalseNegative).Take(show))
            Console.WriteLine($"  {page}: {score.FalsePositive} words kept wrongly, {score.FalseNegative} missed");
    }

    private static string Format(WordScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"P {s.Precision:F4}  R {s.Recall:F4}  F1 {s.F1:F4}");
}
