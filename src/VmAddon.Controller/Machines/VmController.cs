using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Api.Validation;
using VmAddon.Controller.Runtime;
using VmAddon.Core.Instances;
using VmAddon.Core.Machines;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Expectations;
using VmAddon.Kube.Queue;
using VmAddon.Kube.Status;

namespace VmAddon.Controller.Machines;

/// <summary>
/// The VM controller: for each VirtualMachine, level-triggered, it carries out <see cref="RunStrategyPolicy"/>'s decision
/// (create, delete or halt the VM's one instance, or switch a Halted VM to Always for a Start request) and writes the
/// VM's status when it changed; the status carries the state change requests not yet satisfied. Expectations keep a stale
/// instance cache from creating a second VMI. A spec the semantic validator rejects gets a Failure condition and a
/// Warning event instead of an instance; Ready mirrors the instance's, and RestartRequired tells of a template that
/// changed under a live instance.
/// </summary>
public sealed class VmController
{
    public const string Name = "vm";

    private readonly VmAddonClients _clients;
    private readonly InformerCache<VirtualMachine> _vms;
    private readonly InformerCache<VirtualMachineInstance> _vmis;
    private readonly ControllerExpectations _expectations;
    private readonly StatusUpdater<VirtualMachine, VirtualMachineStatus> _status;
    private readonly ControllerContext _context;

    public VmController(VmAddonClients clients, InformerCache<VirtualMachine> vms, InformerCache<VirtualMachineInstance> vmis, ControllerContext context)
    {
        _clients = clients;
        _vms = vms;
        _vmis = vmis;
        _context = context;
        _expectations = new ControllerExpectations(context.Time);
        // Conflict retries wait on the system clock: they are not a decision a test's clock should hold up.
        _status = new StatusUpdater<VirtualMachine, VirtualMachineStatus>(clients.VirtualMachines);
        Queue = new WorkQueue(time: context.Time);
        vms.AddHandler(InformerHandlers.EnqueueKey<VirtualMachine>(Queue));
        OwnedChildren.Track(vmis, VirtualMachine.KubeKind, Queue, _expectations);
    }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers until cancelled; the caches must be running.</summary>
    public Task RunAsync(int workers, CancellationToken cancellationToken) => ControllerLoop.RunAsync(
        Name, Queue, [_vms.WaitForSyncAsync(cancellationToken), _vmis.WaitForSyncAsync(cancellationToken)], workers, ReconcileAsync, _context, cancellationToken);

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
        var specErrors = ResourceValidator.Validate(ResourceDefaulter.Apply(vm));
        var decision = RunStrategyPolicy.Decide(
            RunStrategyPolicy.Effective(vm.Spec), vm.Metadata.DeletionTimestamp is not null, Observe(vmi),
            [.. vm.Status?.StateChangeRequests ?? []], vm.Status?.StartFailure, _context.Time.GetUtcNow());
        if (specErrors.Count > 0 && decision.Action == MachineAction.CreateInstance)
        {
            // No instance from a spec the validator rejects; the Failure condition and the event say which field.
            decision = decision with { Action = MachineAction.None, PrintableStatus = PrintableStatus.Stopped };
            if (vm.Status?.Conditions?.Any(c => c.Type == MachineConditions.Failure) != true)
            {
                ControllerLog.InvalidSpec(_context.Log, vm.Metadata.NamespaceProperty, vm.Metadata.Name, string.Join("; ", specErrors));
                await _context.EventAsync(vm, EventTypes.Warning, MachineConditions.InvalidSpecReason, "Create",
                    "not starting an invalid VM: " + string.Join("; ", specErrors), cancellationToken).ConfigureAwait(false);
            }
        }

