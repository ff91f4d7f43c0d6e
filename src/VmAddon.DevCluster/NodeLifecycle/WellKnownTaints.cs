using k8s.Models;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>The taint keys Kubernetes itself puts on nodes (k8s.io/api/core/v1 well_known_taints.go).</summary>
internal static class WellKnownTaints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string Unschedulable = "node.kubernetes.io/unschedulable";
    public const string MemoryPressure = "node.kubernetes.io/memory-pressure";
    public const string DiskPressure = "node.kubernetes.io/disk-pressure";
    public const string NetworkUnavailable = "node.kubernetes.io/network-unavailable";
    public const string PidPressure = "node.kubernetes.io/pid-pressure";

    /// <summary>Set by an administrator on a node that is shut down for good (non-graceful node shutdown): its terminating pods are force-deleted.</summary>
    public const string OutOfService = "node.kubernetes.io/out-of-service";

    /// <summary>The node's Ready condition status: True, False or Unknown; null when the node never posted one.</summary>
    public static string? ReadyStatus(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    public static bool IsReady(V1Node node) => ReadyStatus(node) == "True";
}
