using System.Net;
using VmAddon.Controller.Nodes;
using VmAddon.Core.Launcher;

namespace VmAddon.Controller.Hosting;

/// <summary>vmaddon-controller's settings, from its command line; each default is documented where it is declared.</summary>
public sealed record ControllerOptions
{
    /// <summary>The Lease the replicas compete for.</summary>
    public const string LeaseName = "vmaddon-controller";

    /// <summary>The kubeconfig file; null uses $KUBECONFIG, else the in-cluster service account.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Where /metrics, /healthz and /readyz listen: all addresses, port 8443 (KubeVirt's metrics port).</summary>
    public IPEndPoint MetricsListen { get; init; } = new(IPAddress.Any, 8443);

    /// <summary>Whether to compete for the Lease before acting: true, so that a second replica stays idle.</summary>
    public bool LeaderElect { get; init; } = true;

    /// <summary>The Lease's namespace: default (the Deployment's namespace is usual in real clusters).</summary>
    public string LeaderElectionNamespace { get; init; } = "default";

    /// <summary>The Lease timings; client-go's defaults (15 s, 10 s, 2 s). Tests shorten them.</summary>
    public LeaseTimings Lease { get; init; } = new();

    /// <summary>The node controller's timeouts (node NotReady 40 s, heartbeat 2 min).</summary>
    public NodeControllerOptions Nodes { get; init; } = new();

    /// <summary>How launcher pods are rendered; --software-emulation and --launcher-image set parts of it.</summary>
    public LauncherPodOptions Launcher { get; init; } = new();

    /// <summary>Workers per controller: 2, enough for a small cluster on a 2-core controller pod.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Every problem, each naming its command-line option; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Workers < 1)
        {
            errors.Add($"--workers: must be at least 1, not {Workers}");
        }

        if (MetricsListen.Port is < 0 or > 65535)
        {
            errors.Add($"--metrics-listen: port {MetricsListen.Port} is outside 0-65535");
        }

        if (string.IsNullOrWhiteSpace(LeaderElectionNamespace))
        {
            errors.Add("--leader-election-namespace: must not be empty");
        }

        if (Nodes.NodeMonitorTimeout <= TimeSpan.Zero)
        {
            errors.Add("--node-monitor-timeout: must be positive");
        }

        if (Nodes.HeartbeatTimeout <= TimeSpan.Zero)
        {
            errors.Add("--heartbeat-timeout: must be positive");
        }

        if (Kubeconfig is { } file && !File.Exists(file))
        {
            errors.Add($"--kubeconfig: {file} does not exist");
        }

        errors.AddRange(Launcher.Validate().Select(e => "--launcher-image: " + e));
        return errors;
    }
}
