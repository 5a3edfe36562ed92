using System.Diagnostics;
using System.Text.Json;

namespace Precis.Tests.Cli;

/// <summary>The CLI as a user runs it: a real process, its exit code, stdout and stderr.</summary>
public sealed class CliExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "precis.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Digest_of_the_sample_exits_0_and_prints_json_when_piped()
    {
        var (code, stdout, _) = Run("digest", Fixtures.Seeds, "--format", "json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("events").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public void Digest_writes_markdown_to_out_file()
    {
        string outFile = Path.Combine(_dir, "digest.md");
        var (code, stdout, _) = Run("digest", Fixtures.Seeds, "--out", outFile);
        code.Should().Be(0);
        stdout.Should().BeEmpty();
        File.ReadAllText(outFile).Should().StartWith("# ").And.Contain("## Sources");
    }

    [Fact]
    public void Digest_exits_1_when_every_input_is_rejected_and_says_why_on_stderr()
    {
        string empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var (code, stdout, stderr) = Run("digest", empty, "--format", "json");
        code.Should().Be(1);
        stderr.Should().Contain("empty.txt".Replace(".txt", "")).And.Contain("rejected");
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("articles")[0].GetProperty("status").GetString().Should().Be("rejected");
    }

    [Fact]
    public void Digest_exits_0_when_some_inputs_are_rejected()
    {
        string empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var (code, _, stderr) = Run("digest", Fixtures.Seeds, empty, "--format", "json");
        code.Should().Be(0);
        stderr.Should().Contain("rejected empty");
    }

    [Theory]
    [InlineData("digest")]
    [InlineData("digest", "x.txt", "--format", "pdf")]
    [InlineData("digest", "x.txt", "--words", "many")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_one_clear_line(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        code.Should().Be(2);
        stderr.Should().StartWith("precis: ");
    }

    [Fact]
    public void Zero_word_budget_is_a_usage_error()
    {
        var (code, _, stderr) = Run("digest", Fixtures.Seeds, "--words", "0");
        code.Should().Be(2);
        stderr.Should().Contain("--words");
    }
}
