using System.Net;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Hosting;

/// <summary>The agent's settings, from its command line.</summary>
internal sealed record AgentOptions
{
    /// <summary>The node this agent serves; required.</summary>
    public required string Node { get; init; }

    /// <summary>The kubeconfig file; null means $KUBECONFIG, else the in-cluster service account.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubelet's root directory, holding pods/UID/volumes; default /var/lib/kubelet.</summary>
    public string KubeletRoot { get; init; } = "/var/lib/kubelet";

    /// <summary>
    /// Where the agent puts short links to launcher sockets whose kubelet path is too long for a unix socket address;
    /// default /run/vmaddon-agent (node-local tmpfs).
    /// </summary>
    public string SocketLinkDir { get; init; } = "/run/vmaddon-agent";

    /// <summary>Where guests run; default QEMU behind each launcher's libvirtd.</summary>
    public GuestHypervisor Hypervisor { get; init; } = GuestHypervisor.Qemu;

    /// <summary>KVM or TCG; default auto (the launcher's probe decides once at startup).</summary>
    public EmulationMode Emulation { get; init; } = EmulationMode.Auto;

    /// <summary>The launcher binary whose probe-kvm answers auto; default vmaddon-launcher on PATH.</summary>
    public string Launcher { get; init; } = "vmaddon-launcher";

    /// <summary>How long the launcher's probe-kvm may take before the agent gives up on it (and assumes TCG); 60 s, its own deadline being 10 s.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where /metrics, /healthz and /readyz listen; null serves none (the default).</summary>
    public IPEndPoint? MetricsListen { get; init; }

    /// <summary>How often the node's heartbeat is written; default 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Concurrent VMI reconciles; default 4 (libvirt calls block a thread each).</summary>
    public int Workers { get; init; } = 4;
}
