namespace VmAddon.DevCluster.Nodes;

/// <summary>Where a node keeps a pod's files, in the kubelet's layout under the node's own directory.</summary>
/// <param name="NodeRoot">The node's directory, <c>DIR/NODE</c>.</param>
public sealed record PodPaths(string NodeRoot)
{
    /// <summary>Every pod's directory lives under this one: <c>NODE/kubelet/pods</c>.</summary>
    public string PodsRoot => Path.Combine(NodeRoot, "kubelet", "pods");

    public string Pod(string uid) => Path.Combine(PodsRoot, uid);

    /// <summary>A volume's directory: <c>NODE/kubelet/pods/UID/volumes/kubernetes.io~empty-dir/NAME</c>, and likewise for the other plugins.</summary>
    public string Volume(string uid, string plugin, string name) => Path.Combine(Pod(uid), "volumes", $"kubernetes.io~{plugin}", name);

    /// <summary>A container's log file for one run, as /var/log/pods lays them out: <c>NODE/logs/pods/NS_NAME_UID/CONTAINER/RESTARTS.log</c>.</summary>
    public string Log(string ns, string name, string uid, string container, int restartCount) =>
        Path.Combine(NodeRoot, "logs", "pods", $"{ns}_{name}_{uid}", container, $"{restartCount}.log");

    /// <summary>A hostPath volume lives under the node's own root, so two nodes on one machine share nothing unless asked.</summary>
    public string HostPath(string path) => Path.Combine(NodeRoot, "rootfs", path.TrimStart('/'));
}
