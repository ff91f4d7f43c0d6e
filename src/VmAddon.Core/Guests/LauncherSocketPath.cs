using System.Text;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Guests;

/// <summary>Where the agent finds a launcher pod's libvirt socket on the node: inside the pod's emptyDir in the kubelet's pod directory.</summary>
/// <remarks>
/// Under /var/lib/kubelet that path is about 127 bytes, longer than a unix socket address holds (107 and a NUL), so the
/// agent connects through a short symbolic link to the socket's directory instead: the kernel follows links in a
/// socket path, and only the address given to connect() must be short.
/// </remarks>
public static class LauncherSocketPath
{
    /// <summary>sun_path holds 108 bytes with its terminating NUL.</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>The socket's file name in its directory.</summary>
    public static string FileName => LauncherLayout.LibvirtSocketRelativePath[(LauncherLayout.LibvirtSocketRelativePath.LastIndexOf('/') + 1)..];

    /// <summary><c>KUBELET_ROOT/pods/POD_UID/volumes/kubernetes.io~empty-dir/libvirt-runtime/libvirt/libvirt-sock</c>.</summary>
    public static string For(string kubeletRoot, string podUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(kubeletRoot);
        ArgumentException.ThrowIfNullOrEmpty(podUid);
        return string.Join('/', kubeletRoot.TrimEnd('/'), "pods", podUid, "volumes", "kubernetes.io~empty-dir",
            LauncherLayout.LibvirtRuntimeVolume, LauncherLayout.LibvirtSocketRelativePath);
    }

    /// <summary>The session-daemon URI root uses to drive the pod's non-root libvirtd.</summary>
    public static string Uri(string socketPath) => $"qemu+unix:///session?socket={socketPath}";

    /// <summary>True when <paramref name="socketPath"/> fits a unix socket address as it is.</summary>
    public static bool Fits(string socketPath) => Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathBytes;

    /// <summary>The short link, in <paramref name="linkDir"/>, that stands for the directory of pod <paramref name="podUid"/>'s socket.</summary>
    public static string Link(string linkDir, string podUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(linkDir);
        ArgumentException.ThrowIfNullOrEmpty(podUid);
        return $"{linkDir.TrimEnd('/')}/{podUid}";
    }

    /// <summary>True when links in <paramref name="linkDir"/> give socket paths that fit, for pod uids of 36 characters.</summary>
    public static bool LinkDirFits(string linkDir) => Fits($"{Link(linkDir, new string('0', 36))}/{FileName}");
}
