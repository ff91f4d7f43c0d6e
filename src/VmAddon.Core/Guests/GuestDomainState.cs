namespace VmAddon.Core.Guests;

/// <summary>What the agent sees of a VMI's libvirt domain, reduced to what the phase decision needs.</summary>
public enum GuestDomainState
{
    /// <summary>libvirt does not know the domain.</summary>
    Missing,

    /// <summary>Defined but never started (or shut off for a reason libvirt does not say).</summary>
    Defined,

    Running,

    /// <summary>Paused by a user (the agent's suspend, or virsh): resumed when no pause is requested.</summary>
    Paused,

    /// <summary>Paused by the hypervisor (an I/O error, a watchdog, a migration, guest sleep): left for it to resolve.</summary>
    PausedByHypervisor,

    /// <summary>The guest is shutting down after a power-button press.</summary>
    ShuttingDown,

    /// <summary>The guest powered itself off.</summary>
    PoweredOff,

    /// <summary>Someone destroyed the domain (pulled the plug).</summary>
    Destroyed,

    /// <summary>The guest crashed.</summary>
    Crashed,

    /// <summary>QEMU failed or was killed.</summary>
    Failed,

    /// <summary>The launcher pod ended and its libvirtd with it: the domain went with the pod.</summary>
    LauncherExited,
}
