namespace Precis.Tests;

/// <summary>Paths to test data: the bundled sample (seed articles) and the shared evaluation sets.</summary>
internal static class Fixtures
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Seeds => Path.Combine(RepoRoot, "samples", "seeds");

    /// <summary>../shared/eval beside the checkout (CI has it there too).</summary>
    public static string Eval => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "eval"));

    public static string EvalFile(string relative) => Path.Combine(Eval, relative);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Precis.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Precis.sln) above " + AppContext.BaseDirectory);
    }
}
