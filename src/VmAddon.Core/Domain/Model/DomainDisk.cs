namespace VmAddon.Core.Domain;

/// <summary>A file-backed disk or CD-ROM.</summary>
public sealed record DomainDisk
{
    /// <summary><c>disk</c> or <c>cdrom</c>.</summary>
    public required string Device { get; init; }

    /// <summary>The image format: <c>qcow2</c> or <c>raw</c>.</summary>
    public required string Format { get; init; }

    /// <summary>libvirt's cache mode (<c>none</c>, <c>writethrough</c>, <c>writeback</c>); null leaves libvirt's default.</summary>
    public string? Cache { get; init; }

    public required string SourceFile { get; init; }

    /// <summary>The guest device name, for example <c>vda</c> or <c>sda</c>.</summary>
    public required string TargetDev { get; init; }

    /// <summary><c>virtio</c>, <c>sata</c> or <c>scsi</c>.</summary>
    public required string Bus { get; init; }

    public bool ReadOnly { get; init; }

    public string? Serial { get; init; }

    public int? BootOrder { get; init; }

    /// <summary>The user alias (<c>ua-</c> + disk name) that ties the device back to the VMI's disk.</summary>
    public required string Alias { get; init; }
}
