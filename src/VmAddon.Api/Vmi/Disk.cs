using System.Text.Json.Serialization;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A disk the guest sees; exactly one of disk and cdrom is set.</summary>
public sealed record Disk
{
    [RequiredField, Doc("The disk's name; a volume of the same name backs it.")]
    [Pattern(NamePatterns.Dns1123Label)]
    public string Name { get; init; } = "";

    [JsonPropertyName("disk"), Doc("Attach as a hard disk.")]
    public DiskTarget? DiskTarget { get; init; }

    [Doc("Attach as a CD-ROM.")]
    public CdRomTarget? Cdrom { get; init; }

    [Bounds(1), Doc("The boot order; lower boots first. Disks without one do not boot.")]
    public int? BootOrder { get; init; }

    [Doc("The serial number the guest sees.")]
    [Pattern("^[A-Za-z0-9_.+-]+$")]
    public string? Serial { get; init; }

    [Doc("The host cache mode.")]
    [EnumValues(DiskCache.None, DiskCache.WriteThrough, DiskCache.WriteBack)]
    public string? Cache { get; init; }
}
