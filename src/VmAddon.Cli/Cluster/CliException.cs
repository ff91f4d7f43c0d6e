using VmAddon.Cli.Commands;

namespace VmAddon.Cli.Cluster;

/// <summary>A failure the user can act on: its message is the one line kubectl vm prints after "error: ".</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
