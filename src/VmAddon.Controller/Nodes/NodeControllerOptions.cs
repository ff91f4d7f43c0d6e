namespace VmAddon.Controller.Nodes;

/// <summary>The node controller's timeouts.</summary>
public sealed record NodeControllerOptions
{
    /// <summary>How long a node may be NotReady before its VMIs are fenced: 40 s, kube-controller-manager's node-monitor-grace-period.</summary>
    public TimeSpan NodeMonitorTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>How old the agent's heartbeat may be before the node is labelled unschedulable: 2 min; the agent beats every 30 s or so.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
