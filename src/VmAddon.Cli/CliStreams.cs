namespace VmAddon.Cli;

/// <summary>The standard streams a command reads and writes; tests pass their own.</summary>
internal sealed record CliStreams(TextReader Input, TextWriter Output, TextWriter Error);
