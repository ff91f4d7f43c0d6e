using LibvirtSharp;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Libvirt;

/// <summary>Reduces libvirt's state and reason to the <see cref="GuestDomainState"/> the agent's policy decides on.</summary>
internal static class DomainStates
{
    public static GuestDomainState From(DomainStateInfo info) => info.State switch
    {
        DomainState.Running or DomainState.Blocked => GuestDomainState.Running,
        // QEMU reports a start with VIR_DOMAIN_START_PAUSED as User too (qemuProcessFinishStartup): a paused start is a user pause.
        DomainState.Paused when info.PausedReason is DomainPausedReason.User or DomainPausedReason.Unknown => GuestDomainState.Paused,
        DomainState.Paused or DomainState.PMSuspended => GuestDomainState.PausedByHypervisor,
        DomainState.ShuttingDown => GuestDomainState.ShuttingDown,
        DomainState.Crashed => GuestDomainState.Crashed,
        DomainState.Shutoff => info.ShutoffReason switch
        {
            DomainShutoffReason.Shutdown => GuestDomainState.PoweredOff,
            DomainShutoffReason.Destroyed => GuestDomainState.Destroyed,
            DomainShutoffReason.Crashed => GuestDomainState.Crashed,
            DomainShutoffReason.Failed or DomainShutoffReason.Daemon => GuestDomainState.Failed,
            _ => GuestDomainState.Defined,
        },
        _ => GuestDomainState.Defined,
    };
}
