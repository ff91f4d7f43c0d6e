namespace VmAddon.DevCluster.Nodes;

/// <summary>One simulated node: its name and number, where it keeps its files, what it offers, and its timings.</summary>
public sealed record NodeRunnerOptions
{
    public required string NodeName { get; init; }

    /// <summary>1 to 200: picks the node's bridge and pod CIDR (10.244.INDEX.0/24).</summary>
    public required int Index { get; init; }

    /// <summary>The cluster directory; the node keeps its files under DIR/NODE.</summary>
    public required string Directory { get; init; }

    public ImageMap Images { get; init; } = new(new Dictionary<string, ImageTarget>());

    public string Cpu { get; init; } = "4";

    public string Memory { get; init; } = "8Gi";

    public int MaxPods { get; init; } = 110;

    /// <summary>Labels the node registers with, besides kubernetes.io/hostname, os and arch.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>How often the node renews its Lease in kube-node-lease (the kubelet: 10 s).</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first restart delay of a crashing container, doubled each time up to <see cref="MaxRestartBackoff"/> (the kubelet: 10 s and 5 min).</summary>
    public TimeSpan RestartBackoff { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRestartBackoff { get; init; } = TimeSpan.FromMinutes(5);
}
