using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>The list+watch caches the dev cluster's control loops share the making of: all pods, all nodes, the leases of a namespace.</summary>
internal static class ClusterCaches
{
    public static ListWatchCache<V1Pod> Pods(IKubernetes client, ILogger log, TimeProvider time) => new(
        "pods",
        async ct =>
        {
            var list = await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false);
            return (list.Items, list.Metadata.ResourceVersion);
        },
        (resourceVersion, timeout, onError, ct) => client.CoreV1.WatchListPodForAllNamespacesAsync(
            allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        log,
        time);

    public static ListWatchCache<V1Node> Nodes(IKubernetes client, ILogger log, TimeProvider time) => new(
        "nodes",
        async ct =>
        {
            var list = await client.CoreV1.ListNodeAsync(cancellationToken: ct).ConfigureAwait(false);
            return (list.Items, list.Metadata.ResourceVersion);
        },
        (resourceVersion, timeout, onError, ct) => client.CoreV1.WatchListNodeAsync(
            allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        log,
        time);

    public static ListWatchCache<V1Lease> Leases(IKubernetes client, string ns, ILogger log, TimeProvider time) => new(
        "leases",
        async ct =>
        {
            var list = await client.CoordinationV1.ListNamespacedLeaseAsync(ns, cancellationToken: ct).ConfigureAwait(false);
            return (list.Items, list.Metadata.ResourceVersion);
        },
        (resourceVersion, timeout, onError, ct) => client.CoordinationV1.WatchListNamespacedLeaseAsync(
            ns, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        log,
        time);
}
