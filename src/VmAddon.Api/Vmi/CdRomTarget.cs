using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>How a disk is attached as a CD-ROM.</summary>
public sealed record CdRomTarget
{
    [Doc("The bus: sata or scsi. Defaults to sata.")]
    [EnumValues(DiskBus.Sata, DiskBus.Scsi)]
    public string? Bus { get; init; }

    [Doc("Attach read-only. Defaults to true.")]
    public bool? Readonly { get; init; }
}
