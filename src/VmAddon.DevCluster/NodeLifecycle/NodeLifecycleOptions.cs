namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>How the node lifecycle controller runs; the defaults are kube-controller-manager's.</summary>
public sealed record NodeLifecycleOptions
{
    /// <summary>How often every node's health is checked (--node-monitor-period: 5 s). Changes to nodes, pods and leases also start a check.</summary>
    public TimeSpan MonitorPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a node's Lease (or Ready heartbeat) may go unrenewed before its conditions become Unknown (--node-monitor-grace-period: 40 s).</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>The grace a node gets before it ever posted a Ready condition, counted from its creation or last lease renewal (nodeStartupGracePeriod: 60 s).</summary>
    public TimeSpan StartupGracePeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The namespace of the node leases (kube-node-lease); each Lease is named after its node.</summary>
    public string LeaseNamespace { get; init; } = "kube-node-lease";

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        foreach (var (name, value) in (ReadOnlySpan<(string, TimeSpan)>)[(nameof(MonitorPeriod), MonitorPeriod), (nameof(GracePeriod), GracePeriod), (nameof(StartupGracePeriod), StartupGracePeriod)])
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
            }
        }

        if (string.IsNullOrWhiteSpace(LeaseNamespace))
        {
            throw new ArgumentException("LeaseNamespace must not be empty", nameof(LeaseNamespace));
        }
    }
}
