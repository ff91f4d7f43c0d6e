namespace VmAddon.Agent.Hosting;

/// <summary>The agent's command-line values as typed, before <see cref="AgentOptionsParser"/> checks them.</summary>
internal sealed record AgentArguments(
    string? Node,
    string? Kubeconfig,
    string? KubeletRoot,
    string? SocketLinkDir,
    string? Hypervisor,
    string? Emulation,
    string? Launcher,
    string? MetricsListen,
    string? HeartbeatInterval,
    string? Workers);
