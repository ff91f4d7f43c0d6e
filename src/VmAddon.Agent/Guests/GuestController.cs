using System.Collections.Concurrent;
using k8s.Models;
using LibvirtSharp;
using Microsoft.Extensions.Logging;
using VmAddon.Agent.Hosting;
using VmAddon.Agent.Libvirt;
using VmAddon.Agent.Logging;
using VmAddon.Api;
using VmAddon.Core.Guests;
using VmAddon.Core.Launcher;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Events;
using VmAddon.Kube.Metrics;
using VmAddon.Kube.Queue;
using VmAddon.Kube.Status;

namespace VmAddon.Agent.Guests;

/// <summary>
/// The agent's reconciler: for each VMI on its node, from Scheduled on, it observes the domain in the launcher's
/// libvirtd, carries out <see cref="GuestPolicy"/>'s action, and writes the status <see cref="GuestStatusRenderer"/>
/// gives, through the status subresource and only when it changed.
/// </summary>
internal sealed class GuestController : IAsyncDisposable
{
    /// <summary>The pod index by the VMI uid in the launcher's created-by label.</summary>
    public const string CreatedByIndex = "created-by";

    private const string ControllerName = "agent";

    /// <summary>The reason of the Failed phase of an instance whose spec cannot be rendered into a domain.</summary>
    private const string InvalidSpecReason = "InvalidSpec";

    private readonly AgentOptions _options;
    private readonly bool _softwareEmulation;
    private readonly InformerCache<VirtualMachineInstance> _vmis;
    private readonly InformerCache<V1Pod> _pods;
    private readonly StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus> _status;
    private readonly EventRecorder _events;
    private readonly VmAddonMetrics _metrics;
    private readonly GuestConnections _connections;
    // When the agent pressed each deleted VMI's power button (by uid): its grace period runs from there.
    private readonly ConcurrentDictionary<string, long> _shutdownRequested = new(StringComparer.Ordinal);

