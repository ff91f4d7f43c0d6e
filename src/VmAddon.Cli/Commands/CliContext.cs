using VmAddon.Cli.Cluster;

namespace VmAddon.Cli.Commands;

/// <summary>What every command is built with: the streams, the connection flags and the clock.</summary>
internal sealed record CliContext(CliStreams Streams, ClusterFlags Flags, TimeProvider Time);
