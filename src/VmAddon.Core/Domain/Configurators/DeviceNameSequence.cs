using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>
/// Hands out guest device names in disk order per name family: vda, vdb, … for virtio and sda, sdb, … shared
/// by sata and scsi. libvirt derives each disk's controller and unit from this name, so sata and scsi
/// disks must not share one.
/// </summary>
internal sealed class DeviceNameSequence
{
    private const int Letters = 26;

    private int _virtio;
    private int _sd;

    public string Next(string bus) => bus == DiskBus.Virtio
        ? "vd" + Suffix(_virtio++)
        : "sd" + Suffix(_sd++);

    /// <summary>The bijective base-26 suffix libvirt parses: a … z, aa … az, ba ….</summary>
    internal static string Suffix(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / Letters)
        {
            letters = (char)('a' + ((n - 1) % Letters)) + letters;
        }

        return letters;
    }
}
