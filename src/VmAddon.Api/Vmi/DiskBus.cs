namespace VmAddon.Api;

/// <summary>The buses a disk or CD-ROM can sit on.</summary>
public static class DiskBus
{
    public const string Virtio = "virtio";
    public const string Sata = "sata";
    public const string Scsi = "scsi";
}
