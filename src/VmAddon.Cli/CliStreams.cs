namespace VmAddon.Cli;

/// <summary>
/// The standard streams a command reads and writes; tests pass their own. Progress lines show only when standard error
/// is a terminal (<see cref="ErrorIsTerminal"/>), never in pipes or logs.
/// </summary>
internal sealed record CliStreams(TextReader Input, TextWriter Output, TextWriter Error, bool ErrorIsTerminal = false);
