namespace VmAddon.TestHost;

/// <summary>How an <see cref="E2ECluster"/> differs from the default: node sizes and timing, and extra arguments for our programs.</summary>
public sealed record E2EClusterOptions
{
    /// <summary>Seconds without a node lease before the node lifecycle marks it NotReady (kube's default is 40).</summary>
    public double NodeMonitorGraceSeconds { get; init; } = 40;

    public string NodeCpu { get; init; } = "4";

    public string NodeMemory { get; init; } = "8Gi";

    public int NodeMaxPods { get; init; } = 110;

    public IReadOnlyList<string> ControllerArguments { get; init; } = [];

    public IReadOnlyList<string> AgentArguments { get; init; } = [];
}
