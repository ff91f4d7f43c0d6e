using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A network interface of the guest; exactly one binding (masquerade or bridge) is set.</summary>
public sealed record Interface
{
    [RequiredField, Doc("The interface's name; a network of the same name backs it.")]
    [Pattern(NamePatterns.Dns1123Label)]
    public string Name { get; init; } = "";

    [Doc("The NIC model the guest sees. Defaults to virtio.")]
    [EnumValues(InterfaceModel.Virtio, InterfaceModel.E1000, InterfaceModel.E1000e, InterfaceModel.Rtl8139)]
    public string? Model { get; init; }

    [Doc("Reach the pod network through NAT; only the listed ports are forwarded to the guest.")]
    public InterfaceMasquerade? Masquerade { get; init; }

    [Doc("Connect the guest to the pod's network through a bridge.")]
    public InterfaceBridge? Bridge { get; init; }

    [ListMapKey("port"), Doc("Ports forwarded from the pod to the guest (masquerade only).")]
    public IList<Port>? Ports { get; init; }

    [Doc("The MAC address, for example de:ad:00:00:be:af. Generated when empty.")]
    [Pattern(NamePatterns.MacAddress)]
    public string? MacAddress { get; init; }

    [Bounds(1), Doc("The boot order for network boot.")]
    public int? BootOrder { get; init; }
}
