using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Controller.Runtime;
using VmAddon.Core.Launcher;
using VmAddon.Core.Machines;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Expectations;
using VmAddon.Kube.Queue;
using VmAddon.Kube.Status;

namespace VmAddon.Controller.Instances;

/// <summary>
/// The VMI controller: for each VirtualMachineInstance, level-triggered, it keeps one launcher pod (with the VMI's
/// finalizer on first), moves the VMI Pending → Scheduling → Scheduled as <see cref="InstancePodPolicy"/> decides,
/// labels it with its node, fails it when its pod fails or vanishes, and tears the pod down as
/// <see cref="InstanceTeardownPolicy"/> decides. From Scheduled on the agent owns the phase.
/// </summary>
public sealed class VmiController
{
    public const string Name = "vmi";

    private readonly IKubernetes _client;
    private readonly VmAddonClients _clients;
    private readonly InformerCache<VirtualMachineInstance> _vmis;
    private readonly InformerCache<V1Pod> _pods;
    private readonly InformerCache<V1Node>? _nodes;
    private readonly LauncherPodOptions _launcher;
    private readonly ControllerContext _context;
    private readonly ControllerExpectations _expectations;
    private readonly StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus> _status;

    /// <param name="client">For pods.</param>
    /// <param name="clients">For VMIs.</param>
    /// <param name="vmis">All VMIs.</param>
    /// <param name="pods">The launcher pods (<see cref="LauncherPods.Selector"/>).</param>
    /// <param name="nodes">Nodes, so a pod lost with its node is left to the node controller's fencing; null disables that.</param>
    /// <param name="launcher">How to render launcher pods.</param>
    /// <param name="context">Clock, log, events, metrics.</param>
    public VmiController(
        IKubernetes client, VmAddonClients clients, InformerCache<VirtualMachineInstance> vmis, InformerCache<V1Pod> pods,
        InformerCache<V1Node>? nodes, LauncherPodOptions launcher, ControllerContext context)
    {
        _client = client;
        _clients = clients;
        _vmis = vmis;
        _pods = pods;
        _nodes = nodes;
        _launcher = launcher;
        _context = context;
        _expectations = new ControllerExpectations(context.Time);
        // Conflict retries wait on the system clock: they are not a decision a test's clock should hold up.
        _status = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(clients.VirtualMachineInstances);
        Queue = new WorkQueue(time: context.Time);
        vmis.AddHandler(InformerHandlers.EnqueueKey<VirtualMachineInstance>(Queue));
        vmis.AddHandler(new InformerHandler<VirtualMachineInstance> { OnUpdated = ObservePhase });
        OwnedChildren.Track(pods, VirtualMachineInstance.KubeKind, Queue, _expectations);
    }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers until cancelled; the caches must be running.</summary>
    public Task RunAsync(int workers, CancellationToken cancellationToken) => ControllerLoop.RunAsync(
        Name, Queue, [_vmis.WaitForSyncAsync(cancellationToken), _pods.WaitForSyncAsync(cancellationToken), _nodes?.WaitForSyncAsync(cancellationToken) ?? Task.CompletedTask],
        workers, ReconcileAsync, _context, cancellationToken);

    public async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (_vmis.Get(key) is not { } vmi)
        {
            _expectations.Delete(key);
            return;
        }

