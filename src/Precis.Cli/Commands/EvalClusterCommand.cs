using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Precis.Clustering;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval cluster FILE.jsonl...</c>: B-cubed and pairwise scores of the clusterer beside the
/// baseline, or with <c>--stream N</c> the speed and memory of the streaming clusterer on a long stream.
/// </summary>
internal static class EvalClusterCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Clustering gold files: one article per line with an \"event\" label (../shared/eval/clustering/*.jsonl).", Arity = ArgumentArity.OneOrMore };
        var shuffle = new Option<int?>("--shuffle") { Description = "Shuffle the input order with this seed before clustering." };
        var shuffles = new Option<int?>("--shuffles") { Description = "Run N shuffled orders (seeds 1..N) and report the spread of the scores." };
        var stream = new Option<int?>("--stream") { Description = "Instead of scoring the files, stream N articles built from their events (stories recurring over time) through the online clusterer and report speed and memory." };
        var perDay = new Option<double>("--per-day") { Description = "With --stream: articles published per day.", DefaultValueFactory = _ => new StreamSettings().ArticlesPerDay };
        var singleStory = new Option<bool>("--single-story") { Description = "The files are multi-document summarization sets (one event cluster per line): cluster each event's articles alone and report how often it stays one event." };
        var show = new Option<int>("--show") { Description = "Also list the engine's N worst split gold events and N worst merged clusters, with dates, titles and the words the cleaner kept.", DefaultValueFactory = _ => 0 };
        var ceilings = new Option<bool>("--ceilings") { Description = "Also score the gold itself reshaped by the rules the engine obeys (near-duplicates with their originals; a story back after a quiet gap is a new event): the best any clusterer obeying them can do." };
        var command = new Command("cluster", "Score event clustering against gold events (B-cubed, pairwise) beside a TF-IDF agglomerative baseline.") { files, shuffle, shuffles, stream, perDay, singleStory, show, ceilings };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            foreach (string path in paths)
                if (!File.Exists(path)) return CliOutput.Fail(ExitCodes.Usage, $"no such file: {path}");
            if (parse.GetValue(shuffle) is not null && parse.GetValue(shuffles) is not null)
                return CliOutput.Fail(ExitCodes.Usage, "give --shuffle SEED or --shuffles N, not both");
            var evaluation = new ClusteringEvaluation();
            try
            {
                if (parse.GetValue(stream) is { } articles)
                {
                    double rate = parse.GetValue(perDay);
                    if (articles <= 0 || rate <= 0) return CliOutput.Fail(ExitCodes.Usage, "--stream and --per-day must be positive");
                    PrintStream(evaluation.RunStream(paths, new StreamSettings { Articles = articles, ArticlesPerDay = rate, SampleEvery = Math.Max(1, Math.Min(10_000, articles / 10)) }));
                    return ExitCodes.Ok;
                }
                if (parse.GetValue(singleStory))
                {
                    foreach (string path in paths)
                    {
                        var r = evaluation.RunSingleStory(path);
                        Console.WriteLine(Invariant($"{path}: {r.Stories} stories clustered one at a time: {r.KeptWhole} kept whole, {r.MeanEvents:0.00} events per story, largest event holds {r.MeanLargestShare:0.000} of a story's articles"));
                    }
                    return ExitCodes.Ok;
                }
                var seeds = parse.GetValue(shuffles) is { } n
                    ? (n <= 0 ? null : Enumerable.Range(1, n).Select(s => (int?)s).ToList())
                    : [parse.GetValue(shuffle)];
                if (seeds is null) return CliOutput.Fail(ExitCodes.Usage, "--shuffles must be a positive number");
                int worst = parse.GetValue(show);
                if (worst < 0) return CliOutput.Fail(ExitCodes.Usage, "--show must not be negative");
                foreach (string path in paths) Score(evaluation, path, seeds, worst, parse.GetValue(ceilings));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
            {
                return CliOutput.Fail(ExitCodes.NothingDigested, $"cannot evaluate: {e.Message}");
            }
        });
        return command;
    }

    private static void Score(ClusteringEvaluation evaluation, string path, IReadOnlyList<int?> seeds, int worst, bool ceilings)
    {
        var runs = new List<ClusteringRun>();
        var set = evaluation.Load(path);
        if (ceilings) PrintCeilings(path, GoldCeilings.Measure(set, evaluation.Options.Dedup));
        foreach (var seed in seeds)
        {
            var run = evaluation.Run(set, seed);
            runs.Add(run);
            Print(path, run);
            PrintParts(set, run.Engine);
            if (worst > 0) PrintErrors(ClusteringErrors.Find(set.GoldById, run.Engine.Predicted, set.Documents, worst));
        }
        var f1 = runs.Select(r => r.Engine.Scores.BCubed.F1).ToList();
        var pairF1 = runs.Select(r => r.Engine.Scores.Pairwise.F1).ToList();
        if (runs.Count > 1)
        {
            Console.WriteLine(Invariant($"engine over {runs.Count} orders: B3-F1 min {f1.Min():0.0000} max {f1.Max():0.0000} spread {f1.Max() - f1.Min():0.0000}; pairwise-F1 min {pairF1.Min():0.0000} max {pairF1.Max():0.0000}"));
            var online = runs.Select(r => r.Methods[1].Scores.BCubed).ToList();
            Console.WriteLine(Invariant($"online over {runs.Count} orders: B3-P mean {online.Average(b => b.Precision):0.0000} B3-R mean {online.Average(b => b.Recall):0.0000} B3-F1 min {online.Min(b => b.F1):0.0000} max {online.Max(b => b.F1):0.0000} mean {online.Average(b => b.F1):0.0000}"));
        }
        Console.WriteLine(Invariant($"cluster B3-F1={f1.Average():0.0000} pairwise-F1={pairF1.Average():0.0000}"));
    }

    private static void PrintCeilings(string path, IReadOnlyList<GoldCeiling> ceilings)
    {
        Console.WriteLine(Invariant($"{path}: ceilings (the gold reshaped by one rule, scored against the gold)"));
        Console.WriteLine($"  {"rule",-42} {ScoreHeader}");
        foreach (var c in ceilings) Console.WriteLine($"  {c.Rule,-42} {ScoreColumns(c.Scores)}");
    }

    private static readonly string ScoreHeader = $"{"B3-P",7} {"B3-R",7} {"B3-F1",7} {"pair-P",7} {"pair-R",7} {"pair-F1",7} {"clusters",8} {"gold",5}";

    /// <summary>The columns under <see cref="ScoreHeader"/>.</summary>
    private static string ScoreColumns(ClusterScores scores)
    {
        var (b, p) = (scores.BCubed, scores.Pairwise);
        return Invariant($"{b.Precision,7:0.0000} {b.Recall,7:0.0000} {b.F1,7:0.0000} {p.Precision,7:0.0000} {p.Recall,7:0.0000} {p.F1,7:0.0000} {scores.PredictedClusters,8} {scores.GoldClusters,5}");
    }

    private static void Print(string path, ClusteringRun run)
    {
        string order = run.ShuffleSeed is { } s ? Invariant($"shuffled, seed {s}") : "input order";
        Console.WriteLine(Invariant($"{path}: {run.Articles} articles ({run.Rejected} rejected by the pipeline, {run.Duplicates} near-duplicates), {order}"));
        Console.WriteLine($"  {"method",-42} {ScoreHeader} {"articles/s",11}");
        foreach (var m in run.Methods)
            Console.WriteLine($"  {m.Method,-42} {ScoreColumns(m.Scores)} {(m.Elapsed > TimeSpan.Zero ? m.ArticlesPerSecond.ToString("0", CultureInfo.InvariantCulture) : "-"),11}");
    }

    /// <summary>
    /// The engine's B-cubed per source (the gold label's prefix before '/', when the set pools several) and
    /// per half of the topics (a topic is the gold label up to its first '_', so ECB+'s two events of a topic
    /// stay together; topics in ordinal order go alternately to the even and the odd half). A change that
    /// helps one part only is tuned to it.
    /// </summary>
    private static void PrintParts(GoldSet set, MethodResult engine)
    {
        var ids = set.GoldById.Keys.Order(StringComparer.Ordinal).ToList();
        var gold = ids.Select(id => set.GoldById[id]).ToList();
        var predicted = ids.Select(id => engine.Predicted[id]).ToList();
        var parts = new List<(string Name, Func<int, bool> Include)>();
        var sources = gold.Select(SourceOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sources.Count > 1)
            foreach (string source in sources) parts.Add((source, i => SourceOf(gold[i]) == source));
        var topics = gold.Select(TopicOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var half = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < topics.Count; t++) half[topics[t]] = t % 2;
        parts.Add(("even topics", i => half[TopicOf(gold[i])] == 0));
        parts.Add(("odd topics", i => half[TopicOf(gold[i])] == 1));
        var shown = parts.Select(p =>
        {
            var b = ClusterScores.BCubedOf(gold, predicted, p.Include);
            return Invariant($"{p.Name} {b.Precision:0.0000}/{b.Recall:0.0000}/{b.F1:0.0000}");
        });
        Console.WriteLine("  engine B3 P/R/F1 by part: " + string.Join("; ", shown));
    }

    private static string SourceOf(string label) => label.IndexOf('/') is var slash and > 0 ? label[..slash] : "";

    private static string TopicOf(string label) => label.IndexOf('_') is var underscore and > 0 ? label[..underscore] : label;

    private static void PrintErrors(ClusteringErrors errors)
    {
        Console.WriteLine(Invariant($"  engine errors: {errors.SplitPairs} of {errors.GoldPairs} gold pairs split apart, {errors.MergedPairs} wrong pairs merged; {errors.SingletonPredictions} one-article clusters; the cleaner kept {errors.KeptWordShare:0.000} of the words as body sentences"));
        PrintErrorList("split", errors.Splits);
        PrintErrorList("merged", errors.Merges);
    }

    private static void PrintErrorList(string kind, IReadOnlyList<ClusterError> list)
    {
        foreach (var e in list)
        {
            string gap = e.LargestPartGapDays is { } days ? Invariant($", parts up to {days} days apart") : "";
            Console.WriteLine(Invariant($"  {kind} {e.Label}: {e.LostPairs} pairs, {e.Parts.Count} parts{gap}"));
            foreach (var part in e.Parts)
            {
                var first = part[0];
                Console.WriteLine(Invariant($"    [{(kind == "split" ? first.Predicted : first.Gold)}] {part.Count} article{(part.Count == 1 ? "" : "s")}"));
                foreach (var a in part)
                    Console.WriteLine(Invariant($"      {ClusteringErrors.Show(a.Date),-10} {a.KeptWords,5}/{a.TotalWords,-5} {a.Id,-34} {a.Title}"));
            }
        }
    }

    private static void PrintStream(StreamResult r)
    {
        var s = r.Settings;
        Console.WriteLine(Invariant($"stream: {s.Articles} articles from {r.SourceArticles} source articles in {r.Stories} stories, {s.ArticlesPerDay:0.#} per day ({s.Articles / s.ArticlesPerDay:0} days), each story over {s.StoryDays:0.#} days and back every {r.SourceArticles / s.ArticlesPerDay:0.#} days"));
        Console.WriteLine($"  {"articles",9} {"day",7} {"open events",11} {"heap MB",9} {"vocabulary",10}");
        foreach (var x in r.Samples)
            Console.WriteLine(Invariant($"  {x.Articles,9} {x.Day,7:0.0} {x.OpenEvents,11} {x.HeapBytes / 1048576.0,9:0.0} {x.Vocabulary,10}"));
        Console.WriteLine(Invariant($"  events closed {r.EventsClosed}, largest {r.LargestEvent} articles; vs stories B3 P/R/F1 {r.Scores.BCubed.Precision:0.0000}/{r.Scores.BCubed.Recall:0.0000}/{r.Scores.BCubed.F1:0.0000}, pairwise F1 {r.Scores.Pairwise.F1:0.0000}"));
        Console.WriteLine(Invariant($"cluster stream articles/s={r.ArticlesPerSecond:0} (wall clock in Add, one thread) articles/cpu-s={r.ArticlesPerCpuSecond:0} heap-MB before={r.Samples[0].HeapBytes / 1048576.0:0.0} peak={r.PeakHeapBytes / 1048576.0:0.0} peak-open-events={r.PeakOpenEvents}"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
