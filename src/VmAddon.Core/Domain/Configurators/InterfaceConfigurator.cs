using System.Globalization;
using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>
/// Network interfaces. Bridge binding becomes a libvirt interface on the pod's bridge. Masquerade becomes
/// QEMU user-mode networking with the declared ports forwarded: session libvirt 9.0 can only forward ports
/// of a user-mode NIC through raw QEMU arguments, so those NICs are not libvirt devices at all.
/// </summary>
internal static class InterfaceConfigurator
{
    public static (IReadOnlyList<DomainInterface> Interfaces, IReadOnlyList<string> QemuArguments) Configure(VirtualMachineInstanceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var interfaces = new List<DomainInterface>();
        var arguments = new List<string>();
        var nextSlot = SlirpNetwork.FirstPciSlot;
        var specInterfaces = spec.Domain?.Devices?.Interfaces ?? [];
        for (var i = 0; i < specInterfaces.Count; i++)
        {
            var nic = specInterfaces[i];
            var path = $"spec.domain.devices.interfaces[{i}]";
            CheckNetwork(nic, path, spec.Networks ?? []);
            var model = Model(nic.Model, $"{path}.model");
            var mac = Mac(nic.MacAddress);
            var alias = "ua-" + nic.Name;
            switch (nic)
            {
                case { Masquerade: not null, Bridge: not null }:
                    throw SpecError.Invalid(path, "set only one of masquerade and bridge");
                case { Masquerade: not null }:
                    arguments.AddRange(Masquerade(nic, path, alias, model, mac, nextSlot++));
                    break;
                case { Bridge: not null }:
                    if (nic.Ports is { Count: > 0 })
                    {
                        throw SpecError.Unsupported($"{path}.ports", "ports are forwarded only with masquerade; a bridged guest is reached on its own address");
                    }

                    interfaces.Add(new DomainInterface
                    {
                        SourceBridge = PodBridge.Name(nic.Name),
                        Model = model.Libvirt,
                        MacAddress = mac,
                        BootOrder = nic.BootOrder,
                        Alias = alias,
                    });
                    break;
                default:
                    throw SpecError.Unsupported(path, $"interface \"{nic.Name}\" has no supported binding; set masquerade or bridge");
            }
        }

        return (interfaces, arguments);
    }

    private static void CheckNetwork(Interface nic, string path, IList<Network> networks)
    {
        for (var j = 0; j < networks.Count; j++)
        {
            if (networks[j].Name != nic.Name)
            {
                continue;
            }

            var pod = networks[j].Pod
                ?? throw SpecError.Unsupported($"spec.networks[{j}]", $"network \"{nic.Name}\" is not a pod network; only pod networks are supported");
            if (!string.IsNullOrEmpty(pod.VmNetworkCidr) && pod.VmNetworkCidr != SlirpNetwork.GuestCidr)
            {
                throw SpecError.Unsupported($"spec.networks[{j}].pod.vmNetworkCIDR", $"only the default {SlirpNetwork.GuestCidr} is supported");
            }

            return;
        }

        throw SpecError.Invalid($"{path}.name", $"interface \"{nic.Name}\" has no network of that name");
    }

    private static IEnumerable<string> Masquerade(Interface nic, string path, string alias, NicModel model, string? mac, int slot)
    {
        var netdev = new List<string> { "user", $"id={alias}" };
        var ports = nic.Ports ?? [];
        for (var p = 0; p < ports.Count; p++)
        {
            var protocol = (ports[p].Protocol ?? ApiDefaults.PortProtocol) switch
            {
                "TCP" => "tcp",
                "UDP" => "udp",
                var other => throw SpecError.Unsupported($"{path}.ports[{p}].protocol", $"protocol \"{other}\" is not supported; use TCP or UDP"),
            };
            if (ports[p].Number is < 1 or > 65535)
            {
                throw SpecError.Invalid($"{path}.ports[{p}].port", $"must be between 1 and 65535, not {ports[p].Number}");
            }

            // The pod's port forwards to the same port in the guest, as with KubeVirt's masquerade.
            netdev.Add($"hostfwd={protocol}::{ports[p].Number}-:{ports[p].Number}");
        }

        var device = new List<string> { model.QemuDevice, $"netdev={alias}" };
        if (mac is not null)
        {
            device.Add($"mac={mac}");
        }

        device.Add(string.Create(CultureInfo.InvariantCulture, $"addr=0x{slot:x}"));
        if (nic.BootOrder is { } order)
        {
            // libvirt's boot order is QEMU's bootindex, so this NIC shares the domain's boot sequence.
            device.Add(string.Create(CultureInfo.InvariantCulture, $"bootindex={order}"));
        }

        return ["-netdev", string.Join(',', netdev), "-device", string.Join(',', device)];
    }

    private static NicModel Model(string? model, string path) => (model ?? ApiDefaults.InterfaceModel) switch
    {
        InterfaceModel.Virtio => new NicModel("virtio", "virtio-net-pci"),
        InterfaceModel.E1000 => new NicModel("e1000", "e1000"),
        InterfaceModel.E1000e => new NicModel("e1000e", "e1000e"),
        InterfaceModel.Rtl8139 => new NicModel("rtl8139", "rtl8139"),
        var other => throw SpecError.Unsupported(path, $"NIC model \"{other}\" is not supported; use virtio, e1000, e1000e or rtl8139"),
    };

    /// <summary>libvirt and QEMU both want colons; the API also accepts dashes.</summary>
    private static string? Mac(string? mac) =>
        string.IsNullOrEmpty(mac) ? null : mac.Replace('-', ':').ToLowerInvariant();
}
