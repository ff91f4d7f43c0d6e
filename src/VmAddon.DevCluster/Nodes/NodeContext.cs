using k8s;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Nodes;

/// <summary>What every pod worker of one node shares: the client, the node's name, layout, images, network and clock.</summary>
internal sealed record NodeContext(
    IKubernetes Client,
    string NodeName,
    PodPaths Paths,
    ImageMap Images,
    NodeBridge Bridge,
    NodeRunnerOptions Options,
    TimeProvider Time,
    ILogger Log)
{
    /// <summary>The node's InternalIP: its bridge's address.</summary>
    public string HostIp => Bridge.Gateway;
}
