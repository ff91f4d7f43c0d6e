using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A source of data for a disk; exactly one source is set.</summary>
public sealed record Volume
{
    [RequiredField, Doc("The volume's name; disks refer to it.")]
    [Pattern(NamePatterns.Dns1123Label)]
    public string Name { get; init; } = "";

    [Doc("An ephemeral disk from a container image; writes are lost when the instance stops.")]
    public ContainerDiskSource? ContainerDisk { get; init; }

    [Doc("A NoCloud cloud-init seed disk (label cidata).")]
    public CloudInitNoCloudSource? CloudInitNoCloud { get; init; }

    [Doc("A blank, ephemeral disk of the given capacity.")]
    public EmptyDiskSource? EmptyDisk { get; init; }

    [Doc("A PersistentVolumeClaim. Not supported yet.")]
    public PersistentVolumeClaimSource? PersistentVolumeClaim { get; init; }

    [Doc("A disk image on the node. Not supported yet.")]
    public HostDiskSource? HostDisk { get; init; }
}
