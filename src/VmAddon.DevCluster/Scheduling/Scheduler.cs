using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.Kube.Caching;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// The dev cluster's scheduler: binds each pending pod of <see cref="SchedulerOptions.SchedulerName"/> to a node through
/// the pods/binding subresource, one pod at a time, by <see cref="SchedulingPolicy"/>. A pod no node fits stays Pending
/// with PodScheduled=False/Unschedulable and a FailedScheduling event, and is tried again when a node changes, a bound
/// pod goes away, its own spec changes, or <see cref="SchedulerOptions.RetryInterval"/> passes.
/// </summary>
public sealed class Scheduler(IKubernetes client, SchedulerOptions options, ILogger log)
{
    // How long a pod bound by this scheduler counts on its node before the watch shows the binding (kube: the assumed-pod TTL).
    private static readonly TimeSpan AssumeFor = TimeSpan.FromSeconds(30);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Attempt> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Assumed> _assumed = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Schedules until cancelled; returns (without throwing) once <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var time = options.Time;
        var pods = InformerCaches.Pods(client, log, time: time);
        var nodes = InformerCaches.Nodes(client, log, time);
        pods.AddHandler(CacheChange<V1Pod>.Handler(OnPodChanged));
        nodes.AddHandler(CacheChange<V1Node>.Handler(OnNodeChanged));
        var events = new SchedulerEventRecorder(
            client, options.SchedulerName, options.ReportingInstance ?? $"{options.SchedulerName}-{Environment.MachineName}", time, log);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var caches = Task.WhenAll(pods.RunAsync(stop.Token), nodes.RunAsync(stop.Token));
        try
        {
            await Task.WhenAll(pods.WaitForSyncAsync(cancellationToken), nodes.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
            SchedulerLog.Started(log, options.SchedulerName);
            while (!cancellationToken.IsCancellationRequested)
            {
                TimeSpan? wait;
                try
                {
                    wait = await ScheduleDueAsync(pods, nodes, events, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    SchedulerLog.PassFailed(log, e);
                    wait = TimeSpan.FromSeconds(1);
                }

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

    private static bool HoldsNode(V1Pod pod) => !string.IsNullOrEmpty(pod.Spec?.NodeName) && !SchedulingPolicy.IsFinished(pod);

    // What about a node can change where pods fit: heartbeats and other status noise are left out.
    private static string NodeFingerprint(V1Node node)
    {
        var text = new StringBuilder();
        text.Append(node.Spec?.Unschedulable == true).Append('|');
        foreach (var (key, value) in (node.Metadata.Labels ?? new Dictionary<string, string>()).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append(',');
        }

        foreach (var taint in node.Spec?.Taints ?? [])
        {
            text.Append('|').Append(taint.Key).Append('=').Append(taint.Value).Append(':').Append(taint.Effect);
        }

        foreach (var resources in (IDictionary<string, ResourceQuantity>?[])[node.Status?.Allocatable, node.Status?.Capacity])
        {
            foreach (var (name, quantity) in (resources ?? new Dictionary<string, ResourceQuantity>()).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                text.Append('|').Append(name).Append('=').Append(quantity);
            }
        }

        foreach (var condition in node.Status?.Conditions ?? [])
        {
            text.Append('|').Append(condition.Type).Append('=').Append(condition.Status);
        }

        return text.ToString();
    }

    private static V1Pod BoundCopy(V1Pod pod, string node)
    {
        var copy = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
        copy.Spec.NodeName = node;
        return copy;
    }

    private static TimeSpan Earlier(TimeSpan? a, TimeSpan b) => a is { } value && value < b ? value : b;

    private void Signal() => _wake.Writer.TryWrite(true);

    private void OnPodChanged(CacheChange<V1Pod> change)
    {
        // A bound pod that finishes or goes away frees room: pods that did not fit before may fit now.
        if (change.Old is { } old && HoldsNode(old) && (change.New is null || !HoldsNode(change.New)))
        {
            Interlocked.Increment(ref _generation);
        }

        Signal();
    }

    private void OnNodeChanged(CacheChange<V1Node> change)
    {
        if (change.Old is null || change.New is null || NodeFingerprint(change.Old) != NodeFingerprint(change.New))
        {
            Interlocked.Increment(ref _generation);
            Signal();
        }
    }

    private bool IsPending(V1Pod pod) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName)
        && (pod.Spec?.SchedulerName ?? "default-scheduler") == options.SchedulerName
        && pod.Metadata.DeletionTimestamp is null
        && !SchedulingPolicy.IsFinished(pod)
        && pod.Spec?.SchedulingGates is not { Count: > 0 };

    private async Task WaitForWakeAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout ?? Timeout.InfiniteTimeSpan, options.Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Tries every pending pod that is due, highest priority and oldest first; returns how long until the next retry is due.
    private async Task<TimeSpan?> ScheduleDueAsync(InformerCache<V1Pod> podCache, InformerCache<V1Node> nodeCache, SchedulerEventRecorder events, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = options.Time.GetUtcNow();
        var pods = podCache.List();
        var nodes = nodeCache.List();
        var byUid = pods.Where(p => p.Metadata.Uid is not null).GroupBy(p => p.Metadata.Uid).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (uid, assumed) in _assumed.ToList())
        {
            if (!byUid.TryGetValue(uid, out var current) || !string.IsNullOrEmpty(current.Spec?.NodeName) || current.Metadata.DeletionTimestamp is not null || now > assumed.Until)
            {
                _assumed.Remove(uid);
            }
        }

        var cluster = SchedulingNode.ForCluster(nodes, pods.Where(p => !string.IsNullOrEmpty(p.Spec?.NodeName)).Concat(_assumed.Values.Select(a => a.Pod)));
        var pending = pods
            .Where(p => IsPending(p) && !_assumed.ContainsKey(p.Metadata.Uid ?? ""))
            .OrderByDescending(p => p.Spec.Priority ?? 0)
            .ThenBy(p => p.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var pendingUids = pending.Select(p => p.Metadata.Uid ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _attempts.Keys.Where(uid => !pendingUids.Contains(uid)).ToList())
        {
            _attempts.Remove(gone);
        }

        TimeSpan? next = null;
        foreach (var pod in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uid = pod.Metadata.Uid ?? "";
            _attempts.TryGetValue(uid, out var attempt);
            // Serializing the spec is the costly part; a pod whose resourceVersion did not move kept its spec.
            var spec = attempt?.ResourceVersion == pod.Metadata.ResourceVersion ? attempt.Spec : KubernetesJson.Serialize(pod.Spec);
            if (attempt is not null && attempt.Generation == generation && attempt.Spec == spec && now < attempt.At + options.RetryInterval)
            {
                _attempts[uid] = attempt with { ResourceVersion = pod.Metadata.ResourceVersion };
                next = Earlier(next, attempt.At + options.RetryInterval - now);
                continue;
            }

            var decision = SchedulingPolicy.Decide(pod, cluster);
            if (decision.Node is { } node)
            {
                if (await BindAsync(pod, node, cancellationToken).ConfigureAwait(false))
                {
                    var bound = BoundCopy(pod, node);
                    cluster.First(n => n.Name == node).Add(bound);
                    _assumed[uid] = new Assumed(bound, now + AssumeFor);
                    _attempts.Remove(uid);
                    await events.RecordAsync(pod, "Normal", "Scheduled", "Binding",
                        $"Successfully assigned {pod.Metadata.NamespaceProperty}/{pod.Metadata.Name} to {node}", cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            else
            {
                var message = decision.Message ?? FailureMessage.NoNodes;
                SchedulerLog.Unschedulable(log, pod.Metadata.NamespaceProperty, pod.Metadata.Name, message);
                await MarkUnschedulableAsync(pod, message, now, cancellationToken).ConfigureAwait(false);
                await events.RecordAsync(pod, "Warning", "FailedScheduling", "Scheduling", message, cancellationToken).ConfigureAwait(false);
            }

            _attempts[uid] = new Attempt(generation, now, pod.Metadata.ResourceVersion, spec);
            next = Earlier(next, options.RetryInterval);
        }

        return next;
    }

    private async Task<bool> BindAsync(V1Pod pod, string node, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        try
        {
            await client.CoreV1.CreateNamespacedPodBindingAsync(
                new V1Binding
                {
                    ApiVersion = "v1",
                    Kind = "Binding",
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = pod.Metadata.Uid },
                    Target = new V1ObjectReference { Kind = "Node", Name = node },
                },
                name,
                ns,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            SchedulerLog.Bound(log, ns, name, node);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            SchedulerLog.BindConflict(log, ns, name, e.Response.Content);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.BindFailed(log, ns, name, node, e);
            return false;
        }
    }

    // kube-scheduler's updatePod: the condition is written only when it changed, and keeps its transition time while its status stays.
    private async Task MarkUnschedulableAsync(V1Pod pod, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        if (existing is { Status: "False", Reason: "Unschedulable" } && existing.Message == message)
        {
            return;
        }

        var transition = existing?.Status == "False" && ApiTime.From(existing.LastTransitionTime) is { } since ? since : now;
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["uid"] = pod.Metadata.Uid },
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "PodScheduled",
                    ["status"] = "False",
                    ["lastProbeTime"] = null,
                    ["lastTransitionTime"] = ApiTime.Time(transition),
                    ["reason"] = "Unschedulable",
                    ["message"] = message,
                }),
            },
        };
        try
        {
            await client.CoreV1.PatchNamespacedPodStatusAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.StrategicMergePatch), pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.StatusFailed(log, pod.Metadata.NamespaceProperty, pod.Metadata.Name, e);
        }
    }

    // The cluster generation and pod spec a failed attempt saw: a newer generation or another spec makes the pod due again.
    private sealed record Attempt(long Generation, DateTimeOffset At, string? ResourceVersion, string Spec);

    private sealed record Assumed(V1Pod Pod, DateTimeOffset Until);
}
