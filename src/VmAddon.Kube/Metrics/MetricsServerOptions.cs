using System.Net;

namespace VmAddon.Kube.Metrics;

/// <summary>Where the /metrics, /healthz and /readyz endpoints listen.</summary>
public sealed record MetricsServerOptions
{
    /// <summary>The address to bind; default any IPv4 address, so Prometheus in the cluster can scrape the pod.</summary>
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>The port; default 8443, KubeVirt's metrics port. 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 8443;

    /// <summary>Throws when the port is outside 0–65535.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
    }
}
