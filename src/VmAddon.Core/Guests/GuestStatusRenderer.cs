using VmAddon.Api;

namespace VmAddon.Core.Guests;

/// <summary>
/// The VMI status the agent wants, from the current one and <see cref="GuestStatusFacts"/>. Conditions other agents
/// own are kept, and timestamps move only when something changed, so rendering twice from the same facts gives the
/// same status and the status updater writes nothing.
/// </summary>
public static class GuestStatusRenderer
{
    /// <summary>The message of the SoftwareEmulation condition.</summary>
    public const string SoftwareEmulationMessage = "KVM cannot run guests on this node; the guest runs under QEMU's software emulation (TCG), much slower.";

    public static VirtualMachineInstanceStatus Render(VirtualMachineInstance vmi, GuestStatusFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(facts);
        var current = vmi.Status ?? new VirtualMachineInstanceStatus();
        var final = facts.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed;
        var transitions = current.PhaseTransitionTimestamps?.ToList() ?? [];
        if (current.Phase != facts.Phase)
        {
            transitions.Add(new PhaseTransitionTimestamp { Phase = facts.Phase, Timestamp = now });
        }

        var conditions = (current.Conditions ?? []).Where(c => !IsOurs(c.Type)).ToList();
        var paused = !final && facts.Domain is GuestDomainState.Paused or GuestDomainState.PausedByHypervisor;
        var ready = !final && facts.Domain == GuestDomainState.Running;
        conditions.Add(Condition(current, VirtualMachineInstanceConditionType.Ready, ready,
            ready ? null : paused ? PausedReason(facts) : GuestReasons.GuestNotRunning, null, now));
        if (paused)
        {
            conditions.Add(Condition(current, VirtualMachineInstanceConditionType.Paused, true, PausedReason(facts), null, now));
        }

        if (facts.SoftwareEmulation)
        {
            conditions.Add(Condition(current, VirtualMachineInstanceConditionType.SoftwareEmulation, true, GuestReasons.SoftwareEmulation, SoftwareEmulationMessage, now));
        }

        return current with
        {
            Phase = facts.Phase,
            Reason = final ? facts.Reason : null,
            NodeName = facts.NodeName,
            Conditions = conditions,
            PhaseTransitionTimestamps = transitions,
            Interfaces = Interfaces(vmi, facts.PodIps) ?? current.Interfaces,
        };
    }

    private static bool IsOurs(string type) => type is VirtualMachineInstanceConditionType.Ready
        or VirtualMachineInstanceConditionType.Paused or VirtualMachineInstanceConditionType.SoftwareEmulation;

    private static string PausedReason(GuestStatusFacts facts) =>
        facts.Domain == GuestDomainState.Paused && facts.PauseRequested ? GuestReasons.PausedByUser : GuestReasons.PausedByHypervisor;

    /// <summary>The guest's interfaces as the defaulted spec names them; a masquerade interface has the pod's address. Null when there are none.</summary>
    private static List<NetworkInterfaceStatus>? Interfaces(VirtualMachineInstance vmi, IReadOnlyList<string> podIps)
    {
        var interfaces = vmi.Spec is { } spec ? ResourceDefaulter.Apply(spec, vmi.Metadata?.Name).Domain?.Devices?.Interfaces : null;
        if (interfaces is not { Count: > 0 })
        {
            return null;
        }

        return
        [
            .. interfaces.Select(i => new NetworkInterfaceStatus
            {
                Name = i.Name,
                Mac = string.IsNullOrEmpty(i.MacAddress) ? null : i.MacAddress,
                IpAddress = i.Masquerade is not null && podIps.Count > 0 ? podIps[0] : null,
                IpAddresses = i.Masquerade is not null && podIps.Count > 0 ? [.. podIps] : null,
            }),
        ];
    }

    /// <summary>A condition; its transition time stays what it was when its status did not change.</summary>
    private static Condition Condition(VirtualMachineInstanceStatus current, string type, bool status, string? reason, string? message, DateTime now)
    {
        var text = status ? ConditionStatus.True : ConditionStatus.False;
        var previous = current.Conditions?.FirstOrDefault(c => c.Type == type);
        return new Condition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = message,
            LastProbeTime = previous?.Status == text ? previous.LastProbeTime : null,
            LastTransitionTime = previous?.Status == text ? previous.LastTransitionTime : now,
        };
    }
}
