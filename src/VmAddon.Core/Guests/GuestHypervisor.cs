namespace VmAddon.Core.Guests;

/// <summary>Where the agent runs guests: QEMU behind each launcher pod's libvirtd, or libvirt's in-process test driver (density runs).</summary>
public enum GuestHypervisor
{
    Qemu,
    Test,
}
