using System.Text.Json.Nodes;
using VmAddon.Api;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Lifecycle;

/// <summary>
/// kubectl vm start, stop and restart as KubeVirt's virt-api decides them: from the VM's run strategy and its instance,
/// either a patch of spec.runStrategy, Start/Stop requests queued in status.stateChangeRequests for the controller, or
/// KubeVirt's refusal. The requests carry the instance uid they are meant for, so a request never hits a newer instance.
/// </summary>
public static class VmLifecycle
{
    public const string AlreadyRunning = "VM is already running";
    public const string NotRunning = "VM is not running";

    public static LifecyclePlan Start(VirtualMachine vm, VirtualMachineInstance? instance, bool paused)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (instance is not null && !IsFinal(instance) && instance.Status?.Phase is { Length: > 0 } phase && phase != VirtualMachineInstancePhase.Unknown)
        {
            return new LifecyclePlan.Refused(AlreadyRunning);
        }

        var start = StartRequest(paused);
        var strategy = RunStrategyPolicy.Effective(vm.Spec);
        switch (strategy)
        {
            case RunStrategy.Halted:
                // A paused start cannot be a spec change alone: the controller turns the request into runStrategy Always itself.
                return paused ? Requests(vm, start) : RunStrategyPatch(vm, RunStrategy.Always);
            case RunStrategy.RerunOnFailure when instance?.Status?.Phase == VirtualMachineInstancePhase.Failed:
                return new LifecyclePlan.Refused($"{RunStrategy.RerunOnFailure} does not support starting VM from failed state");
            case RunStrategy.RerunOnFailure or RunStrategy.Manual:
                var finished = strategy == RunStrategy.Manual
                    ? instance is not null && IsFinal(instance)
                    : instance?.Status?.Phase == VirtualMachineInstancePhase.Succeeded;
                return finished ? Requests(vm, StopRequest(instance!), start) : Requests(vm, start);
            default:
                return new LifecyclePlan.Refused($"{strategy} does not support manual start requests");
        }
    }

    /// <param name="vm">The VM to stop.</param>
    /// <param name="instance">Its instance, if any.</param>
    /// <param name="gracePeriodSeconds">A new grace period for the instance's shutdown (stop --force --grace-period N), or null to keep its own.</param>
    public static LifecyclePlan Stop(VirtualMachine vm, VirtualMachineInstance? instance, long? gracePeriodSeconds)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var live = instance is not null && !IsFinal(instance) ? instance : null;
        var strategy = RunStrategyPolicy.Effective(vm.Spec);
        LifecyclePlan plan;
        switch (strategy)
        {
            case RunStrategy.Halted:
                if (live is null)
                {
                    return new LifecyclePlan.Refused(NotRunning);
                }

                if (gracePeriodSeconds is not { } shorter || (live.Spec.TerminationGracePeriodSeconds is { } current && shorter >= current))
                {
                    return new LifecyclePlan.Refused($"{RunStrategy.Halted} only supports manual stop requests with a shorter graceperiod");
                }

                plan = Requests(vm, StopRequest(live));
                break;
            case RunStrategy.RerunOnFailure or RunStrategy.Manual:
                if (live is null)
                {
                    return new LifecyclePlan.Refused(NotRunning);
                }

                plan = Requests(vm, StopRequest(live));
                break;
            default:
                plan = RunStrategyPatch(vm, RunStrategy.Halted);
                break;
        }

        if (plan is not LifecyclePlan.Patches patches || live is null || gracePeriodSeconds is not { } grace)
        {
            return plan;
        }

        // The instance learns its shorter grace period first, so the agent's shutdown uses it.
        var gracePatch = JsonPatchBuilder.From(live.Metadata.ResourceVersion).Add("/spec/terminationGracePeriodSeconds", JsonValue.Create(grace)).Build();
        return new LifecyclePlan.Patches([new LifecyclePatch(PatchTarget.VirtualMachineInstance, gracePatch), .. patches.Items]);
    }

    public static LifecyclePlan Restart(VirtualMachine vm, VirtualMachineInstance? instance)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var strategy = RunStrategyPolicy.Effective(vm.Spec);
        if (strategy is RunStrategy.Halted or RunStrategy.Once)
        {
            return new LifecyclePlan.Refused($"runStrategy {strategy} does not support manual restart requests");
        }

        return instance is null ? new LifecyclePlan.Refused(NotRunning) : Requests(vm, StopRequest(instance), StartRequest(paused: false));
    }

    /// <summary>Whether the instance is over: Succeeded or Failed.</summary>
    public static bool IsFinal(VirtualMachineInstance instance) =>
        instance?.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed;

    private static VirtualMachineStateChangeRequest StopRequest(VirtualMachineInstance instance) =>
        new() { Action = StateChangeAction.Stop, Uid = instance.Metadata.Uid };

    private static VirtualMachineStateChangeRequest StartRequest(bool paused) => new()
    {
        Action = StateChangeAction.Start,
        Data = paused ? new Dictionary<string, string> { [StartRequestData.PausedKey] = StartRequestData.PausedTrue } : null,
    };

    // spec.runStrategy, or the deprecated spec.running when the VM uses that.
    private static LifecyclePlan RunStrategyPatch(VirtualMachine vm, string strategy)
    {
        var patch = JsonPatchBuilder.From(vm.Metadata.ResourceVersion);
        patch = vm.Spec.RunStrategy is null
            ? patch.Add("/spec/running", JsonValue.Create(strategy == RunStrategy.Always))
            : patch.Replace("/spec/runStrategy", JsonValue.Create(strategy));
        return new LifecyclePlan.Patches([new LifecyclePatch(PatchTarget.VirtualMachine, patch.Build())]);
    }

    // KubeVirt's rule: requests are added to an empty queue; a lone Stop replaces what is queued; anything else waits.
    private static LifecyclePlan Requests(VirtualMachine vm, params VirtualMachineStateChangeRequest[] changes)
    {
        var patch = JsonPatchBuilder.From(vm.Metadata.ResourceVersion);
        var queued = vm.Status?.StateChangeRequests ?? [];
        var requests = new JsonArray([.. changes.Select(ToJson)]);
        if (vm.Status is null)
        {
            patch.Add("/status", new JsonObject { ["stateChangeRequests"] = requests });
        }
        else if (queued.Count == 0)
        {
            patch.Add("/status/stateChangeRequests", requests);
        }
        else if (changes is [{ Action: StateChangeAction.Stop }])
        {
            patch.Replace("/status/stateChangeRequests", requests);
        }
        else
        {
            return new LifecyclePlan.Refused("unable to complete request: stop/start already underway");
        }

        if (vm.Status?.StartFailure is not null)
        {
            patch.Remove("/status/startFailure"); // a user's start ends the crash-loop wait, as in KubeVirt
        }

        return new LifecyclePlan.Patches([new LifecyclePatch(PatchTarget.VirtualMachineStatus, patch.Build())]);
    }

    private static JsonObject ToJson(VirtualMachineStateChangeRequest request)
    {
        var json = new JsonObject { ["action"] = request.Action };
        if (request.Data is { Count: > 0 } data)
        {
            json["data"] = new JsonObject([.. data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)JsonValue.Create(d.Value)))]);
        }

        if (request.Uid is not null)
        {
            json["uid"] = request.Uid;
        }

        return json;
    }
}
