using k8s.Models;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// What the controller concludes about a node: when it last heard from its kubelet, whether that is longer ago than
/// the grace period, and the status conditions to write (null when they are already right).
/// </summary>
internal sealed record NodeHealth(DateTimeOffset LastHeartbeat, bool Stale, IList<V1NodeCondition>? Conditions);