        var pods = LauncherPods.Of(_pods, vmi);
        var pod = pods.Count > 0 ? pods[0] : null;
        var now = _context.Time.GetUtcNow();
        var teardown = InstanceTeardownPolicy.Decide(
            vmi.Status?.Phase, vmi.Metadata.DeletionTimestamp is { } deleting ? new DateTimeOffset(DateTime.SpecifyKind(deleting, DateTimeKind.Utc)) : null,
            vmi.Spec.TerminationGracePeriodSeconds ?? ApiDefaults.TerminationGracePeriodSeconds, pod is not null, pod?.Metadata.DeletionTimestamp is not null, now);
        if (teardown.Applies)
        {
            await TearDownAsync(vmi, pods, teardown, key, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_expectations.Satisfied(key))
        {
            return; // the pod this controller created has not reached the cache yet; its arrival requeues the key
        }

        var decision = InstancePodPolicy.Decide(vmi.Status?.Phase, pod is null ? null : PodObservation.Of(pod), podExpected: false);
        string? failure = null;
        if (decision.CreatePod)
        {
            (vmi, failure) = await CreatePodAsync(vmi, key, cancellationToken).ConfigureAwait(false);
            decision = InstancePodPolicy.Decide(vmi.Status?.Phase, new PodObservation("Pending", null, false), podExpected: true);
        }
        else if (decision.Reason == InstancePodPolicy.PodDeletedReason && !await PodGoneAsync(vmi, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (decision.NodeName is { } node && InstanceMetadata.NodeOf(vmi) != node && decision.Phase != VirtualMachineInstancePhase.Failed)
        {
            // The status write below starts from the patched object, or its resourceVersion would be stale (a 409 and a retry).
            vmi = await InstanceMetadata.SetNodeLabelAsync(_clients.VirtualMachineInstances, vmi, node, cancellationToken).ConfigureAwait(false);
        }

        var result = await _status.UpdateAsync(vmi, current => InstanceStatusPolicy.Next(current.Status, decision, failure, _context.Time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        if (result.Outcome == StatusUpdateOutcome.Updated && result.Object?.Status is { Phase: VirtualMachineInstancePhase.Failed, Reason: { } reason }
            && vmi.Status?.Phase != VirtualMachineInstancePhase.Failed)
        {
            ControllerLog.InstanceFailed(_context.Log, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, reason);
            await _context.EventAsync(vmi, EventTypes.Warning, reason, "Fail", $"the instance failed: {reason}", cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the VMI as last written, and why the pod cannot be made (the instance fails), or null once it is created (or already exists).
    private async Task<(VirtualMachineInstance Vmi, string? Failure)> CreatePodAsync(VirtualMachineInstance vmi, string key, CancellationToken cancellationToken)
    {
        V1Pod pod;
        try
        {
            pod = LauncherPods.Render(vmi, _launcher);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            await _context.EventAsync(vmi, EventTypes.Warning, InstanceStatusPolicy.FailedCreateReason, "Create", e.Message, cancellationToken).ConfigureAwait(false);
            return (vmi, e.Message);
        }

        // The finalizer goes on first, so no launcher pod ever exists that the VMI could outlive unguarded.
        if (!InstanceMetadata.HasFinalizer(vmi))
        {
            vmi = await InstanceMetadata.AddFinalizerAsync(_clients.VirtualMachineInstances, vmi, cancellationToken).ConfigureAwait(false);
        }

        _expectations.ExpectCreations(key, 1);
        try
        {
            await _client.CoreV1.CreateNamespacedPodAsync(pod, vmi.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            _expectations.CreationObserved(key); // another controller (or an earlier life of this one) made it: the cache will show it
            return (vmi, null);
        }
        catch
        {
            _expectations.CreationObserved(key);
            throw;
        }

        ControllerLog.CreatedPod(_context.Log, pod.Metadata.Name, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
        await _context.EventAsync(vmi, EventTypes.Normal, "SuccessfulCreate", "Create", $"Created launcher pod {pod.Metadata.Name}", cancellationToken).ConfigureAwait(false);
        return (vmi, null);
    }

    // A vanished pod fails the VMI only when the API confirms it, and not while its node is lost: fencing that is the node controller's.
    private async Task<bool> PodGoneAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        if (_nodes is not null && InstanceMetadata.NodeOf(vmi) is { } node && NodeReadiness.NotReadySince(_nodes.Get(node)) is not null)
        {
            return false;
        }

        return !await LauncherPods.AnyInApiAsync(_client, vmi, cancellationToken).ConfigureAwait(false);
    }

    private async Task TearDownAsync(VirtualMachineInstance vmi, IReadOnlyList<V1Pod> pods, TeardownDecision decision, string key, CancellationToken cancellationToken)
    {
        if (decision.DeletePod)
        {
            foreach (var pod in pods.Where(p => p.Metadata.DeletionTimestamp is null))
            {
                try
                {
                    await _client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                        new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    continue;
                }

                ControllerLog.DeletedPod(_context.Log, pod.Metadata.Name, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
                await _context.EventAsync(vmi, EventTypes.Normal, "SuccessfulDelete", "Delete", $"Deleted launcher pod {pod.Metadata.Name}", cancellationToken).ConfigureAwait(false);
            }
        }

        if (decision.ReleaseFinalizer && InstanceMetadata.HasFinalizer(vmi) && !await LauncherPods.AnyInApiAsync(_client, vmi, cancellationToken).ConfigureAwait(false))
        {
            await InstanceMetadata.RemoveFinalizerAsync(_clients.VirtualMachineInstances, vmi, cancellationToken).ConfigureAwait(false);
            ControllerLog.Released(_context.Log, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
        }

        if (decision.RecheckAfter is { } later)
        {
            Queue.AddAfter(key, later);
        }
    }

    // vmaddon_vmi_phase_transition_seconds: the time from creation to each phase, once per phase change seen.
    private void ObservePhase(VirtualMachineInstance old, VirtualMachineInstance vmi)
    {
        if (_context.Metrics is { } metrics && vmi.Status?.Phase is { } phase && phase != old.Status?.Phase && vmi.Metadata.CreationTimestamp is { } created)
        {
            metrics.RecordPhaseTransition(phase, _context.Time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)));
        }
    }
}
