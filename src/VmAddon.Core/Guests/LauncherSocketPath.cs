using VmAddon.Core.Launcher;

namespace VmAddon.Core.Guests;

/// <summary>Where the agent finds a launcher pod's libvirt socket on the node: inside the pod's emptyDir in the kubelet's pod directory.</summary>
public static class LauncherSocketPath
{
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
}
