namespace VmAddon.Cli.Commands;

/// <summary>kubectl-vm's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command failed, or its input is invalid; the output says why.</summary>
    public const int Invalid = 1;

    /// <summary>The command failed; the output says why and what to do.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown command or flag, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted with Ctrl+C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
