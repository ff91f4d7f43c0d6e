namespace VmAddon.Core.Domain;

/// <summary>
/// Facts of masquerade networking, which VmAddon implements with QEMU user-mode networking (SLIRP)
/// because a non-root launcher cannot create tap devices and libvirt 9.0 has no passt backend.
/// </summary>
public static class SlirpNetwork
{
    /// <summary>The guest-side network, SLIRP's default (and KubeVirt's masquerade default).</summary>
    public const string GuestCidr = "10.0.2.0/24";

    /// <summary>The address SLIRP's DHCP server hands the guest.</summary>
    public const string GuestAddress = "10.0.2.15";

    /// <summary>The gateway, which is also the host as the guest sees it.</summary>
    public const string Gateway = "10.0.2.2";

    /// <summary>
    /// The first PCI slot for the NICs that are added with raw QEMU arguments. libvirt does not know about
    /// them, so they are pinned well above the slots libvirt hands out first (the balloon takes slot 2).
    /// </summary>
    public const int FirstPciSlot = 0x9;
}
