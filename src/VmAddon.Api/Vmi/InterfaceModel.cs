namespace VmAddon.Api;

/// <summary>The NIC models QEMU emulates that VmAddon offers.</summary>
public static class InterfaceModel
{
    public const string Virtio = "virtio";
    public const string E1000 = "e1000";
    public const string E1000e = "e1000e";
    public const string Rtl8139 = "rtl8139";
}
