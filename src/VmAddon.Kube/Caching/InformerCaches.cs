using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.Kube.Caching;

/// <summary>Ready-made <see cref="InformerCache{T}"/>s over KubernetesClient's typed list and watch calls.</summary>
public static class InformerCaches
{
    /// <summary>
    /// All pods (or those matching <paramref name="labelSelector"/> and <paramref name="fieldSelector"/>, such as an
    /// agent's <c>spec.nodeName=NODE</c>), indexed by node (spec.nodeName) as well.
    /// </summary>
    public static InformerCache<V1Pod> Pods(IKubernetes client, ILogger logger, string? labelSelector = null, TimeProvider? time = null, string? fieldSelector = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cache = new InformerCache<V1Pod>(
            fieldSelector is null ? "pods" : $"pods ({fieldSelector})",
            async ct =>
            {
                var list = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, timeout, onError, ct) => client.CoreV1.WatchListPodForAllNamespacesAsync(
                allowWatchBookmarks: true, labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resourceVersion, timeoutSeconds: timeout,
                onError: onError, cancellationToken: ct),
            logger,
            time);
        cache.IndexByNode(p => p.Spec?.NodeName);
        return cache;
    }

    /// <summary>All nodes.</summary>
    public static InformerCache<V1Node> Nodes(IKubernetes client, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new InformerCache<V1Node>(
            "nodes",
            async ct =>
            {
                var list = await client.CoreV1.ListNodeAsync(cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, timeout, onError, ct) => client.CoreV1.WatchListNodeAsync(
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
            logger,
            time);
    }

    /// <summary>The config maps of one namespace (used by tests, and as the pattern for namespaced kinds).</summary>
    public static InformerCache<V1ConfigMap> ConfigMaps(IKubernetes client, string ns, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new InformerCache<V1ConfigMap>(
            "configmaps",
            async ct =>
            {
                var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, timeout, onError, ct) => client.CoreV1.WatchListNamespacedConfigMapAsync(
                ns, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
            logger,
            time);
    }

    /// <summary>The leases of one namespace (kube-node-lease for node heartbeats, or a controller's election lease).</summary>
    public static InformerCache<V1Lease> Leases(IKubernetes client, string ns, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new InformerCache<V1Lease>(
            "leases",
            async ct =>
            {
                var list = await client.CoordinationV1.ListNamespacedLeaseAsync(ns, cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, timeout, onError, ct) => client.CoordinationV1.WatchListNamespacedLeaseAsync(
                ns, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
            logger,
            time);
    }
}
