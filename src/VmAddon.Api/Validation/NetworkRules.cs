using System.Globalization;
using System.Text.RegularExpressions;

namespace VmAddon.Api.Validation;

/// <summary>Interfaces and networks: unique names, one binding each, a network behind every interface, valid MACs and ports.</summary>
internal static partial class NetworkRules
{
    private static readonly string[] s_models = [InterfaceModel.Virtio, InterfaceModel.E1000, InterfaceModel.E1000e, InterfaceModel.Rtl8139];
    private static readonly string[] s_protocols = ["TCP", "UDP"];

    public static void Validate(VirtualMachineInstanceSpec spec, string path, FieldErrors errors)
    {
        var interfaces = spec.Domain.Devices.Interfaces ?? [];
        var networks = spec.Networks ?? [];
        var interfacesPath = $"{path}.domain.devices.interfaces";
        var networksPath = $"{path}.networks";
        errors.Duplicates(interfaces, n => n.Name, interfacesPath, "name", "interface name");
        errors.Duplicates(networks, n => n.Name, networksPath, "name", "network name");
        errors.Duplicates(interfaces, n => n.MacAddress?.ToLowerInvariant().Replace('-', ':'), interfacesPath, "macAddress", "MAC address");

        var networkNames = networks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < interfaces.Count; i++)
        {
            ValidateInterface(interfaces[i], $"{interfacesPath}[{i}]", networkNames, errors);
        }

        var interfaceNames = interfaces.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < networks.Count; i++)
        {
            var network = networks[i];
            var networkPath = $"{networksPath}[{i}]";
            if (network.Pod is null)
            {
                errors.Required(networkPath, $"network \"{network.Name}\" needs a source; VmAddon offers pod: {{}}");
            }
            else if (network.Pod.VmNetworkCidr is { } cidr && cidr != "10.0.2.0/24")
            {
                errors.NotSupportedYet($"{networkPath}.pod.vmNetworkCIDR", $"a masquerade network other than 10.0.2.0/24 (got \"{cidr}\")");
            }

            if (!string.IsNullOrEmpty(network.Name) && !interfaceNames.Contains(network.Name))
            {
                errors.Add($"{networkPath}.name", $"network \"{network.Name}\" has no interface of that name");
            }
        }

        var podNetworks = networks.Count(n => n.Pod is not null);
        if (podNetworks > 1)
        {
            errors.Add(networksPath, $"may hold only one pod network, but holds {podNetworks}");
        }
    }

    private static void ValidateInterface(Interface nic, string path, HashSet<string> networkNames, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(nic.Name))
        {
            errors.Required($"{path}.name", "every interface needs a name");
        }
        else if (!networkNames.Contains(nic.Name))
        {
            errors.Add($"{path}.name", $"interface \"{nic.Name}\" has no network of that name");
        }

        var bindings = (nic.Masquerade is null ? 0 : 1) + (nic.Bridge is null ? 0 : 1);
        if (bindings != 1)
        {
            errors.Add(path, bindings == 0
                ? "needs a binding: set masquerade: {} or bridge: {}"
                : "may set only one of masquerade or bridge");
        }

        if (nic.Model is { } model && !s_models.Contains(model))
        {
            errors.Unsupported($"{path}.model", model, s_models);
        }

        if (nic.MacAddress is { } mac)
        {
            ValidateMac(mac, $"{path}.macAddress", errors);
        }

        if (nic.Ports is { Count: > 0 } ports)
        {
            if (nic.Masquerade is null)
            {
                errors.Add($"{path}.ports", "only a masquerade interface forwards ports");
            }

            ValidatePorts(ports, $"{path}.ports", errors);
        }
    }

    private static void ValidatePorts(IList<Port> ports, string path, FieldErrors errors)
    {
        var seen = new HashSet<(int, string)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var protocol = port.Protocol ?? ApiDefaults.PortProtocol;
            if (port.Number is < 1 or > 65535)
            {
                errors.Add($"{path}[{i}].port", $"Invalid value: {port.Number}: must be between 1 and 65535");
            }

            if (!s_protocols.Contains(protocol))
            {
                errors.Unsupported($"{path}[{i}].protocol", protocol, s_protocols);
            }
            else if (!seen.Add((port.Number, protocol)))
            {
                errors.Add($"{path}[{i}].port", $"duplicate port {port.Number}/{protocol}");
            }
        }
    }

    private static void ValidateMac(string mac, string path, FieldErrors errors)
    {
        if (!MacAddress().IsMatch(mac))
        {
            errors.Add(path, $"Invalid value: \"{mac}\": must be a MAC address of six hex pairs, such as 02:00:00:00:00:01");
            return;
        }

        // A multicast address (low bit of the first octet set) cannot be a NIC's own address.
        var firstOctet = int.Parse(mac.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if ((firstOctet & 1) == 1)
        {
            errors.Add(path, $"Invalid value: \"{mac}\": is a multicast address; the first octet must be even");
        }
    }

    [GeneratedRegex(NamePatterns.MacAddress)]
    private static partial Regex MacAddress();
}
