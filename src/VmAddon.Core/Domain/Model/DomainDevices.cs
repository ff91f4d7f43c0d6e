namespace VmAddon.Core.Domain;

/// <summary>The <c>&lt;devices&gt;</c> block.</summary>
public sealed record DomainDevices
{
    public IReadOnlyList<DomainDisk> Disks { get; init; } = [];

    public IReadOnlyList<DomainController> Controllers { get; init; } = [];

    /// <summary>Interfaces libvirt manages; masquerade interfaces live in <see cref="DomainDefinition.QemuArguments"/> instead.</summary>
    public IReadOnlyList<DomainInterface> Interfaces { get; init; } = [];

    /// <summary>The serial console; null when the VMI turns it off.</summary>
    public SerialDevice? Serial { get; init; }

    /// <summary>Add a virtio memory balloon; when false the writer renders <c>model='none'</c>, because libvirt otherwise adds one.</summary>
    public bool MemBalloon { get; init; }

    public RngDevice? Rng { get; init; }
}
