using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The guest's devices.</summary>
public sealed record Devices
{
    [ListMapKey("name"), Doc("Disks; each names a volume.")]
    public IList<Disk>? Disks { get; init; }

    [ListMapKey("name"), Doc("Network interfaces; each names a network.")]
    public IList<Interface>? Interfaces { get; init; }

    [Doc("Add a pod network interface when none is listed. Defaults to true.")]
    public bool? AutoattachPodInterface { get; init; }

    [Doc("Add a serial console. Defaults to true.")]
    public bool? AutoattachSerialConsole { get; init; }

    [Doc("Add a memory balloon device. Defaults to true.")]
    public bool? AutoattachMemBalloon { get; init; }

    [Doc("Add a virtio random number generator fed by the host's /dev/urandom.")]
    public Rng? Rng { get; init; }
}
