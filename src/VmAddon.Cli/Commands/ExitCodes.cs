namespace VmAddon.Cli.Commands;

/// <summary>kubectl-vm's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input is invalid or could not be read; the output says why.</summary>
    public const int Invalid = 1;
}
