using System.Net;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.Api;
using VmAddon.Core.Instances;
using VmAddon.Core.Machines;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Expectations;
using VmAddon.Kube.Queue;
using VmAddon.Kube.Status;

namespace VmAddon.Controller.Machines;

/// <summary>
/// The VM controller: for each VirtualMachine, level-triggered, it carries out <see cref="RunStrategyPolicy"/>'s decision
/// (create, delete or halt the VM's one instance) and writes the VM's status when it changed. Expectations keep a stale
/// instance cache from creating a second VMI.
/// </summary>
public sealed class VmController
{
    private readonly VmAddonClients _clients;
    private readonly InformerCache<VirtualMachine> _vms;
    private readonly InformerCache<VirtualMachineInstance> _vmis;
    private readonly ControllerExpectations _expectations;
    private readonly StatusUpdater<VirtualMachine, VirtualMachineStatus> _status;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public VmController(VmAddonClients clients, InformerCache<VirtualMachine> vms, InformerCache<VirtualMachineInstance> vmis, TimeProvider time, ILogger log)
    {
        _clients = clients;
        _vms = vms;
        _vmis = vmis;
        _expectations = new ControllerExpectations(time);
        _status = new StatusUpdater<VirtualMachine, VirtualMachineStatus>(clients.VirtualMachines, timeProvider: time);
        _time = time;
        _log = log;
        Queue = new WorkQueue(time: time);
        vms.AddHandler(InformerHandlers.EnqueueKey<VirtualMachine>(Queue));
        vmis.AddHandler(new InformerHandler<VirtualMachineInstance>
        {
            OnAdded = vmi => Observed(vmi, created: true),
            OnUpdated = (_, vmi) => Observed(vmi, created: false),
            OnDeleted = (vmi, _) => Observed(vmi, created: false),
        });
    }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers until cancelled; the caches must be running.</summary>
    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_vms.WaitForSyncAsync(cancellationToken), _vmis.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
        await QueueWorkers.RunWorkersAsync(Queue, workers, ReconcileAsync, _log, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (_vms.Get(key) is not { } vm)
        {
            _expectations.Delete(key);
            return;
        }

        if (!_expectations.Satisfied(key))
        {
            return; // the instance this controller created has not reached the cache yet; its arrival requeues the key
        }

        var vmi = _vmis.Get(key) is { } found && found.Metadata.OwnerReferences?.Any(o => o.Uid == vm.Metadata.Uid) == true ? found : null;
        var decision = RunStrategyPolicy.Decide(
            RunStrategyPolicy.Effective(vm.Spec), vm.Metadata.DeletionTimestamp is not null, Observe(vmi),
            [.. vm.Status?.StateChangeRequests ?? []], vm.Status?.StartFailure, _time.GetUtcNow());
        await ActAsync(vm, vmi, decision.Action, key, cancellationToken).ConfigureAwait(false);
        await _status.UpdateAsync(vm, current => (current.Status ?? new VirtualMachineStatus()) with
        {
            PrintableStatus = decision.PrintableStatus,
            Created = decision.Action == MachineAction.CreateInstance || (vmi is not null && decision.Action != MachineAction.DeleteInstance),
            Ready = vmi?.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == "True") == true,
            StartFailure = decision.StartFailure,
            StateChangeRequests = decision.RemainingRequests.Count == 0 ? null : [.. decision.RemainingRequests],
            ObservedGeneration = current.Metadata.Generation,
        }, cancellationToken).ConfigureAwait(false);
        if (decision.RequeueAfter is { } later)
        {
            Queue.AddAfter(key, later);
        }
    }

    private async Task ActAsync(VirtualMachine vm, VirtualMachineInstance? vmi, MachineAction action, string key, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case MachineAction.CreateInstance:
                _expectations.ExpectCreations(key, 1);
                try
                {
                    await _clients.VirtualMachineInstances.CreateAsync(VirtualMachineInstanceRenderer.Render(vm), cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
                {
                    _expectations.CreationObserved(key); // it exists already: the cache will show it
                }
                catch
                {
                    _expectations.CreationObserved(key);
                    throw;
                }

                break;
            case MachineAction.DeleteInstance when vmi is not null:
                await _clients.VirtualMachineInstances.DeleteAsync(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, cancellationToken, uid: vmi.Metadata.Uid)
                    .ConfigureAwait(false);
                break;
            case MachineAction.HaltOnce:
                await _clients.VirtualMachines.PatchAsync(vm.Metadata.NamespaceProperty, vm.Metadata.Name,
                    new V1Patch($"{{\"spec\":{{\"runStrategy\":\"{RunStrategy.Halted}\"}}}}", V1Patch.PatchType.MergePatch), cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private void Observed(VirtualMachineInstance vmi, bool created)
    {
        if (InformerHandlers.ControllerOwnerKey(vmi, VirtualMachine.KubeKind) is { } key)
        {
            if (created)
            {
                _expectations.CreationObserved(key);
            }

            Queue.Add(key);
        }
    }

    private static InstanceObservation? Observe(VirtualMachineInstance? vmi) => vmi is null ? null : new InstanceObservation(
        vmi.Metadata.Uid,
        vmi.Status?.Phase ?? VirtualMachineInstancePhase.Pending,
        vmi.Metadata.DeletionTimestamp is not null,
        vmi.Status?.PhaseTransitionTimestamps?.Any(t => t.Phase == VirtualMachineInstancePhase.Running) == true || vmi.Status?.Phase == VirtualMachineInstancePhase.Running,
        Ready: vmi.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == "True") == true,
        Paused: vmi.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Status == "True") == true,
        Unschedulable: vmi.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.PodScheduled && c.Status == "False" && c.Reason == "Unschedulable") == true);
}
