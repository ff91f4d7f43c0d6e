using System.Net;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>How a node's kubelet API listens and paces exec sessions.</summary>
public sealed record KubeletServerOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="KubeletServer.Endpoint"/>). Publish it as the Node's InternalIP and kubeletEndpoint.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>With a tty, how long to wait for the client's first terminal size before starting the command anyway.</summary>
    public TimeSpan FirstResizeWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After the command exits, how long its output may still flow before the status is sent (a background child may hold the pipes open).</summary>
    public TimeSpan OutputDrainWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>After sending its close, how long to wait for the client's.</summary>
    public TimeSpan CloseWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a followed log is checked for new records.</summary>
    public TimeSpan LogPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws when a value cannot work.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Listen);
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstResizeWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(OutputDrainWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(CloseWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LogPollInterval, TimeSpan.Zero);
    }
}
