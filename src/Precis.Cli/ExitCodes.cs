namespace Precis.Cli;

internal static class ExitCodes
{
    /// <summary>At least one article was digested (rejections are reported, not fatal).</summary>
    public const int Ok = 0;

    /// <summary>Nothing could be digested, or an evaluation failed its check.</summary>
    public const int NothingDigested = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
}