    // The VMIs (by key) this agent process has reconciled: a Running one seen first with its domain running was adopted.
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    // The VMI each key's last status write returned, with the resourceVersion it replaced: while the cache still shows
    // that version it lags our own write, and a reconcile (a lifecycle event's, say) works from what we wrote instead
    // of writing again from the stale copy and drawing a 409.
    private readonly ConcurrentDictionary<string, (string Replaced, VirtualMachineInstance Written)> _written = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public GuestController(AgentOptions options, bool softwareEmulation, InformerCache<VirtualMachineInstance> vmis, InformerCache<V1Pod> pods,
        StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus> status, EventRecorder events, VmAddonMetrics metrics, TimeProvider time, ILogger log)
    {
        _options = options;
        _softwareEmulation = softwareEmulation;
        _vmis = vmis;
        _pods = pods;
        _status = status;
        _events = events;
        _metrics = metrics;
        _time = time;
        _log = log;
        Queue = new WorkQueue(time: time);
        _connections = new GuestConnections(options, DomainChanged, EnqueueAll, time, log);
        pods.AddIndexer(CreatedByIndex, p => Value(p.Metadata.Labels, LauncherPodLabels.CreatedBy) is { Length: > 0 } uid ? [uid] : []);
        vmis.AddHandler(InformerHandlers.EnqueueKey<VirtualMachineInstance>(Queue));
        pods.AddHandler(new InformerHandler<V1Pod>
        {
            OnAdded = EnqueueOwner,
            OnUpdated = (_, pod) => EnqueueOwner(pod),
            OnDeleted = (pod, inferred) =>
            {
                EnqueueOwner(pod);
                _ = _connections.ForgetAsync(pod.Metadata.Uid);
            },
        });
    }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers once both caches have synced, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_vmis.WaitForSyncAsync(cancellationToken), _pods.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
        using var depth = _metrics.RegisterQueueDepth("vmi-agent", () => Queue.Depth);
        await QueueWorkers.RunWorkersAsync(Queue, _options.Workers, ReconcileAsync, _log, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = "success";
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        using var scope = _log.BeginScope(new Dictionary<string, object>
        {
            ["vmi"] = key[(slash + 1)..],
            ["namespace"] = key[..Math.Max(slash, 0)],
            ["node"] = _options.Node,
            ["reconcileId"] = Guid.NewGuid().ToString("N")[..12],
        });
        try
        {
            result = await ReconcileVmiAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = "error";
            if (_vmis.Get(key) is { } vmi)
            {
                await _events.RecordAsync(vmi, EventTypes.Warning, "SyncFailed", "Reconcile", e.Message, cancellationToken).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            _metrics.RecordReconcile(ControllerName, result, _time.GetElapsedTime(started));
        }
    }

    public ValueTask DisposeAsync()
    {
        Queue.Dispose();
        return _connections.DisposeAsync();
    }

    private async Task<string> ReconcileVmiAsync(string key, CancellationToken cancellationToken)
    {
        if (_vmis.Get(key) is not { } vmi || Value(vmi.Metadata.Labels, VmAddonMetadata.NodeNameLabel) != _options.Node)
        {
            _written.TryRemove(key, out _);
            _seen.TryRemove(key, out _);
            return "gone";
        }

        if (_written.TryGetValue(key, out var memo))
        {
            if (memo.Replaced == vmi.Metadata.ResourceVersion)
            {
                vmi = memo.Written;
            }
            else
            {
                _written.TryRemove(key, out _);
            }
        }

        var uid = vmi.Metadata.Uid;
        var phase = vmi.Status?.Phase ?? VirtualMachineInstancePhase.Pending;
        if (phase is not (VirtualMachineInstancePhase.Scheduled or VirtualMachineInstancePhase.Running))
        {
            _shutdownRequested.TryRemove(uid, out _);
            return "skipped"; // before Scheduled the controller owns the phase; after a final one there is nothing to do
        }

        var pod = _pods.ByIndex(CreatedByIndex, uid).FirstOrDefault(p => p.Metadata.NamespaceProperty == vmi.Metadata.NamespaceProperty);
        if (pod is null && (_options.Hypervisor == GuestHypervisor.Qemu || phase == VirtualMachineInstancePhase.Scheduled))
        {
            // The VMI controller hands an instance over (Scheduled) only once it saw its launcher pod run, so this
            // agent's pod cache, a separate watch, may just lag: the pod's arrival requeues us, and the Running write
            // then carries its IP, with either hypervisor. A Running instance whose pod went is failed by the VMI
            // controller as PodDeleted; the test hypervisor, which needs no pod, goes on observing its domain.
            return "no-launcher";
        }

        var domainName = GuestDomainXml.DomainName(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
        if (await ObserveAsync(key, pod, domainName, cancellationToken).ConfigureAwait(false) is not { } observed)
        {
            return "launcher-stopping";
        }

        var (connection, domain) = observed;

        var facts = new GuestFacts(
            phase,
            vmi.Metadata.DeletionTimestamp is not null,
            GuestPauseWish.Wanted(vmi),
            domain,
            _shutdownRequested.TryGetValue(uid, out var pressed) ? _time.GetElapsedTime(pressed) : null,
            TimeSpan.FromSeconds(vmi.Spec?.TerminationGracePeriodSeconds ?? ApiDefaults.TerminationGracePeriodSeconds));
        var decision = GuestPolicy.Decide(facts);
        if (_seen.TryAdd(key, true) && phase == VirtualMachineInstancePhase.Running && domain is GuestDomainState.Running or GuestDomainState.Paused)
        {
            AgentLog.Adopted(_log, key, domainName); // a restarted agent: the guest keeps running, untouched
        }

        if (decision.Action != GuestAction.None && connection is not null)
        {
            AgentLog.Acting(_log, key, decision.Action, facts.Domain);
            string? xml = null;
            if (decision.Action == GuestAction.DefineAndStart)
            {
                try
                {
                    xml = GuestDomainXml.Render(vmi, _options.Hypervisor, _softwareEmulation);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    // A spec that cannot become a domain never will: fail the instance once instead of retrying forever.
                    await _events.RecordAsync(vmi, EventTypes.Warning, InvalidSpecReason, "Define", e.Message, cancellationToken).ConfigureAwait(false);
                    await WriteStatusAsync(vmi, new GuestDecision(GuestAction.None, VirtualMachineInstancePhase.Failed, InvalidSpecReason), facts, pod, cancellationToken)
                        .ConfigureAwait(false);
                    return "invalid-spec";
                }
            }

            await GuestDomains.ActAsync(connection, domainName, decision.Action, xml, _options.Hypervisor, facts.PauseRequested, cancellationToken).ConfigureAwait(false);
            if (decision.Action == GuestAction.Shutdown)
            {
                _shutdownRequested.TryAdd(uid, _time.GetTimestamp());
                await _events.RecordAsync(vmi, EventTypes.Normal, "ShuttingDown", "Shutdown", $"Pressed the guest's power button; it is destroyed after {facts.GracePeriod.TotalSeconds:0} s.", cancellationToken).ConfigureAwait(false);
            }
            else if (decision.Action == GuestAction.Destroy)
            {
                await _events.RecordAsync(vmi, EventTypes.Warning, "Destroyed", "Destroy",
                    facts.Domain is GuestDomainState.Paused or GuestDomainState.PausedByHypervisor
                        ? "Destroyed the paused guest: it cannot hear the power button."
                        : $"Destroyed the guest: it did not power off within its grace period of {facts.GracePeriod.TotalSeconds:0} s.",
                    cancellationToken).ConfigureAwait(false);
            }

            // Decide again on what the action made of the domain, so one status write carries the outcome.
            facts = facts with
            {
                Domain = await GuestDomains.ObserveAsync(connection, domainName, cancellationToken).ConfigureAwait(false),
                SinceShutdownRequested = _shutdownRequested.TryGetValue(uid, out pressed) ? _time.GetElapsedTime(pressed) : null,
            };
            var next = GuestPolicy.Decide(facts);
            if (next.Action != GuestAction.None)
            {
                Queue.Add(key); // more to do (a pause asked for before the start, say): once this reconcile is done
            }

            decision = next with { RequeueAfter = decision.RequeueAfter };
        }

        if (decision.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
        {
            _shutdownRequested.TryRemove(uid, out _);
            _seen.TryRemove(key, out _);
        }

        if (decision.Phase != VirtualMachineInstancePhase.Scheduled && !GuestPolicy.AwaitPodCache(phase, decision.Phase, pod is null ? null : pod.Status?.Phase ?? "Pending"))
        {
            await WriteStatusAsync(vmi, decision, facts, pod, cancellationToken).ConfigureAwait(false);
        }

        if (decision.RequeueAfter is { } later)
        {
            Queue.AddAfter(key, later);
        }

        return decision.Action == GuestAction.None ? "success" : decision.Action.ToString();
    }

    /// <summary>
    /// The connection to the pod's libvirtd and the domain's state; LauncherExited when the pod ended and its daemon
    /// with it; null while a pod being deleted no longer answers (its end requeues the VMI).
    /// </summary>
    private async Task<(LibvirtConnection? Connection, GuestDomainState Domain)?> ObserveAsync(string key, V1Pod? pod, string domainName, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _connections.GetAsync(pod?.Metadata.Uid, cancellationToken).ConfigureAwait(false);
            return (connection, await GuestDomains.ObserveAsync(connection, domainName, cancellationToken).ConfigureAwait(false));
        }
        catch (LibvirtException) when (_options.Hypervisor == GuestHypervisor.Qemu && pod?.Status?.Phase is "Failed" or "Succeeded")
        {
            return (null, GuestDomainState.LauncherExited);
        }
        catch (LibvirtException) when (_options.Hypervisor == GuestHypervisor.Qemu && pod?.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }
        catch (LibvirtException e)
        {
            throw new InvalidOperationException($"cannot reach the launcher's libvirtd for {key}: {e.Message}", e);
        }
    }

    private async Task WriteStatusAsync(VirtualMachineInstance vmi, GuestDecision decision, GuestFacts facts, V1Pod? pod, CancellationToken cancellationToken)
    {
        var podIps = pod?.Status?.PodIPs?.Select(ip => ip.Ip).Where(ip => !string.IsNullOrEmpty(ip)).ToList() is { Count: > 0 } ips
            ? ips
            : pod?.Status?.PodIP is { Length: > 0 } ip ? [ip] : [];
        var statusFacts = new GuestStatusFacts(decision.Phase, decision.Reason, _options.Node, podIps, facts.Domain, facts.PauseRequested, _softwareEmulation);
        var result = await _status.UpdateAsync(vmi, current => GuestStatusRenderer.Render(current, statusFacts, _time.GetUtcNow().UtcDateTime), cancellationToken)
            .ConfigureAwait(false);
        if (result is { Outcome: StatusUpdateOutcome.Updated, Object: { } written })
        {
            _written[InformerCache<VirtualMachineInstance>.KeyOf(vmi)] = (vmi.Metadata.ResourceVersion, written);
        }

        if (result.Outcome == StatusUpdateOutcome.Updated && vmi.Status?.Phase != decision.Phase)
        {
            AgentLog.PhaseChanged(_log, InformerCache<VirtualMachineInstance>.KeyOf(vmi), vmi.Status?.Phase, decision.Phase, decision.Reason ?? "");
            if (vmi.Metadata.CreationTimestamp is { } created)
            {
                _metrics.RecordPhaseTransition(decision.Phase, _time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)));
            }
        }
    }

    private void DomainChanged(string domainName)
    {
        if (GuestDomainXml.KeyOf(domainName) is { } key)
        {
            Queue.Add(key);
        }
    }

    private void EnqueueAll()
    {
        foreach (var vmi in _vmis.List())
        {
            Queue.Add(InformerCache<VirtualMachineInstance>.KeyOf(vmi));
        }
    }

    private static string? Value(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : null;

    private void EnqueueOwner(V1Pod pod)
    {
        if (Value(pod.Metadata.Labels, LauncherPodLabels.VmiName) is { Length: > 0 } name)
        {
            Queue.Add($"{pod.Metadata.NamespaceProperty}/{name}");
        }
        else if (InformerHandlers.ControllerOwnerKey(pod, VirtualMachineInstance.KubeKind) is { } key)
        {
            Queue.Add(key);
        }
    }
}
