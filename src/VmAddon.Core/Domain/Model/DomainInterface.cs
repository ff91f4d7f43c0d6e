namespace VmAddon.Core.Domain;

/// <summary>A libvirt-managed network interface attached to a host bridge.</summary>
public sealed record DomainInterface
{
    /// <summary>The bridge inside the launcher Pod, see <see cref="PodBridge.Name"/>.</summary>
    public required string SourceBridge { get; init; }

    /// <summary>libvirt's NIC model, for example <c>virtio</c> or <c>e1000</c>.</summary>
    public required string Model { get; init; }

    public string? MacAddress { get; init; }

    public int? BootOrder { get; init; }

    /// <summary>The user alias (<c>ua-</c> + interface name).</summary>
    public required string Alias { get; init; }
}
