namespace VmAddon.Cli.Console;

/// <summary>How a console session ended.</summary>
/// <param name="Ending">Detached, the remote exited, or the connection dropped.</param>
/// <param name="ExitCode">The remote command's exit code when the API server reported one (0 on success); null otherwise.</param>
/// <param name="Message">The status message of a failed command, or what happened to a dropped connection; null on a clean end.</param>
internal sealed record ConsoleOutcome(ConsoleEnding Ending, int? ExitCode, string? Message);
