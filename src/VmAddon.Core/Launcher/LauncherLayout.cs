using System.Security.Cryptography;
using System.Text;

namespace VmAddon.Core.Launcher;

/// <summary>
/// Where things live inside a launcher Pod. The Pod renderer mounts volumes at these paths and
/// the domain renderer points libvirt at them, so both read from this one place.
/// </summary>
public static class LauncherLayout
{
    /// <summary>The launcher's main container, named as KubeVirt names it.</summary>
    public const string ComputeContainerName = "compute";

    /// <summary>The launcher's sidecar that follows the guest's serial log, named as KubeVirt names it: kubectl logs -c guest-console-log.</summary>
    public const string GuestConsoleLogContainerName = "guest-console-log";

    /// <summary>The launcher's subcommand the guest-console-log container runs.</summary>
    public const string GuestConsoleLogCommand = "guest-console-log";

    /// <summary>emptyDir volume: XDG_RUNTIME_DIR of the pod's libvirt daemon; the agent finds the socket here.</summary>
    public const string LibvirtRuntimeVolume = "libvirt-runtime";

    public const string LibvirtRuntimeDir = "/var/run/vmaddon/libvirt";

    /// <summary>The libvirt session socket, relative to the runtime volume (libvirt's own layout under XDG_RUNTIME_DIR).</summary>
    public const string LibvirtSocketRelativePath = "libvirt/libvirt-sock";

    public const string LibvirtSocketPath = LibvirtRuntimeDir + "/" + LibvirtSocketRelativePath;

    /// <summary>The file the launcher writes, relative to the runtime volume, once its libvirt daemon answers: a readiness probe checks it.</summary>
    public const string LauncherReadyMarkerRelativePath = "vmaddon-launcher-ready";

    /// <summary>emptyDir volume: the daemon's config and cache, the serial console socket and log, cloud-init seeds, EFI variables.</summary>
    public const string PrivateVolume = "private";

    public const string PrivateDir = "/var/run/vmaddon-private";

    public const string XdgConfigHome = PrivateDir + "/config";

    public const string XdgCacheHome = PrivateDir + "/cache";

    /// <summary>The serial console's unix socket; kubectl vm console attaches here.</summary>
    public const string SerialSocketPath = PrivateDir + "/serial0";

    /// <summary>Everything the guest wrote to its serial port, kept for logs.</summary>
    public const string SerialLogPath = PrivateDir + "/serial0.log";

    /// <summary>emptyDir volume: the writable qcow2 overlays of containerDisks, and emptyDisks.</summary>
    public const string EphemeralDisksVolume = "ephemeral-disks";

    public const string EphemeralDisksDir = "/var/run/vmaddon-ephemeral-disks";

    /// <summary>Image volume holding a kernelBoot container's kernel and initrd.</summary>
    public const string KernelBootVolume = "kernel-boot";

    public const string KernelBootDir = "/var/run/vmaddon/kernel-boot";

    private const string ContainerDisksDir = "/var/run/vmaddon/container-disks";

    private const string CloudInitSourcesDir = "/var/run/vmaddon/cloud-init";

    private const string CloudInitIsoDir = PrivateDir + "/cloud-init";

    /// <summary>The NoCloud meta-data file in <see cref="CloudInitSourceDir"/>; cloud-init's NoCloud name for it.</summary>
    public const string CloudInitMetaDataFile = "meta-data";

    /// <summary>The NoCloud user-data file in <see cref="CloudInitSourceDir"/>, present when the user data is given inline or as base64.</summary>
    public const string CloudInitUserDataFile = "user-data";

    /// <summary>The NoCloud network-config file in <see cref="CloudInitSourceDir"/>, present when the network data is given inline or as base64.</summary>
    public const string CloudInitNetworkConfigFile = "network-config";

    /// <summary>
    /// The Secret keys that may hold user data, in the order the launcher tries them. KubeVirt accepts both
    /// spellings, so the Pod projects each under its own name and the launcher picks the one that exists.
    /// </summary>
    public static readonly IReadOnlyList<string> CloudInitUserDataSecretKeys = ["userdata", "userData"];

    /// <summary>The Secret keys that may hold network data, in the order the launcher tries them (KubeVirt's spellings).</summary>
    public static readonly IReadOnlyList<string> CloudInitNetworkDataSecretKeys = ["networkdata", "networkData"];

    /// <summary>Kubernetes volume names are RFC 1123 labels of at most 63 characters.</summary>
    private const int MaxVolumeNameLength = 63;

    /// <summary>Where the containerDisk image of volume <paramref name="volume"/> is mounted, read-only.</summary>
    public static string ContainerDiskMountDir(string volume) => $"{ContainerDisksDir}/{volume}";

    /// <summary>The writable overlay whose backing file is the containerDisk of volume <paramref name="volume"/>.</summary>
    public static string ContainerDiskOverlayPath(string volume) => $"{EphemeralDisksDir}/container-disk-{volume}.qcow2";

    /// <summary>The blank image of emptyDisk volume <paramref name="volume"/>.</summary>
    public static string EmptyDiskPath(string volume) => $"{EphemeralDisksDir}/empty-disk-{volume}.qcow2";

    /// <summary>Where the cloud-init files (meta-data, user-data, network-config) of volume <paramref name="volume"/> are projected.</summary>
    public static string CloudInitSourceDir(string volume) => $"{CloudInitSourcesDir}/{volume}";

    /// <summary>The NoCloud seed image the launcher builds from <see cref="CloudInitSourceDir"/>.</summary>
    public static string CloudInitIsoPath(string volume) => $"{CloudInitIsoDir}/{volume}.iso";

    /// <summary>The Pod volume name for a VMI volume, kept a valid label however long the VMI volume's name is.</summary>
    public static string PodVolumeName(string prefix, string volume)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(volume);
        var name = $"{prefix}-{volume}";
        if (name.Length <= MaxVolumeNameLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(volume)))[..8];
        return $"{name[..(MaxVolumeNameLength - 9)].TrimEnd('-')}-{hash}";
    }
}
