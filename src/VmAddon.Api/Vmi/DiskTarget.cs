using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>How a disk is attached as a hard disk.</summary>
public sealed record DiskTarget
{
    [Doc("The bus: virtio, sata or scsi. Defaults to virtio.")]
    [EnumValues(DiskBus.Virtio, DiskBus.Sata, DiskBus.Scsi)]
    public string? Bus { get; init; }

    [Doc("Attach read-only.")]
    public bool? Readonly { get; init; }
}
