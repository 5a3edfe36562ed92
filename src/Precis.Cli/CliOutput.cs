using System.Text;

namespace Precis.Cli;

/// <summary>Shared output plumbing: write text to --out or stdout, report one-line errors.</summary>
internal static class CliOutput
{
    public static void WriteText(string? outPath, string text)
    {
        if (outPath is null)
        {
            using var stdout = Console.OpenStandardOutput();
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stdout.Write(bytes);
            return;
        }
        File.WriteAllText(outPath, text, new UTF8Encoding(false));
    }

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"precis: {message}");
        return code;
    }
}
