using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.Kube.Caching;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// The dev cluster's node lifecycle controller, doing what kube-controller-manager's node lifecycle, taint eviction
/// and pod garbage collection controllers do for lost nodes. Each pass, for every node: conditions become Unknown when
/// its Lease went unrenewed for the grace period (<see cref="NodeHealthPolicy"/>); the controller's taints follow its
/// conditions and cordon (<see cref="ConditionTaints"/>: unreachable or not-ready, NoSchedule and NoExecute, with
/// timeAdded); while it is not Ready its pods' Ready condition is turned False; pods are evicted (deleted, so they stay
/// Terminating without a kubelet) once their tolerations of its NoExecute taints run out (<see cref="TaintEvictionPolicy"/>);
/// and terminating pods on an out-of-service node are force-deleted (<see cref="NonGracefulShutdown"/>). When the kubelet
/// is back and posts Ready=True, the unreachable and not-ready taints go. Unlike kube, it never stops evicting because
/// every node of a zone is down ("full disruption" mode), since a one-node dev cluster is always in that state.
/// </summary>
public sealed class NodeLifecycleController(IKubernetes client, NodeLifecycleOptions options, ILogger log)
{
    // How long a write of this controller may take to come back through the watch before the cache is trusted again anyway.
    private static readonly TimeSpan WriteEchoTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Written> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _lastReady = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string Key, string Effect), TaintSeen> _taintsSeen = [];
    private readonly HashSet<string> _markedNotReady = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evicted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forceDeleted = new(StringComparer.Ordinal);

    /// <summary>Runs until cancelled; returns (without throwing) once <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var time = options.Time;
        var nodes = InformerCaches.Nodes(client, log, time);
        var pods = InformerCaches.Pods(client, log, time: time);
        var leases = InformerCaches.Leases(client, options.LeaseNamespace, log, time);
        nodes.AddHandler(CacheChange<V1Node>.Handler(_ => Signal()));
        pods.AddHandler(CacheChange<V1Pod>.Handler(_ => Signal()));
        leases.AddHandler(CacheChange<V1Lease>.Handler(_ => Signal()));
        var nodeEvents = new CoreEventRecorder(client, "node-controller", time, log);
        var evictionEvents = new CoreEventRecorder(client, "taint-eviction-controller", time, log);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var caches = Task.WhenAll(nodes.RunAsync(stop.Token), pods.RunAsync(stop.Token), leases.RunAsync(stop.Token));
        try
        {
            await Task.WhenAll(nodes.WaitForSyncAsync(cancellationToken), pods.WaitForSyncAsync(cancellationToken), leases.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
            NodeLifecycleLog.Started(log, options.MonitorPeriod, options.GracePeriod);
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                DateTimeOffset? due;
                try
                {
                    due = await PassAsync(nodes.List(), pods.List(), leases, nodeEvents, evictionEvents, now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    NodeLifecycleLog.PassFailed(log, e);
                    due = null;
                }

                var wait = due is { } at ? at - time.GetUtcNow() : options.MonitorPeriod;
                wait = wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > options.MonitorPeriod ? options.MonitorPeriod : wait;
                await WaitForWakeAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await caches.ConfigureAwait(false);
        }
    }

    private static V1ObjectReference Reference(V1Pod pod) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        NamespaceProperty = pod.Metadata.NamespaceProperty,
        Name = pod.Metadata.Name,
        Uid = pod.Metadata.Uid,
        ResourceVersion = pod.Metadata.ResourceVersion,
    };

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;

    private static V1Patch StrategicPatch(JsonNode patch) => new(patch.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);

    private static JsonObject ConditionPatch(V1Pod pod, JsonObject condition) => new()
    {
        ["metadata"] = new JsonObject { ["uid"] = pod.Metadata.Uid },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray(condition) },
    };

    private static bool IsGoneOrConflict(Exception e) => e is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound or HttpStatusCode.Conflict };

    private void Signal() => _wake.Writer.TryWrite(true);

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, options.Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Whether the cache still shows an object as it was before this controller's own write: acting on it again would repeat that write.
    private bool Echoing(string key, string? resourceVersion, DateTimeOffset now)
    {
        if (!_written.TryGetValue(key, out var written))
        {
            return false;
        }

        if (written.Version == resourceVersion && now < written.Until)
        {
            return true;
        }

        _written.Remove(key);
        return false;
    }

    private void Wrote(string key, string? resourceVersion, DateTimeOffset now) => _written[key] = new Written(resourceVersion, now + WriteEchoTimeout);

    // When a taint appeared: exactly when this controller added it (timeAdded has whole seconds only, which could cut a
    // toleration short by up to a second), else its timeAdded, else when this controller first saw it.
    private DateTimeOffset TaintSince(string node, V1Taint taint, DateTimeOffset now)
    {
        var key = (node, taint.Key, taint.Effect);
        if (_taintsSeen.TryGetValue(key, out var seen))
        {
            return seen.Since;
        }

        if (ApiTime.From(taint.TimeAdded) is { } added)
        {
            return added;
        }

        _taintsSeen[key] = new TaintSeen(now, now);
        return now;
    }

    // One reconciling pass over every node; returns when the next pass is due (a pending eviction or a heartbeat running out).
    private async Task<DateTimeOffset?> PassAsync(
        IReadOnlyList<V1Node> nodes, IReadOnlyList<V1Pod> pods, InformerCache<V1Lease> leases,
        CoreEventRecorder nodeEvents, CoreEventRecorder evictionEvents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var podsByNode = pods.Where(p => !string.IsNullOrEmpty(p.Spec?.NodeName)).ToLookup(p => p.Spec.NodeName, StringComparer.Ordinal);
        DateTimeOffset? due = null;
        foreach (var cached in nodes.OrderBy(n => n.Metadata.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = cached.Metadata.Name;
            if (Echoing($"node/{name}", cached.Metadata.ResourceVersion, now))
            {
                continue;
            }

            var node = cached;
            var health = NodeHealthPolicy.Assess(node, leases.Get($"{options.LeaseNamespace}/{name}"), now, options);
            if (health.Conditions is { } conditions)
            {
                NodeLifecycleLog.Stale(log, name, health.LastHeartbeat);
                if (await WriteConditionsAsync(node, conditions, now, cancellationToken).ConfigureAwait(false) is not { } updated)
                {
                    continue;
                }

                node = updated;
            }

            if (!health.Stale && health.LastHeartbeat != DateTimeOffset.MinValue)
            {
                var grace = WellKnownTaints.ReadyStatus(node) is null ? options.StartupGracePeriod : options.GracePeriod;
                due = Earlier(due, health.LastHeartbeat + grace + TimeSpan.FromMilliseconds(1));
            }

            var ready = WellKnownTaints.ReadyStatus(node);
            if (_lastReady.TryGetValue(name, out var wasReady) && wasReady == "True" && ready != "True")
            {
                await nodeEvents.RecordAsync(
                    new V1ObjectReference { Kind = "Node", Name = name, Uid = node.Metadata.Uid },
                    "Normal", "NodeNotReady", $"Node {name} status is now: NodeNotReady", cancellationToken).ConfigureAwait(false);
            }

            _lastReady[name] = ready;
            if (ConditionTaints.Reconcile(node, now) is { } taints)
            {
                if (await WriteTaintsAsync(cached, node, taints, now, cancellationToken).ConfigureAwait(false) is not { } updated)
                {
                    continue;
                }

                node = updated;
            }

            var nodePods = podsByNode[name].ToList();
            // As kube, only a node that posted (or was given) a Ready condition other than True gets its pods marked.
            if (ready is not null and not "True")
            {
                foreach (var pod in nodePods.Where(p => NodeHealthPolicy.PodNeedsNotReady(p) && !_markedNotReady.Contains(p.Metadata.Uid ?? "")))
                {
                    await MarkNotReadyAsync(pod, name, nodeEvents, now, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                _markedNotReady.ExceptWith(nodePods.Select(p => p.Metadata.Uid ?? ""));
            }

            var nodeTaints = node.Spec?.Taints?.ToList() ?? [];
            foreach (var pod in nodePods)
            {
                var uid = pod.Metadata.Uid ?? "";
                if (NonGracefulShutdown.ShouldForceDelete(pod, node))
                {
                    if (_forceDeleted.Add(uid))
                    {
                        await ForceDeleteAsync(pod, name, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (pod.Metadata.DeletionTimestamp is not null
                    || _evicted.Contains(uid)
                    || TaintEvictionPolicy.EvictionTime(pod, nodeTaints, t => TaintSince(name, t, now)) is not { } evictAt)
                {
                    continue;
                }

                if (evictAt <= now)
                {
                    _evicted.Add(uid);
                    await EvictAsync(pod, name, evictionEvents, now, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    due = Earlier(due, evictAt);
                }
            }
        }

        Forget(nodes, pods, now);
        return due;
    }

    // Drops what is remembered about nodes, taints and pods that are gone. A taint this controller just added may not be
    // in the cache yet, so a taint is forgotten only once the cache has not shown it for a while.
    private void Forget(IReadOnlyList<V1Node> nodes, IReadOnlyList<V1Pod> pods, DateTimeOffset now)
    {
        var taints = nodes.SelectMany(n => (n.Spec?.Taints ?? []).Select(t => (n.Metadata.Name, t.Key, t.Effect))).ToHashSet();
        foreach (var (key, seen) in _taintsSeen.ToList())
        {
            if (taints.Contains(key))
            {
                _taintsSeen[key] = seen with { LastPresent = now };
            }
            else if (now - seen.LastPresent > WriteEchoTimeout)
            {
                _taintsSeen.Remove(key);
            }
        }

        var names = nodes.Select(n => n.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _lastReady.Keys.Where(n => !names.Contains(n)).ToList())
        {
            _lastReady.Remove(gone);
        }

        var uids = pods.Select(p => p.Metadata.Uid ?? "").ToHashSet(StringComparer.Ordinal);
        _markedNotReady.IntersectWith(uids);
        _forceDeleted.IntersectWith(uids);
        _evicted.IntersectWith(pods.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Uid ?? ""));
    }

    private async Task<V1Node?> WriteConditionsAsync(V1Node node, IList<V1NodeCondition> conditions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var copy = KubernetesJson.Deserialize<V1Node>(KubernetesJson.Serialize(node));
        copy.Status ??= new V1NodeStatus();
        copy.Status.Conditions = conditions;
        try
        {
            var updated = await client.CoreV1.ReplaceNodeStatusAsync(copy, node.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            Wrote($"node/{node.Metadata.Name}", node.Metadata.ResourceVersion, now);
            return updated;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NodeLifecycleLog.WriteFailed(log, "marking conditions Unknown", $"node {node.Metadata.Name}", e);
            return null;
        }
    }

    // kube's PatchNodeTaints: the whole taint list, pinned to the resourceVersion it was computed from.
    private async Task<V1Node?> WriteTaintsAsync(V1Node cached, V1Node node, IList<V1Taint> taints, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var taint in taints)
        {
            var item = new JsonObject { ["key"] = taint.Key, ["effect"] = taint.Effect };
            if (!string.IsNullOrEmpty(taint.Value))
            {
                item["value"] = taint.Value;
            }

            if (ApiTime.From(taint.TimeAdded) is { } added)
            {
                item["timeAdded"] = ApiTime.Time(added);
            }

            list.Add(item);
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = node.Metadata.ResourceVersion },
            ["spec"] = new JsonObject { ["taints"] = list },
        };
        try
        {
            var updated = await client.CoreV1.PatchNodeAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), node.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var added in taints.Where(t => !(node.Spec?.Taints ?? []).Any(o => o.Key == t.Key && o.Effect == t.Effect)))
            {
                _taintsSeen[(node.Metadata.Name, added.Key, added.Effect)] = new TaintSeen(now, now);
            }

            Wrote($"node/{node.Metadata.Name}", cached.Metadata.ResourceVersion, now);
            NodeLifecycleLog.Tainted(log, node.Metadata.Name, taints.Count == 0 ? "(none)" : string.Join(", ", taints.Select(t => $"{t.Key}:{t.Effect}")));
            return updated;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!IsGoneOrConflict(e))
            {
                NodeLifecycleLog.WriteFailed(log, "updating taints", $"node {node.Metadata.Name}", e);
            }

            return null;
        }
    }

    // kube's MarkPodsNotReady: only the Ready condition's status (and transition time) changes; a Warning NodeNotReady event goes on the pod.
    private async Task MarkNotReadyAsync(V1Pod pod, string node, CoreEventRecorder events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = ConditionPatch(pod, new JsonObject { ["type"] = "Ready", ["status"] = "False", ["lastTransitionTime"] = ApiTime.Time(now) });
        try
        {
            await client.CoreV1.PatchNamespacedPodStatusAsync(StrategicPatch(patch), pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            _markedNotReady.Add(pod.Metadata.Uid ?? "");
            NodeLifecycleLog.PodNotReady(log, pod.Metadata.NamespaceProperty, pod.Metadata.Name, node);
            await events.RecordAsync(Reference(pod), "Warning", "NodeNotReady", "Node is not ready", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!IsGoneOrConflict(e))
            {
                NodeLifecycleLog.WriteFailed(log, "marking not ready", $"pod {pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}", e);
            }
        }
    }

    // The taint eviction controller's addConditionAndDeletePod: a DisruptionTarget condition, then a plain (graceful) delete.
    private async Task EvictAsync(V1Pod pod, string node, CoreEventRecorder events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        NodeLifecycleLog.Evicting(log, ns, name, node);
        await events.RecordAsync(new V1ObjectReference { ApiVersion = "v1", Kind = "Pod", NamespaceProperty = ns, Name = name },
            "Normal", "TaintManagerEviction", $"Marking for deletion Pod {ns}/{name}", cancellationToken).ConfigureAwait(false);
        try
        {
            if (pod.Status?.Conditions?.Any(c => c is { Type: "DisruptionTarget", Status: "True", Reason: "DeletionByTaintManager" }) != true)
            {
                var condition = new JsonObject
                {
                    ["type"] = "DisruptionTarget",
                    ["status"] = "True",
                    ["lastTransitionTime"] = ApiTime.Time(now),
                    ["reason"] = "DeletionByTaintManager",
                    ["message"] = "Taint manager: deleting due to NoExecute taint",
                };
                await client.CoreV1.PatchNamespacedPodStatusAsync(StrategicPatch(ConditionPatch(pod, condition)), name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await client.CoreV1.DeleteNamespacedPodAsync(
                name, ns, new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!IsGoneOrConflict(e))
            {
                _evicted.Remove(pod.Metadata.Uid ?? "");
                NodeLifecycleLog.WriteFailed(log, "evicting", $"pod {ns}/{name}", e);
            }
        }
    }

    // The pod garbage collector's markFailedAndDeletePod: phase Failed unless already finished, then delete with grace 0.
    private async Task ForceDeleteAsync(V1Pod pod, string node, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        NodeLifecycleLog.ForceDeleting(log, ns, name, node);
        try
        {
            if (!SchedulingPolicy.IsFinished(pod))
            {
                var patch = new JsonObject { ["metadata"] = new JsonObject { ["uid"] = pod.Metadata.Uid }, ["status"] = new JsonObject { ["phase"] = "Failed" } };
                await client.CoreV1.PatchNamespacedPodStatusAsync(StrategicPatch(patch), name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await client.CoreV1.DeleteNamespacedPodAsync(
                name, ns, new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } },
                gracePeriodSeconds: 0, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!IsGoneOrConflict(e))
            {
                _forceDeleted.Remove(pod.Metadata.Uid ?? "");
                NodeLifecycleLog.WriteFailed(log, "force-deleting", $"pod {ns}/{name}", e);
            }
        }
    }

    private sealed record Written(string? Version, DateTimeOffset Until);

    private sealed record TaintSeen(DateTimeOffset Since, DateTimeOffset LastPresent);
}