        await ActAsync(vm, vmi, decision, key, cancellationToken).ConfigureAwait(false);
        var restartRequired = vmi is not null && TemplateDrift.RestartRequired(vm, vmi);
        var hasInstance = decision.Action == MachineAction.CreateInstance || (vmi is not null && decision.Action != MachineAction.DeleteInstance);
        await _status.UpdateAsync(vm, current => (current.Status ?? new VirtualMachineStatus()) with
        {
            PrintableStatus = decision.PrintableStatus,
            Conditions = MachineConditions.Compute(current.Status?.Conditions, specErrors, hasInstance,
                vmi?.Status?.Conditions?.FirstOrDefault(c => c.Type == VirtualMachineInstanceConditionType.Ready), restartRequired, _context.Time.GetUtcNow()),
            Created = hasInstance,
            Ready = vmi?.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == "True") == true,
            StartFailure = decision.StartFailure,
            StateChangeRequests = Unchanged(current.Status?.StateChangeRequests, vm.Status?.StateChangeRequests)
                ? decision.RemainingRequests.Count == 0 ? null : [.. decision.RemainingRequests]
                : current.Status?.StateChangeRequests, // new requests arrived since the decision (a conflict refetched the VM): their event requeues it
            ObservedGeneration = current.Metadata.Generation,
        }, cancellationToken).ConfigureAwait(false);
        if (decision.RequeueAfter is { } later)
        {
            Queue.AddAfter(key, later);
        }
    }

    private async Task ActAsync(VirtualMachine vm, VirtualMachineInstance? vmi, MachineDecision decision, string key, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case MachineAction.CreateInstance:
                _expectations.ExpectCreations(key, 1);
                VirtualMachineInstance created;
                try
                {
                    created = await _clients.VirtualMachineInstances.CreateAsync(WithFinalizer(VirtualMachineInstanceRenderer.Render(vm, decision.StartPaused)), cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
                {
                    _expectations.CreationObserved(key); // it exists already: the cache will show it
                    break;
                }
                catch
                {
                    _expectations.CreationObserved(key);
                    throw;
                }

                await _context.EventAsync(vm, EventTypes.Normal, "SuccessfulCreate", "Create", $"Created virtual machine instance {created.Metadata.Name}", cancellationToken)
                    .ConfigureAwait(false);
                break;
            case MachineAction.DeleteInstance when vmi is not null:
                if (await _clients.VirtualMachineInstances.DeleteAsync(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, cancellationToken, uid: vmi.Metadata.Uid)
                    .ConfigureAwait(false))
                {
                    await _context.EventAsync(vm, EventTypes.Normal, "SuccessfulDelete", "Delete", $"Deleted virtual machine instance {vmi.Metadata.Name}", cancellationToken)
                        .ConfigureAwait(false);
                }

                break;
            case MachineAction.HaltOnce:
                await _clients.VirtualMachines.PatchAsync(vm.Metadata.NamespaceProperty, vm.Metadata.Name,
                    new V1Patch($"{{\"spec\":{{\"runStrategy\":\"{RunStrategy.Halted}\"}}}}", V1Patch.PatchType.MergePatch), cancellationToken).ConfigureAwait(false);
                break;
            case MachineAction.SetRunStrategyAlways:
                try
                {
                    // An update, not a patch: the resourceVersion makes it fail on a VM someone changed since the cache saw it.
                    await _clients.VirtualMachines.UpdateAsync(vm with { Spec = AlwaysRunning(vm.Spec) }, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
                {
                    Queue.Add(key); // decide again on the newer VM
                }

                break;
            default:
                break;
        }
    }

    // Judged on the JSON the server sees: records compare their lists and maps by reference.
    private static bool Unchanged(IList<VirtualMachineStateChangeRequest>? current, IList<VirtualMachineStateChangeRequest>? decidedOn) =>
        KubernetesJson.Serialize(current ?? []) == KubernetesJson.Serialize(decidedOn ?? []);

    // KubeVirt keeps the field the VM uses: the deprecated running becomes true, else runStrategy becomes Always.
    private static VirtualMachineSpec AlwaysRunning(VirtualMachineSpec spec) =>
        spec.Running is null ? spec with { RunStrategy = RunStrategy.Always } : spec with { Running = true };

    // The VMI controller's finalizer comes with the instance, which saves it a metadata write per start.
    private static VirtualMachineInstance WithFinalizer(VirtualMachineInstance vmi)
    {
        vmi.Metadata.Finalizers = [.. vmi.Metadata.Finalizers ?? [], VmAddonMetadata.InstanceFinalizer];
        return vmi;
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
