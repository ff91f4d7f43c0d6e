using VmAddon.Cli.Cluster;

namespace VmAddon.Cli.Commands;

/// <summary>
/// What every command is built with: the streams, the connection flags and the clock. <see cref="Completing"/> is true
/// only under <c>__complete</c>: then, and never while printing --help, argument completion may ask the cluster.
/// </summary>
internal sealed record CliContext(CliStreams Streams, ClusterFlags Flags, TimeProvider Time, bool Completing = false);
